/** A queue of writes that a store commits in batches; see {@link createGroupCommit}. */
export interface GroupCommit<T, R> {
  /** Queues `item`; resolves with its own result once its batch is committed, or rejects with the batch's error. */
  add(item: T): Promise<R>;
  /** Resolves once nothing is queued or being written (before closing the store). */
  idle(): Promise<void>;
}

/**
 * Group commit. Items that arrive while `maxInFlight` batches are being written wait, and go together
 * into the next batch: the busier the store, the larger its batches and the fewer its commits (one
 * round trip and one flush of the log for many posts). When nothing is being written, the items of the
 * current turn of the event loop form a batch at its end. `write` answers one result per item, in order;
 * when it fails, the items of that batch fail, and no others.
 */
export function createGroupCommit<T, R>(write: (items: readonly T[]) => Promise<readonly R[]> | readonly R[], maxInFlight = 1): GroupCommit<T, R> {
  type Job = { item: T; resolve: (result: R) => void; reject: (error: unknown) => void };
  let waiting: Job[] = [];
  let inFlight = 0;
  let scheduled = false;
  let whenIdle: (() => void)[] = [];

  const schedule = () => {
    if (scheduled || !waiting.length || inFlight >= maxInFlight) {
      if (!waiting.length && !inFlight) for (const resolve of whenIdle.splice(0)) resolve();
      return;
    }
    scheduled = true;
    setImmediate(writeNext);
  };
  async function writeNext() {
    scheduled = false;
    const jobs = waiting;
    waiting = [];
    inFlight++;
    try {
      const results = await write(jobs.map((job) => job.item));
      jobs.forEach((job, i) => job.resolve(results[i]!));
    } catch (error) {
      for (const job of jobs) job.reject(error);
    } finally {
      inFlight--;
      schedule();
    }
  }

  return {
    add: (item) =>
      new Promise<R>((resolve, reject) => {
        waiting.push({ item, resolve, reject });
        schedule();
      }),
    idle: () => (!waiting.length && !inFlight ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
  };
}
