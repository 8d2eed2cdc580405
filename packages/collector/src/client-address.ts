const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}(:(\d{1,3}\.){3}\d{1,3})?$/i;

/** An address as proxies write it (`203.0.113.7`, `203.0.113.7:5133`, `2001:db8::1`, `[2001:db8::1]:5133`), without its port; `undefined` if it is no IP address. */
function ipAddress(entry: string): string | undefined {
  const bracketed = /^\[([^\]]+)\](:\d{1,5})?$/.exec(entry);
  const address = bracketed ? bracketed[1]! : /^[\d.]+:\d{1,5}$/.test(entry) ? entry.slice(0, entry.lastIndexOf(':')) : entry;
  return IPV4.test(address) || IPV6.test(address) ? address.toLowerCase() : undefined;
}

/**
 * The client address a chain of `trustProxy` proxies reports: the `trustProxy`-th entry from the
 * right of `X-Forwarded-For` (each proxy appends the address it was connected from, so entries
 * further left are whatever the client wrote). `undefined` when the header is missing, has fewer
 * entries, or that entry is not an IP address: then the socket address is all there is.
 */
export function forwardedAddress(forwardedFor: string | null, trustProxy: number): string | undefined {
  if (!forwardedFor || trustProxy < 1) return undefined;
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  const entry = entries[entries.length - trustProxy];
  return entry === undefined ? undefined : ipAddress(entry);
}

/** Whether a proxy forwarded the request (it names a client other than the connection's peer). */
export const isForwarded = (request: Request) => request.headers.has('x-forwarded-for') || request.headers.has('forwarded');
