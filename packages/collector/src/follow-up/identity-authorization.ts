import type { User } from '@hearken/client/schema';
import { json } from '../json-response.js';
import { verifyIdentity } from '../intake/identity.js';

/**
 * `Authorization: Identity <base64url of the signed user's JSON>`: a signed-in person (intranets)
 * reaches their own threads on any device, without the browser's follow-up keys. The user is the one
 * the host page gave `identify()`: `{ id, name?, email?, department?, signature }`, signed with the
 * collector's identity secret (`signIdentity`).
 */
export type IdentityCheck = { userId: string } | { response: Response } | undefined;

const FIELDS = ['id', 'name', 'email', 'department', 'signature'] as const;

/** The user in an `Identity` authorization, or `undefined` when it is not base64url JSON of one. */
function decodeUser(encoded: string): User | undefined {
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const user = value as Record<string, unknown>;
    if (typeof user.id !== 'string' || !user.id || typeof user.signature !== 'string') return undefined;
    if (FIELDS.some((field) => user[field] !== undefined && typeof user[field] !== 'string')) return undefined;
    return Object.fromEntries(FIELDS.filter((field) => user[field] !== undefined).map((field) => [field, user[field]])) as User;
  } catch {
    return undefined;
  }
}

/**
 * Checks an `Identity` authorization: the verified user's id, or a `401` saying what is wrong: no
 * identity secret configured, a missing (when `required`) or malformed value, or a signature that
 * does not match. `undefined` when the request carries another kind (or, not `required`, none).
 */
export async function checkIdentity(request: Request, secret: string | undefined, headers: Record<string, string>, required = false): Promise<IdentityCheck> {
  const authorization = request.headers.get('authorization') ?? '';
  const match = /^Identity ([A-Za-z0-9_-]{1,8192}=*)$/.exec(authorization);
  const refuse = (error: string, message: string) => ({ response: json({ error, message }, 401, { ...headers, 'www-authenticate': 'Identity realm="hearken-thread"' }) });
  if (!match && !/^Identity\b/i.test(authorization)) {
    if (!required) return undefined;
    if (secret) return refuse('identity_required', 'Send Authorization: Identity with the base64url JSON of the signed user, as the host page gave it to identify().');
  }
  if (!secret) return refuse('identity_not_configured', 'This collector verifies no identities: start it with --identity-secret (HEARKEN_IDENTITY_SECRET), the secret the host page signs users with.');
  const user = match && decodeUser(match[1]!);
  if (!user) return refuse('invalid_identity', 'Authorization: Identity must carry the base64url JSON of the signed user: { "id", "name"?, "email"?, "department"?, "signature" }.');
  if (!(await verifyIdentity(user, secret))) return refuse('invalid_identity', 'The identity’s signature does not match: sign the user on your server with the collector’s identity secret (signIdentity).');
  return { userId: user.id! };
}
