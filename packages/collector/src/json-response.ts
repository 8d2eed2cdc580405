/**
 * An answer as plain data: what a route decided, before it becomes a Fetch `Response` (see
 * {@link toResponse}) or is written straight to Node's `ServerResponse` without one.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** Text; `null` for none (`204`). */
  body: string | null;
}

/** A JSON answer that is never cached: every collector answer carries data a cache must not keep. */
export const jsonAnswer = (body: unknown, status: number, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

export const toResponse = ({ status, headers, body }: Answer): Response => new Response(body, { status, headers });

/** {@link jsonAnswer} as a `Response`. */
export const json = (body: unknown, status: number, headers: Record<string, string> = {}): Response => toResponse(jsonAnswer(body, status, headers));

/** 503 with `Retry-After` for a failure of the collector's own parts (storage), logged; clients retry and nothing is lost. */
export function unavailableAnswer(error: unknown, headers: Record<string, string> = {}): Answer {
  console.error('hearken-collector:', error);
  return jsonAnswer({ error: 'unavailable' }, 503, { ...headers, 'retry-after': '5' });
}

/** {@link unavailableAnswer} as a `Response`. */
export const unavailable = (error: unknown, headers: Record<string, string> = {}): Response => toResponse(unavailableAnswer(error, headers));
