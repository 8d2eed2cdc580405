import type { OutboxItem, OutboxStorage } from './outbox-item.js';
import { forgetDelivered, readDelivered } from './delivered-record.js';
import { setPendingMarker } from './pending-marker.js';

/** Bounds of the outbox; when a new item does not fit, the oldest are given up first. */
export interface OutboxLimits {
  /** @default 50 */
  maxItems?: number;
  /** Total JSON bytes kept. @default 1048576 (1 MiB) */
  maxBytes?: number;
}

/**
 * Waiting feedback of one endpoint on top of a storage. Storage failures never reach the page:
 * they are reported as `false` / empty, and delivery goes on with the copy in hand.
 * A memory mirror of the items is kept in step with the store, so that the page can read them
 * synchronously as it goes away ({@link Outbox.waiting}).
 */
export class Outbox {
  readonly #storage: OutboxStorage;
  readonly #endpoint: string;
  readonly #maxItems: number;
  readonly #maxBytes: number;
  readonly #onEvict: (item: OutboxItem) => void;
  readonly #mirror = new Map<string, OutboxItem>();
  /** Told whenever the mirror is read or changed: whether any item waits. */
  onWaitingChange: (waiting: boolean) => void = () => {};

  constructor(storage: OutboxStorage, endpoint: string, limits: OutboxLimits, onEvict: (item: OutboxItem) => void) {
    this.#storage = storage;
    this.#endpoint = endpoint;
    this.#maxItems = limits.maxItems ?? 50;
    this.#maxBytes = limits.maxBytes ?? 1024 * 1024;
    this.#onEvict = onEvict;
  }

  /** Items of this endpoint, oldest first. Copies an unload send already delivered are removed, not listed. */
  async list(): Promise<OutboxItem[]> {
    let items: OutboxItem[];
    try {
      items = (await this.#storage.list()).filter((item) => item.endpoint === this.#endpoint);
    } catch {
      return [...this.#mirror.values()];
    }
    const delivered = readDelivered();
    const waiting: OutboxItem[] = [];
    for (const item of items) {
      if (delivered.has(item.id)) await this.remove(item.id);
      else waiting.push(item);
    }
    this.#mirror.clear();
    for (const item of waiting.sort((a, b) => a.queuedAt - b.queuedAt)) this.#mirror.set(item.id, item);
    this.onWaitingChange(this.#mirror.size > 0);
    return waiting;
  }

  /** What the store held at last sight, oldest first; synchronous, for the moment the page goes away. */
  waiting(): OutboxItem[] {
    return [...this.#mirror.values()].sort((a, b) => a.queuedAt - b.queuedAt);
  }

  async get(id: string): Promise<OutboxItem | undefined> {
    if (readDelivered().has(id)) {
      await this.remove(id);
      return undefined;
    }
    try {
      return await this.#storage.get(id);
    } catch {
      return undefined;
    }
  }

  /** Stores `item`, giving up the oldest items if it would not fit; `false` when it could not be stored. */
  async add(item: OutboxItem): Promise<boolean> {
    if (item.bytes > this.#maxBytes) return false;
    const items = await this.list();
    let bytes = items.reduce((sum, i) => sum + i.bytes, 0) + item.bytes;
    let count = items.length + 1;
    for (const old of items) {
      if (count <= this.#maxItems && bytes <= this.#maxBytes) break;
      await this.remove(old.id);
      this.#onEvict(old);
      count--;
      bytes -= old.bytes;
    }
    return this.put(item);
  }

  async put(item: OutboxItem): Promise<boolean> {
    try {
      await this.#storage.put(item);
      this.#mirror.set(item.id, item);
      this.onWaitingChange(true);
      setPendingMarker(true);
      return true;
    } catch {
      return false;
    }
  }

  async remove(id: string): Promise<void> {
    this.#mirror.delete(id);
    this.onWaitingChange(this.#mirror.size > 0);
    try {
      await this.#storage.delete(id);
      forgetDelivered(id);
      // The marker covers the whole store (every endpoint), so only an empty store clears it.
      setPendingMarker((await this.#storage.list()).length > 0);
    } catch {
      // The item stays; its id keeps a later copy from being stored twice by the receiver.
    }
  }
}
