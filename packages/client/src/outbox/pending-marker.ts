/**
 * A flag in localStorage saying that feedback waits in the outbox. The script-tag loader reads it
 * synchronously at start, so it can load the client at once and deliver what an earlier visit left.
 */
export const PENDING_MARKER_KEY = 'hearken:pending';

export function hasPendingFeedback(): boolean {
  try {
    return Number(localStorage.getItem(PENDING_MARKER_KEY)) > 0;
  } catch {
    return false;
  }
}

export function setPendingMarker(count: number): void {
  try {
    if (count > 0) localStorage.setItem(PENDING_MARKER_KEY, String(count));
    else localStorage.removeItem(PENDING_MARKER_KEY);
  } catch {
    // No localStorage (Node, blocked frames): the loader then loads on idle instead.
  }
}
