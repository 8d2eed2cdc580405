// What `@hearken/widget/define-lazy` loads on intent: every element with both built-in languages,
// the launcher's dialog and the shared client (one chunk, so intent costs one request).
import './define.js';

export { createFeedbackDialog } from './feedback/feedback-dialog.js';
export { sharedClientFor } from './sending/shared-client.js';
