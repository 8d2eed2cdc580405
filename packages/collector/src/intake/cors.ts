import { toResponse, type Answer } from '../json-response.js';
import type { IntakeRequest } from './intake-request.js';

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

/**
 * CORS from `allowOrigins`. `exposed`: response headers a cross-origin page may read; `Retry-After`
 * by default, so a client can wait as long as a 429 or 503 asks.
 */
export function createCorsPolicy(allowOrigins: readonly string[], exposed = 'Retry-After'): CorsPolicy {
  const EXPOSED = exposed;
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

/**
 * The answer to a CORS preflight: `204` allowing `methods` and the headers asked for, or `403`
 * (without CORS headers) for an origin that is not allowed.
 */
export function preflightAnswer(request: Pick<IntakeRequest, 'header'>, corsHeaders: Record<string, string>, methods: string): Answer {
  if (!request.header('origin') || !corsHeaders['access-control-allow-origin']) return { status: 403, headers: { vary: 'Origin' }, body: null };
  return {
    status: 204,
    headers: {
      ...corsHeaders,
      'access-control-allow-methods': methods,
      'access-control-allow-headers': request.header('access-control-request-headers')?.slice(0, 500) || 'content-type',
      'access-control-max-age': '600',
    },
    body: null,
  };
}

/** {@link preflightAnswer} to a Fetch `Request`. */
export const preflight = (request: Request, corsHeaders: Record<string, string>, methods: string): Response =>
  toResponse(preflightAnswer({ header: (name) => request.headers.get(name) }, corsHeaders, methods));
