import type { OutboxItem, OutboxStorage } from './outbox-item.js';

/** Keeps waiting feedback in `localStorage` under one key: the fallback where IndexedDB fails. */
export function createLocalStorageStorage(key = 'hearken:outbox'): OutboxStorage {
  // Touch it now, so a blocked localStorage (some private modes, sandboxed iframes) fails here.
  localStorage.getItem(key);
  const read = (): Record<string, OutboxItem> => JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, OutboxItem>;
  const write = (items: Record<string, OutboxItem>) =>
    Object.keys(items).length ? localStorage.setItem(key, JSON.stringify(items)) : localStorage.removeItem(key);
  return {
    list: async () => Object.values(read()),
    get: async (id) => read()[id],
    put: async (item) => write({ ...read(), [item.id]: item }),
    delete: async (id) => {
      const items = read();
      delete items[id];
      write(items);
    },
  };
}
