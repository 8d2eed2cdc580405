import type { User } from '../schema/feedback.js';

/**
 * The `Authorization` value that proves a signed-in person (intranets): `Identity` and the base64url
 * JSON of the user's signed fields with its `signature`, as the host page gave them to `identify()`.
 * `undefined` for a user without an `id` or a `signature`: nothing is asked for them.
 * @example identityAuthorization({ id: 'e-1042', name: 'Ada', signature: '9f…' }) // 'Identity eyJpZCI6…'
 */
export function identityAuthorization(user: User | undefined): string | undefined {
  if (!user?.id || !user.signature) return undefined;
  const { id, name, email, department, signature } = user;
  const bytes = new TextEncoder().encode(JSON.stringify({ id, name, email, department, signature }));
  return `Identity ${btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}
