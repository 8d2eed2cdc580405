import { formatDuration, parseDuration } from '../duration.js';
import type { AuditEntry, FeedbackStorage } from '../storage/feedback-storage.js';
import { withoutPersonalData } from './personal-data.js';

export { withoutPersonalData };

/** How long the collector keeps feedback (by when it received it). Either may be left out: kept until deleted. */
export interface Retention {
  /** Items received longer ago than this (ms) are deleted, as `DELETE /inbox/{id}` does. @example 365 * 86_400_000 */
  items?: number;
  /** After this (ms), an item's `user`, `contact`, browser string and URL query strings are erased; the feedback stays. @example 30 * 86_400_000 */
  personal?: number;
}

/** Reads a `--retention` value such as `365d`; throws an error that says what to write. */
export function parseRetention(flag: string, text: string): number {
  const duration = parseDuration(text);
  if (duration === undefined) throw new Error(`${flag} takes a time such as 365d (a whole number with s, m, h or d), not "${text}"`);
  return duration;
}

/** The retention as flags write it, for the inbox page and `/inbox.json`; `null`: kept until deleted. */
export function describeRetention(retention: Retention = {}): { deleteAfter: string | null; erasePersonalAfter: string | null } {
  return {
    deleteAfter: retention.items === undefined ? null : formatDuration(retention.items),
    erasePersonalAfter: retention.personal === undefined ? null : formatDuration(retention.personal),
  };
}

/** How many at a time: each is its own small write, so intake goes on in between. */
const BATCH = 200;

/**
 * Deletes what is past `retention.items` and erases the personal data of what is past
 * `retention.personal`, as of `now`, each recorded in the audit trail (by `retention`). Safe to run
 * on several instances at once: an item another instance handled first is skipped.
 */
export async function applyRetention(storage: FeedbackStorage, retention: Retention, now = Date.now()): Promise<{ deleted: number; erased: number }> {
  const at = new Date(now).toISOString();
  /**
   * Hands each item received more than `after` ms ago (with `personalKept`, only those whose personal
   * data is still there) to `handle`, in batches, until none is left or a batch changes nothing
   * (another instance got there first); how many `handle` changed.
   */
  const sweep = async (after: number | undefined, personalKept: boolean, handle: (id: string, entry: AuditEntry) => Promise<boolean>) => {
    if (after === undefined) return 0;
    const before = new Date(now - after).toISOString();
    const detail = `received more than ${formatDuration(after)} ago`;
    let changed = 0;
    for (let ids = await storage.receivedBefore(before, { limit: BATCH, personalKept }); ids.length; ids = await storage.receivedBefore(before, { limit: BATCH, personalKept })) {
      let progress = 0;
      for (const id of ids) {
        const entry: AuditEntry = { at, action: personalKept ? 'erase-personal' : 'delete', feedbackId: id, by: 'retention', via: 'schedule', detail };
        if (await handle(id, entry)) progress++;
      }
      changed += progress;
      if (!progress) break;
    }
    return changed;
  };
  const deleted = await sweep(retention.items, false, (id, entry) => storage.remove(id, entry));
  const erased = await sweep(retention.personal, true, async (id, entry) => {
    const stored = await storage.get(id);
    return stored !== undefined && (await storage.erasePersonal(id, withoutPersonalData(stored.feedback), at, entry));
  });
  return { deleted, erased };
}

/** A running retention: applied at start and then every `everyMs`. */
export interface RetentionSchedule {
  /** Resolves when the run at start is over: `true` when it went through, `false` when it failed (see `onError`). */
  readonly started: Promise<boolean>;
  stop(): void;
}

/**
 * Applies `retention` now and then every hour (`everyMs`), until stopped. A failed run (the
 * database away) is reported with `onError` and tried again at the next.
 */
export function startRetention(
  storage: FeedbackStorage,
  retention: Retention,
  { everyMs = 3600_000, onError = (error: unknown) => console.error(`hearken-collector: retention failed, tried again later: ${(error as Error).message}`) }: { everyMs?: number; onError?: (error: unknown) => void } = {},
): RetentionSchedule {
  const run = () =>
    applyRetention(storage, retention).then(
      () => true,
      (error: unknown) => (onError(error), false),
    );
  const started = run();
  let running: Promise<unknown> = started;
  const timer = setInterval(() => void (running = running.then(run)), everyMs);
  timer.unref();
  return { started, stop: () => clearInterval(timer) };
}
