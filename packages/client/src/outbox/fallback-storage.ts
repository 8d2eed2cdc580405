import { createIndexedDBStorage } from './indexeddb-storage.js';
import { createLocalStorageStorage } from './local-storage.js';
import { createMemoryStorage } from './memory-storage.js';
import type { OutboxStorage } from './outbox-item.js';

/**
 * Uses the first store that works and moves down the list for good when one throws:
 * private modes make IndexedDB fail at open, sandboxed frames block localStorage.
 */
export function createFallbackStorage(candidates: (() => OutboxStorage)[]): OutboxStorage {
  let index = 0;
  let current: OutboxStorage | undefined;
  const run = async <T>(operation: (storage: OutboxStorage) => Promise<T>): Promise<T> => {
    for (;;) {
      try {
        current ??= candidates[index]!();
        return await operation(current);
      } catch (error) {
        if (index >= candidates.length - 1) throw error;
        index++;
        current = undefined;
      }
    }
  };
  return {
    list: () => run((s) => s.list()),
    get: (id) => run((s) => s.get(id)),
    put: (item) => run((s) => s.put(item)),
    delete: (id) => run((s) => s.delete(id)),
  };
}

/** IndexedDB, then localStorage, then memory in browsers; memory elsewhere. */
export function createDefaultStorage(): OutboxStorage {
  if (typeof indexedDB === 'undefined' && typeof localStorage === 'undefined') return createMemoryStorage();
  return createFallbackStorage([() => createIndexedDBStorage(), () => createLocalStorageStorage(), createMemoryStorage]);
}
