// The client's unload send in Chromium with the real IndexedDB outbox: feedback that waits when the
// page goes away is sent with keepalive during the unload, and the next visit sends no second copy.
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

      await page.goto(`${env.site.url}/pages/plain.html`);
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
