// hearken-widget.js: what the script tag loads on first intent: the dialog, the form, the rating and
// the client. It defines <hearken-form> and <hearken-rating> and hands the launcher the dialog, the
// shared client and the page's language (each language a file of its own, beside this one).
import { HearkenForm } from '../form/form.js';
import { languageOf } from '../i18n/translations.js';
import { HearkenRating } from '../rating/rating.js';
import { defineElements } from '../registration.js';

export { sharedClientFor } from '../sending/shared-client.js';
export { checkThreads } from '@hearken/client';
export { createFeedbackDialog } from '../feedback/feedback-dialog.js';

/**
 * Loads the one complete built-in table the page needs (German for `de…`, else English), then
 * defines <hearken-form> and <hearken-rating>: inline elements upgrade with their strings there.
 */
export async function loadLanguage(locale: string): Promise<void> {
  await (languageOf(locale) === 'de' ? import('./language-de.js') : import('./language-en.js'));
  defineElements({ form: HearkenForm, rating: HearkenRating });
}
