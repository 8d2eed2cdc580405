import type { HearkenError, HttpError } from '@hearken/client';
import { format, type Messages } from './messages.js';

/**
 * Why sending failed, in the person's language. Errors are told apart by `name`, which also works
 * across realms; `undefined`: the element has no endpoint to send to (the page's set-up).
 */
export function describeError(t: Messages, error: HearkenError | Error | undefined): string {
  const name = error?.name;
  const reason = !error
    ? t.errorNoEndpoint
    : name === 'HttpError'
      ? format(t.errorRejected, { status: (error as HttpError).status })
      : name === 'BeforeSendError'
        ? t.errorDropped
        : name === 'ValidationError'
          ? t.errorInvalid
          : t.errorNetwork;
  return format(t.failed, { reason });
}
