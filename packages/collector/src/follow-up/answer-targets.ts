import type { Urgency } from '@hearken/client/schema';
import type { StoredFeedback } from '../storage/feedback-storage.js';
import { parseDuration } from '../duration.js';

/** How long (ms) a feedback may wait for the team's first answer, per urgency (`normal` when none is given). */
export type AnswerTargets = Record<Urgency, number>;

/** `high=1h,normal=2d,low=5d`. */
export const DEFAULT_ANSWER_TARGETS: AnswerTargets = { high: 3600_000, normal: 2 * 86_400_000, low: 5 * 86_400_000 };


/**
 * Answer targets from `high=1h,normal=2d,low=5d` (any of the three, in any order; the others keep
 * {@link DEFAULT_ANSWER_TARGETS}). Throws an error that names the part to fix.
 */
export function parseAnswerTargets(text: string, base: AnswerTargets = DEFAULT_ANSWER_TARGETS): AnswerTargets {
  const targets = { ...base };
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [level, value = ''] = part.split('=').map((p) => p.trim());
    if (level !== 'high' && level !== 'normal' && level !== 'low') throw new Error(`"${part}": the level is high, normal or low, e.g. high=1h`);
    const duration = parseDuration(value);
    if (duration === undefined) throw new Error(`"${part}": the time is a whole number with s, m, h or d, e.g. ${level}=2d`);
    targets[level] = duration;
  }
  return targets;
}

/** When the team first answered (a reply that is not a note), in ms since the epoch; `undefined` while unanswered. */
export function firstTeamReplyAt(record: StoredFeedback): number | undefined {
  const first = record.replies?.find((r) => r.author === 'team' && !r.internal);
  return first && Date.parse(first.createdAt);
}

/**
 * Overdue: not resolved, not spam, no team reply yet (a note is no answer), and its target time
 * since the collector received it has passed.
 */
export function isOverdue(record: StoredFeedback, targetMs: number, now: number): boolean {
  return record.status !== 'resolved' && !record.spam && firstTeamReplyAt(record) === undefined && now - Date.parse(record.receivedAt) > targetMs;
}
