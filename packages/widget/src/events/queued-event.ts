import type { FeedbackInput, HearkenError } from '@hearken/client';
import { eventInit } from './event-init.js';

/** The feedback was stored for later delivery (offline, or the endpoint was unavailable). */
export class HearkenQueuedEvent extends Event {
  readonly detail: { id: string; feedback: FeedbackInput; error?: HearkenError };
  constructor(id: string, feedback: FeedbackInput, error?: HearkenError) {
    super('hearken-queued', eventInit());
    this.detail = { id, feedback, error };
  }
}
