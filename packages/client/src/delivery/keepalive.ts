import type { Outbox } from '../outbox/outbox.js';
import type { Attempt } from './attempt.js';

/** Keepalive requests may carry 64 KiB in all, per page. */
export const KEEPALIVE_BUDGET = 64 * 1024;

/**
 * Sends small waiting items with `keepalive` as the page goes away. The stored copy stays until a
 * 2xx is seen; a repeat later is deduplicated by its id.
 */
export function createKeepaliveSender(outbox: Outbox, attempt: Attempt): () => void {
  return () => {
    let budget = KEEPALIVE_BUDGET;
    void outbox.list().then((items) => {
      for (const item of items) {
        if (item.bytes > budget) continue;
        budget -= item.bytes;
        void attempt(item, true).then((outcome) => {
          if (outcome.kind === 'sent') void outbox.remove(item.id);
        });
      }
    });
  };
}
