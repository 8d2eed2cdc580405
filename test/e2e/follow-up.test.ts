// The follow-up loop, end to end in Chromium against the hearken-collector CLI: a visitor sends
// feedback through the script tag; the team answers (and leaves an internal note); on a later visit
// the launcher shows the replies, "Your messages" shows them, and the visitor answers back.
import { describe, expect, it } from 'vitest';
import { PERSON_PAUSE_MS, sendThroughWidget, watchErrors } from '../support/demo.js';
import { useSiteAndCollector } from '../support/site-and-collector.js';

const TOKEN = 'e2e-admin-token';
const env = useSiteAndCollector(['--admin-token', TOKEN]);

const admin = { authorization: `Bearer ${TOKEN}` };
interface InboxItem {
  feedback: { id: string; message?: string };
  status: string;
  replies: { author: string; body: string; internal: boolean }[];
}
const inbox = async (): Promise<InboxItem[]> => (await (await fetch(`${env.collector.url}/inbox.json`, { headers: admin })).json()).items;

describe('follow-up, end to end', () => {
  it('a visitor reads the team’s answer on a later visit and answers back; an internal note never reaches the browser', async () => {
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.siteUrl}/pages/plain.html`);
    await sendThroughWidget(page, 'The search page times out after 30 seconds', { pauseMs: PERSON_PAUSE_MS });
    await page.getByText(/Your messages/).first().waitFor();

    // The team: an internal note and an answer, through the API.
    const [item] = await inbox();
    expect(item!.feedback.message).toBe('The search page times out after 30 seconds');
    const note = await fetch(`${env.collector.url}/inbox/${item!.feedback.id}/replies`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Looks like the index job again', internal: true }) });
    expect(note.status).toBe(201);
    const reply = await fetch(`${env.collector.url}/inbox/${item!.feedback.id}/replies`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify({ body: 'Thanks! We found the cause and it is fixed.', internal: false }) });
    expect(reply.status).toBe(201);

    // Another team member answers from the inbox page, logged in with the token.
    const team = await env.browser.newContext();
    const inboxPage = await team.newPage();
    await inboxPage.goto(`${env.collector.url}/inbox`);
    await inboxPage.getByLabel('Admin token').fill(TOKEN);
    await inboxPage.getByLabel('Admin token').press('Enter');
    await inboxPage.getByLabel(`Reply to ${item!.feedback.id.slice(0, 8)}`).fill('If it happens again, the help desk is on 4711.');
    await inboxPage.getByRole('button', { name: 'Send', exact: true }).click();
    await inboxPage.getByText('If it happens again, the help desk is on 4711.').waitFor();
    await team.close();

    // A later visit: the launcher says there are replies, in its accessible name.
    const threadRequests: string[] = [];
    page.on('response', (response) => response.url().endsWith('/thread') && threadRequests.push(response.url()));
    // The thread was checked less than 10 minutes ago (right after sending): let the check be due.
    await page.evaluate(() => {
      const list = JSON.parse(localStorage.getItem('hearken:my-feedback')!);
      for (const entry of list) entry.checkedAt = 0;
      localStorage.setItem('hearken:my-feedback', JSON.stringify(list));
    });
    await page.reload();
    const launcher = page.getByRole('button', { name: 'Feedback, 2 new replies' });
    await launcher.waitFor();

    await launcher.click();
    await page.getByRole('button', { name: /^Your messages/ }).click();
    await page.getByText('Thanks! We found the cause and it is fixed.').waitFor();
    expect(await page.getByText('Looks like the index job again').count()).toBe(0);
    const bodies = await page.evaluate(() => localStorage.getItem('hearken:my-feedback'));
    expect(bodies).not.toContain('index job');

    await page.getByRole('textbox', { name: 'Your answer' }).fill('Works for me now, thank you');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByText('Your answer has been sent.').waitFor();

    const [after] = await inbox();
    expect(after!.replies.map((r) => [r.author, r.body, r.internal])).toEqual([
      ['team', 'Looks like the index job again', true],
      ['team', 'Thanks! We found the cause and it is fixed.', false],
      ['team', 'If it happens again, the help desk is on 4711.', false],
      ['you', 'Works for me now, thank you', false],
    ]);
    // Seen now: the launcher's name no longer counts it.
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Feedback', exact: true }).waitFor();
    expect(threadRequests.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
