// The script tag as a site owner uses it, in Chromium, against a real collector.
import { parseFeedback } from '@hearken/client';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendThroughWidget, startDemo, useBrowserAndDemo, watchErrors } from '../support/demo.js';

const env = useBrowserAndDemo();

/** Serves `html` as the page `name` on the demo site, to this page only: a page made by the test. */
const servePage = (page: Page, name: string, html: string) => page.route(`**/${name}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));

const waitForStored = async (count: number) => {
  await expect.poll(async () => (await env.demo.stored()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(count);
  return env.demo.stored();
};

describe('the script tag', () => {
  it('on a page holding only the script tag: the launcher appears and a submission arrives as valid JSON', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/pages/plain.html`);
    await expect.poll(() => page.getByRole('button', { name: 'Feedback', exact: true }).isVisible()).toBe(true);
    const before = (await env.demo.stored()).length;
    await sendThroughWidget(page, 'Only a script tag, and it works');
    await page.getByText('Thank you!').waitFor();
    const [latest] = await waitForStored(before + 1);
    expect(parseFeedback(latest!.feedback).success).toBe(true);
    expect(latest!.feedback).toMatchObject({ message: 'Only a script tag, and it works', audience: 'external', context: { title: 'Only the script tag' } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fetches only hearken.js and builds no URL before intent; on intent the widget and the language file in one round trip, then the dialog opens', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    const files: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/hearken/')) files.push(request.url().replace(/^.*\//, ''));
    });
    // The widget's file is held back until its language file has been asked for too: fetched one after
    // the other, the language file would never be asked for and the dialog would not open.
    let languageAsked!: () => void;
    const asked = new Promise<void>((resolve) => (languageAsked = resolve));
    page.on('request', (request) => void (request.url().endsWith('/hearken-language-en.js') && languageAsked()));
    await page.route('**/hearken-widget.js', async (route) => {
      await asked;
      await route.continue();
    });
    // Nor does it build a URL before intent: that interface alone costs the page ≈ 8 KB of heap.
    await page.addInitScript(() => {
      (window as unknown as { urlsBuilt: number }).urlsBuilt = 0;
      window.URL = new Proxy(URL, { construct: (target, args) => ((window as unknown as { urlsBuilt: number }).urlsBuilt++, new target(...(args as [string, string?]))) });
    });
    await page.goto(`${env.demo.site.url}/pages/plain.html`);
    const launcher = page.getByRole('button', { name: 'Feedback', exact: true });
    await launcher.waitFor();
    await page.waitForTimeout(300);
    expect(files).toEqual(['hearken.js']);
    expect(await page.evaluate(() => (window as unknown as { urlsBuilt: number }).urlsBuilt)).toBe(0);
    await launcher.click();
    await page.getByRole('dialog').getByRole('textbox', { name: /message/i }).waitFor({ timeout: 10_000 });
    expect(files.slice(0, 3).sort()).toEqual(['hearken-language-en.js', 'hearken-widget.js', 'hearken.js']);
    expect(new Set(files).size).toBe(files.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on intent the dialog and its form are built, closed, so that the click only shows them', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/pages/plain.html`);
    const launcher = page.getByRole('button', { name: 'Feedback', exact: true });
    await launcher.hover();
    const formRendered = () =>
      page.evaluate(() => Boolean(document.querySelector('hearken-feedback')?.shadowRoot?.querySelector('dialog hearken-form')?.shadowRoot?.querySelector('textarea')));
    await expect.poll(formRendered, { timeout: 10_000 }).toBe(true);
    expect(await page.evaluate(() => document.querySelector('hearken-feedback')!.shadowRoot!.querySelector('dialog')!.open)).toBe(false);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await launcher.click();
    await page.getByRole('dialog').getByRole('textbox', { name: /message/i }).waitFor();
    expect(await page.evaluate(() => document.querySelector('hearken-feedback')!.shadowRoot!.querySelectorAll('hearken-form').length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the launcher is the one button named "Feedback", in English and in German', async () => {
    const page = await env.browser.newPage();
    for (const locale of ['en', 'de']) {
      await servePage(page, `launcher-${locale}.html`, `<!doctype html><html lang="${locale}"><head><title>Launcher</title></head><body><script src="/hearken/hearken.js" data-endpoint="${env.demo.endpoint}" async></script></body></html>`);
      await page.goto(`${env.demo.site.url}/launcher-${locale}.html`);
      await page.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
      // A role query by part of the name finds the launcher alone, not the button beside it.
      expect(await page.getByRole('button', { name: /feedback/i }).count()).toBe(1);
    }
    await page.close();
  });

  it('a launcher minimised in a tab stays minimised on that tab\'s next pages, not in another tab; where nothing was minimised, no sessionStorage is opened', async () => {
    const context = await env.browser.newContext();
    try {
      // Counts the page's reads of sessionStorage (the storage area costs the page a few ms to open).
      await context.addInitScript(() => {
        const real = Object.getOwnPropertyDescriptor(window, 'sessionStorage') ?? Object.getOwnPropertyDescriptor(Window.prototype, 'sessionStorage')!;
        (window as unknown as { sessionReads: number }).sessionReads = 0;
        Object.defineProperty(window, 'sessionStorage', {
          configurable: true,
          get() {
            (window as unknown as { sessionReads: number }).sessionReads++;
            return real.get!.call(window);
          },
        });
      });
      const minimized = (page: Page) => page.locator('hearken-feedback').evaluate((el) => el.hasAttribute('minimized'));
      const sessionReads = (page: Page) => page.evaluate(() => (window as unknown as { sessionReads: number }).sessionReads);
      const first = await context.newPage();
      await first.goto(`${env.demo.site.url}/pages/plain.html`);
      await first.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
      expect(await minimized(first)).toBe(false);
      expect(await sessionReads(first)).toBe(0);
      await first.getByRole('button', { name: 'Minimize' }).click();
      expect(await minimized(first)).toBe(true);
      await first.reload();
      await first.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
      expect(await minimized(first)).toBe(true);

      const other = await context.newPage();
      await other.goto(`${env.demo.site.url}/pages/plain.html`);
      await other.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
      expect(await minimized(other)).toBe(false);
      // Minimised somewhere in this browser: the other tab asks its own sessionStorage.
      expect(await sessionReads(other)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it('an inline element speaks its own language: <hearken-form locale="de"> on an English page, and after its locale changes', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await servePage(page, 'inline-de.html', `<!doctype html><html lang="en"><head><title>Inline</title></head><body><hearken-form locale="de" endpoint="${env.demo.endpoint}"></hearken-form><script src="/hearken/hearken.js" data-endpoint="${env.demo.endpoint}" async></script></body></html>`);
    await page.goto(`${env.demo.site.url}/inline-de.html`);
    const form = page.locator('hearken-form');
    await form.getByRole('button', { name: 'Senden' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => form.getByRole('textbox', { name: /Ihre Nachricht/ }).count()).toBe(1);
    // The launcher stays English.
    expect(await page.getByRole('button', { name: 'Feedback', exact: true }).count()).toBe(1);
    await page.evaluate(() => document.querySelector('hearken-form')!.setAttribute('locale', 'en'));
    await form.getByRole('button', { name: 'Send', exact: true }).waitFor();
    await page.evaluate(() => document.querySelector('hearken-form')!.setAttribute('locale', 'de'));
    await form.getByRole('button', { name: 'Senden' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Hearken.send is heard by Hearken.on as the dialog's sends are; a cancelled submit resolves rejected", async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.site.url}/pages/plain.html`);
    await page.waitForFunction(() => (window as unknown as { Hearken?: { version?: string } }).Hearken?.version);
    const outcome = await page.evaluate(async () => {
      type Api = { send(f: object): Promise<{ status: string; id: string; error?: { name: string; code?: string } }>; on(e: string, l: (e: Event) => void): () => void };
      const hearken = (window as unknown as { Hearken: Api }).Hearken;
      const heard: string[] = [];
      for (const type of ['submit', 'sent', 'queued', 'error']) hearken.on(type, (event) => heard.push(event.type));
      const sent = await hearken.send({ message: 'From the page itself', category: 'idea' });
      const stop = hearken.on('submit', (event) => event.preventDefault());
      const cancelled = await hearken.send({ message: 'Cancelled by the page', category: 'idea' });
      stop();
      return { sent, cancelled: { status: cancelled.status, id: cancelled.id, error: { name: cancelled.error?.name, code: cancelled.error?.code } }, heard };
    });
    expect(outcome.sent.status).toBe('sent');
    expect(outcome.heard).toEqual(['hearken-submit', 'hearken-sent', 'hearken-submit']);
    expect(outcome.cancelled).toMatchObject({ status: 'rejected', error: { name: 'BeforeSendError', code: 'dropped' } });
    expect(outcome.cancelled.id).toMatch(/^[0-9a-f-]{36}$/);
    const stored = await env.demo.stored();
    expect(stored.some((r) => r.feedback.id === outcome.sent.id)).toBe(true);
    expect(stored.some((r) => r.feedback.message === 'Cancelled by the page')).toBe(false);
    await page.close();
  });

  it('works under a strict CSP and Trusted Types with zero violations', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/pages/csp.html`);
    await sendThroughWidget(page, 'Strict CSP is fine');
    await page.getByText('Thank you!').waitFor();
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    expect((await env.demo.stored()).some((r) => r.feedback.message === 'Strict CSP is fine')).toBe(true);
    await page.close();
  });

  it('opens above a host page modal dialog that is open, and is usable', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.site.url}/pages/host-modal.html`);
    await page.waitForFunction(() => (window as unknown as { Hearken?: { version?: string } }).Hearken?.version);
    await page.evaluate(() => (window as unknown as { Hearken: { open(): Promise<void> } }).Hearken.open());
    const dialog = page.getByRole('dialog', { name: 'Send feedback' });
    await dialog.waitFor();
    const box = (await dialog.boundingBox())!;
    const topmost = await page.evaluate(([x, y]) => {
      let element = document.elementFromPoint(x!, y!);
      while (element?.shadowRoot?.elementFromPoint(x!, y!) && element.shadowRoot.elementFromPoint(x!, y!) !== element) element = element.shadowRoot.elementFromPoint(x!, y!);
      return element?.closest('dialog')?.getAttribute('part') ?? element?.tagName;
    }, [box.x + box.width / 2, box.y + 30]);
    expect(topmost).toBe('dialog');
    await page.getByRole('textbox', { name: /message/i }).fill('Above the host modal');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you!').waitFor();
    await page.close();
  });

  it('delivers feedback sent while the endpoint was unreachable exactly once, when the page is opened again later', async () => {
    const offline = await startDemo();
    const { port } = offline.collector;
    const context = await env.browser.newContext();
    try {
      await offline.collector.close();
      const page = await context.newPage();
      await page.goto(`${offline.site.url}/pages/plain.html`);
      await sendThroughWidget(page, 'Written while the endpoint was down');
      await page.getByText(/^Saved\. /).waitFor();
      await page.close();

      // The endpoint is back (same port, same database); the person comes back later.
      const back = await startDemo({ db: offline.db, collectorPort: port, alsoAllow: [offline.site.url] });
      try {
        const again = await context.newPage();
        await again.goto(`${offline.site.url}/pages/plain.html`);
        await expect.poll(async () => (await back.stored()).length, { timeout: 15_000 }).toBe(1);
        await again.reload();
        await again.waitForTimeout(1500);
        const rows = await back.stored();
        expect(rows.map((r) => r.feedback.message)).toEqual(['Written while the endpoint was down']);
      } finally {
        await back.close();
      }
    } finally {
      await context.close();
      await offline.site.close();
    }
  });

  it("shows the launcher without waiting for the page's load event: a slow image does not hold it up", async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    // An image that takes 8 s: the launcher does not wait for it.
    let releaseImage!: () => void;
    const imageHeld = new Promise<void>((resolve) => (releaseImage = resolve));
    await page.route('**/slow-image.svg', async (route) => {
      await Promise.race([imageHeld, new Promise((resolve) => setTimeout(resolve, 8000))]);
      await route.fulfill({ contentType: 'image/svg+xml', body: '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>' });
    });
    await servePage(page, 'slow-page.html', `<!doctype html><html lang="en"><head><title>Slow image</title></head><body><img src="/slow-image.svg" alt=""><script src="/hearken/hearken.js" data-endpoint="${env.demo.endpoint}" async></script></body></html>`);
    await page.goto(`${env.demo.site.url}/slow-page.html`, { waitUntil: 'domcontentloaded' });
    await page.getByRole('button', { name: 'Feedback', exact: true }).waitFor({ timeout: 6000 });
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    releaseImage();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('listed twice gives one widget and no error', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/pages/twice.html`);
    await page.waitForFunction(() => (window as unknown as { Hearken?: { version?: string } }).Hearken?.version);
    await page.waitForTimeout(300);
    expect(await page.locator('hearken-feedback').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('without data-endpoint: one clear console error, nothing thrown, no widget', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/pages/no-endpoint.html`);
    await page.waitForTimeout(300);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/data-endpoint/);
    expect(await page.locator('hearken-feedback').count()).toBe(0);
    await page.close();
  });

  it('with white space inside data-endpoint: the same error at start (createClient refuses it too), no launcher whose sends would fail', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await servePage(page, 'spaced-endpoint.html', `<!doctype html><html lang="en"><head><title>Spaced</title></head><body><script src="/hearken/hearken.js" data-endpoint="${env.demo.endpoint.replace('/feedback', '/feed back')}" async></script></body></html>`);
    await page.goto(`${env.demo.site.url}/spaced-endpoint.html`);
    await expect.poll(() => errors.length).toBe(1);
    expect(errors[0]).toMatch(/data-endpoint must be the feedback URL.*feed back/);
    expect(await page.locator('hearken-feedback').count()).toBe(0);
    await page.close();
  });

  it('replays calls made through the snippet before it loaded, with the identity given', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.site.url}/pages/snippet.html`);
    const result = await page.evaluate(() => (window as unknown as { earlySend: Promise<{ status: string; id: string }> }).earlySend);
    expect(result.status).toBe('sent');
    const row = (await env.demo.stored()).find((r) => r.feedback.id === result.id)!;
    expect(row.feedback).toMatchObject({ audience: 'internal', category: 'process', user: { name: 'Max Mustermann', department: 'Facilities' } });
    await page.close();
  });
});
