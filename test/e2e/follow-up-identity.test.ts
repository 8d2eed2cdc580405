// Threads by identity, end to end in Chromium against the hearken-collector CLI: a signed-in employee
// sends feedback through the script tag on an intranet page; the team answers; on another device (a
// fresh browser context, no stored keys) the same signed identity opens "Your messages", reads the
// answer and answers back.
import type { User } from '@hearken/client';
import { signIdentity } from '@hearken/collector';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PERSON_PAUSE_MS, sendThroughWidget, watchErrors } from '../support/demo.js';
import { useSiteAndCollector } from '../support/site-and-collector.js';

const TOKEN = 'e2e-admin-token';
const SECRET = 'e2e-identity-secret';
const env = useSiteAndCollector(['--admin-token', TOKEN, '--identity-secret', SECRET]);

const admin = { authorization: `Bearer ${TOKEN}` };
interface InboxItem {
  feedback: { id: string; message?: string; user?: User };
  identity?: string;
  replies: { author: string; body: string; internal: boolean }[];
}
const inbox = async (): Promise<InboxItem[]> => (await (await fetch(`${env.collector.url}/inbox.json`, { headers: admin })).json()).items;

type ScriptTagPage = { Hearken?: { version: string; identify(user: User): void } };

/** The intranet page as the employee's server renders it: the script tag, and the signed user given to identify(). */
async function intranetPage(page: Page, user: User): Promise<void> {
  await page.goto(`${env.siteUrl}/pages/intranet.html`);
  await page.waitForFunction(() => (window as unknown as ScriptTagPage).Hearken?.version);
  await page.evaluate((signed) => (window as unknown as ScriptTagPage).Hearken!.identify(signed), user);
}

describe('follow-up by identity, end to end', () => {
  it('a signed-in employee reads the team’s answer on another device and answers there; notes never arrive', async () => {
    const employee = { id: 'e-1042', name: 'Ada Jürgens', email: 'ada@example.com', department: 'IT' };
    const signed = { ...employee, signature: await signIdentity(employee, SECRET) };

    // Device one: the employee sends feedback.
    const office = await env.browser.newContext();
    const desk = await office.newPage();
    const errors = watchErrors(desk);
    await intranetPage(desk, signed);
    await sendThroughWidget(desk, 'The printer on floor 3 jams on every page', { pauseMs: PERSON_PAUSE_MS });
    await desk.getByText(/^Thank you! Your feedback has arrived/).waitFor();
    await office.close();

    const [item] = await inbox();
    expect(item).toMatchObject({ identity: 'verified', feedback: { message: 'The printer on floor 3 jams on every page', user: { id: 'e-1042' } } });
    const id = item!.feedback.id;
    for (const [body, internal] of [['Toner vendor ticket 4711', true], ['A technician comes at 2 pm.', false]] as const) {
      const reply = await fetch(`${env.collector.url}/inbox/${id}/replies`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ body, internal }) });
      expect(reply.status).toBe(201);
    }

    // Device two: empty storage, the same signed identity.
    const phone = await env.browser.newContext();
    const page = await phone.newPage();
    const phoneErrors = watchErrors(page);
    await intranetPage(page, signed);
    expect(await page.evaluate(() => localStorage.getItem('hearken:my-feedback'))).toBeNull();
    await page.getByRole('button', { name: 'Feedback', exact: true }).click();
    await page.getByRole('button', { name: /^Your messages/ }).click();
    await page.getByText('A technician comes at 2 pm.').waitFor();
    await page.getByRole('heading', { name: 'The printer on floor 3 jams on every page' }).waitFor();
    expect(await page.getByText('Toner vendor ticket 4711').count()).toBe(0);
    // Withdrawing takes the key of the device that wrote it: no Delete here.
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);

    await page.getByRole('textbox', { name: 'Your answer' }).fill('Thanks, I will be at my desk');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Your answer has been sent.').waitFor();
    await page.getByText('Thanks, I will be at my desk').waitFor();

    const [after] = await inbox();
    expect(after!.replies.map((r) => [r.author, r.body, r.internal])).toEqual([
      ['team', 'Toner vendor ticket 4711', true],
      ['team', 'A technician comes at 2 pm.', false],
      ['you', 'Thanks, I will be at my desk', false],
    ]);
    expect([...errors, ...phoneErrors]).toEqual([]);
    await phone.close();
  });

  it('fetches no threads for a user the page did not sign', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const threadRequests: string[] = [];
    page.on('request', (request) => /\/feedback\/(threads|[^/]+\/thread)$/.test(request.url()) && threadRequests.push(request.url()));
    await intranetPage(page, { id: 'e-1042', name: 'Ada Jürgens' });
    await page.getByRole('button', { name: 'Feedback', exact: true }).click();
    await page.getByRole('textbox', { name: 'Your message' }).waitFor();
    expect(await page.getByRole('button', { name: /^Your messages/ }).count()).toBe(0);
    expect(threadRequests).toEqual([]);
    await context.close();
  });
});
