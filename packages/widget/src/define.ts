// `import '@hearken/widget/define'` registers <hearken-feedback>, <hearken-form> and <hearken-rating>
// with both built-in languages, each only once per page, whoever else defines them.
import { HearkenFeedback } from './feedback/feedback.js';
import { HearkenForm } from './form/form.js';
import './i18n/builtin-languages.js';
import { HearkenRating } from './rating/rating.js';
import { defineElements } from './registration.js';

// The types arrive with this import alone: the element classes carry the HTMLElementTagNameMap
// entries and the events module the GlobalEventHandlersEventMap entries.
export type * from './index.js';

defineElements({ feedback: HearkenFeedback, form: HearkenForm, rating: HearkenRating });
