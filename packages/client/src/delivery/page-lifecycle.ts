/** What the client does when the page's state changes. */
export interface PageLifecycleHandlers {
  /** The browser came back online. */
  online(): void;
  /** The page is going away, or hidden and may never come back; only synchronous work is sure to start. */
  leaving(): void;
}

/**
 * Listens to `online`, `pagehide` and `visibilitychange` (to hidden) where there is a window;
 * returns a function that stops listening. No `unload` listener: it would keep the page out of the
 * back/forward cache.
 */
export function watchPageLifecycle(handlers: PageLifecycleHandlers): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {};
  const online = () => handlers.online();
  const leaving = () => handlers.leaving();
  const visibility = () => document.visibilityState === 'hidden' && handlers.leaving();
  window.addEventListener('online', online);
  window.addEventListener('beforeunload', leaving);
  window.addEventListener('pagehide', leaving);
  document.addEventListener('visibilitychange', visibility);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('beforeunload', leaving);
    window.removeEventListener('pagehide', leaving);
    document.removeEventListener('visibilitychange', visibility);
  };
}
