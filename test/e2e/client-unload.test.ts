// The client's unload send in Chromium with the real IndexedDB outbox: feedback that waits when the
// page goes away is sent with keepalive during the unload, and the next visit sends no second copy.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useClientPages } from '../support/client-page.js';
import { startScriptedEndpoint } from '../support/scripted-endpoint.js';

const env = useClientPages();

describe('client unload send', () => {
  it('delivers feedback waiting after a 503 with keepalive as the page navigates away, and the next visit sends no second copy', async () => {
    // Another origin (port) than the page: real CORS, as on a real site.
    const endpoint = await startScriptedEndpoint([{ status: 503 }]);
    try {
      const page = await env.browser.newPage();
      const visit = `${env.site.url}/pages/client-unload.html?endpoint=${encodeURIComponent(endpoint.url)}`;
      await page.goto(visit);
      await page.waitForFunction(() => (window as unknown as { hearkenReady?: boolean }).hearkenReady);
      const result = await page.evaluate(() => (window as unknown as { hearkenSend(m: string): Promise<{ status: string; id: string }> }).hearkenSend('leaving now'));
      expect(result.status).toBe('queued');
      expect(endpoint.received).toHaveLength(1);

      // The person goes to another site, which takes a moment to answer (as most do): the old page
      // lives until then, long enough for the keepalive answer to be recorded. (When the answer comes
      // later than that, the next visit sends the feedback again and the receiver dedupes by id.)
      const elsewhere = createServer((_, response) => setTimeout(() => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Elsewhere</title>'), 800));
      await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
      await page.goto(`http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/`);
      elsewhere.close();
      // Arrived during the unload: before the next visit.
      await expect.poll(() => endpoint.stored.has(result.id), { timeout: 5000 }).toBe(true);
      expect(endpoint.received.filter((r) => r.method === 'POST')).toHaveLength(2);

      await page.goto(visit);
      await page.waitForFunction(() => (window as unknown as { hearkenReady?: boolean }).hearkenReady);
      await expect.poll(() => page.evaluate(() => (window as unknown as { hearkenPending(): Promise<number> }).hearkenPending()), { timeout: 5000 }).toBe(0);
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
      expect(endpoint.received.map((r) => JSON.parse(r.body).id)).toEqual([result.id, result.id]);
      await page.close();
    } finally {
      await endpoint.close();
    }
  });
});
