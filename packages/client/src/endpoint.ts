/**
 * Throws a `TypeError` that says what to fix unless `endpoint` is an http(s) URL: absolute, or
 * relative to the page where there is one (`location` in browsers and workers; none in Node).
 * A misconfigured client would otherwise keep every feedback and retry it for days.
 */
export function checkEndpoint(endpoint: unknown): void {
  let url: URL | undefined;
  try {
    // Empty, or white space inside (or other than what the URL parser strips at the ends): a mistake,
    // not a URL, though a page would resolve it as a path.
    if (typeof endpoint == 'string' && /^[\x00-\x20]*\S+[\x00-\x20]*$/.test(endpoint)) url = new URL(endpoint, globalThis.location?.href);
  } catch {}
  if (!/^https?:$/.test(url?.protocol!))
    throw new TypeError(`Hearken: createClient needs \`endpoint\`, the URL feedback is POSTed to (https://… or, in a page, /path); got ${JSON.stringify(endpoint)}`);
}
