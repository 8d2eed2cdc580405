// `@hearken/widget/vue`: types only. Importing it (once, e.g. in main.ts or env.d.ts) lets Volar and
// vue-tsc check `<hearken-feedback>`, `<hearken-form>` and `<hearken-rating>` in templates. Vue must
// still be told these are custom elements: `compilerOptions.isCustomElement: (tag) =>
// tag.startsWith('hearken-')` (see docs/frameworks.md).
import type { DefineComponent } from 'vue';
import type { FeedbackProps, FormProps, HearkenEvents, RatingProps } from './frameworks/element-props.js';

export type { FeedbackProps, FormProps, HearkenEvents, RatingProps } from './frameworks/element-props.js';

/** Vue listens with `@hearken-sent="…"`; these type `$event` for each Hearken event. */
type VueEventProps = {
  [K in keyof HearkenEvents as K extends `hearken-${infer Name}` ? `onHearken${Capitalize<Name>}` : never]?: (event: HearkenEvents[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'hearken-feedback': DefineComponent<FeedbackProps & VueEventProps>;
    'hearken-form': DefineComponent<FormProps & VueEventProps>;
    'hearken-rating': DefineComponent<RatingProps & VueEventProps>;
  }
}
