import { HearkenError } from './hearken-error.js';

/** The endpoint answered with a status other than 2xx. */
export class HttpError extends HearkenError {
  override name = 'HttpError' as const;
  /** The HTTP status, e.g. `422`. */
  readonly status: number;
  /** The response body, parsed as JSON when it is JSON, else its text (cut to 2,000 characters). */
  readonly body: unknown;
  /** Whether the same request may succeed later (408, 425, 429, 5xx). */
  readonly retryable: boolean;

  constructor(status: number, body: unknown, retryable: boolean) {
    super('http', `The endpoint answered ${status}`);
    this.status = status;
    this.body = body;
    this.retryable = retryable;
  }
}

export const isHttpError = (value: unknown): value is HttpError =>
  value instanceof HttpError || (value instanceof Object && (value as Error).name === 'HttpError');
