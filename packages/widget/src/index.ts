// The widget's classes and types, with no side effects. `@hearken/widget/define` registers the
// elements and the built-in languages; to register by hand, call `addLanguage('en', en)` (and `de`)
// and `defineElements({ feedback: HearkenFeedback, … })`.
export { HearkenFeedback } from './feedback/feedback.js';
export { HearkenForm, type FormState } from './form/form.js';
export { HearkenRating } from './rating/rating.js';
export { HearkenCloseEvent, HearkenErrorEvent, HearkenOpenEvent, HearkenQueuedEvent, HearkenSentEvent, HearkenSubmitEvent } from './events.js';
export { addLanguage, registerMessages } from './i18n/translations.js';
export type { DialogMessages, FormMessages, LauncherMessages, Messages, RatingMessages } from './i18n/messages.js';
export { en } from './i18n/en.js';
export { de } from './i18n/de.js';
export type { LauncherPosition, Theme } from './base/attributes.js';
export { TAGS, VERSION, defineElements, defineOnce, type Elements } from './registration.js';
