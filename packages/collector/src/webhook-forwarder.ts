import { isRetryableStatus } from '@hearken/client/schema';
import type { FeedbackStorage, NewOutgoingMessage, OutgoingMessage, StoredFeedback } from './storage/feedback-storage.js';

/** Options of {@link createWebhookForwarder}. */
export interface WebhookForwarderOptions {
  /** Incoming-webhook URL (Slack-, Teams- or Mattermost-style, or your own). */
  url: string;
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
export interface WebhookForwarder {
  /** Pass as the handler's `outgoing`: the forward to queue with a new feedback, stored in the same transaction. */
  outgoing(record: StoredFeedback): NewOutgoingMessage[];
  /** Sends every forward that is due now; pass as the handler's `onStored` to forward at once. */
  deliverDue(): Promise<void>;
  /** Starts looking for due forwards every `pollInterval`, including those left by a stopped or crashed instance. */
  start(): void;
  /** Stops looking, and resolves when the sends under way have ended. */
  stop(): Promise<void>;
}

const describe = ({ feedback: f, identity }: StoredFeedback) => {
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
  const { storage, url } = options;
  const when = options.when ?? ((r) => r.feedback.audience === 'internal' && r.feedback.urgency === 'high');
  const post = options.fetch ?? fetch;
  const baseDelay = options.baseDelay ?? 2000;
  const maxDelay = options.maxDelay ?? 10 * 60_000;
  const maxAge = options.maxAge ?? 48 * 3600_000;
  const lease = options.lease ?? 60_000;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  async function send(message: OutgoingMessage): Promise<void> {
    let error: string;
    let retryable = true;
    try {
      const response = await post(message.target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
        body: message.payload,
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (response.ok) return void (await storage.settleOutgoing(message, { state: 'sent' }));
      error = `HTTP ${response.status}`;
      retryable = isRetryableStatus(response.status);
    } catch (cause) {
      error = (cause as Error).message;
    }
    const delay = Math.min(maxDelay, baseDelay * 2 ** (message.attempts - 1)) * (0.5 + Math.random() / 2);
    const at = Math.round(Date.now() + delay);
    if (!retryable || at - message.queuedAt > maxAge) {
      console.error(`hearken-collector: webhook gave up on feedback ${message.feedbackId} after ${message.attempts} attempts (${error})`);
      await storage.settleOutgoing(message, { state: 'failed', error });
    } else {
      await storage.settleOutgoing(message, { state: 'retry', at, error });
    }
  }

  async function drain(): Promise<void> {
    do {
      again = false;
      for (;;) {
        const due = await storage.claimOutgoing('webhook', { now: Date.now(), leaseMs: lease, limit: 20 });
        if (!due.length) break;
        await Promise.all(due.map(send));
      }
    } while (again);
  }

  const deliverDue = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = drain()
      .catch((error: Error) => console.error(`hearken-collector: webhook forwarding paused (${error.message}); trying again shortly`))
      .finally(() => (running = undefined));
    return running;
  };

  return {
    outgoing: (record) =>
      when(record) ? [{ kind: 'webhook', target: url, payload: JSON.stringify(options.format === 'json' ? record : { text: describe(record) }) }] : [],
    deliverDue,
    start() {
      timer ??= setInterval(() => void deliverDue(), options.pollInterval ?? 1000);
      timer.unref?.();
      void deliverDue();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
