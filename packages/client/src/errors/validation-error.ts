import type { FeedbackIssue } from '../schema/parse.js';
import { HearkenError } from './hearken-error.js';

/** The feedback does not match the schema; nothing was sent or stored. `issues` says what and where. */
export class ValidationError extends HearkenError {
  override name = 'ValidationError' as const;
  readonly issues: FeedbackIssue[];

  constructor(issues: FeedbackIssue[]) {
    super('invalid', `Invalid feedback: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    this.issues = issues;
  }
}

export const isValidationError = (value: unknown): value is ValidationError =>
  value instanceof ValidationError || (value instanceof Object && (value as Error).name === 'ValidationError');
