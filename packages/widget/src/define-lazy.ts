// `import '@hearken/widget/define-lazy'` registers a small <hearken-feedback> at once and loads the
// rest (the dialog, <hearken-form>, <hearken-rating>, both built-in languages and the client) through
// a dynamic import() on intent: pointer over, focus or touch on the launcher, or `open()`. Bundlers
// split that import into a chunk of its own, so a page pays for the launcher only. The rest loads at
// once when feedback from an earlier visit waits in the outbox, or when the page holds inline
// `<hearken-form>` or `<hearken-rating>` elements when it is parsed.
import { hasPendingFeedback } from '@hearken/client/pending';
import { HearkenFeedback } from './feedback/feedback.js';
import { defineElements, TAGS } from './registration.js';

let rest: Promise<typeof import('./define-lazy-rest.js')> | undefined;
const loadRest = () => (rest ??= import('./define-lazy-rest.js'));

HearkenFeedback.loadForm = loadRest;
HearkenFeedback.loadDialog = loadRest;
defineElements({ feedback: HearkenFeedback });

function loadIfNeeded(): void {
  const launchers = document.querySelectorAll(TAGS.feedback);
  if (hasPendingFeedback()) void loadRest().then(({ sharedClientFor }) => launchers.forEach((launcher) => sharedClientFor(launcher)));
  else if (document.querySelector(`${TAGS.form}, ${TAGS.rating}`)) void loadRest();
}
if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', loadIfNeeded, { once: true });
  else loadIfNeeded();
}
