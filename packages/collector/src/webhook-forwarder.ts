import { isRetryableStatus } from '@hearken/client/schema';
import type { StoredFeedback } from './storage/feedback-storage.js';

/** Options of {@link createWebhookForwarder}. */
export interface WebhookForwarderOptions {
  /** Incoming-webhook URL (Slack-, Teams- or Mattermost-style, or your own). */
  url: string;
  /** Which feedback to forward. @default internal feedback with urgency `high` */
  when?: (record: StoredFeedback) => boolean;
  /** `text`: `{ text }`, which Slack- and Teams-style webhooks read; `json`: the stored record. @default 'text' */
  format?: 'text' | 'json';
  /** Attempts per feedback. @default 5 */
  attempts?: number;
  /** First retry delay in ms, doubled each time. @default 2000 */
  baseDelay?: number;
  fetch?: typeof fetch;
}

const describe = ({ feedback: f, identity }: StoredFeedback) => {
  const who = f.anonymous ? 'anonymous' : [f.user?.name, f.user?.department].filter(Boolean).join(', ') || 'someone';
  return `[${f.urgency ?? 'normal'}] ${f.category} from ${who}${identity === 'verified' ? ' (verified)' : ''}: ${f.message ?? `${f.rating?.scale} ${f.rating?.value}`}${f.context?.url ? `\n${f.context.url}` : ''}`;
};

/**
 * Forwards stored feedback to a webhook in the background: intake never waits for it, and a
 * failing webhook is retried with backoff. Pass the result as the handler's `onStored`.
 */
export function createWebhookForwarder(options: WebhookForwarderOptions): ((record: StoredFeedback) => void) & { idle(): Promise<void> } {
  const when = options.when ?? ((r) => r.feedback.audience === 'internal' && r.feedback.urgency === 'high');
  const post = options.fetch ?? fetch;
  const attempts = options.attempts ?? 5;
  const baseDelay = options.baseDelay ?? 2000;
  const inFlight = new Set<Promise<void>>();

  async function deliver(record: StoredFeedback): Promise<void> {
    const body = JSON.stringify(options.format === 'json' ? record : { text: describe(record) });
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        const response = await post(options.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
        if (response.ok) return;
        if (!isRetryableStatus(response.status)) break;
      } catch {
        // network failure: retried below
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, baseDelay * 2 ** (attempt - 1)));
    }
    console.error(`hearken-collector: webhook gave up on feedback ${record.feedback.id}`);
  }

  const forward = (record: StoredFeedback) => {
    if (!when(record)) return;
    const task = deliver(record).finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  /** Resolves when every forward under way has ended (for shutdown and tests). */
  forward.idle = async () => void (await Promise.all(inFlight));
  return forward;
}
