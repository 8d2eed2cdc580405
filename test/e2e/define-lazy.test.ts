// `@hearken/widget/define-lazy` as an npm user bundles it (esbuild with code splitting): a small
// initial chunk, and the rest loaded on intent; feedback arrives end to end.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium, sendThroughWidget, startDemo, watchErrors, type Demo } from '../support/demo.js';
// @ts-expect-error: plain JavaScript helper shared with npm start
import { startStaticServer } from '../../scripts/static-server.mjs';

const env = {} as { browser: Browser; demo: Demo };
const folder = mkdtempSync(join(tmpdir(), 'hearken-lazy-'));
let site: { url: string; requests: string[]; close(): Promise<void> };

beforeAll(async () => {
  // As a consumer's bundler sees the package: the built files and package.json exports, no tsconfig paths.
  await build({
    stdin: { contents: `import '@hearken/widget/define-lazy';`, resolveDir: process.cwd(), loader: 'js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: folder,
    entryNames: 'app',
    conditions: ['browser', 'production'],
    tsconfigRaw: {},
    logLevel: 'silent',
  });
  writeFileSync(
    join(folder, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lazy</title><script type="module" src="app.js"></script></head>
<body><hearken-feedback endpoint="%HEARKEN_ENDPOINT%"></hearken-feedback></body></html>`,
  );
  // The bundle's own origin, which the collector allows.
  site = await startStaticServer({ port: 0, mounts: { '/': folder }, endpoint: () => env.demo.endpoint });
  [env.browser, env.demo] = await Promise.all([launchChromium(), startDemo({ alsoAllow: [site.url] })]);
});
afterAll(async () => {
  await env.browser?.close();
  await env.demo?.close();
  await site?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The entry chunk and the chunks it imports statically: what a page loads before any intent. */
const initialFiles = () => {
  const entry = readFileSync(join(folder, 'app.js'), 'utf8');
  return ['app.js', ...[...entry.matchAll(/(?:from\s*|import\s*)"\.\/([^"]+)"/g)].map((m) => m[1]!)];
};

describe('@hearken/widget/define-lazy', () => {
  it('bundles into an initial chunk of at most 5 KB gzip, with the rest in chunks of their own', () => {
    const initial = initialFiles();
    const gzip = initial.reduce((total, file) => total + gzipSync(readFileSync(join(folder, file)), { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(5 * 1024);
    expect(readdirSync(folder).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(initial.length);
  });

  it('shows the launcher without loading the rest, loads it on intent, and delivers feedback', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    site.requests.length = 0;
    await page.goto(`${site.url}/index.html`);
    await page.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
    await page.waitForTimeout(300);
    const initial = new Set(initialFiles().map((file) => `/${file}`));
    expect(site.requests.filter((path) => path.endsWith('.js')).every((path) => initial.has(path))).toBe(true);
    await sendThroughWidget(page, 'Lazy and complete');
    await page.getByText('Thank you!').waitFor();
    await expect.poll(async () => (await env.demo.stored()).some((row) => row.feedback.message === 'Lazy and complete')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
