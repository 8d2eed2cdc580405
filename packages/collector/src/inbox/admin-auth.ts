import { toHex } from '../hex.js';

/** Who may read feedback: the bearer of the admin token, or (with no token configured) loopback clients only. */
export const SESSION_COOKIE = 'hearken_admin';

const encoder = new TextEncoder();

async function digest(text: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

/** Equal strings, compared in constant time over digests, so timing tells nothing of the token. */
async function sameSecret(given: string, expected: string): Promise<boolean> {
  const [a, b] = await Promise.all([digest(given), digest(expected)]);
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** The inbox session cookie's value: a digest of the token, so the cookie never holds the token itself. */
export const sessionValue = (adminToken: string) => digest(`hearken-inbox-session:${adminToken}`);

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || /^(::ffff:)?127\./.test(address);
}

function cookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/** How a request proved it may read: by header, by the inbox cookie, by being local, or not at all. */
export async function adminAccess(request: Request, adminToken: string | undefined, clientAddress: string | undefined): Promise<'bearer' | 'cookie' | 'loopback' | null> {
  if (!adminToken) return isLoopback(clientAddress) ? 'loopback' : null;
  const header = request.headers.get('authorization') ?? '';
  if (header.startsWith('Bearer ') && (await sameSecret(header.slice(7), adminToken))) return 'bearer';
  const session = cookie(request, SESSION_COOKIE);
  if (session && (await sameSecret(session, await sessionValue(adminToken)))) return 'cookie';
  return null;
}

export { sameSecret };
