/**
 * Whether the script tag's `data-endpoint` is an http(s) URL, absolute or relative to the page (a
 * relative one takes the page's protocol): the same answer as resolving it with `new URL(endpoint,
 * location.href)`, without `URL`, whose interface would cost the host page ≈ 8 KB of heap before
 * anyone interacts.
 * @example isHttpEndpoint('/feedback', 'https:') // → true
 * @example isHttpEndpoint('mailto:team@example.com', 'https:') // → false
 */
export function isHttpEndpoint(endpoint: string, pageProtocol: string): boolean {
  const value = endpoint.trim();
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value)?.[1];
  if (scheme === undefined) return /^https?:$/i.test(pageProtocol);
  // An absolute http(s) URL needs a host.
  return /^https?:[/\\]*[^/\\?#\s]/i.test(value);
}
