const heldHere = new Set<string>();

/**
 * Runs `task` while holding the lock `name`, or returns `{ acquired: false }` at once when another
 * holder (another tab, another client instance) has it. Uses Web Locks where they exist, so tabs of
 * one origin never send the same feedback at the same time; elsewhere a lock within this process.
 */
export async function withLock<T>(name: string, task: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks?.request) {
    return locks.request(name, { ifAvailable: true }, async (lock) => (lock ? { acquired: true as const, value: await task() } : { acquired: false as const }));
  }
  if (heldHere.has(name)) return { acquired: false };
  heldHere.add(name);
  try {
    return { acquired: true, value: await task() };
  } finally {
    heldHere.delete(name);
  }
}
