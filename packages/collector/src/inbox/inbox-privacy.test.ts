import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, readInbox } from '../collector.fixture.js';

afterEach(closeCollectors);

const TOKEN = 'SECRET';
const admin = { authorization: `Bearer ${TOKEN}` };
/** Every file of the SQLite database (main file, WAL, shared memory) as one text. */
const databaseText = (db: string) =>
  readdirSync(dirname(db))
    .filter((name) => name.startsWith('feedback.db'))
    .map((name) => readFileSync(join(dirname(db), name)).toString('latin1'))
    .join('');

describe('inbox: privacy', () => {
  it('deletes one item with DELETE /inbox/{id}: gone from the inbox and the database files, neighbours untouched, a retry not stored again', async () => {
    const server = await collector({ adminToken: TOKEN });
    const before = feedback({ message: 'Neighbour before' });
    const target = feedback({ message: 'Delete me: my manager is unfair' });
    const after = feedback({ message: 'Neighbour after' });
    for (const f of [before, target, after]) expect((await post(server.intake, f)).status).toBe(201);

    expect((await fetch(`${server.url}/inbox/${target.id}`, { method: 'DELETE' })).status).toBe(401);
    expect((await fetch(`${server.url}/inbox/${crypto.randomUUID()}`, { method: 'DELETE', headers: admin })).status).toBe(404);
    expect((await fetch(`${server.url}/inbox/${target.id}`, { method: 'DELETE', headers: admin })).status).toBe(204);

    expect((await readInbox(server.url, TOKEN)).map((i) => i.feedback.message)).toEqual(['Neighbour after', 'Neighbour before']);
    expect(databaseText(server.db)).not.toContain('my manager is unfair');
    // A browser's outbox may still send it again: answered 2xx, stored never.
    expect((await post(server.intake, target)).status).toBeLessThan(300);
    expect(await readInbox(server.url, TOKEN)).toHaveLength(2);
  });

  it('deletes from the inbox page only through its confirming form, from the page itself', async () => {
    const server = await collector({ adminToken: TOKEN });
    const target = feedback({ message: 'From the page' });
    await post(server.intake, target);
    const login = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: TOKEN }), redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const page = await (await fetch(`${server.url}/inbox`, { headers: { cookie } })).text();
    expect(page).toContain(`action="/inbox/${target.id}/delete"`);
    expect(page).toContain('Delete for good');
    const forged = await fetch(`${server.url}/inbox/${target.id}/delete`, { method: 'POST', headers: { cookie, origin: 'https://evil.example' }, redirect: 'manual' });
    expect(forged.status).toBe(403);
    const done = await fetch(`${server.url}/inbox/${target.id}/delete`, { method: 'POST', headers: { cookie, origin: server.url }, redirect: 'manual' });
    expect(done.status).toBe(303);
    expect(await readInbox(server.url, TOKEN)).toHaveLength(0);
  });

  it('lists what is held about one email address (contact or user, any case), and deletes exactly that', async () => {
    const server = await collector({ adminToken: TOKEN });
    await post(server.intake, feedback({ message: 'As a customer', contact: { email: 'Jane@Example.com', mayContact: true } }));
    await post(server.intake, feedback({ audience: 'internal', message: 'As an employee', user: { name: 'Jane', email: 'jane@example.com' } }));
    await post(server.intake, feedback({ message: 'Someone else', contact: { email: 'sam@example.com', mayContact: true } }));
    const held = await readInbox(server.url, TOKEN, '?email=JANE@example.com');
    expect(held.map((i) => i.feedback.message).sort()).toEqual(['As a customer', 'As an employee']);

    expect((await fetch(`${server.url}/inbox`, { method: 'DELETE', headers: admin })).status).toBe(400);
    const removed = await fetch(`${server.url}/inbox?email=jane@example.com`, { method: 'DELETE', headers: admin });
    expect(await removed.json()).toEqual({ deleted: 2 });
    expect((await readInbox(server.url, TOKEN)).map((i) => i.feedback.message)).toEqual(['Someone else']);
  });

  it('keeps no browser string of anonymous feedback', async () => {
    const server = await collector({ adminToken: TOKEN });
    const context = { url: 'https://intranet.example/hr', userAgent: 'Mozilla/5.0 (X11; Linux) Firefox/153.0' };
    await post(server.intake, feedback({ audience: 'internal', anonymous: true, message: 'Anonymous', context }));
    await post(server.intake, feedback({ audience: 'internal', message: 'Named', user: { name: 'Jo' }, context }));
    const items = await readInbox(server.url, TOKEN);
    expect(items.find((i) => i.feedback.message === 'Anonymous')!.feedback.context).toEqual({ url: 'https://intranet.example/hr' });
    expect(items.find((i) => i.feedback.message === 'Named')!.feedback.context?.userAgent).toContain('Firefox');
  });
});
