import type { ContextOptions } from './context.js';
import type { RetryOptions } from './delivery/retry-policy.js';
import type { Credentials, Transport } from './delivery/transport.js';
import type { HearkenError } from './errors/hearken-error.js';
import type { OutboxLimits } from './outbox/outbox.js';
import type { OutboxStorage } from './outbox/outbox-item.js';
import type { Audience, Feedback } from './schema/feedback.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The URL feedback is POSTed to. */
  endpoint: string;
  /** Who gives the feedback. @default 'external' */
  audience?: Audience;
  /** Routing key sent with every feedback, e.g. `'shop'` or `'intranet-it'`. */
  site?: string;
  /** Whether cookies go with the request; intranet endpoints behind a login use `'include'`. @default 'same-origin' */
  credentials?: Credentials;
  /**
   * Extra request headers, read again on every attempt and never stored, e.g. a bearer token.
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
  /** Told of what happens to feedback after `send()` resolved: delivered later, rejected, or given up. */
  onDelivery?: (event: DeliveryEvent) => void;
}

/** What became of a feedback that was delivered, rejected or given up in the background. */
export interface DeliveryEvent {
  id: string;
  status: 'sent' | 'rejected' | 'dropped';
  error?: HearkenError;
}
