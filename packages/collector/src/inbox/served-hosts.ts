const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Which `Host` names the inbox answers for: the loopback names, and the public URL's. A page on
 * `attacker.example` whose name the attacker re-points at 127.0.0.1 (DNS rebinding) reaches the
 * collector as a loopback client, but its requests still carry `Host: attacker.example`.
 */
export interface ServedHosts {
  /** Whether a request to `url` (whose host is the request's `Host`) may reach the inbox. */
  serves(url: URL): boolean;
  /** What to tell a refused request: the names served, and how to add one. */
  readonly hint: string;
}

/**
 * Without `publicUrl`, the check applies only when the inbox trusts loopback clients (no token
 * configured): with a token, the token is the guard and the collector may be reached under any name.
 */
export function createServedHosts(publicUrl: URL | undefined, tokenRequired: boolean): ServedHosts {
  const names = [...LOOPBACK_NAMES, ...(publicUrl ? [publicUrl.hostname] : [])];
  const enforced = Boolean(publicUrl) || !tokenRequired;
  return {
    serves: (url) => !enforced || names.includes(url.hostname),
    hint:
      `This collector's inbox answers only at ${names.join(', ')} (any port). ` +
      'To read it under another name, start the collector with --public-url (or HEARKEN_PUBLIC_URL) set to that address, e.g. https://feedback.example.com.',
  };
}
