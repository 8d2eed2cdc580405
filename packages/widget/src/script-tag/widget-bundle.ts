// hearken-widget.js: what the script tag loads on first intent: the dialog, the form, the rating and
// the client. It hands the launcher the dialog, the shared client and the page's language (each
// language a file of its own, beside this one, fetched at the same time), and defines <hearken-form>
// and <hearken-rating> once that language is there: an inline element never renders without its strings.
import { HearkenForm } from '../form/form.js';
import { HearkenRating } from '../rating/rating.js';
import { setBuiltInLoader } from '../i18n/translations.js';
import { defineElements } from '../registration.js';
import { sharedClientFor, type DeliveryAttributes } from '../sending/shared-client.js';
import { BeforeSendError, createId, type FeedbackInput, type HearkenClient, type SendResult } from '@hearken/client';
import { deliver } from '../sending/deliver.js';
import { builtInLanguage } from './base-url.js';

/**
 * The shared client behind `Hearken.send`. Throws with what to fix only where the page later set an
 * unusable endpoint on the element (the loader checked `data-endpoint` at start).
 */
export function scriptTagClient(attributes: DeliveryAttributes): HearkenClient {
  const client = sharedClientFor(attributes);
  if (!client) throw new TypeError(`Hearken: cannot send to "${attributes.endpoint}"; set the endpoint to the URL feedback is POSTed to (https://…).`);
  return client;
}

/**
 * `Hearken.send`: sends from the page's own UI the way the elements do, so that `Hearken.on('submit' |
 * 'sent' | 'queued' | 'error')` hears it too. A `hearken-submit` listener that cancels makes it
 * `rejected` with a `BeforeSendError` (`dropped`), as a `beforeSend` that drops does.
 */
export async function scriptTagSend(launcher: HTMLElement, client: HearkenClient, feedback: FeedbackInput): Promise<SendResult> {
  return (await deliver(launcher, client, feedback)) ?? { status: 'rejected', id: createId(), error: new BeforeSendError('dropped') };
}
export { createFeedbackDialog } from '../feedback/feedback-dialog.js';

// In this file, not a chunk of its own: each language file uses it, so it would cost a third round trip.
export { launcherMessages } from '../i18n/launcher-messages.js';

const tables = new Map<string, Promise<unknown>>();
const loadTable = (locale: string) => {
  const code = builtInLanguage(locale);
  if (!tables.has(code)) tables.set(code, code === 'de' ? import('./language-de.js') : import('./language-en.js'));
  return tables.get(code)!;
};
// An element in another language than the launcher's (`<hearken-form locale="de">` on an English page) asks for its table.
setBuiltInLoader(loadTable);

/**
 * Loads the complete built-in table for `locale` (`hearken-language-<code>.js`), then, once every
 * table asked for so far is in (inline elements may speak other languages than the launcher),
 * defines <hearken-form> and <hearken-rating>: inline elements upgrade with their strings there.
 */
export async function loadLanguage(locale: string): Promise<void> {
  await loadTable(locale);
  await Promise.allSettled(tables.values());
  defineElements({ form: HearkenForm, rating: HearkenRating });
}
