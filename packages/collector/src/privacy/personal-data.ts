import type { Feedback } from '@hearken/client/schema';

/** `url` without its query string and fragment, where names, emails and tokens tend to travel. */
const withoutQuery = (url: string) => url.replace(/[?#].*$/s, '');

/**
 * The feedback with what identifies its writer left out: `user`, `contact`, the browser string,
 * and the query strings of the page and referrer URLs. What was said (message, rating, category,
 * tags, metadata, the thread) stays.
 */
export function withoutPersonalData(feedback: Feedback): Feedback {
  const { user: _user, contact: _contact, ...kept } = feedback;
  if (!kept.context) return kept;
  const { userAgent: _userAgent, url, referrer, ...context } = kept.context;
  return {
    ...kept,
    context: { ...context, ...(url === undefined ? {} : { url: withoutQuery(url) }), ...(referrer === undefined ? {} : { referrer: withoutQuery(referrer) }) },
  };
}
