import type { FeedbackInput } from '@hearken/client';
import { eventInit } from './event-init.js';

/** A person pressed send; cancel it (`preventDefault()`) to stop sending. `detail.feedback` may be edited. */
export class HearkenSubmitEvent extends Event {
  readonly detail: { feedback: FeedbackInput };
  constructor(feedback: FeedbackInput) {
    super('hearken-submit', eventInit(true));
    this.detail = { feedback };
  }
}
