import { isRetryableStatus } from '@hearken/client/schema';
import { createOutgoingWorker, type OutgoingWorker } from './outgoing-worker.js';
import type { FeedbackStorage, NewOutgoingMessage, StoredFeedback } from './storage/feedback-storage.js';

/** Options of {@link createWebhookForwarder}. */
export interface WebhookForwarderOptions {
  /**
   * Incoming-webhook URL (Slack-, Teams- or Mattermost-style, or your own) for the feedback `when`
   * picks. Without it the forwarder sends only forwards queued by others, e.g. a routes file's teams.
   */
  url?: string;
  /** Where pending forwards are kept: the collector's storage, so they survive a restart and are shared by every instance. */
  storage: FeedbackStorage;
  /** Which feedback to forward. @default internal feedback with urgency `high` */
  when?: (record: StoredFeedback) => boolean;
  /** `text`: `{ text }`, which Slack- and Teams-style webhooks read; `json`: the stored record. @default 'text' */
  format?: 'text' | 'json';
  /** First retry delay in ms, doubled per attempt (with jitter) up to `maxDelay`. @default 2000 */
  baseDelay?: number;
  /** Longest wait between attempts, in ms. @default 600000 (10 minutes) */
  maxDelay?: number;
  /** A forward is given up this long (ms) after it was queued. @default 172800000 (48 hours) */
  maxAge?: number;
  /** How long a claimed forward is reserved for this instance; if it dies, another instance sends it after this. @default 60000 */
  lease?: number;
  /** How often (ms) to look for due forwards. @default 1000 */
  pollInterval?: number;
  fetch?: typeof fetch;
}

/** Forwards feedback to a webhook through the storage's outgoing queue. */
export interface WebhookForwarder extends OutgoingWorker {
  /** Pass as the handler's `outgoing`: the forward to queue with a new feedback, stored in the same transaction. */
  outgoing(record: StoredFeedback): NewOutgoingMessage[];
}

/** One line (plus the page's address) that tells a team what came in: the `text` of a webhook forward. */
export const summarizeFeedback = ({ feedback: f, identity }: StoredFeedback): string => {
  const who = f.anonymous ? 'anonymous' : [f.user?.name, f.user?.department].filter(Boolean).join(', ') || 'someone';
  return `[${f.urgency ?? 'normal'}] ${f.category} from ${who}${identity === 'verified' ? ' (verified)' : ''}: ${f.message ?? `${f.rating?.scale} ${f.rating?.value}`}${f.context?.url ? `\n${f.context.url}` : ''}`;
};

/**
 * Forwards stored feedback to a webhook in the background: intake never waits for it. Forwards
 * wait in the database until the webhook accepts them, retried with backoff for up to `maxAge`;
 * each is claimed with a lease, so of several instances one sends it, and a crashed instance's
 * forwards are sent by another. Each request carries `Idempotency-Key` (the same on every retry).
 *
 * @example
 * const forwarder = createWebhookForwarder({ url: 'https://hooks.example/T0/B0/x', storage });
 * const handle = createHandler({ storage, outgoing: forwarder.outgoing, onStored: () => void forwarder.deliverDue() });
 * forwarder.start();
 */
export function createWebhookForwarder(options: WebhookForwarderOptions): WebhookForwarder {
  const { url } = options;
  const when = options.when ?? ((r) => r.feedback.audience === 'internal' && r.feedback.urgency === 'high');
  const post = options.fetch ?? fetch;
  const worker = createOutgoingWorker({
    ...options,
    kind: 'webhook',
    async send(message) {
      try {
        const response = await post(message.target, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
          body: message.payload,
          signal: AbortSignal.timeout(10_000),
        });
        await response.body?.cancel();
        return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}`, retryable: isRetryableStatus(response.status) };
      } catch (cause) {
        return { ok: false, error: (cause as Error).message, retryable: true };
      }
    },
  });

  return {
    outgoing: (record) =>
      url && when(record) ? [{ kind: 'webhook', target: url, payload: JSON.stringify(options.format === 'json' ? record : { text: summarizeFeedback(record) }) }] : [],
    ...worker,
  };
}
