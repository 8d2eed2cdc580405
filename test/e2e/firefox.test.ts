// The main flows of the script tag and the inline elements in Firefox ESR, against a real collector.
// The same flows in Chromium are in script-tag.test.ts and examples.test.ts (Playwright); these use
// puppeteer-core, the one driver that works with Debian's Firefox (see test/support/firefox.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseFeedback } from '@hearken/client';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../support/demo.js';
import { deepFocus, launchFirefox, openPage, waitForText, watchErrors } from '../support/firefox.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const launcher = '>>> hearken-feedback >>> button[part~="launcher"]';
const message = '>>> hearken-form >>> textarea#message';
const send = '>>> hearken-form >>> button[part~="submit"]';

let browser: Browser;
let demo: Demo;
beforeAll(async () => {
  [browser, demo] = await Promise.all([launchFirefox(), startDemo()]);
});
afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

const stored = async (text: string, from: Demo = demo) => {
  await expect.poll(async () => (await from.stored()).some((r) => r.feedback.message === text), { timeout: 10_000 }).toBe(true);
  return (await from.stored()).find((r) => r.feedback.message === text)!;
};

describe('in Firefox', () => {
  it('the script tag shows the launcher; the keyboard opens and closes the dialog, focus returns to the launcher; feedback arrives as valid JSON', async () => {
    const page = await openPage(browser, `${demo.site.url}/pages/plain.html`);
    const errors = watchErrors(page);
    await page.waitForSelector(launcher, { visible: true });
    await page.focus(launcher);
    await page.keyboard.press('Enter');
    await page.waitForSelector('>>> hearken-feedback >>> dialog[open]');
    expect(await deepFocus(page)).not.toBe('button[launcher]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('>>> hearken-feedback >>> dialog:not([open])');
    expect(await deepFocus(page)).toBe('button[launcher]');

    await page.keyboard.press('Enter');
    await page.locator(message).fill('Sent from Firefox');
    await page.locator(send).click();
    await waitForText(page, 'Thank you!');
    const row = await stored('Sent from Firefox');
    expect(parseFeedback(row.feedback).success).toBe(true);
    expect(row.feedback).toMatchObject({ audience: 'external', context: { title: 'Only the script tag' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the strict-CSP and Trusted Types page works with no violations and no errors (enforced or not by this engine)', async () => {
    const page = await openPage(browser, `${demo.site.url}/pages/csp.html`);
    const errors = watchErrors(page);
    await page.locator(launcher).click();
    await page.locator(message).fill('Strict CSP in Firefox');
    await page.locator(send).click();
    await waitForText(page, 'Thank you!');
    await stored('Strict CSP in Firefox');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('axe finds no violations in the open dialog', async () => {
    const page = await openPage(browser, `${demo.site.url}/pages/plain.html`);
    await page.locator(launcher).click();
    await page.waitForSelector('>>> hearken-feedback >>> dialog[open]');
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string }[] }> } }).axe;
      const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] });
      return result.violations.map((v) => v.id);
    });
    expect(violations).toEqual([]);
    await page.close();
  });

  it('feedback written while the endpoint was down is queued, and delivered once after a reload with the endpoint back', async () => {
    const offline = await startDemo();
    const { port } = offline.collector;
    const context = await browser.createBrowserContext();
    try {
      await offline.collector.close();
      const page = await openPage(context, `${offline.site.url}/pages/plain.html`);
      await page.locator(launcher).click();
      await page.locator(message).fill('Written in Firefox while the endpoint was down');
      await page.locator(send).click();
      await waitForText(page, 'Saved. ');

      const back = await startDemo({ db: offline.db, collectorPort: port, alsoAllow: [offline.site.url] });
      try {
        await page.reload();
        await expect.poll(async () => (await back.stored()).length, { timeout: 15_000 }).toBe(1);
        await page.reload();
        await new Promise((resolve) => setTimeout(resolve, 1500));
        expect((await back.stored()).map((r) => r.feedback.message)).toEqual(['Written in Firefox while the endpoint was down']);
      } finally {
        await back.close();
      }
    } finally {
      await context.close();
      await offline.site.close();
    }
  });

  it('the inline form and the rating send (intranet example)', async () => {
    const page = await openPage(browser, `${demo.site.url}/intranet/`);
    const errors = watchErrors(page);
    await page.locator('>>> #it-form >>> textarea#message').fill('Firefox: printer on floor 4 jams');
    await page.locator('>>> #it-form >>> button[part~="submit"]').click();
    expect((await stored('Firefox: printer on floor 4 jams')).feedback).toMatchObject({ audience: 'internal', site: 'it-facilities', user: { name: 'Jane Doe' } });

    await page.locator('>>> hearken-rating >>> [part~="option"][aria-label="Yes"]').click();
    await page.locator('>>> hearken-rating >>> textarea#comment').fill('Firefox: clear steps');
    await page.locator('>>> hearken-rating >>> button.primary').click();
    expect((await stored('Firefox: clear steps')).feedback).toMatchObject({ rating: { scale: 'thumbs', value: 1 }, site: 'intranet-handbook' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens above a host page modal dialog that is open, and is usable', async () => {
    const page = await openPage(browser, `${demo.site.url}/pages/host-modal.html`);
    await page.waitForFunction(() => (window as unknown as { Hearken?: { version?: string } }).Hearken?.version);
    await page.evaluate(() => (window as unknown as { Hearken: { open(): Promise<void> } }).Hearken.open());
    const dialog = (await page.waitForSelector('>>> hearken-feedback >>> dialog[open]'))!;
    const box = (await dialog.boundingBox())!;
    const topmost = await page.evaluate(
      (x: number, y: number) => {
        let element = document.elementFromPoint(x, y);
        while (element?.shadowRoot?.elementFromPoint(x, y) && element.shadowRoot.elementFromPoint(x, y) !== element) element = element.shadowRoot.elementFromPoint(x, y);
        return element?.closest('dialog')?.getAttribute('part') ?? element?.tagName;
      },
      box.x + box.width / 2,
      box.y + 30,
    );
    expect(topmost).toBe('dialog');
    await page.locator(message).fill('Firefox: above the host modal');
    await page.locator(send).click();
    await stored('Firefox: above the host modal');
    await page.close();
  });

  it('listed twice gives one widget and no error; without data-endpoint, one clear console error and no widget', async () => {
    const twice = await openPage(browser, `${demo.site.url}/pages/twice.html`);
    const errors = watchErrors(twice);
    await twice.waitForFunction(() => (window as unknown as { Hearken?: { version?: string } }).Hearken?.version);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await twice.$$eval('hearken-feedback', (found) => found.length)).toBe(1);
    expect(errors).toEqual([]);
    await twice.close();

    const page = await browser.newPage();
    const missing = watchErrors(page);
    await page.goto(`${demo.site.url}/pages/no-endpoint.html`);
    await expect.poll(() => missing.length).toBe(1);
    expect(missing[0]).toMatch(/data-endpoint/);
    expect(await page.$$eval('hearken-feedback', (found) => found.length)).toBe(0);
    await page.close();
  });

  it('replays calls made through the snippet before it loaded, with the identity given', async () => {
    const page = await openPage(browser, `${demo.site.url}/pages/snippet.html`);
    const result = await page.evaluate(() => (window as unknown as { earlySend: Promise<{ status: string; id: string }> }).earlySend);
    expect(result.status).toBe('sent');
    const row = (await demo.stored()).find((r) => r.feedback.id === result.id)!;
    expect(row.feedback).toMatchObject({ audience: 'internal', category: 'process', user: { name: 'Max Mustermann', department: 'Facilities' } });
    await page.close();
  });
});
