/** What the client does when the page's state changes. */
export interface PageLifecycleHandlers {
  /** The browser came back online. */
  online(): void;
  /** The page is going away (or hidden, and may never come back); only synchronous work is sure to run. */
  leaving(): void;
}

/** Listens to `online` and `pagehide` where there is a window; returns a function that stops listening. */
export function watchPageLifecycle(handlers: PageLifecycleHandlers): () => void {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {};
  const online = () => handlers.online();
  const leaving = () => handlers.leaving();
  window.addEventListener('online', online);
  window.addEventListener('pagehide', leaving);
  return () => {
    window.removeEventListener('online', online);
    window.removeEventListener('pagehide', leaving);
  };
}
