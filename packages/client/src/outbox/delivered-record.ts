/**
 * Ids of feedback an unload send (`keepalive`) delivered, written synchronously the moment its 2xx
 * is seen, in localStorage. The page may be gone before the store's copy is deleted: the next visit
 * then removes that copy instead of sending a second one.
 */
export const DELIVERED_KEY = 'hearken:delivered';

export function readDelivered(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(DELIVERED_KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function write(ids: Set<string>): void {
  try {
    if (ids.size) localStorage.setItem(DELIVERED_KEY, JSON.stringify([...ids]));
    else localStorage.removeItem(DELIVERED_KEY);
  } catch {
    // No localStorage: a later copy may arrive once more, and the receiver dedupes it by id.
  }
}

export const recordDelivered = (id: string) => write(readDelivered().add(id));

export function forgetDelivered(id: string): void {
  const ids = readDelivered();
  if (ids.delete(id)) write(ids);
}
