import type { ClientOptions } from './client-options.js';
import { composeFeedback } from './compose.js';
import { createAttempt } from './delivery/attempt.js';
import { createKeepaliveSender } from './delivery/keepalive.js';
import { watchPageLifecycle } from './delivery/page-lifecycle.js';
import { RETRY_DEFAULTS } from './delivery/retry-policy.js';
import { Scheduler } from './delivery/scheduler.js';
import { fetchTransport } from './delivery/transport.js';
import type { HearkenError } from './errors/hearken-error.js';
import { checkEndpoint } from './endpoint.js';
import { createId } from './id.js';
import { recordingFollowUp, rememberFollowUp } from './follow-up/record-follow-up.js';
import { createDefaultStorage } from './outbox/fallback-storage.js';
import { Outbox } from './outbox/outbox.js';
import type { Audience, FeedbackInput } from './schema/feedback.js';

export type { ClientOptions, DeliveryEvent, DropReason } from './client-options.js';

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
  /** `true` when the endpoint accepted it and keeps a thread for it: the team's answers can be read later. */
  followUp?: boolean;
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

/**
 * Creates a client that delivers feedback to `endpoint`.
 *
 * @throws {TypeError} at once when `endpoint` is not an http(s) URL (a relative one needs a page
 * to resolve against), with a message that says what to fix; `send()` itself never throws.
 *
 * @example
 * const client = createClient({ endpoint: 'https://feedback.example.com/feedback', audience: 'internal' });
 * const result = await client.send({ message: 'Printer on floor 3 is broken', category: 'equipment', urgency: 'high' });
 */
export function createClient(options: ClientOptions): HearkenClient {
  checkEndpoint(options?.endpoint);
  const { endpoint, onDelivery } = options;
  const audience = options.audience ?? 'external';
  const autoFlush = options.autoFlush !== false;
  const retry = { ...RETRY_DEFAULTS, ...options.retry };
  const outbox = new Outbox(options.storage ?? createDefaultStorage(), endpoint, options.outbox ?? {}, (item) =>
    onDelivery?.({ id: item.id, status: 'dropped', reason: 'evicted' }),
  );
  const attempt = recordingFollowUp(createAttempt({
    transport: options.transport ?? fetchTransport,
    timeout: options.timeout ?? 10_000,
    credentials: options.credentials ?? 'same-origin',
    headers: options.headers,
    maxRetryAfter: retry.maxRetryAfter,
    retryAfterFloor: retry.retryAfterFloor,
  }));
  const scheduler = new Scheduler({ outbox, attempt, retry, onDelivery, autoFlush });
  let stopWatching = () => {};
  if (autoFlush) {
    setTimeout(() => void scheduler.flush(), 0);
    const watch = watchPageLifecycle({ online: () => void scheduler.flush(), leaving: createKeepaliveSender(outbox, attempt) });
    outbox.onWaitingChange = watch.watchUnload;
    stopWatching = watch.stop;
  }

  async function send(input: FeedbackInput): Promise<SendResult> {
    const id = createId();
    const composed = await composeFeedback(input, id, { ...options, audience });
    if (!composed.ok) return { status: 'rejected', id, error: composed.error };
    const now = Date.now();
    const { body, bytes } = composed;
    rememberFollowUp(composed.feedback, endpoint);
    const result = await scheduler.sendNew({ id, endpoint, body, bytes, queuedAt: now, attempts: 0, nextAttemptAt: now, notBefore: now });
    if (!result) return { status: 'queued', id };
    const { outcome, stored } = result;
    if (outcome.kind === 'sent') return { status: 'sent', id, ...(outcome.followUp ? { followUp: true } : {}) };
    if (outcome.kind === 'retry' && stored) return { status: 'queued', id, error: outcome.error };
    return { status: 'rejected', id, error: outcome.error };
  }

  return {
    endpoint,
    audience,
    send,
    flush: scheduler.flush,
    pending: async () => (await outbox.list()).length,
    close() {
      scheduler.close();
      stopWatching();
    },
  };
}
