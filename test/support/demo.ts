// Starts what the e2e tests need: a collector (real HTTP, real SQLite file) and the static server
// for examples/, test pages and the script-tag files; and a headless Chromium through playwright-core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createSqliteStorage, startServer, type RunningServer, type StoredFeedback } from '@hearken/collector';
// @ts-expect-error: plain JavaScript helpers shared with npm start
import { chromiumArgs, findChromium } from '../../scripts/find-chromium.mjs';
// @ts-expect-error: plain JavaScript helpers shared with npm start
import { startStaticServer } from '../../scripts/static-server.mjs';

export interface Demo {
  collector: RunningServer;
  endpoint: string;
  site: { url: string; close(): Promise<void> };
  db: string;
  /** Everything stored, spam included, newest first. */
  stored(): Promise<StoredFeedback[]>;
  close(): Promise<void>;
}

/** A collector and the example server. `endpoint` overrides where pages send (e.g. a scripted server). */
export async function startDemo(options: { db?: string; collectorPort?: number; endpoint?: string; alsoAllow?: string[] } = {}): Promise<Demo> {
  const folder = options.db ? undefined : mkdtempSync(join(tmpdir(), 'hearken-e2e-'));
  const db = options.db ?? join(folder!, 'feedback.db');
  let endpoint = options.endpoint ?? '';
  // The site first, so the collector can allow exactly its origin (credentials never go with `*`).
  const site = await startStaticServer({
    port: 0,
    endpoint: () => endpoint,
    mounts: { '/': 'examples', '/hearken/': 'packages/widget/dist/browser', '/pages/': 'test/e2e/pages' },
    headers: (pathname: string) =>
      /^\/(strict-csp|pages\/csp)/.test(pathname)
        ? { 'content-security-policy': `default-src 'self'; connect-src ${new URL(endpoint).origin}; require-trusted-types-for 'script'; object-src 'none'; base-uri 'none'` }
        : undefined,
  });
  const storage = createSqliteStorage(db);
  const collector = await startServer({ port: options.collectorPort ?? 0, storage, rateLimit: 0, allowOrigins: [site.url, ...(options.alsoAllow ?? [])] });
  endpoint ||= `${collector.url}/feedback`;
  return {
    collector,
    endpoint,
    site,
    db,
    stored: () => storage.list({ spam: true, limit: 1000 }),
    close: async () => {
      await site.close();
      await collector.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Chromium for the e2e tests; every page it opens waits at most 15 s for an element (the first intent loads the rest of the widget, slow on a busy 2-core machine), so a failure names its step. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs, headless: true });
  const newPage = browser.newPage.bind(browser);
  const newContext = browser.newContext.bind(browser);
  const limit = <T extends { setDefaultTimeout(ms: number): void }>(target: T) => (target.setDefaultTimeout(15_000), target);
  browser.newPage = async (...args) => limit(await newPage(...args));
  browser.newContext = async (...args) => limit(await newContext(...args));
  return browser;
}

/** Collects what would show up in the console as errors, and uncaught exceptions. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // The browser's own request for /favicon.ico is no error of the page's.
  page.on('console', (message) => message.type() === 'error' && !message.location().url.endsWith('/favicon.ico') && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return errors;
}

/** Long enough for the form's time-to-submit check: feedback sent faster is kept as likely spam, and spam gets no answers. */
export const PERSON_PAUSE_MS = 1600;

/**
 * Opens the launcher's dialog as a person would, types a message and presses send; with `pauseMs`,
 * waits that long before sending (see {@link PERSON_PAUSE_MS}).
 */
export async function sendThroughWidget(page: Page, message: string, { sendLabel = /^(Send|Senden)$/, pauseMs = 0 }: { sendLabel?: RegExp; pauseMs?: number } = {}) {
  await page.getByRole('button', { name: 'Feedback', exact: true }).click();
  await page.getByRole('dialog').waitFor();
  await page.getByRole('textbox', { name: /message|Nachricht/i }).fill(message);
  if (pauseMs) await page.waitForTimeout(pauseMs);
  await page.getByRole('button', { name: sendLabel }).click();
}

/** A browser and a demo for the tests of one file, started before them and stopped after. */
export function useBrowserAndDemo(): { browser: Browser; demo: Demo } {
  const env = {} as { browser: Browser; demo: Demo };
  beforeAll(async () => {
    [env.browser, env.demo] = await Promise.all([launchChromium(), startDemo()]);
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.demo?.close();
  });
  return env;
}
