import type { HearkenError } from '../errors/hearken-error.js';
import { HttpError } from '../errors/http-error.js';
import { NetworkError } from '../errors/network-error.js';
import { TimeoutError } from '../errors/timeout-error.js';
import type { OutboxItem } from '../outbox/outbox-item.js';
import { retryAfterDelay } from './retry-policy.js';
import { isAccepted, isRetryableStatus } from './status.js';
import type { Credentials, Transport } from './transport.js';

/**
 * What one attempt came to. `counted`: whether it uses up one of the item's attempts.
 * `retryAfter`: the wait the endpoint asked for, or the floor (`floor: true`) when a 429/503 said none readable.
 */
export type Outcome =
  | { kind: 'sent'; followUp?: boolean }
  | { kind: 'rejected'; error: HearkenError }
  | { kind: 'retry'; error: HearkenError; retryAfter?: number; floor?: boolean; counted: boolean };

export type HeadersOption = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface AttemptOptions {
  transport: Transport;
  timeout: number;
  credentials: Credentials;
  headers?: HeadersOption;
  /** Largest `Retry-After` honoured, in milliseconds. */
  maxRetryAfter: number;
  /** The wait after a 429 or 503 without a readable `Retry-After`, in milliseconds. */
  retryAfterFloor: number;
  /** Where the one warning about a likely CORS-with-credentials misconfiguration goes. @default console.warn */
  warn?: (message: string) => void;
}

/**
 * One request for one item, and its outcome; never throws. With `keepalive` the request starts
 * synchronously (unless `headers()` returns a promise), so it is on its way before the page is gone.
 */
export type Attempt = (item: OutboxItem, keepalive?: boolean) => Promise<Outcome>;

/** Whether a 2xx answer says the endpoint keeps threads for follow-up (`"followUp": true`). */
const keepsThreads = (body: string) => {
  try {
    return (JSON.parse(body) as { followUp?: unknown } | null)?.followUp === true;
  } catch {
    return false;
  }
};

const isOffline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

export function createAttempt(options: AttemptOptions): Attempt {
  let warned = false;
  const headers = (): Record<string, string> | Promise<Record<string, string>> =>
    typeof options.headers === 'function' ? options.headers() : (options.headers ?? {});

  async function request(item: OutboxItem, keepalive: boolean, signal: AbortSignal) {
    const pending = headers();
    return options.transport({
      url: item.endpoint,
      body: item.body,
      headers: pending instanceof Promise ? await pending : pending,
      credentials: options.credentials,
      keepalive,
      signal,
    });
  }

  return async (item, keepalive = false) => {
    const controller = new AbortController();
    const timeoutId = setTimeout(() => controller.abort(), options.timeout);
    try {
      let response = await request(item, keepalive, controller.signal);
      // A 401 may be an expired token: one more try with fresh headers() before giving up.
      if (response.status === 401 && typeof options.headers === 'function') response = await request(item, keepalive, controller.signal);
      if (isAccepted(response.status)) return keepsThreads(response.body) ? { kind: 'sent', followUp: true } : { kind: 'sent' };
      const error = new HttpError(response.status, readBody(response.body), isRetryableStatus(response.status));
      if (!error.retryable) return { kind: 'rejected', error };
      const asked = retryAfterDelay(response.retryAfter, options.maxRetryAfter);
      const floor = response.status === 429 || response.status === 503 ? options.retryAfterFloor : undefined;
      return { kind: 'retry', error, retryAfter: asked ?? floor, floor: asked === undefined && floor !== undefined, counted: true };
    } catch (cause) {
      const offline = isOffline();
      if (controller.signal.aborted) return { kind: 'retry', error: new TimeoutError(options.timeout), counted: !offline };
      if (!offline && options.credentials === 'include' && !warned) {
        warned = true;
        (options.warn ?? console.warn)(
          `Hearken: ${item.endpoint} unreachable while online. With credentials: 'include' it must allow this page's exact origin and Access-Control-Allow-Credentials: true; '*' never works with cookies.`,
        );
      }
      return { kind: 'retry', error: new NetworkError(cause, offline), counted: !offline };
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
