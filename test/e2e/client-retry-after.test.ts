// Retry-After across origins, in Chromium with the real IndexedDB outbox: the page and the endpoint
// on different ports, as a script tag on a site and a collector on its own host are.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useClientPages } from '../support/client-page.js';
import { startScriptedEndpoint } from '../support/scripted-endpoint.js';

const env = useClientPages();

type Helpers = { hearkenReady?: boolean; hearkenSend(m: string): Promise<{ status: string; id: string }>; hearkenFlush(): Promise<void> };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(endpoint: string): Promise<Page> {
  const page = await env.browser.newPage();
  await page.goto(`${env.site.url}/pages/client-unload.html?endpoint=${encodeURIComponent(endpoint)}`);
  await page.waitForFunction(() => (window as unknown as Helpers).hearkenReady);
  return page;
}

/** Calls flush() every 250 ms for `ms`, as a busy page (or an impatient person) might. */
async function keepFlushing(page: Page, ms: number) {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(250)) await page.evaluate(() => (window as unknown as Helpers).hearkenFlush());
}

describe('Retry-After across origins', () => {
  it('makes no second attempt before a 429 with Retry-After: 5 allows it, then delivers', async () => {
    const endpoint = await startScriptedEndpoint([{ status: 429, headers: { 'retry-after': '5', 'access-control-expose-headers': 'Retry-After' } }]);
    const page = await open(endpoint.url);
    try {
      const result = await page.evaluate(() => (window as unknown as Helpers).hearkenSend('rate limited'));
      const answered = Date.now(); // the 429 came back before this
      expect(result.status).toBe('queued');
      await keepFlushing(page, 4_500);
      expect(endpoint.received.filter((r) => r.method === 'POST')).toHaveLength(1);
      expect(Date.now() - answered).toBeGreaterThanOrEqual(4_500);
      // Once the 5 s have passed, the next flush delivers it.
      await expect
        .poll(async () => (await page.evaluate(() => (window as unknown as Helpers).hearkenFlush()), endpoint.stored.has(result.id)), { timeout: 8_000, interval: 300 })
        .toBe(true);
      expect(endpoint.received.filter((r) => r.method === 'POST')).toHaveLength(2);
    } finally {
      await page.close();
      await endpoint.close();
    }
  });

  it('backs off a 429 whose Retry-After the page cannot read (not exposed): no burst of attempts', async () => {
    const endpoint = await startScriptedEndpoint([1, 2, 3].map(() => ({ status: 429, headers: { 'retry-after': '1' } })));
    const page = await open(endpoint.url);
    try {
      for (const m of ['one', 'two', 'three']) expect((await page.evaluate((text) => (window as unknown as Helpers).hearkenSend(text), m)).status).toBe('queued');
      await keepFlushing(page, 3_000);
      // One attempt each, then the documented 30 s floor: before the fix, 17 attempts in 12 s.
      expect(endpoint.received.filter((r) => r.method === 'POST')).toHaveLength(3);
    } finally {
      await page.close();
      await endpoint.close();
    }
  });
});
