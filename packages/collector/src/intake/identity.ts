import type { User } from '@hearken/client/schema';
import { fromHex, toHex } from '../hex.js';

/**
 * Identity signing for intranets. The host page's server signs the user it shows with a secret it
 * shares with the collector; the collector then trusts `user` (stored as `verified`).
 * The signature is hex HMAC-SHA256 over `JSON.stringify([id, name, email, department])`
 * (missing fields as `""`), so any language can produce it.
 */
const canonical = (user: User) => JSON.stringify([user.id ?? '', user.name ?? '', user.email ?? '', user.department ?? '']);

const key = (secret: string, usage: 'sign' | 'verify') =>
  crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);

/**
 * Signs a user for `identify()`, on the host page's server.
 * @example identify({ ...user, signature: await signIdentity(user, process.env.HEARKEN_IDENTITY_SECRET) })
 */
export async function signIdentity(user: User, secret: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await key(secret, 'sign'), new TextEncoder().encode(canonical(user)));
  return toHex(signature);
}

/** Whether `user.signature` is a valid signature of `user` under `secret` (compared in constant time). */
export async function verifyIdentity(user: User, secret: string): Promise<boolean> {
  const bytes = fromHex(user.signature ?? '');
  if (bytes?.length !== 32) return false;
  return crypto.subtle.verify('HMAC', await key(secret, 'verify'), bytes, new TextEncoder().encode(canonical(user)));
}
