import type { Attempt } from '../delivery/attempt.js';
import type { Feedback } from '../schema/feedback.js';
import { rememberMyFeedback, updateMyFeedback } from './my-feedback.js';

/** The first words of a feedback, to recognise it in the person's list. */
export const excerptOf = (feedback: Pick<Feedback, 'message' | 'rating'>) =>
  feedback.message ? (feedback.message.length > 80 ? `${feedback.message.slice(0, 79)}…` : feedback.message) : `${feedback.rating?.scale} ${feedback.rating?.value}`;

/** Adds a feedback that carries a follow-up key to the browser's "my feedback" list, before it is sent. */
export function rememberFollowUp(feedback: Feedback, endpoint: string): void {
  if (!feedback.followUp) return;
  rememberMyFeedback({ id: feedback.id, key: feedback.followUp.key, endpoint, createdAt: feedback.createdAt, excerpt: excerptOf(feedback), teamReplies: 0, seenReplies: 0 });
}

/**
 * Wraps an attempt so that, whenever an endpoint accepts a feedback and says it keeps threads
 * (at once, from the outbox later, or on unload), the browser's list offers that thread.
 */
export const recordingFollowUp =
  (attempt: Attempt): Attempt =>
  async (item, keepalive) => {
    const outcome = await attempt(item, keepalive);
    if (outcome.kind === 'sent' && outcome.followUp) updateMyFeedback(item.id, { followUp: true });
    return outcome;
  };
