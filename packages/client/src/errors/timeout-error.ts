import { HearkenError } from './hearken-error.js';

/** The endpoint did not answer within the client's `timeout`. */
export class TimeoutError extends HearkenError {
  override name = 'TimeoutError' as const;
  /** The timeout that passed, in milliseconds. */
  readonly timeout: number;

  constructor(timeout: number) {
    super('timeout', `The endpoint did not answer within ${timeout} ms`);
    this.timeout = timeout;
  }
}

export const isTimeoutError = (value: unknown): value is TimeoutError =>
  value instanceof TimeoutError || (value instanceof Object && (value as Error).name === 'TimeoutError');
