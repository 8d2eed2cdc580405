// Each example, as a newcomer tries it, in Chromium against a real collector.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sendThroughWidget, startDemo, useBrowserAndDemo, watchErrors } from '../support/demo.js';
import { startScriptedEndpoint } from '../support/scripted-endpoint.js';

const env = useBrowserAndDemo();

const stored = async (message: string) => {
  await expect.poll(async () => (await env.demo.stored()).some((r) => r.feedback.message === message), { timeout: 10_000 }).toBe(true);
  return (await env.demo.stored()).find((r) => r.feedback.message === message)!;
};

describe('examples', () => {
  it('public-site (English): a star rating and a message from an external customer', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/public-site/`);
    await page.getByRole('button', { name: 'Feedback', exact: true }).click();
    await page.getByRole('radio', { name: '4 stars' }).click();
    await page.getByRole('textbox', { name: 'Your message' }).fill('The lamp arm squeaks a little');
    await page.getByRole('textbox', { name: 'Email (optional)' }).fill('sam@example.com');
    await page.getByRole('checkbox', { name: 'You may contact me about this' }).check();
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Thank you!').waitFor();
    const row = await stored('The lamp arm squeaks a little');
    expect(row.feedback).toMatchObject({ audience: 'external', site: 'shop', rating: { scale: 'stars', value: 4 }, contact: { email: 'sam@example.com', mayContact: true } });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('public-site (Deutsch): the widget speaks German from <html lang="de">', async () => {
    const page = await env.browser.newPage();
    await page.goto(`${env.demo.site.url}/public-site/de.html`);
    await page.getByRole('button', { name: 'Feedback', exact: true }).click();
    await page.getByRole('dialog', { name: 'Feedback senden' }).waitFor();
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await page.getByText('Bitte schreiben Sie eine Nachricht oder geben Sie eine Bewertung ab.').waitFor();
    await page.getByRole('textbox', { name: 'Ihre Nachricht' }).fill('Die Lieferung war schnell');
    await page.getByRole('button', { name: 'Senden', exact: true }).click();
    await page.getByText('Vielen Dank!').waitFor();
    expect((await stored('Die Lieferung war schnell')).feedback.site).toBe('shop-de');
    await page.close();
  });

  it('intranet: identity from the page, an urgent equipment report, and "Was this page helpful?"', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/intranet/`);
    const form = page.locator('#it-form');
    await form.getByText('Sending as Jane Doe (Sales)').waitFor();
    await form.getByRole('combobox', { name: 'What is it about?' }).selectOption('equipment');
    await form.getByRole('combobox', { name: 'Urgency' }).selectOption('high');
    await form.getByRole('textbox', { name: 'Your message' }).fill('Printer on floor 3 is broken');
    await form.getByRole('button', { name: 'Send', exact: true }).click();
    await form.getByText('Thank you!').waitFor();
    const report = await stored('Printer on floor 3 is broken');
    expect(report.feedback).toMatchObject({ audience: 'internal', category: 'equipment', urgency: 'high', site: 'it-facilities', user: { id: 'e1042', name: 'Jane Doe', department: 'Sales' } });

    await page.getByRole('radio', { name: 'Yes' }).click();
    await page.getByRole('textbox', { name: /Anything to add/ }).fill('Clear steps, thanks');
    await page.locator('hearken-rating').getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you for your feedback!').waitFor();
    const rating = await stored('Clear steps, thanks');
    expect(rating.feedback).toMatchObject({ rating: { scale: 'thumbs', value: 1 }, site: 'intranet-handbook', audience: 'internal' });

    // The launcher knows the person too (identify() from the portal's script).
    await sendThroughWidget(page, 'The coffee machine on floor 2 leaks');
    await page.getByRole('dialog').getByText('Thank you!').waitFor();
    expect((await stored('The coffee machine on floor 2 leaks')).feedback.user).toMatchObject({ name: 'Jane Doe' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('intranet: sends the portal cookies to the endpoint (credentials: include)', async () => {
    const endpoint = await startScriptedEndpoint();
    const cookies = await startDemo({ endpoint: endpoint.url });
    try {
      const page = await env.browser.newPage();
      await page.goto(`${cookies.site.url}/intranet/`);
      const form = page.locator('#it-form');
      await form.getByRole('textbox', { name: 'Your message' }).fill('Cookie check');
      await form.getByRole('button', { name: 'Send', exact: true }).click();
      await form.getByText('Thank you!').waitFor();
      expect(endpoint.received.at(-1)!.headers.cookie).toContain('portal_session=demo-1042');
      await page.close();
    } finally {
      await cookies.close();
      await endpoint.close();
    }
  });

  it('npm-client: an app with its own UI sends through @hearken/client, beforeSend removing a phone number', async () => {
    const page = await env.browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.demo.site.url}/npm-client/`);
    await page.getByRole('radio', { name: '★★★★★' }).check();
    await page.getByRole('textbox', { name: 'Comment (optional)' }).fill('Call me on +49 170 1234567 next time');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByText('Thank you! Your feedback arrived.').waitFor();
    const row = await stored('Call me on [phone] next time');
    expect(row.feedback).toMatchObject({ rating: { scale: 'stars', value: 5 }, tags: ['delivery'], metadata: { order: 4711 }, site: 'parcelly-app' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('npm-client: the Node script sends to the collector', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['examples/npm-client/send-feedback.mjs', env.demo.endpoint]);
    expect(stdout).toMatch(/^sent: [0-9a-f-]{36}/);
    expect((await stored('Printer on floor 3 is broken')).feedback.audience).toBe('internal');
  });
});
