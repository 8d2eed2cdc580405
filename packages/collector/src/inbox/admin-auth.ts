import { toHex } from '../hex.js';

/** Who may read feedback: the bearer of an admin or team token, or (with no token configured) loopback clients only. */
export const SESSION_COOKIE = 'hearken_admin';

/** The label of `--admin-token` in the history and the audit trail. */
export const ADMIN_LABEL = 'admin';

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
export const sessionValue = (token: string) => digest(`hearken-inbox-session:${token}`);

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

/** A token that reads and acts in the inbox, and the name it is recorded under. */
export interface LabelledToken {
  label: string;
  token: string;
}

/** The labels a team token may have: they appear in the history and the audit trail (so no email addresses). */
export const TOKEN_LABEL = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** Names the collector itself writes as `by` (and older history's sign-in ways): no token may take them. */
export const RESERVED_LABELS: readonly string[] = [ADMIN_LABEL, 'loopback', 'retention', 'person', 'writer', 'team', 'bearer', 'cookie'];

/** `--admin-token` (as `admin`) and the team's labelled tokens, checked: labels valid and unique, tokens not empty. */
export function labelledTokens(adminToken: string | undefined, teamTokens: Readonly<Record<string, string>> = {}): LabelledToken[] {
  const tokens = [...(adminToken === undefined ? [] : [{ label: ADMIN_LABEL, token: adminToken }]), ...Object.entries(teamTokens).map(([label, token]) => ({ label, token }))];
  for (const [index, { label, token }] of tokens.entries()) {
    if (!TOKEN_LABEL.test(label)) throw new TypeError(`a team token's label is a name of letters, digits, ".", "_" or "-", such as alice; not "${label}"`);
    if (RESERVED_LABELS.includes(label) && !(index === 0 && adminToken !== undefined)) throw new TypeError(`"${label}" is a name the collector uses itself: give the team token another`);
    if (!token) throw new TypeError(`the token of "${label}" is empty`);
  }
  const labels = tokens.map((t) => t.label);
  const twice = labels.find((label, i) => labels.indexOf(label) !== i);
  if (twice) throw new TypeError(`the label "${twice}" is given twice${twice === ADMIN_LABEL ? ` (it is the --admin-token's)` : ''}`);
  // One token, two names: the audit trail could not tell who acted.
  const values = tokens.map((t) => t.token);
  const shared = tokens.find(({ token }, i) => values.indexOf(token) !== i);
  if (shared) throw new TypeError(`"${tokens[values.indexOf(shared.token)]!.label}" and "${shared.label}" share a token: each needs one of their own (the audit trail names who acted)`);
  return tokens;
}

/** How a request proved it may read and act (`via`), and who it is (`by`: a token's label, or `loopback`). */
export interface AdminAccess {
  via: 'bearer' | 'cookie' | 'loopback';
  by: string;
}

/** Whom `token` belongs to, comparing with every token in constant time. */
async function ownerOf(given: string, tokens: readonly LabelledToken[], secretOf: (token: string) => Promise<string> | string): Promise<string | undefined> {
  let owner: string | undefined;
  for (const { label, token } of tokens) if ((await sameSecret(given, await secretOf(token))) && owner === undefined) owner = label;
  return owner;
}

/** The label of the token `given` (the inbox login), or `undefined`. */
export const tokenOwner = (given: string, tokens: readonly LabelledToken[]) => ownerOf(given, tokens, (token) => token);

/** How a request proved it may read: by header, by the inbox cookie, by being local, or not at all (`null`). */
export async function adminAccess(request: Request, tokens: readonly LabelledToken[], clientAddress: string | undefined): Promise<AdminAccess | null> {
  if (!tokens.length) return isLoopback(clientAddress) ? { via: 'loopback', by: 'loopback' } : null;
  const header = request.headers.get('authorization') ?? '';
  if (header.startsWith('Bearer ')) {
    const by = await tokenOwner(header.slice(7), tokens);
    if (by) return { via: 'bearer', by };
  }
  const session = cookie(request, SESSION_COOKIE);
  if (session) {
    const by = await ownerOf(session, tokens, sessionValue);
    if (by) return { via: 'cookie', by };
  }
  return null;
}
