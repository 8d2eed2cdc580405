import type { OutboxItem, OutboxStorage } from './outbox-item.js';

/** Keeps waiting feedback in memory: gone with the process or page. The default in Node. */
export function createMemoryStorage(): OutboxStorage {
  const items = new Map<string, OutboxItem>();
  return {
    list: async () => [...items.values()].map((item) => ({ ...item })),
    get: async (id) => (items.has(id) ? { ...items.get(id)! } : undefined),
    put: async (item) => void items.set(item.id, { ...item }),
    delete: async (id) => void items.delete(id),
  };
}
