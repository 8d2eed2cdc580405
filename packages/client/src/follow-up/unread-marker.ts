/**
 * What the launcher needs to know at start, read synchronously and cheaply, without the list
 * itself: whether this browser holds any follow-up key, and how many team replies it has not seen.
 * `my-feedback.ts` keeps both in step with the list.
 */
export const MY_FEEDBACK_KEY = 'hearken:my-feedback';
const UNREAD_KEY = 'hearken:unread';

/** Whether this browser holds any follow-up key at all (then, and only then, threads are checked). */
export function hasFollowUps(): boolean {
  try {
    return localStorage.getItem(MY_FEEDBACK_KEY) !== null;
  } catch {
    return false;
  }
}

/** Team replies the person has not seen yet, as last counted. */
export function unreadCount(): number {
  try {
    return Number(localStorage.getItem(UNREAD_KEY)) || 0;
  } catch {
    return 0;
  }
}

export function setUnreadCount(count: number): void {
  try {
    if (count) localStorage.setItem(UNREAD_KEY, String(count));
    else localStorage.removeItem(UNREAD_KEY);
  } catch {
    // No localStorage: the launcher shows no count.
  }
}
