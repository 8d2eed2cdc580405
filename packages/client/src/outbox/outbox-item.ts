/** One feedback waiting for delivery, as kept by an {@link OutboxStorage}. */
export interface OutboxItem {
  /** The feedback's id: the same on every attempt, and the receiver's deduplication key. */
  id: string;
  /** Where it goes. */
  endpoint: string;
  /** The JSON body, fixed when the person pressed send, so every retry carries the same bytes. */
  body: string;
  /** Size of `body` in UTF-8 bytes. */
  bytes: number;
  /** When it was stored (ms since the epoch). */
  queuedAt: number;
  /** Attempts made so far, across page loads. */
  attempts: number;
  /** Earliest time of the next automatic attempt (backoff). */
  nextAttemptAt: number;
  /** Earliest time of any attempt, set from the endpoint's `Retry-After` (or the floor when a 429/503 had none readable). */
  notBefore: number;
  /** `true` when `notBefore` is the client's own floor, not the endpoint's word: the unload send may go early. */
  notBeforeIsFloor?: boolean;
}

/**
 * Where waiting feedback is kept. Hearken ships IndexedDB, localStorage and in-memory stores;
 * give your own (a file, a database) to `createClient({ storage })`, e.g. in Node.
 * Methods may throw or reject: the outbox then carries on without the store.
 */
export interface OutboxStorage {
  list(): Promise<OutboxItem[]>;
  get(id: string): Promise<OutboxItem | undefined>;
  put(item: OutboxItem): Promise<void>;
  delete(id: string): Promise<void>;
}
