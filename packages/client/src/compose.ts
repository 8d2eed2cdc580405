import type { ClientOptions } from './client-options.js';
import { capturePageContext } from './context.js';
import { BeforeSendError } from './errors/before-send-error.js';
import type { HearkenError } from './errors/hearken-error.js';
import { ValidationError } from './errors/validation-error.js';
import { createFollowUpKey } from './follow-up/follow-up-key.js';
import type { Audience, Feedback, FeedbackInput } from './schema/feedback.js';
import { parseFeedback, parseFeedbackInput } from './schema/parse.js';

/** A feedback ready to store and send, or why there is none. */
export type Composed = { ok: true; feedback: Feedback; body: string; bytes: number } | { ok: false; error: HearkenError };

/**
 * Turns what the page gave into the feedback on the wire: checks the input, fills in the defaults,
 * the page context and the id, lets `beforeSend` edit or drop it, and checks the result again.
 */
export async function composeFeedback(
  input: FeedbackInput,
  id: string,
  options: Pick<ClientOptions, 'site' | 'context' | 'beforeSend' | 'followUp'> & { audience: Audience },
): Promise<Composed> {
  const checked = parseFeedbackInput(input);
  if (!checked.success) return { ok: false, error: new ValidationError(checked.issues) };
  const { anonymous = false, user, contact, ...fields } = checked.data;
  let feedback: Feedback | null = {
    ...fields,
    ...(anonymous ? {} : { user, contact }),
    id,
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    audience: fields.audience ?? options.audience,
    category: fields.category ?? 'other',
    anonymous,
    site: fields.site ?? options.site,
    context: capturePageContext(options.context),
    ...(options.followUp === false ? {} : { followUp: { key: createFollowUpKey() } }),
  };
  if (options.beforeSend) {
    try {
      feedback = await options.beforeSend(feedback);
    } catch (cause) {
      return { ok: false, error: new BeforeSendError('threw', cause) };
    }
    if (!feedback) return { ok: false, error: new BeforeSendError('dropped') };
  }
  // The id stays the client's own, whatever beforeSend did to it.
  const final = parseFeedback({ ...feedback, id });
  if (!final.success) return { ok: false, error: new ValidationError(final.issues) };
  const body = JSON.stringify(final.data);
  return { ok: true, feedback: final.data, body, bytes: new TextEncoder().encode(body).length };
}
