// The script tag from the bare package URL, as package CDNs serve it: served directly (jsDelivr's
// shape) or through a 302 to the file (unpkg's shape), from another origin than the page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendThroughWidget, useBrowserAndDemo, watchErrors } from '../support/demo.js';
// @ts-expect-error: plain JavaScript helper shared with npm start
import { startStaticServer } from '../../scripts/static-server.mjs';

const { version } = JSON.parse(readFileSync('packages/widget/package.json', 'utf8')) as { version: string };
const dist = 'packages/widget/dist/browser';
const env = useBrowserAndDemo();

interface Cdn {
  url: string;
  requests: string[];
  close(): Promise<void>;
}
const cdnShape = (cors: boolean): Promise<Cdn> =>
  startStaticServer({
    port: 0,
    mounts: { [`/npm/@hearken/widget@${version}/dist/browser/`]: dist, [`/@hearken/widget@${version}/dist/browser/`]: dist },
    files: { [`/npm/@hearken/widget@${version}`]: `${dist}/hearken.js` },
    redirects: { [`/@hearken/widget@${version}`]: `/@hearken/widget@${version}/dist/browser/hearken.js`, '/@hearken/widget': `/@hearken/widget@${version}` },
    headers: () => (cors ? { 'access-control-allow-origin': '*' } : undefined),
  });

let cdn: Cdn;
let noCors: Cdn;
beforeAll(async () => {
  [cdn, noCors] = await Promise.all([cdnShape(true), cdnShape(false)]);
});
afterAll(async () => {
  await cdn?.close();
  await noCors?.close();
});

const shapes = [
  ['jsDelivr: the bare package URL served directly', `/npm/@hearken/widget@${version}`],
  ['unpkg: the bare package URL redirected to the file', `/@hearken/widget@${version}`],
  ['unpkg: the package name without a version, redirected twice', '/@hearken/widget'],
] as const;

describe('the script tag from a package CDN', () => {
  for (const [shape, path] of shapes) {
    it(`${shape}: the launcher shows, feedback arrives, and each file is fetched once`, async () => {
      const page = await env.browser.newPage();
      const errors = watchErrors(page);
      cdn.requests.length = 0;
      await page.goto(`${env.demo.site.url}/pages/cdn.html?src=${encodeURIComponent(cdn.url + path)}`);
      await page.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
      const message = `From ${shape}`;
      await sendThroughWidget(page, message);
      await page.getByText('Thank you!').waitFor();
      await expect.poll(async () => (await env.demo.stored()).some((row) => row.feedback.message === message)).toBe(true);
      const files = cdn.requests.filter((request) => request.includes('/dist/browser/'));
      expect(files.length).toBeGreaterThan(0);
      expect(new Set(files).size).toBe(files.length);
      expect(errors).toEqual([]);
      await page.close();
    });
  }

  it('from another origin without CORS headers: a console error that names the missing header', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/pages/cdn.html?src=${encodeURIComponent(`${noCors.url}/npm/@hearken/widget@${version}`)}`);
    await page.getByRole('button', { name: 'Feedback', exact: true }).hover();
    await expect.poll(() => errors.some((error) => /Hearken: could not load .*Access-Control-Allow-Origin/.test(error))).toBe(true);
    await page.close();
  });
});
