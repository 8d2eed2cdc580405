import type { OutboxItem, OutboxStorage } from './outbox-item.js';

const STORE = 'outbox';

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Keeps waiting feedback in IndexedDB (database `hearken`), so it survives reloads and restarts. */
export function createIndexedDBStorage(name = 'hearken'): OutboxStorage {
  let database: Promise<IDBDatabase> | undefined;
  const open = () => {
    database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'id' });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new Error('IndexedDB open blocked'));
    });
    return database;
  };
  const run = async <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>) => {
    const transaction = (await open()).transaction(STORE, mode);
    const result = await done(action(transaction.objectStore(STORE)));
    if (mode === 'readwrite') {
      await new Promise<void>((resolve, reject) => {
        transaction.oncomplete = () => resolve();
        transaction.onerror = transaction.onabort = () => reject(transaction.error);
      });
    }
    return result;
  };
  return {
    list: () => run('readonly', (store) => store.getAll() as IDBRequest<OutboxItem[]>),
    get: (id) => run('readonly', (store) => store.get(id) as IDBRequest<OutboxItem | undefined>),
    put: async (item) => void (await run('readwrite', (store) => store.put(item))),
    delete: async (id) => void (await run('readwrite', (store) => store.delete(id))),
  };
}
