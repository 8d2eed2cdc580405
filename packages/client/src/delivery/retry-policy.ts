/** How failed deliveries are retried. Every delay is in milliseconds. */
export interface RetryOptions {
  /**
   * Attempts per feedback before it is given up, counted across page loads.
   * Attempts made while the browser reports itself offline are not counted.
   * @default 12
   */
  attempts?: number;
  /** First backoff ceiling; each retry doubles it. @default 1000 */
  baseDelay?: number;
  /** Largest backoff ceiling. An endpoint's `Retry-After` is not bound by it (see `maxRetryAfter`). @default 300000 (5 minutes) */
  maxDelay?: number;
  /**
   * Oldest feedback still sent: older items are given up before any attempt and reported through
   * `onDelivery` as `dropped` with reason `expired`. @default 604800000 (7 days)
   */
  maxAge?: number;
  /**
   * Largest `Retry-After` honoured: the endpoint's wait is a floor, kept up to this cap whatever
   * `maxDelay` says. @default 3600000 (1 hour)
   */
  maxRetryAfter?: number;
  /**
   * The wait after a `429` or `503` whose `Retry-After` is missing or unreadable (a cross-origin
   * endpoint must list it in `Access-Control-Expose-Headers`, or the page can't read it): no attempt
   * of that item, not even `flush()`, before it has passed. @default 30000 (30 seconds)
   */
  retryAfterFloor?: number;
}

export const RETRY_DEFAULTS: Required<RetryOptions> = {
  attempts: 12,
  baseDelay: 1000,
  maxDelay: 5 * 60_000,
  maxAge: 7 * 24 * 3_600_000,
  maxRetryAfter: 3_600_000,
  retryAfterFloor: 30_000,
};

/** Whether `item` is too old to be sent at all. */
export const isExpired = (item: { queuedAt: number }, { maxAge }: Required<RetryOptions>, now: number) => now - item.queuedAt > maxAge;

export { isAccepted, isRetryableStatus } from './status.js';

/**
 * Exponential backoff with full jitter: a random delay between 0 and
 * `min(maxDelay, baseDelay · 2^(attempt-1))`, for the retry after attempt number `attempt` (1-based).
 */
export function backoffDelay(attempt: number, { baseDelay, maxDelay }: Required<RetryOptions>, random = Math.random): number {
  const ceiling = Math.min(maxDelay, baseDelay * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The delay a `Retry-After` header asks for, in milliseconds: seconds or an HTTP date,
 * capped at `max`; `undefined` when absent or unreadable.
 */
export function retryAfterDelay(header: string | null, max: number, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(max, Math.max(0, ms));
}
