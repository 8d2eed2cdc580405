// What the client's own e2e tests share: headless Chromium and a static server with the built
// client and the test pages (`test/e2e/pages/client-unload.html` runs the client alone), started
// before the tests of one file and stopped after.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './demo.js';
// @ts-expect-error: plain JavaScript helpers shared with npm start
import { startStaticServer } from '../../scripts/static-server.mjs';

export function useClientPages(): { browser: Browser; site: { url: string; close(): Promise<void> } } {
  const env = {} as { browser: Browser; site: { url: string; close(): Promise<void> } };
  beforeAll(async () => {
    [env.browser, env.site] = await Promise.all([
      launchChromium(),
      startStaticServer({ port: 0, mounts: { '/client/': 'packages/client/dist', '/zod/': 'node_modules/zod', '/pages/': 'test/e2e/pages' } }),
    ]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.site?.close();
  });
  return env;
}
