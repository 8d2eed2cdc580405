import type { HearkenError, HttpError } from '@hearken/client';
import { format, type Messages } from './messages.js';

/**
 * Why sending failed, in the person's language. Errors are told apart by `name`, which also works
 * across realms; `'no endpoint'`: the element has no usable endpoint (the page's set-up).
 */
export function describeError(t: Messages, error: HearkenError | Error | 'no endpoint' | undefined): string {
  const name = typeof error == 'object' ? error.name : undefined;
  const reason =
    error === 'no endpoint'
      ? (t.errorNoEndpoint ?? t.errorNetwork)
      : name === 'HttpError'
      ? format(t.errorRejected, { status: (error as HttpError).status })
      : name === 'BeforeSendError'
        ? t.errorDropped
        : name === 'ValidationError'
          ? t.errorInvalid
          : t.errorNetwork;
  return format(t.failed, { reason });
}
