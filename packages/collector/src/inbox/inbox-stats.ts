import { firstTeamReplyAt, isOverdue } from '../follow-up/answer-targets.js';
import type { StoredFeedback } from '../storage/feedback-storage.js';

/** How one group of feedback is being answered. */
export interface AnswerStats {
  total: number;
  /** No team reply yet (notes do not count). */
  unanswered: number;
  overdue: number;
  /** Median minutes from receipt to the first team reply, over those answered; `null` when none is. */
  medianFirstReplyMinutes: number | null;
}

/** `GET /inbox/stats.json`: both audiences side by side, then per team (with routes) and per department (where known). */
export interface InboxStats {
  external: AnswerStats;
  internal: AnswerStats;
  teams: Record<string, AnswerStats>;
  departments: Record<string, AnswerStats>;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const value = sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value * 10) / 10;
}

function statsOf(records: readonly StoredFeedback[], targetOf: (record: StoredFeedback) => number, now: number): AnswerStats {
  const minutes: number[] = [];
  let overdue = 0;
  for (const record of records) {
    const first = firstTeamReplyAt(record);
    if (first !== undefined) minutes.push((first - Date.parse(record.receivedAt)) / 60_000);
    if (isOverdue(record, targetOf(record), now)) overdue++;
  }
  return { total: records.length, unanswered: records.length - minutes.length, overdue, medianFirstReplyMinutes: median(minutes) };
}

function groups(records: readonly StoredFeedback[], keyOf: (record: StoredFeedback) => string | undefined): Map<string, StoredFeedback[]> {
  const map = new Map<string, StoredFeedback[]>();
  for (const record of records) {
    const key = keyOf(record);
    if (key !== undefined) map.set(key, [...(map.get(key) ?? []), record]);
  }
  return map;
}

/** Answer statistics of `records` (spam left out) at `now`. */
export function inboxStats(
  records: readonly StoredFeedback[],
  targetOf: (record: StoredFeedback) => number,
  teamOf: (record: StoredFeedback) => string | undefined,
  now = Date.now(),
): InboxStats {
  const real = records.filter((r) => !r.spam);
  const each = (map: Map<string, StoredFeedback[]>) => Object.fromEntries([...map].sort(([a], [b]) => a.localeCompare(b)).map(([key, items]) => [key, statsOf(items, targetOf, now)]));
  return {
    external: statsOf(real.filter((r) => r.feedback.audience === 'external'), targetOf, now),
    internal: statsOf(real.filter((r) => r.feedback.audience === 'internal'), targetOf, now),
    teams: each(groups(real, teamOf)),
    departments: each(groups(real, (r) => r.feedback.user?.department)),
  };
}
