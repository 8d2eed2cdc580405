/**
 * CORS for the intake, from an allow-list of exact origins (`https://www.example.com`).
 * `*` allows any origin, but then never with credentials.
 */
export interface CorsPolicy {
  /** Whether a browser request from `origin` to the collector at `self` (its own origin) may post; same-origin and origin-less requests always may. */
  allows(origin: string | null, self: string): boolean;
  /** Headers for an allowed cross-origin response. */
  headers(origin: string | null, self: string): Record<string, string>;
}

export function createCorsPolicy(allowOrigins: readonly string[]): CorsPolicy {
  const exact = new Set(allowOrigins.filter((o) => o !== '*').map((o) => o.replace(/\/+$/, '')));
  const any = allowOrigins.includes('*');
  return {
    allows: (origin, self) => !origin || origin === self || exact.has(origin) || any,
    headers(origin, self): Record<string, string> {
      if (!origin || origin === self) return {};
      if (exact.has(origin)) return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', vary: 'Origin' };
      if (any) return { 'access-control-allow-origin': '*' };
      return { vary: 'Origin' };
    },
  };
}
