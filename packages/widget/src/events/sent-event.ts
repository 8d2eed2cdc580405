import type { FeedbackInput } from '@hearken/client';
import { eventInit } from './event-init.js';

/** The endpoint accepted the feedback (2xx). */
export class HearkenSentEvent extends Event {
  readonly detail: { id: string; feedback: FeedbackInput };
  constructor(id: string, feedback: FeedbackInput) {
    super('hearken-sent', eventInit());
    this.detail = { id, feedback };
  }
}
