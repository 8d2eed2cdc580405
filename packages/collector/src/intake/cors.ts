/**
 * CORS for the intake, from an allow-list of exact origins (`https://www.example.com`).
 * `*` allows any origin, but then never with credentials.
 */
export interface CorsPolicy {
  /**
   * Headers for a response to a request from `origin` to the collector at `self` (its own origin).
   * A cross-origin request is allowed exactly when they include `access-control-allow-origin`;
   * same-origin and origin-less requests (servers, curl) always are.
   */
  headers(origin: string | null, self: string): Record<string, string>;
}

/** Response headers a cross-origin page may read: `Retry-After`, so a client can wait as long as a 429 or 503 asks. */
const EXPOSED = 'Retry-After';

export function createCorsPolicy(allowOrigins: readonly string[]): CorsPolicy {
  const exact = new Set(allowOrigins.filter((o) => o !== '*').map((o) => o.replace(/\/+$/, '')));
  const any = allowOrigins.includes('*');
  return {
    headers(origin, self): Record<string, string> {
      if (!origin || origin === self) return {};
      if (exact.has(origin)) return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': EXPOSED, vary: 'Origin' };
      if (any) return { 'access-control-allow-origin': '*', 'access-control-expose-headers': EXPOSED };
      return { vary: 'Origin' };
    },
  };
}
