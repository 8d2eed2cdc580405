// `import '@hearken/widget/define'` registers <hearken-feedback>, <hearken-form> and <hearken-rating>,
// each only once per page, whoever else defines them.
import { HearkenFeedback } from './feedback/feedback.js';
import './form/form-define.js';
import { defineOnce } from './shared/define-once.js';

defineOnce('hearken-feedback', HearkenFeedback);
