/** A JSON answer that is never cached: every collector answer carries data a cache must not keep. */
export const json = (body: unknown, status: number, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/** 503 with `Retry-After` for a failure of the collector's own parts (storage), logged; clients retry and nothing is lost. */
export function unavailable(error: unknown, headers: Record<string, string> = {}): Response {
  console.error('hearken-collector:', error);
  return json({ error: 'unavailable' }, 503, { ...headers, 'retry-after': '5' });
}
