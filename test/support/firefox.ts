// Headless Firefox for the e2e tests, driven over WebDriver BiDi by puppeteer-core.
// Playwright's Firefox needs Playwright's own patched build, and its BiDi mode asks for commands
// Firefox ESR does not have yet: puppeteer-core drives the Firefox the machine has.
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
// @ts-expect-error: plain JavaScript helpers shared with the browser-test config
import { findFirefox, firefoxPrefs } from '../../scripts/find-firefox.mjs';

/** Firefox ESR for the e2e tests; every page waits at most 8 s for an element, so a failure names its step. */
export async function launchFirefox(): Promise<Browser> {
  return puppeteer.launch({ browser: 'firefox', executablePath: findFirefox(), headless: true, extraPrefsFirefox: firefoxPrefs });
}

/** A new page (in `context`, else in the default one) that waits at most 15 s for anything (the first intent loads the rest of the widget, slow on a busy 2-core machine). */
export async function openPage(browser: Browser | { newPage(): Promise<Page> }, url: string): Promise<Page> {
  const page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  return page;
}

/** Collects what would show up in the console as errors, and uncaught exceptions. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  // The browser's own request for /favicon.ico is no error of the page's.
  page.on('console', (message) => message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico') && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(`uncaught: ${(error as Error).message ?? error}`));
  return errors;
}

/** The element that has focus, through open shadow roots, described as `tag[part]`. */
export function deepFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active ? `${active.tagName.toLowerCase()}${active.getAttribute('part') ? `[${active.getAttribute('part')}]` : ''}` : 'none';
  });
}

/**
 * Waits for text anywhere on the page, shadow roots included. Polled: a text selector's wait
 * watches the document for changes and misses those made inside a shadow root.
 */
export async function waitForText(page: Page, text: string): Promise<void> {
  await page.waitForFunction(
    (wanted: string) => {
      const has = (root: Document | ShadowRoot): boolean =>
        Boolean((root instanceof Document ? root.body : root).textContent?.includes(wanted)) ||
        [...root.querySelectorAll('*')].some((el) => el.shadowRoot && has(el.shadowRoot));
      return has(document);
    },
    { polling: 100 },
    text,
  );
}
