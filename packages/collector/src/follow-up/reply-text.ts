import { MESSAGE_MAX_LENGTH, messageLength, type FeedbackIssue } from '@hearken/client/schema';

/**
 * The text of a reply (the team's `body`, the person's `message`) under the rules of a feedback's
 * message: a string, trimmed, not empty, at most {@link MESSAGE_MAX_LENGTH} code points. The
 * trimmed text, or the issue with the field named `field`.
 */
export function readReplyText(value: unknown, field: string): { text: string } | { issue: FeedbackIssue } {
  if (typeof value !== 'string') return { issue: { path: [field], code: value === undefined ? 'required' : 'invalid_type', message: `${field}: text required` } };
  const text = value.trim();
  if (!text) return { issue: { path: [field], code: 'required', message: `${field}: text required` } };
  if (messageLength(text) > MESSAGE_MAX_LENGTH) return { issue: { path: [field], code: 'too_big', message: `${field} longer than ${MESSAGE_MAX_LENGTH} characters`, limit: MESSAGE_MAX_LENGTH } };
  return { text };
}
