import { recordDelivered } from '../outbox/delivered-record.js';
import type { Outbox } from '../outbox/outbox.js';
import type { Attempt } from './attempt.js';

/** Keepalive requests may carry 64 KiB in all, per page (every client on the page shares it). */
export const KEEPALIVE_BUDGET = 64 * 1024;
let budgetLeft = KEEPALIVE_BUDGET;
const inFlight = new Set<string>();

/**
 * Sends small waiting items with `keepalive` as the page goes away, synchronously from the outbox's
 * memory mirror, so the requests start before the page is gone. An endpoint's `Retry-After` still
 * holds (the client's own floor does not). The stored copy stays until a 2xx is seen; that 2xx is
 * recorded at once, so the next visit removes the copy instead of sending it again. Only an item
 * whose answer never came back is sent again (and deduplicated by the receiver by its id).
 */
export function createKeepaliveSender(outbox: Outbox, attempt: Attempt): () => void {
  return () => {
    const now = Date.now();
    for (const item of outbox.waiting()) {
      if (inFlight.has(item.id) || item.bytes > budgetLeft) continue;
      if (item.notBefore > now && !item.notBeforeIsFloor) continue;
      budgetLeft -= item.bytes;
      inFlight.add(item.id);
      void attempt(item, true).then((outcome) => {
        budgetLeft += item.bytes;
        inFlight.delete(item.id);
        if (outcome.kind !== 'sent') return;
        recordDelivered(item.id);
        void outbox.remove(item.id);
      });
    }
  };
}
