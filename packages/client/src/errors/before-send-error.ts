import { HearkenError } from './hearken-error.js';

/** The `beforeSend` hook dropped the feedback (returned `null`) or threw; nothing was sent or stored. */
export class BeforeSendError extends HearkenError {
  override name = 'BeforeSendError' as const;

  constructor(reason: 'dropped' | 'threw', cause?: unknown) {
    super(reason, reason === 'dropped' ? 'beforeSend dropped the feedback' : 'beforeSend threw; nothing was sent', { cause });
  }
}

export const isBeforeSendError = (value: unknown): value is BeforeSendError =>
  value instanceof BeforeSendError || (value instanceof Object && (value as Error).name === 'BeforeSendError');
