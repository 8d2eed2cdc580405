/** The names of Hearken's error classes; guards compare them so they work across realms (iframes). */
export type HearkenErrorName = 'HearkenError' | 'HttpError' | 'NetworkError' | 'TimeoutError' | 'ValidationError' | 'BeforeSendError';

/** Base of every error Hearken reports. `name` tells the kind, `code` is stable and translatable. */
export class HearkenError extends Error {
  override name: HearkenErrorName = 'HearkenError';
  /** A stable identifier for translations, e.g. `http`, `network`, `timeout`, `invalid`, `dropped`. */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether `value` is any Hearken error, also one made in another realm. */
export function isHearkenError(value: unknown): value is HearkenError {
  return (
    value instanceof HearkenError ||
    (value instanceof Object && typeof (value as HearkenError).code === 'string' && /^(Hearken|Http|Network|Timeout|Validation|BeforeSend)Error$/.test(String((value as Error).name)))
  );
}
