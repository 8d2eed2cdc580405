// Privacy against the CLI, as an operator runs it: deleting one item (gone from the inbox and the
// database files, never stored again), retention at start (deleting, or erasing personal data),
// the subject-access export and bulk delete, and the audit trail that names who did what.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Feedback } from '@hearken/client/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { startCollectorProcess } from './support/collector-process.js';

const TOKEN = 'operator-secret';
const ALICE = 'alice-secret';
const admin = { authorization: `Bearer ${TOKEN}` };
const alice = { authorization: `Bearer ${ALICE}` };
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function database() {
  const folder = mkdtempSync(join(tmpdir(), 'hearken-privacy-'));
  folders.push(folder);
  const path = join(folder, 'feedback.db');
  return {
    path,
    /** Every file of the database (main file, WAL, shared memory) as one text. */
    text: () =>
      readdirSync(folder)
        .map((name) => readFileSync(join(folder, name)).toString('latin1'))
        .join(''),
  };
}

const feedback = (fields: Partial<Feedback> = {}): Feedback => ({
  id: crypto.randomUUID(),
  schemaVersion: 1,
  createdAt: new Date().toISOString(),
  audience: 'internal',
  category: 'process',
  message: 'The travel form is hard to find',
  anonymous: false,
  ...fields,
});

const post = (url: string, body: Feedback) => fetch(`${url}/feedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const items = async (url: string, query = '') => (await (await fetch(`${url}/inbox.json${query}`, { headers: admin })).json()).items as { feedback: Feedback; personalErasedAt?: string }[];
const audit = async (url: string, query = '') =>
  (await (await fetch(`${url}/inbox/audit.json${query}`, { headers: admin })).json()).entries as { action: string; by: string; via: string; feedbackId?: string; detail?: string }[];

describe('privacy, against the CLI', () => {
  it('deletes one item: gone from /inbox.json and the database files, neighbours untouched, the same id never stored again, the deletion audited', async () => {
    const db = database();
    const cli = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN, '--team-token', `alice:${ALICE}`]);
    try {
      const [before, target, after] = [feedback({ message: 'Neighbour before' }), feedback({ message: 'Delete me: my manager shouts at me' }), feedback({ message: 'Neighbour after' })];
      for (const f of [before, target, after]) expect((await post(cli.url, f)).status).toBe(201);
      expect(db.text()).toContain('my manager shouts at me');

      expect((await fetch(`${cli.url}/inbox/${target.id}`, { method: 'DELETE' })).status).toBe(401);
      expect((await fetch(`${cli.url}/inbox/${crypto.randomUUID()}`, { method: 'DELETE', headers: alice })).status).toBe(404);
      expect((await fetch(`${cli.url}/inbox/${target.id}`, { method: 'DELETE', headers: alice })).status).toBe(204);

      expect((await items(cli.url)).map((i) => i.feedback.message)).toEqual(['Neighbour after', 'Neighbour before']);
      expect(db.text()).not.toContain('my manager shouts at me');
      expect(db.text()).not.toContain(target.id);
      const again = await post(cli.url, target);
      expect(again.status).toBeLessThan(300);
      expect(await items(cli.url)).toHaveLength(2);
      expect(db.text()).not.toContain('my manager shouts at me');

      // Listed per item: on the page and as JSON.
      expect((await fetch(`${cli.url}/inbox/status`, { method: 'POST', headers: alice, body: new URLSearchParams({ id: before.id, status: 'resolved' }), redirect: 'manual' })).status).toBe(303);
      const page = await (await fetch(`${cli.url}/inbox`, { headers: admin })).text();
      expect(page).toMatch(/Audit trail \(1\)<\/summary><ul><li>status \(resolved\) by alice, <time/);
      const perItem = (await (await fetch(`${cli.url}/inbox/${before.id}/audit.json`, { headers: admin })).json()).entries;
      expect(perItem).toEqual([expect.objectContaining({ action: 'status', feedbackId: before.id, by: 'alice', via: 'bearer', detail: 'resolved' })]);

      const [entry] = await audit(cli.url, `?id=${target.id}`);
      expect(entry).toMatchObject({ action: 'delete', by: 'alice', via: 'bearer' });
      expect(entry!.feedbackId).not.toBe(target.id);
    } finally {
      await cli.stop();
    }
  });

  it('with --retention 2s, deletes at start what was received more than 2 s before', async () => {
    const db = database();
    const first = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN]);
    const old = feedback({ message: 'Old news' });
    await post(first.url, old);
    await first.stop();
    await new Promise((resolve) => setTimeout(resolve, 2200));

    const second = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN, '--retention', '2s']);
    try {
      expect(second.output()).toContain('Retention: feedback deleted 2s after receipt; applied, and again every hour.');
      expect(await items(second.url)).toEqual([]);
      expect(db.text()).not.toContain('Old news');
      const fresh = feedback({ message: 'Fresh news' });
      await post(second.url, fresh);
      expect((await items(second.url)).map((i) => i.feedback.id)).toEqual([fresh.id]);
      expect(await audit(second.url)).toEqual([expect.objectContaining({ action: 'delete', by: 'retention', via: 'schedule', detail: 'received more than 2s ago' })]);
      const page = await (await fetch(`${second.url}/inbox`, { headers: admin })).text();
      expect(page).toContain('Feedback is deleted 2s after it was received');
      expect((await (await fetch(`${second.url}/inbox.json`, { headers: admin })).json()).retention).toEqual({ deleteAfter: '2s', erasePersonalAfter: null });
    } finally {
      await second.stop();
    }
  });

  it('with --retention-personal 2s, keeps the item but erases user, contact, browser string and URL queries', async () => {
    const db = database();
    const first = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN]);
    const named = feedback({
      message: 'The coffee machine on floor 2 leaks',
      user: { id: 'e-4711', name: 'Erika Mustermann', email: 'erika@example.com', department: 'Finance' },
      contact: { email: 'erika.private@example.com', name: 'Erika', mayContact: true },
      context: { url: 'https://intranet.example/kitchen?employee=erika#top', referrer: 'https://intranet.example/?q=erika', userAgent: 'Mozilla/5.0 (Erika)', title: 'Kitchen' },
    });
    await post(first.url, named);
    await first.stop();
    await new Promise((resolve) => setTimeout(resolve, 2200));

    const second = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN, '--retention-personal', '2s']);
    try {
      const [item] = await items(second.url);
      expect(item!.feedback.message).toBe('The coffee machine on floor 2 leaks');
      expect(item!.feedback.user).toBeUndefined();
      expect(item!.feedback.contact).toBeUndefined();
      expect(item!.feedback.context).toEqual({ url: 'https://intranet.example/kitchen', referrer: 'https://intranet.example/', title: 'Kitchen' });
      expect(item!.personalErasedAt).toBeDefined();
      for (const trace of ['Erika', 'erika@example.com', 'erika.private', 'e-4711', 'Mozilla/5.0 (Erika)']) expect(db.text()).not.toContain(trace);
      expect((await audit(second.url, `?id=${named.id}`)).map((e) => [e.action, e.by])).toEqual([['erase-personal', 'retention']]);
      const page = await (await fetch(`${second.url}/inbox`, { headers: admin })).text();
      expect(page).toContain('names, emails, browser strings and URL queries are erased after 2s');
    } finally {
      await second.stop();
    }
  });

  it('answers 404, never a 5xx, to ids no feedback can have (a NUL byte, which PostgreSQL refuses)', async () => {
    const db = database();
    const cli = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN]);
    try {
      for (const [path, method] of [['/inbox/%00/audit.json', 'GET'], ['/inbox/audit.json?id=%00', 'GET'], ['/inbox/a%00b', 'DELETE'], ['/inbox/%00/replies', 'POST'], ['/feedback/%00/thread', 'GET'], ['/feedback/%00', 'DELETE']] as const) {
        const response = await fetch(`${cli.url}${path}`, { method, headers: { ...admin, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: '{"body":"x"}' } : {}) });
        expect([path, response.status]).toEqual([path, 404]);
      }
      const status = await fetch(`${cli.url}/inbox/status`, { method: 'POST', headers: admin, body: new URLSearchParams({ id: 'a\u0000b', status: 'read' }), redirect: 'manual' });
      expect(status.status).toBe(404);
    } finally {
      await cli.stop();
    }
  });

  it('refuses a malformed --retention with one clear line and a non-zero exit, before listening', async () => {
    for (const [flag, value] of [['--retention', '1 year'], ['--retention-personal', '30']]) {
      const child = spawn(process.execPath, ['packages/collector/dist/bin.js', '--port', '0', '--db', ':memory:', flag!, value!], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      expect(code).not.toBe(0);
      expect(stderr.split('\n')[0]).toBe(`hearken-collector: ${flag} takes a time such as 365d (a whole number with s, m, h or d), not "${value}"`);
    }
  });

  it('answers "what do you hold about me" and deletes exactly that from the inbox page; exports are audited', async () => {
    const db = database();
    const cli = await startCollectorProcess(['--db', db.path, '--admin-token', TOKEN, '--team-token', `alice:${ALICE}`]);
    try {
      const mine = [feedback({ contact: { email: 'Sam@Example.com', mayContact: false } }), feedback({ user: { email: 'sam@example.com' } })];
      const other = feedback({ user: { email: 'samuel@example.com' } });
      for (const f of [...mine, other]) await post(cli.url, f);

      const held = await fetch(`${cli.url}/inbox.json?email=SAM@example.com`, { headers: alice });
      expect(((await held.json()).items as { feedback: Feedback }[]).map((i) => i.feedback.id).sort()).toEqual(mine.map((f) => f.id).sort());
      await fetch(`${cli.url}/inbox.csv`, { headers: admin });

      const login = await fetch(`${cli.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: ALICE }), redirect: 'manual' });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      await fetch(`${cli.url}/inbox/status`, { method: 'POST', headers: alice, body: new URLSearchParams({ id: mine[0]!.id, status: 'resolved' }) });
      // The form deletes every item of the address: it says so, whatever else the page filters.
      const page = await (await fetch(`${cli.url}/inbox?email=sam%40example.com&status=resolved`, { headers: { cookie } })).text();
      expect(page).toContain('Delete all 2 items of sam@example.com…');
      expect(page).toContain('1 shown');
      expect((await fetch(`${cli.url}/inbox/delete-person`, { method: 'POST', headers: { cookie, origin: 'https://evil.example' }, body: new URLSearchParams({ email: 'sam@example.com' }), redirect: 'manual' })).status).toBe(403);
      const deleted = await fetch(`${cli.url}/inbox/delete-person`, { method: 'POST', headers: { cookie, origin: cli.url }, body: new URLSearchParams({ email: 'sam@example.com' }), redirect: 'manual' });
      expect(deleted.status).toBe(303);
      expect((await items(cli.url)).map((i) => i.feedback.id)).toEqual([other.id]);

      const trail = await audit(cli.url);
      expect(trail.map((e) => [e.action, e.by, e.via])).toEqual([
        ['delete', 'alice', 'cookie'],
        ['delete', 'alice', 'cookie'],
        ['status', 'alice', 'bearer'],
        ['export', 'admin', 'bearer'],
        ['export', 'alice', 'bearer'],
      ]);
      expect(trail[4]!.detail).toBe('2 items as JSON, of one person');
      expect(JSON.stringify(trail)).not.toContain('sam@example.com');
    } finally {
      await cli.stop();
    }
  });
});
