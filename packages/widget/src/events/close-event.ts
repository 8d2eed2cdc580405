import { eventInit } from './event-init.js';

/** The feedback dialog closed. */
export class HearkenCloseEvent extends Event {
  constructor() {
    super('hearken-close', eventInit());
  }
}
