import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startCollectorProcess, type CollectorProcess } from './collector-process.js';
import { launchChromium } from './demo.js';
// @ts-expect-error: plain JavaScript helpers shared with npm start
import { startStaticServer } from '../../scripts/static-server.mjs';

/** Chromium, the example and test pages with the built script tag, and a `hearken-collector` CLI they post to. */
export interface SiteAndCollector {
  browser: Browser;
  collector: CollectorProcess;
  /** The pages' origin: `/pages/…` are `test/e2e/pages`, `/hearken/` the built script-tag files. */
  siteUrl: string;
}

/**
 * Starts, for the tests of one file, Chromium, a static site whose script tags post to a collector,
 * and that collector (SQLite in a temporary folder, the site's origin allowed, no rate limit, and
 * `args`); stops them all afterwards. Read the fields inside tests.
 */
export function useSiteAndCollector(args: string[] = []): SiteAndCollector {
  const env = {} as SiteAndCollector;
  const folder = mkdtempSync(join(tmpdir(), 'hearken-e2e-'));
  let site: { url: string; close(): Promise<void> } | undefined;
  beforeAll(async () => {
    let endpoint = '';
    site = await startStaticServer({ port: 0, endpoint: () => endpoint, mounts: { '/': 'examples', '/hearken/': 'packages/widget/dist/browser', '/pages/': 'test/e2e/pages' } });
    env.siteUrl = site!.url;
    [env.browser, env.collector] = await Promise.all([
      launchChromium(),
      startCollectorProcess(['--db', join(folder, 'feedback.db'), '--allow-origin', site!.url, '--rate-limit', '0', ...args]),
    ]);
    endpoint = `${env.collector.url}/feedback`;
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.collector?.stop();
    await site?.close();
    rmSync(folder, { recursive: true, force: true });
  });
  return env;
}
