/**
 * Whether the script tag's `data-endpoint` is an http(s) URL, absolute or relative to the page (a
 * relative one takes the page's protocol): the answer of `createClient`, which resolves it with
 * `new URL(endpoint, location.href)` and refuses an empty value or white space inside. Worked out
 * without `URL`, whose interface would cost the host page ≈ 8 KB of heap before anyone interacts.
 * @example isHttpEndpoint('/feedback', 'https:') // → true
 * @example isHttpEndpoint('mailto:team@example.com', 'https:') // → false
 */
export function isHttpEndpoint(endpoint: string, pageProtocol: string): boolean {
  // Empty, or white space inside or other than what the URL parser strips at the ends (C0 controls
  // and space): a mistake, not a URL, though a page would resolve it as a path.
  if (!/^[\x00-\x20]*\S+[\x00-\x20]*$/.test(endpoint)) return false;
  const value = endpoint.trim();
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(value)?.[1];
  if (scheme === undefined) return /^https?:$/i.test(pageProtocol);
  // An absolute http(s) URL needs a host.
  return /^https?:[/\\]*[^/\\?#]/i.test(value);
}
