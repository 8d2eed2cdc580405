/**
 * A random (v4) UUID. `crypto.randomUUID` exists only in secure contexts, and intranet pages are
 * often served over plain http, so fall back to `getRandomValues`, which exists everywhere.
 */
export function createId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // The RFC 4122 template: x is any hex digit, y one of 8, 9, a, b.
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let i = 0;
  return 'xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx'.replace(/[xy]/g, (c) => (c === 'x' ? bytes[i++]! & 15 : (bytes[i++]! & 3) | 8).toString(16));
}
