// What the launcher loads on first intent: Lit, the dialog, the form, the rating and the client. It
// defines <hearken-form> and <hearken-rating> and hands the launcher the dialog and the shared client.
import { HearkenForm } from '../form/form.js';
import { HearkenRating } from '../rating/rating.js';
import { defineElements } from '../registration.js';

defineElements({ form: HearkenForm, rating: HearkenRating });

export { sharedClientFor } from '../sending/shared-client.js';
// The dialog loads with the rest: one file on intent, not two.
export { createFeedbackDialog } from '../feedback/feedback-dialog.js';
