import { HearkenError } from './hearken-error.js';

/**
 * The request never got an answer (offline, DNS, CORS refusal, no preflight answer, connection
 * reset); `cause` holds the original failure.
 */
export class NetworkError extends HearkenError {
  override name = 'NetworkError' as const;
  /**
   * Whether the browser reported itself offline (`navigator.onLine === false`) when the request
   * failed. `true`: it will be sent when the browser is back online. `false`: the endpoint could not
   * be reached although the browser is online (down, or refusing this page by CORS); it is retried
   * automatically.
   * @example
   * if (result.status === 'queued' && isNetworkError(result.error) && result.error.offline) showOfflineNote();
   */
  readonly offline: boolean;

  constructor(cause: unknown, offline = false) {
    super('network', offline ? 'The browser is offline' : 'The endpoint could not be reached', { cause });
    this.offline = offline;
  }
}

export const isNetworkError = (value: unknown): value is NetworkError =>
  value instanceof NetworkError || (value instanceof Object && (value as Error).name === 'NetworkError');
