import { AUDIENCES, URGENCIES } from '@hearken/client/schema';
import { FEEDBACK_STATUSES, type InboxFilter } from '../storage/feedback-storage.js';

/** The inbox filter from a query string; unknown or oversized values are left out, never an error. */
export function readFilter(params: URLSearchParams): InboxFilter {
  const filter: InboxFilter = {};
  const pick = <K extends keyof InboxFilter>(key: K, allowed?: readonly string[]) => {
    const value = params.get(key)?.trim();
    if (value && value.length <= 200 && (!allowed || allowed.includes(value))) (filter as Record<string, string>)[key] = value;
  };
  pick('audience', AUDIENCES);
  pick('urgency', URGENCIES);
  pick('status', FEEDBACK_STATUSES);
  for (const key of ['category', 'department', 'site'] as const) pick(key);
  for (const key of ['from', 'to'] as const) if (/^\d{4}-\d\d-\d\d/.test(params.get(key) ?? '')) pick(key);
  const email = params.get('email')?.trim().toLowerCase();
  if (email && email.length <= 254 && email.includes('@')) filter.email = email;
  const spam = params.get('spam');
  if (spam === 'only') filter.spam = 'only';
  else if (spam === 'true' || spam === '1') filter.spam = true;
  const limit = Number(params.get('limit'));
  if (Number.isInteger(limit) && limit > 0) filter.limit = Math.min(limit, 10_000);
  return filter;
}
