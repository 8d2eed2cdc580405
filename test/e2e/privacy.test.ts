// Withdrawing one's own feedback, end to end in Chromium against the hearken-collector CLI: a
// visitor sends feedback through the script tag, opens "Your messages", deletes it after the
// confirmation, and it is gone from the team's inbox; the audit trail says the writer did it.
import { describe, expect, it } from 'vitest';
import { PERSON_PAUSE_MS, sendThroughWidget, watchErrors } from '../support/demo.js';
import { useSiteAndCollector } from '../support/site-and-collector.js';

const TOKEN = 'e2e-privacy-token';
const env = useSiteAndCollector(['--admin-token', TOKEN]);

const admin = { authorization: `Bearer ${TOKEN}` };
const inboxMessages = async (): Promise<string[]> =>
  ((await (await fetch(`${env.collector.url}/inbox.json`, { headers: admin })).json()).items as { feedback: { message?: string } }[]).map((i) => i.feedback.message!);

describe('privacy, end to end', () => {
  it('a visitor deletes their own feedback from "Your messages": gone from the inbox, the neighbour kept, the deletion audited', async () => {
    const neighbour = { id: crypto.randomUUID(), schemaVersion: 1, createdAt: new Date().toISOString(), audience: 'external', category: 'idea', message: 'Someone else’s idea', anonymous: false };
    await fetch(`${env.collector.url}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(neighbour) });

    const context = await env.browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${env.siteUrl}/pages/plain.html`);
    await sendThroughWidget(page, 'I said too much about my team lead here', { pauseMs: PERSON_PAUSE_MS });
    await page.getByText(/Your messages/).first().waitFor();
    expect(await inboxMessages()).toEqual(['I said too much about my team lead here', 'Someone else’s idea']);

    await page.getByRole('button', { name: /^Your messages/ }).click();
    await page.getByText('I said too much about my team lead here').waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Delete this feedback and every reply to it? This cannot be undone.').waitFor();
    // Nothing is deleted before the confirmation.
    expect(await inboxMessages()).toHaveLength(2);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByText('Deleted.').waitFor();

    expect(await inboxMessages()).toEqual(['Someone else’s idea']);
    const trail = (await (await fetch(`${env.collector.url}/inbox/audit.json`, { headers: admin })).json()).entries as { action: string; by: string }[];
    expect(trail.map((e) => [e.action, e.by])).toEqual([['delete', 'person']]);
    expect(await page.evaluate(() => localStorage.getItem('hearken:my-feedback') ?? '[]')).not.toContain('team lead');
    expect(errors).toEqual([]);
    await context.close();
  });
});
