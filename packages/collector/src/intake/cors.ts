/**
 * CORS for the intake, from an allow-list of exact origins (`https://www.example.com`).
 * `*` allows any origin, but then never with credentials.
 */
export interface CorsPolicy {
  /** Whether a browser request from `origin` may post (same-origin and origin-less requests always may). */
  allows(origin: string | null, requestUrl: string): boolean;
  /** Headers for an allowed cross-origin response. */
  headers(origin: string | null, requestUrl: string): Record<string, string>;
}

export function createCorsPolicy(allowOrigins: readonly string[]): CorsPolicy {
  const exact = new Set(allowOrigins.filter((o) => o !== '*').map((o) => o.replace(/\/+$/, '')));
  const any = allowOrigins.includes('*');
  const sameOrigin = (origin: string, requestUrl: string) => new URL(requestUrl).origin === origin;
  return {
    allows: (origin, requestUrl) => !origin || sameOrigin(origin, requestUrl) || exact.has(origin) || any,
    headers(origin, requestUrl): Record<string, string> {
      if (!origin || sameOrigin(origin, requestUrl)) return {};
      if (exact.has(origin)) return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
      if (any) return { 'access-control-allow-origin': '*' };
      return { vary: 'Origin' };
    },
  };
}
