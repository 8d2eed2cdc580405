// `@hearken/widget/svelte`: types only. Importing it (once, e.g. `import type {} from
// '@hearken/widget/svelte'` in src/app.d.ts or a component's script) lets svelte-check and the Svelte
// language tools check `<hearken-feedback>`, `<hearken-form>` and `<hearken-rating>` in markup: their
// properties, and `onhearken-sent` (Svelte 5) or `on:hearken-sent` (Svelte 4 syntax) typed with the
// event classes. Register the elements in the browser with `@hearken/widget/define` (see docs/frameworks.md).
import type { HTMLAttributes } from 'svelte/elements';
import type { HearkenFeedback } from './feedback/feedback.js';
import type { HearkenForm } from './form/form.js';
import type { FeedbackProps, FormProps, HearkenEvents, RatingProps } from './frameworks/element-props.js';
import type { HearkenRating } from './rating/rating.js';

export type { FeedbackProps, FormProps, HearkenEvents, RatingProps } from './frameworks/element-props.js';

/** Svelte 5 adds a listener for `onhearken-sent={…}`, Svelte 4 syntax for `on:hearken-sent={…}`; both get the event class. */
type SvelteEventProps = {
  [K in keyof HearkenEvents as `on${K}` | `on:${K}`]?: ((event: HearkenEvents[K]) => void) | null | undefined;
};

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'hearken-feedback': HTMLAttributes<HearkenFeedback> & FeedbackProps & SvelteEventProps & { minimized?: boolean };
    'hearken-form': HTMLAttributes<HearkenForm> & FormProps & SvelteEventProps;
    'hearken-rating': HTMLAttributes<HearkenRating> & RatingProps & SvelteEventProps;
  }
}
