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

export function createCorsPolicy(allowOrigins: readonly string[]): CorsPolicy {
  const exact = new Set(allowOrigins.filter((o) => o !== '*').map((o) => o.replace(/\/+$/, '')));
  const any = allowOrigins.includes('*');
  return {
    headers(origin, self): Record<string, string> {
      if (!origin || origin === self) return {};
      if (exact.has(origin)) return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
      if (any) return { 'access-control-allow-origin': '*' };
      return { vary: 'Origin' };
    },
  };
}
