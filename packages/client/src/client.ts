import { capturePageContext, type ContextOptions } from './context.js';
import { RETRY_DEFAULTS, backoffDelay, isAccepted, isRetryableStatus, retryAfterDelay, type RetryOptions } from './delivery/retry-policy.js';
import { BeforeSendError } from './errors/before-send-error.js';
import type { HearkenError } from './errors/hearken-error.js';
import { HttpError } from './errors/http-error.js';
import { NetworkError } from './errors/network-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { ValidationError } from './errors/validation-error.js';
import { createId } from './id.js';
import { createDefaultStorage } from './outbox/fallback-storage.js';
import { withLock } from './outbox/lock.js';
import { Outbox, type OutboxLimits } from './outbox/outbox.js';
import type { OutboxItem, OutboxStorage } from './outbox/outbox-item.js';
import type { Audience, Feedback, FeedbackInput } from './schema/feedback.js';
import { parseFeedback, parseFeedbackInput } from './schema/parse.js';
import { fetchTransport, type Transport } from './transport.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The URL feedback is POSTed to. */
  endpoint: string;
  /** Who gives the feedback. @default 'external' */
  audience?: Audience;
  /** Routing key sent with every feedback, e.g. `'shop'` or `'intranet-it'`. */
  site?: string;
  /** Whether cookies go with the request; intranet endpoints behind a login use `'include'`. @default 'same-origin' */
  credentials?: RequestCredentials;
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

/** The outcome of {@link HearkenClient.send}. */
export interface SendResult {
  /**
   * `sent`: the endpoint answered 2xx. `queued`: stored, delivered later (the error says why not now).
   * `rejected`: not sent and not kept: invalid, refused by the endpoint (4xx), or dropped by `beforeSend`.
   */
  status: 'sent' | 'queued' | 'rejected';
  /** The feedback's id, the same on every retry. */
  id: string;
  error?: HearkenError;
}

export interface HearkenClient {
  /** Validates, stores and sends one feedback. Never rejects for delivery problems: the result says what happened. */
  send(input: FeedbackInput): Promise<SendResult>;
  /** Tries everything waiting now (an endpoint's `Retry-After` still holds); resolves when that attempt is over. */
  flush(): Promise<void>;
  /** How many feedbacks wait in the outbox for this endpoint. */
  pending(): Promise<number>;
  /** Stops timers and listeners. Waiting feedback stays stored. */
  close(): void;
  readonly endpoint: string;
  readonly audience: Audience;
}

/** Keepalive requests may carry 64 KiB in all, per page. */
const KEEPALIVE_BUDGET = 64 * 1024;

type Outcome = { kind: 'sent' } | { kind: 'rejected'; error: HearkenError } | { kind: 'retry'; error: HearkenError; retryAfter?: number; counted: boolean };

/**
 * Creates a client that delivers feedback to `endpoint`.
 *
 * @example
 * const client = createClient({ endpoint: 'https://feedback.example.com/feedback', audience: 'internal' });
 * const result = await client.send({ message: 'Printer on floor 3 is broken', category: 'equipment', urgency: 'high' });
 */
export function createClient(options: ClientOptions): HearkenClient {
  const { endpoint, transport = fetchTransport, timeout = 10_000, onDelivery } = options;
  const audience = options.audience ?? 'external';
  const retry = { ...RETRY_DEFAULTS, ...options.retry };
  const outbox = new Outbox(options.storage ?? createDefaultStorage(), endpoint, options.outbox ?? {}, (item) =>
    onDelivery?.({ id: item.id, status: 'dropped' }),
  );
  const isBrowser = typeof window !== 'undefined' && typeof window.addEventListener === 'function';
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  async function attempt(item: OutboxItem, keepalive = false): Promise<Outcome> {
    const controller = new AbortController();
    const timeoutId = setTimeout(() => controller.abort(), timeout);
    const counted = typeof navigator === 'undefined' || navigator.onLine !== false;
    try {
      const headers = typeof options.headers === 'function' ? await options.headers() : (options.headers ?? {});
      const response = await transport({
        url: item.endpoint,
        body: item.body,
        headers,
        credentials: options.credentials ?? 'same-origin',
        keepalive,
        signal: controller.signal,
      });
      if (isAccepted(response.status)) return { kind: 'sent' };
      const error = new HttpError(response.status, readBody(response.body), isRetryableStatus(response.status));
      if (!error.retryable) return { kind: 'rejected', error };
      return { kind: 'retry', error, retryAfter: retryAfterDelay(response.retryAfter, retry.maxDelay), counted: true };
    } catch (cause) {
      const error = controller.signal.aborted ? new TimeoutError(timeout) : new NetworkError(cause);
      return { kind: 'retry', error, counted };
    } finally {
      clearTimeout(timeoutId);
    }
  }

  /** One attempt at `current`, then what follows from it: removed, rescheduled, or given up. */
  async function attemptAndSettle(current: OutboxItem, stored: boolean): Promise<Outcome> {
    const outcome = await attempt(current);
    if (outcome.kind !== 'retry') {
      if (stored) await outbox.remove(current.id);
      return outcome;
    }
    const now = Date.now();
    const attempts = current.attempts + (outcome.counted ? 1 : 0);
    if (attempts >= retry.attempts || now - current.queuedAt > retry.maxAge) {
      await outbox.remove(current.id);
      onDelivery?.({ id: current.id, status: 'dropped', error: outcome.error });
      return outcome;
    }
    const wait = Math.max(backoffDelay(Math.max(attempts, 1), retry), outcome.retryAfter ?? 0);
    if (stored) await outbox.put({ ...current, attempts, nextAttemptAt: now + wait, notBefore: now + (outcome.retryAfter ?? 0) });
    return outcome;
  }

  const lockName = (id: string) => `hearken:outbox:${id}`;

  /**
   * Delivers a stored item under its lock, so no other tab or instance sends it at the same time;
   * re-read inside the lock, since someone may have delivered it meanwhile (then `undefined`).
   */
  async function deliver(item: OutboxItem): Promise<Outcome | undefined> {
    const locked = await withLock(lockName(item.id), async () => {
      const current = await outbox.get(item.id);
      return current && attemptAndSettle(current, true);
    });
    return locked.acquired ? locked.value : undefined;
  }

  async function run(due: (item: OutboxItem, now: number) => boolean): Promise<void> {
    for (const item of await outbox.list()) {
      if (closed) return;
      if (!due(item, Date.now())) continue;
      const outcome = await deliver(item);
      if (outcome?.kind === 'sent') onDelivery?.({ id: item.id, status: 'sent' });
      if (outcome?.kind === 'rejected') onDelivery?.({ id: item.id, status: 'rejected', error: outcome.error });
    }
    await schedule();
  }

  async function schedule(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (closed || options.autoFlush === false) return;
    const items = await outbox.list();
    if (!items.length) return;
    const next = Math.min(...items.map((item) => Math.max(item.nextAttemptAt, item.notBefore)));
    timer = setTimeout(() => void run((item, now) => Math.max(item.nextAttemptAt, item.notBefore) <= now), Math.max(0, next - Date.now()));
    (timer as { unref?: () => void }).unref?.();
  }

  const flush = () => run((item, now) => item.notBefore <= now);

  function onPageHide(): void {
    let budget = KEEPALIVE_BUDGET;
    void outbox.list().then((items) => {
      for (const item of items) {
        if (item.bytes > budget) continue;
        budget -= item.bytes;
        // The stored copy stays until a 2xx is seen; a repeat later is deduplicated by its id.
        void attempt(item, true).then((outcome) => {
          if (outcome.kind === 'sent') void outbox.remove(item.id);
        });
      }
    });
  }
  const onOnline = () => void flush();

  if (options.autoFlush !== false) {
    setTimeout(() => void flush(), 0);
    if (isBrowser) {
      window.addEventListener('online', onOnline);
      window.addEventListener('pagehide', onPageHide);
    }
  }

  async function send(input: FeedbackInput): Promise<SendResult> {
    const id = createId();
    const checked = parseFeedbackInput(input);
    if (!checked.success) return { status: 'rejected', id, error: new ValidationError(checked.issues) };
    const { anonymous = false, user, contact, ...fields } = checked.data;
    let feedback: Feedback | null = {
      ...fields,
      ...(anonymous ? {} : { user, contact }),
      id,
      schemaVersion: 1,
      createdAt: new Date().toISOString(),
      audience: fields.audience ?? audience,
      category: fields.category ?? 'other',
      anonymous,
      site: fields.site ?? options.site,
      context: capturePageContext(options.context),
    };
    if (options.beforeSend) {
      try {
        feedback = await options.beforeSend(feedback);
      } catch (cause) {
        return { status: 'rejected', id, error: new BeforeSendError('threw', cause) };
      }
      if (!feedback) return { status: 'rejected', id, error: new BeforeSendError('dropped') };
    }
    const final = parseFeedback({ ...(feedback as Feedback), id });
    if (!final.success) return { status: 'rejected', id, error: new ValidationError(final.issues) };

    const body = JSON.stringify(final.data);
    const now = Date.now();
    const item: OutboxItem = { id, endpoint, body, bytes: new TextEncoder().encode(body).length, queuedAt: now, attempts: 0, nextAttemptAt: now, notBefore: now };
    // The lock is taken before the item is stored, so no flush elsewhere can pick it up first.
    let stored = false;
    const locked = await withLock(lockName(id), async () => attemptAndSettle(item, (stored = await outbox.add(item))));
    const outcome = locked.acquired ? locked.value : undefined;
    if (!outcome) return { status: 'queued', id };
    if (outcome.kind === 'retry' && stored) {
      void schedule();
      return { status: 'queued', id, error: outcome.error };
    }
    return outcome.kind === 'sent' ? { status: 'sent', id } : { status: 'rejected', id, error: outcome.error };
  }

  return {
    endpoint,
    audience,
    send,
    flush,
    pending: async () => (await outbox.list()).length,
    close() {
      closed = true;
      clearTimeout(timer);
      if (isBrowser) {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('pagehide', onPageHide);
      }
    },
  };
}

function readBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, 2000);
  }
}
