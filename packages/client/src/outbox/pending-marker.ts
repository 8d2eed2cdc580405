/**
 * A flag in localStorage saying that feedback waits in the outbox. The script-tag loader reads it
 * synchronously at start, so it can load the client at once and deliver what an earlier visit left.
 */
export const PENDING_MARKER_KEY = 'hearken:pending';

export function hasPendingFeedback(): boolean {
  try {
    return localStorage.getItem(PENDING_MARKER_KEY) !== null;
  } catch {
    return false;
  }
}

export function setPendingMarker(pending: boolean): void {
  try {
    if (pending) localStorage.setItem(PENDING_MARKER_KEY, '1');
    else localStorage.removeItem(PENDING_MARKER_KEY);
  } catch {
    // No localStorage (Node, blocked frames): the loader then loads on idle instead.
  }
}
