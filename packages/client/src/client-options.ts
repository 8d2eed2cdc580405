import type { ContextOptions } from './context.js';
import type { RetryOptions } from './delivery/retry-policy.js';
import type { Credentials, Transport } from './delivery/transport.js';
import type { HearkenError } from './errors/hearken-error.js';
import type { OutboxLimits } from './outbox/outbox.js';
import type { OutboxStorage } from './outbox/outbox-item.js';
import type { Audience, Feedback } from './schema/feedback.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /**
   * The URL feedback is POSTed to: http(s), or a path relative to the page in browsers.
   * `createClient` throws a `TypeError` for anything else.
   * @example endpoint: 'https://feedback.example.com/feedback'
   */
  endpoint: string;
  /** Who gives the feedback. @default 'external' */
  audience?: Audience;
  /** Routing key sent with every feedback, e.g. `'shop'` or `'intranet-it'`. */
  site?: string;
  /**
   * Whether cookies go with the request; intranet endpoints behind a login use `'include'`. The
   * endpoint must then allow this page's exact origin with `Access-Control-Allow-Credentials: true`
   * (`*` never works with cookies); the client warns once in the console when a request fails
   * without an answer while the browser is online. @default 'same-origin'
   */
  credentials?: Credentials;
  /**
   * Extra request headers, read again on every attempt and never stored, e.g. a bearer token.
   * A `401` answer is tried once more at once with a fresh `headers()` (a token may have expired)
   * before the feedback is rejected. The unload send (`keepalive`) starts only if `headers()`
   * returns synchronously; otherwise the item waits for the next visit.
   * @example headers: async () => ({ authorization: `Bearer ${await getToken()}` })
   */
  headers?: Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);
  /** Milliseconds one attempt may take before it counts as failed and is retried. @default 10000 */
  timeout?: number;
  /** How failed deliveries are retried. */
  retry?: RetryOptions;
  /**
   * Sees each feedback before it is stored or sent: return it (edited, e.g. without personal data),
   * or `null` to drop it. If it throws, nothing is sent.
   */
  beforeSend?: (feedback: Feedback) => Feedback | null | Promise<Feedback | null>;
  /** Which parts of the page context are captured, or `false` for none. @default every part */
  context?: ContextOptions | false;
  /** Sends one request. @default fetch */
  transport?: Transport;
  /** Where waiting feedback is kept. @default IndexedDB → localStorage → memory in browsers; memory in Node */
  storage?: OutboxStorage;
  /** Bounds of the outbox. */
  outbox?: OutboxLimits;
  /**
   * Deliver waiting feedback by itself: at start, when the browser comes back online, on a timer
   * while items wait, and with `keepalive` on `pagehide`. @default true
   */
  autoFlush?: boolean;
  /**
   * Make a follow-up key with each feedback (`followUp.key`, 128 random bits) and keep it in this
   * browser's "my feedback" list, so the person can read the team's answers and reply where the
   * endpoint keeps threads (its 2xx answer says `"followUp": true`). Endpoints that don't ignore it.
   * @default true
   */
  followUp?: boolean;
  /** Told of what happens to feedback after `send()` resolved: delivered later, rejected, or given up. */
  onDelivery?: (event: DeliveryEvent) => void;
}

/**
 * Why a feedback was given up without being delivered:
 * `evicted`: the outbox was full (`outbox.maxItems` / `maxBytes`) and it was the oldest;
 * `expired`: older than `retry.maxAge`, discarded before any further attempt;
 * `attempts`: `retry.attempts` were used up.
 */
export type DropReason = 'evicted' | 'expired' | 'attempts';

/**
 * What became of a feedback that was delivered, rejected or given up in the background.
 * @example
 * onDelivery: (event) => { if (event.status === 'dropped') showNote(messages[`dropped-${event.reason}`]); }
 */
export interface DeliveryEvent {
  id: string;
  status: 'sent' | 'rejected' | 'dropped';
  /** With `status: 'dropped'`: why it was given up. */
  reason?: DropReason;
  /** The last failure, when there was one. */
  error?: HearkenError;
}
