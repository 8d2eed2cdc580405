import { eventInit } from './event-init.js';

/** The feedback dialog opened. */
export class HearkenOpenEvent extends Event {
  constructor() {
    super('hearken-open', eventInit());
  }
}
