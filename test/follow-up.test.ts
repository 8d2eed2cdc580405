// The follow-up loop against the CLI, on SQLite and on PostgreSQL: a person writes with a key, the
// team answers by API and from the inbox page, a real SMTP server gets one mail per team reply (with
// consent only), the person reads and answers, notes never leave the inbox, no key is stored.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createFollowUpKey } from '@hearken/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCollectorProcess, type CollectorProcess } from './support/collector-process.js';
import { startTestPostgres, type TestPostgres } from './support/postgres.mjs';
import { startSmtpServer } from './support/smtp-server.js';

const PAGE = 'http://localhost:8080';
const TOKEN = 'team-secret';
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let cluster: TestPostgres;
const folder = mkdtempSync(join(tmpdir(), 'hearken-follow-up-'));

beforeAll(async () => {
  smtp = await startSmtpServer();
  cluster = await startTestPostgres();
});
afterAll(async () => {
  await smtp.close();
  await cluster?.remove();
  rmSync(folder, { recursive: true, force: true });
});

const until = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

interface Store {
  db: () => Promise<string>;
  /** Everything the database holds, as text. */
  dump: (db: string) => Promise<string>;
}

const STORES: [string, Store][] = [
  [
    'SQLite',
    {
      db: async () => join(mkdtempSync(join(folder, 'sqlite-')), 'feedback.db'),
      dump: async (db) => {
        const dir = join(db, '..');
        return readdirSync(dir).map((f) => readFileSync(join(dir, f)).toString('latin1')).join('');
      },
    },
  ],
  [
    'PostgreSQL',
    {
      db: () => cluster.createDatabase(),
      dump: async (db) => {
        const client = new pg.Client({ connectionString: db });
        await client.connect();
        const { rows } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
        let text = '';
        for (const { table_name } of rows) text += (await client.query(`SELECT t::text AS row FROM "${table_name}" t`)).rows.map((r) => r.row).join('\n');
        await client.end();
        return text;
      },
    },
  ],
];

describe.each(STORES)('follow-up against the CLI on %s', (_name, store) => {
  it('closes the loop: team replies reach the person (and their mailbox, with consent), notes never do, no key is stored', async () => {
    const db = await store.db();
    let collector: CollectorProcess | undefined;
    try {
      collector = await startCollectorProcess(['--db', db, '--allow-origin', PAGE, '--admin-token', TOKEN, '--smtp', `smtp://127.0.0.1:${smtp.port}`, '--mail-from', 'support@example.com', '--rate-limit', '0']);
      const { url } = collector;
      const key = createFollowUpKey();
      const id = crypto.randomUUID();
      const email = `jane-${id.slice(0, 8)}@example.com`;
      const sent = await fetch(`${url}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: PAGE },
        body: JSON.stringify({ id, schemaVersion: 1, createdAt: new Date().toISOString(), audience: 'external', category: 'question', message: 'Can I change my delivery address?', anonymous: false, contact: { email, mayContact: true }, followUp: { key } }),
      });
      expect(sent.status).toBe(201);
      expect((await sent.json()).followUp).toBe(true);
      const thread = `${url}/feedback/${id}/thread`;
      const asPerson = (init: RequestInit = {}) => fetch(thread, { ...init, headers: { origin: PAGE, authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) } });
      expect((await (await asPerson()).json()).replies).toEqual([]);

      const api = (body: object) => fetch(`${url}/inbox/${id}/replies`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      expect((await api({ body: 'Yes: under Account → Addresses, until it ships.', internal: false })).status).toBe(201);
      expect((await api({ body: 'Order is already packed, check with the warehouse', internal: true })).status).toBe(201);
      const login = await fetch(`${url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: TOKEN }), redirect: 'manual' });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const fromPage = await fetch(`${url}/inbox/${id}/replies`, { method: 'POST', headers: { cookie, origin: url }, body: new URLSearchParams({ body: 'Update: the warehouse changed it for you.' }), redirect: 'manual' });
      expect(fromPage.status).toBe(303);

      const read = await asPerson();
      expect(read.headers.get('access-control-allow-origin')).toBe(PAGE);
      const seen = await read.json();
      expect(seen.replies.map((r: { author: string; body: string }) => [r.author, r.body])).toEqual([
        ['team', 'Yes: under Account → Addresses, until it ships.'],
        ['team', 'Update: the warehouse changed it for you.'],
      ]);
      expect(JSON.stringify(seen)).not.toContain('already packed');
      const answered = await asPerson({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'Thank you!' }) });
      expect(answered.status).toBe(201);
      const inbox = await (await fetch(`${url}/inbox.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      const item = inbox.items.find((i: { feedback: { id: string } }) => i.feedback.id === id);
      expect(item.replies.map((r: { author: string; internal: boolean }) => [r.author, r.internal])).toEqual([['team', false], ['team', true], ['team', false], ['you', false]]);

      await until(() => smtp.received.filter((m) => m.to.includes(email)).length >= 2);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const mine = smtp.received.filter((m) => m.to.includes(email));
      expect(mine).toHaveLength(2);
      expect(mine.map((m) => m.data).join('')).not.toContain('already packed');

      // Without consent: stored, answered in the thread, never mailed.
      const quiet = crypto.randomUUID();
      const quietEmail = `joe-${quiet.slice(0, 8)}@example.com`;
      await fetch(`${url}/feedback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: quiet, schemaVersion: 1, createdAt: new Date().toISOString(), audience: 'external', category: 'idea', message: 'Dark mode', anonymous: false, contact: { email: quietEmail, mayContact: false }, followUp: { key: createFollowUpKey() } }),
      });
      expect((await fetch(`${url}/inbox/${quiet}/replies`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ body: 'On our list!' }) })).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(smtp.received.filter((m) => m.to.includes(quietEmail))).toEqual([]);

      const dump = await store.dump(db);
      expect(dump).toContain('Dark mode');
      expect(dump).not.toContain(key);

      // Withdrawn: gone, and the same id is not stored again.
      expect((await fetch(`${url}/feedback/${id}`, { method: 'DELETE', headers: { origin: PAGE, authorization: `Bearer ${key}` } })).status).toBe(204);
      expect((await asPerson()).status).toBe(404);
      const after = await (await fetch(`${url}/inbox.json`, { headers: { authorization: `Bearer ${TOKEN}` } })).json();
      expect(after.items.map((i: { feedback: { id: string } }) => i.feedback.id)).toEqual([quiet]);
    } finally {
      await collector?.stop();
    }
  });
});
