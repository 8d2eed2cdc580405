import type { HearkenFeedback } from './feedback/feedback.js';
import type { HearkenForm } from './form/form.js';
import type { HearkenMessages } from './messages/messages.js';
import type { HearkenRating } from './rating/rating.js';

/** The version of the elements, compared when another copy of Hearken already defined a tag (from package.json at build time). */
export const VERSION: string = typeof __HEARKEN_VERSION__ === 'string' ? __HEARKEN_VERSION__ : 'development';
declare const __HEARKEN_VERSION__: string | undefined;

/** Every tag Hearken defines, by element. */
export const TAGS = { feedback: 'hearken-feedback', form: 'hearken-form', rating: 'hearken-rating', messages: 'hearken-messages' } as const;

/** The element classes to register, by {@link TAGS} key; each entry passes the ones it carries. */
export interface Elements {
  feedback: typeof HearkenFeedback;
  form: typeof HearkenForm;
  rating: typeof HearkenRating;
  messages: typeof HearkenMessages;
}

/**
 * Defines a custom element unless the tag is taken: an embed shares the page with other scripts,
 * maybe another copy of itself (script tag and npm build). A different version says so once.
 */
export function defineOnce(tag: string, element: CustomElementConstructor & { hearkenVersion?: string }): void {
  const existing = customElements.get(tag) as (CustomElementConstructor & { hearkenVersion?: string }) | undefined;
  if (!existing) {
    element.hearkenVersion = VERSION;
    customElements.define(tag, element);
  } else if (existing.hearkenVersion !== VERSION) {
    console.warn(`Hearken ${VERSION}: <${tag}> kept from ${existing.hearkenVersion ?? 'another script'}`);
  }
}

/**
 * Registers the given elements under their tags. The npm `define` entry passes all three; the script
 * tag passes the launcher first and the form and the rating once they have loaded.
 * Does nothing where there is no `customElements` (server rendering).
 */
export function defineElements(elements: Partial<Elements>): void {
  if (typeof customElements === 'undefined') return;
  for (const key of Object.keys(elements) as (keyof Elements)[]) defineOnce(TAGS[key], elements[key]!);
}
