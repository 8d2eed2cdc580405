/**
 * `@hearken/client/schema`: what a server needs to read feedback — the schema, the parse
 * functions, the constants of the wire format and how answers are classified — without the
 * client's delivery and outbox code. Side-effect free.
 *
 * @example
 * import { parseFeedback } from '@hearken/client/schema';
 * const result = parseFeedback(await request.json());
 * if (!result.success) return Response.json({ issues: result.issues }, { status: 422 });
 */
export {
  AUDIENCES,
  DEFAULT_CATEGORIES,
  FeedbackInputSchema,
  FeedbackSchema,
  RATING_SCALES,
  URGENCIES,
  type Audience,
  type Contact,
  type Metadata,
  type Feedback,
  type FeedbackInput,
  type PageContext,
  type Rating,
  type RatingScale,
  type Signals,
  type Urgency,
  type User,
} from './schema/feedback.js';
export { MESSAGE_MAX_LENGTH, messageLength } from './schema/message-length.js';
export { parseFeedback, parseFeedbackInput, type FeedbackIssue, type ParseResult } from './schema/parse.js';
export { isAccepted, isRetryableStatus } from './delivery/status.js';
