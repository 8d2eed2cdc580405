// `@hearken/widget/react`: React components for the three elements (typed props, and `onSent`,
// `onSubmit` … typed with the event classes), and JSX types for writing the raw tags in React 19.
// Importing it registers the elements (as `@hearken/widget/define` does); on a server it defines
// nothing that needs a DOM, so it is safe in Next.js server components' client boundaries and SSR.
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import './define.js';
import type { HearkenCloseEvent } from './events/close-event.js';
import type { HearkenErrorEvent } from './events/error-event.js';
import type { HearkenOpenEvent } from './events/open-event.js';
import type { HearkenQueuedEvent } from './events/queued-event.js';
import type { HearkenSentEvent } from './events/sent-event.js';
import type { HearkenSubmitEvent } from './events/submit-event.js';
import { HearkenFeedback as FeedbackElement } from './feedback/feedback.js';
import { HearkenForm as FormElement } from './form/form.js';
import type { FeedbackProps, FormProps, HearkenEvents, RatingProps } from './frameworks/element-props.js';
import { HearkenRating as RatingElement } from './rating/rating.js';
import { TAGS } from './registration.js';

export type { FeedbackProps, FormProps, HearkenEvents, RatingProps } from './frameworks/element-props.js';

const sendingEvents = {
  onSubmit: 'hearken-submit' as EventName<HearkenSubmitEvent>,
  onSent: 'hearken-sent' as EventName<HearkenSentEvent>,
  onQueued: 'hearken-queued' as EventName<HearkenQueuedEvent>,
  onError: 'hearken-error' as EventName<HearkenErrorEvent>,
};

/**
 * `<hearken-feedback>` as a React component: the floating launcher with its modal dialog.
 * @example
 * <HearkenFeedback endpoint="/feedback" audience="internal" onSent={(e) => console.log(e.detail.id)} />
 */
export const HearkenFeedback = createComponent({
  tagName: TAGS.feedback,
  elementClass: FeedbackElement,
  react: React,
  events: { ...sendingEvents, onOpen: 'hearken-open' as EventName<HearkenOpenEvent>, onClose: 'hearken-close' as EventName<HearkenCloseEvent> },
});

/**
 * `<hearken-form>` as a React component: the form, inline in the page.
 * @example
 * <HearkenForm endpoint="/feedback" rating="stars" onSubmit={(e) => e.detail.feedback.tags = ['docs']} />
 */
export const HearkenForm = createComponent({ tagName: TAGS.form, elementClass: FormElement, react: React, events: sendingEvents });

/**
 * `<hearken-rating>` as a React component; with an `endpoint` it stands alone ("Was this page helpful?").
 * @example
 * <HearkenRating scale="thumbs" endpoint="/feedback" onSent={() => setThanked(true)} />
 */
export const HearkenRating = createComponent({ tagName: TAGS.rating, elementClass: RatingElement, react: React, events: sendingEvents });

/** React 19 passes props to a custom element as properties and `on<event-name>` props as listeners. */
type ReactEventProps = { [K in keyof HearkenEvents as `on${K}`]?: (event: HearkenEvents[K]) => void };
type RawTag<E extends HTMLElement, P> = React.DetailedHTMLProps<React.HTMLAttributes<E>, E> & P & ReactEventProps & { class?: string };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'hearken-feedback': RawTag<FeedbackElement, FeedbackProps & { minimized?: boolean }>;
      'hearken-form': RawTag<FormElement, FormProps>;
      'hearken-rating': RawTag<RatingElement, RatingProps>;
    }
  }
}
