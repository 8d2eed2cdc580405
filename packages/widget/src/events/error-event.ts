import type { HearkenError } from '@hearken/client';
import { eventInit } from './event-init.js';

/** Sending failed and the feedback was not kept (refused by the endpoint, invalid, or dropped by `beforeSend`). */
export class HearkenErrorEvent extends Event {
  readonly detail: { error: HearkenError | Error; id?: string };
  constructor(error: HearkenError | Error, id?: string) {
    super('hearken-error', eventInit());
    this.detail = { error, id };
  }
}
