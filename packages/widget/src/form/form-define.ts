// Registers the form and the rating with both built-in languages (the npm build).
import '../i18n/builtin-languages.js';
import { HearkenRating } from '../rating/rating.js';
import { defineOnce } from '../shared/define-once.js';
import { HearkenForm } from './form.js';

defineOnce('hearken-form', HearkenForm);
defineOnce('hearken-rating', HearkenRating);
