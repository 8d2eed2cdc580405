import type { HearkenError } from '../errors/hearken-error.js';
import { HttpError } from '../errors/http-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { OutboxItem } from '../outbox/outbox-item.js';
import { retryAfterDelay } from './retry-policy.js';
import { isAccepted, isRetryableStatus } from './status.js';
import type { Credentials, Transport } from './transport.js';

/** What one attempt came to. `counted`: whether it uses up one of the item's attempts. */
export type Outcome =
  | { kind: 'sent' }
  | { kind: 'rejected'; error: HearkenError }
  | { kind: 'retry'; error: HearkenError; retryAfter?: number; counted: boolean };

export interface AttemptOptions {
  transport: Transport;
  timeout: number;
  credentials: Credentials;
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Largest `Retry-After` honoured, in milliseconds. */
  maxRetryAfter: number;
}

/** One request for one item, and its outcome; never throws. */
export type Attempt = (item: OutboxItem, keepalive?: boolean) => Promise<Outcome>;

export function createAttempt(options: AttemptOptions): Attempt {
  return async (item, keepalive = false) => {
    const controller = new AbortController();
    const timeoutId = setTimeout(() => controller.abort(), options.timeout);
    const counted = typeof navigator === 'undefined' || navigator.onLine !== false;
    try {
      const headers = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
      const response = await options.transport({
        url: item.endpoint,
        body: item.body,
        headers,
        credentials: options.credentials,
        keepalive,
        signal: controller.signal,
      });
      if (isAccepted(response.status)) return { kind: 'sent' };
      const error = new HttpError(response.status, readBody(response.body), isRetryableStatus(response.status));
      if (!error.retryable) return { kind: 'rejected', error };
      return { kind: 'retry', error, retryAfter: retryAfterDelay(response.retryAfter, options.maxRetryAfter), counted: true };
    } catch (cause) {
      const error = controller.signal.aborted ? new TimeoutError(options.timeout) : new NetworkError(cause);
      return { kind: 'retry', error, counted };
    } finally {
      clearTimeout(timeoutId);
    }
  };
}

function readBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 2000);
  }
}
