import type { DeliveryEvent, DropReason } from '../client-options.js';
import { withLock } from '../outbox/lock.js';
import type { OutboxItem } from '../outbox/outbox-item.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Attempt, Outcome } from './attempt.js';
import { backoffDelay, isExpired, type RetryOptions } from './retry-policy.js';

/** What follows from an attempt's outcome: the item is done (sent or rejected), given up, or kept for later. */
export type Settlement = { action: 'done' } | { action: 'drop'; reason: DropReason } | { action: 'keep'; item: OutboxItem };

/** The delivery rule for one item after one attempt; pure, so it is tested on its own. */
export function settle(item: OutboxItem, outcome: Outcome, retry: Required<RetryOptions>, now: number, random = Math.random): Settlement {
  if (outcome.kind !== 'retry') return { action: 'done' };
  const attempts = item.attempts + (outcome.counted ? 1 : 0);
  if (attempts >= retry.attempts) return { action: 'drop', reason: 'attempts' };
  if (isExpired(item, retry, now)) return { action: 'drop', reason: 'expired' };
  const retryAfter = outcome.retryAfter ?? 0;
  const wait = Math.max(backoffDelay(Math.max(attempts, 1), retry, random), retryAfter);
  const kept: OutboxItem = { ...item, attempts, nextAttemptAt: now + wait, notBefore: now + retryAfter };
  if (outcome.floor) kept.notBeforeIsFloor = true;
  else delete kept.notBeforeIsFloor;
  return { action: 'keep', item: kept };
}

const lockName = (id: string) => `hearken:outbox:${id}`;

export interface SchedulerOptions {
  outbox: Outbox;
  attempt: Attempt;
  retry: Required<RetryOptions>;
  onDelivery?: (event: DeliveryEvent) => void;
  /** Whether a timer delivers waiting items by itself. */
  autoFlush: boolean;
}

/**
 * Runs attempts for the outbox of one endpoint: one item at a time under its lock, settles each
 * outcome, and keeps a timer for the next item due.
 */
export class Scheduler {
  readonly #options: SchedulerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(options: SchedulerOptions) {
    this.#options = options;
  }

  /** Stores a new item and makes its first attempt, under its lock; `undefined` when another holder has the lock. */
  async sendNew(item: OutboxItem): Promise<{ outcome: Outcome; stored: boolean } | undefined> {
    // The lock is taken before the item is stored, so no flush elsewhere can pick it up first.
    let stored = false;
    const locked = await withLock(lockName(item.id), async () => this.#attemptAndSettle(item, (stored = await this.#options.outbox.add(item))));
    if (!locked.acquired) return undefined;
    if (locked.value.kind === 'retry' && stored) void this.schedule();
    return { outcome: locked.value, stored };
  }

  /** Tries every item whose `Retry-After` has passed. */
  flush = (): Promise<void> => this.#run((item, now) => item.notBefore <= now);

  /** Sets the timer for the next item due. */
  async schedule(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#closed || !this.#options.autoFlush) return;
    const items = await this.#options.outbox.list();
    if (!items.length) return;
    const due = (item: OutboxItem) => Math.max(item.nextAttemptAt, item.notBefore);
    const next = Math.min(...items.map(due));
    this.#timer = setTimeout(() => void this.#run((item, now) => due(item) <= now), Math.max(0, next - Date.now()));
    (this.#timer as { unref?: () => void }).unref?.();
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  async #run(due: (item: OutboxItem, now: number) => boolean): Promise<void> {
    const { outbox, onDelivery } = this.#options;
    for (const item of await outbox.list()) {
      if (this.#closed) return;
      if (!due(item, Date.now())) continue;
      const outcome = await this.#deliver(item);
      if (outcome?.kind === 'sent') onDelivery?.({ id: item.id, status: 'sent' });
      if (outcome?.kind === 'rejected') onDelivery?.({ id: item.id, status: 'rejected', error: outcome.error });
    }
    await this.schedule();
  }

  /**
   * Delivers a stored item under its lock, so no other tab or instance sends it at the same time;
   * re-read inside the lock, since someone may have delivered it meanwhile (then `undefined`).
   */
  async #deliver(item: OutboxItem): Promise<Outcome | undefined> {
    const locked = await withLock(lockName(item.id), async () => {
      const current = await this.#options.outbox.get(item.id);
      if (!current) return undefined;
      if (isExpired(current, this.#options.retry, Date.now())) {
        await this.#drop(current, 'expired');
        return undefined;
      }
      return this.#attemptAndSettle(current, true);
    });
    return locked.acquired ? locked.value : undefined;
  }

  async #drop(item: OutboxItem, reason: DropReason, error?: DeliveryEvent['error']): Promise<void> {
    await this.#options.outbox.remove(item.id);
    this.#options.onDelivery?.({ id: item.id, status: 'dropped', reason, ...(error && { error }) });
  }

  /** One attempt at `item`, then what follows from it: removed, rescheduled, or given up. */
  async #attemptAndSettle(item: OutboxItem, stored: boolean): Promise<Outcome> {
    const { outbox, attempt, retry } = this.#options;
    const outcome = await attempt(item);
    const settlement = settle(item, outcome, retry, Date.now());
    if (settlement.action === 'done' && stored) await outbox.remove(item.id);
    if (settlement.action === 'drop') await this.#drop(item, settlement.reason, outcome.kind === 'retry' ? outcome.error : undefined);
    if (settlement.action === 'keep' && stored) await outbox.put(settlement.item);
    return outcome;
  }
}
