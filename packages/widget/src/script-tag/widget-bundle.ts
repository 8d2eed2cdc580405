// hearken-widget.js: what the script tag loads on first intent: the dialog, the form, the rating and
// the client. It defines <hearken-form> and <hearken-rating> and hands the launcher the dialog, the
// shared client and the page's language (each language a file of its own, beside this one).
import { HearkenForm } from '../form/form.js';
import { HearkenRating } from '../rating/rating.js';
import { defineElements } from '../registration.js';
import { builtInLanguage } from './base-url.js';

defineElements({ form: HearkenForm, rating: HearkenRating });

export { sharedClientFor } from '../sending/shared-client.js';
export { createFeedbackDialog } from '../feedback/feedback-dialog.js';

// In this file, not a chunk of its own: each language file uses it, so it would cost a third round trip.
export { launcherMessages } from '../i18n/launcher-messages.js';

/** Loads the one complete built-in table the page needs (`hearken-language-<code>.js`). */
export const loadLanguage = (locale: string): Promise<unknown> => (builtInLanguage(locale) === 'de' ? import('./language-de.js') : import('./language-en.js'));
