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
  /** Largest backoff ceiling, and the largest `Retry-After` honoured. @default 300000 (5 minutes) */
  maxDelay?: number;
  /** Oldest feedback still retried; older items are given up. @default 604800000 (7 days) */
  maxAge?: number;
}

export const RETRY_DEFAULTS: Required<RetryOptions> = {
  attempts: 12,
  baseDelay: 1000,
  maxDelay: 5 * 60_000,
  maxAge: 7 * 24 * 3_600_000,
};

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
 * capped at `maxDelay`; `undefined` when absent or unreadable.
 */
export function retryAfterDelay(header: string | null, maxDelay: number, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(maxDelay, Math.max(0, ms));
}
