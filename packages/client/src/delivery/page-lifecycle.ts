/** What the client does when the page's state changes. */
export interface PageLifecycleHandlers {
  /** The browser came back online. */
  online(): void;
  /** The page is going away, or hidden and may never come back; only synchronous work is sure to start. */
  leaving(): void;
}

export interface PageLifecycleWatch {
  /**
   * Listens to `beforeunload` too, or stops: only while feedback waits, since some browsers keep a
   * page with a `beforeunload` listener out of the back/forward cache.
   */
  watchUnload(on: boolean): void;
  stop(): void;
}

/**
 * Listens to `online`, `pagehide` and `visibilitychange` (to hidden) where there is a window.
 * No `unload` listener: it would keep the page out of the back/forward cache.
 */
export function watchPageLifecycle(handlers: PageLifecycleHandlers): PageLifecycleWatch {
  if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return { watchUnload() {}, stop() {} };
  const online = () => handlers.online();
  const leaving = () => handlers.leaving();
  const visibility = () => document.visibilityState === 'hidden' && handlers.leaving();
  window.addEventListener('online', online);
  window.addEventListener('pagehide', leaving);
  document.addEventListener('visibilitychange', visibility);
  const watchUnload = (on: boolean) => (on ? window.addEventListener : window.removeEventListener).call(window, 'beforeunload', leaving);
  return {
    watchUnload,
    stop() {
      window.removeEventListener('online', online);
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', visibility);
      watchUnload(false);
    },
  };
}
