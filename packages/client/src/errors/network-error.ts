import { HearkenError } from './hearken-error.js';

/** The request never got an answer (offline, DNS, CORS, connection reset); `cause` holds the original failure. */
export class NetworkError extends HearkenError {
  override name = 'NetworkError' as const;

  constructor(cause: unknown) {
    super('network', 'The endpoint could not be reached', { cause });
  }
}

export const isNetworkError = (value: unknown): value is NetworkError =>
  value instanceof NetworkError || (value instanceof Object && (value as Error).name === 'NetworkError');
