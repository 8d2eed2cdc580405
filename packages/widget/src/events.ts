// The widget's events, one class per file, typed on GlobalEventHandlersEventMap.
import type { HearkenOpenEvent } from './events/open-event.js';
import type { HearkenCloseEvent } from './events/close-event.js';
import type { HearkenSubmitEvent } from './events/submit-event.js';
import type { HearkenSentEvent } from './events/sent-event.js';
import type { HearkenQueuedEvent } from './events/queued-event.js';
import type { HearkenErrorEvent } from './events/error-event.js';
export { HearkenOpenEvent } from './events/open-event.js';
export { HearkenCloseEvent } from './events/close-event.js';
export { HearkenSubmitEvent } from './events/submit-event.js';
export { HearkenSentEvent } from './events/sent-event.js';
export { HearkenQueuedEvent } from './events/queued-event.js';
export { HearkenErrorEvent } from './events/error-event.js';

/** The events every Hearken element may fire, by name. */
export interface HearkenEvents {
  'hearken-open': HearkenOpenEvent;
  'hearken-close': HearkenCloseEvent;
  'hearken-submit': HearkenSubmitEvent;
  'hearken-sent': HearkenSentEvent;
  'hearken-queued': HearkenQueuedEvent;
  'hearken-error': HearkenErrorEvent;
}

declare global {
  interface GlobalEventHandlersEventMap extends HearkenEvents {}
}
