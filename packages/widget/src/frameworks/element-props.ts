import type { HearkenFeedback } from '../feedback/feedback.js';
import type { HearkenForm } from '../form/form.js';
import type { HearkenRating } from '../rating/rating.js';

/** What a template may set on `<hearken-feedback>`: its attributes' properties and the objects only a property can carry. */
export type FeedbackProps = Partial<Pick<HearkenFeedback, 'endpoint' | 'audience' | 'locale' | 'site' | 'theme' | 'position' | 'rating' | 'categories' | 'credentials' | 'client' | 'messages' | 'user'>>;

/** What a template may set on `<hearken-form>`. */
export type FormProps = Partial<Pick<HearkenForm, 'endpoint' | 'audience' | 'locale' | 'site' | 'theme' | 'rating' | 'categories' | 'credentials' | 'client' | 'messages' | 'user' | 'minFillMs'>>;

/** What a template may set on `<hearken-rating>`. */
export type RatingProps = Partial<Pick<HearkenRating, 'endpoint' | 'audience' | 'locale' | 'site' | 'theme' | 'credentials' | 'client' | 'messages' | 'scale' | 'value' | 'name' | 'label' | 'required'>>;

export type { HearkenEvents } from '../events.js';
