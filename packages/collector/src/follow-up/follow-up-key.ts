import { toHex } from '../hex.js';

/** Hex SHA-256 of a follow-up key: what the collector stores. The key has 128 random bits or more, so no salt or slow hash is needed. */
export async function hashFollowUpKey(key: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
}

// Compared against when the id is unknown, so that an unknown id costs the same work as a wrong key.
const NO_HASH = '0'.repeat(64);

/**
 * Whether `key` is the key whose hash is `hash` (absent: an unknown id, or a feedback sent without
 * a key), compared in constant time.
 */
export async function followUpKeyMatches(key: string, hash: string | undefined): Promise<boolean> {
  const given = await hashFollowUpKey(key);
  const expected = hash ?? NO_HASH;
  let difference = given.length ^ expected.length;
  for (let i = 0; i < given.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i % expected.length);
  return difference === 0 && hash !== undefined;
}
