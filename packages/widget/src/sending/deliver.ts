import type { FeedbackInput, HearkenClient, SendResult } from '@hearken/client';
import { HearkenErrorEvent } from '../events/error-event.js';
import { HearkenQueuedEvent } from '../events/queued-event.js';
import { HearkenSentEvent } from '../events/sent-event.js';
import { HearkenSubmitEvent } from '../events/submit-event.js';

/**
 * Sends feedback from an element the way every Hearken element does: a cancelable `hearken-submit`
 * first (its `detail.feedback` may be edited), then `hearken-sent`, `hearken-queued` or `hearken-error`.
 * Resolves `undefined` when a listener cancelled.
 */
export async function deliver(host: HTMLElement, client: HearkenClient, input: FeedbackInput): Promise<SendResult | undefined> {
  const submit = new HearkenSubmitEvent(input);
  if (!host.dispatchEvent(submit)) return undefined;
  const feedback = submit.detail.feedback;
  const result = await client.send(feedback);
  host.dispatchEvent(
    result.status === 'sent'
      ? new HearkenSentEvent(result.id, feedback)
      : result.status === 'queued'
        ? new HearkenQueuedEvent(result.id, feedback, result.error)
        : new HearkenErrorEvent(result.error!, result.id),
  );
  return result;
}
