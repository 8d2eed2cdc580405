import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Feedback } from '@hearken/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createSqliteStorage, signIdentity, startServer, type RunningServer, type ServerOptions } from './index.js';

const servers: RunningServer[] = [];
const folders: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function collector(options: Partial<ServerOptions> = {}) {
  const folder = mkdtempSync(join(tmpdir(), 'hearken-collector-'));
  folders.push(folder);
  const db = join(folder, 'feedback.db');
  const server = await startServer({ port: 0, storage: createSqliteStorage(db), rateLimit: 0, ...options });
  servers.push(server);
  return { ...server, db, intake: `${server.url}/feedback` };
}

let n = 0;
const feedback = (fields: Partial<Feedback> = {}): Feedback => ({
  id: crypto.randomUUID(),
  schemaVersion: 1,
  createdAt: new Date(Date.UTC(2026, 10, 26, 10, 0, n++)).toISOString(),
  audience: 'external',
  category: 'idea',
  message: 'More dark mode please',
  anonymous: false,
  ...fields,
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

const readInbox = async (url: string, token?: string, query = '') =>
  (await (await fetch(`${url}/inbox.json${query}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })).json()).items as { feedback: Feedback; spam: boolean; identity?: string; status: string }[];

describe('intake: POST /feedback', () => {
  it('stores valid feedback (201) and answers a repeat 200 without a second row', async () => {
    const server = await collector();
    const item = feedback();
    const first = await post(server.intake, item);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: item.id, status: 'stored' });
    const again = await post(server.intake, item);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: item.id, status: 'duplicate' });
    expect(await readInbox(server.url)).toHaveLength(1);
  });

  it('keeps one row when 50 copies arrive at once', async () => {
    const server = await collector();
    const item = feedback();
    const statuses = await Promise.all(Array.from({ length: 50 }, () => post(server.intake, item).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(49);
    expect(await readInbox(server.url)).toHaveLength(1);
  });

  it('answers 422 with the issues for invalid feedback', async () => {
    const server = await collector();
    const response = await post(server.intake, { ...feedback(), audience: 'partner', message: '' });
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe('invalid');
    expect(body.issues.map((i: { path: string[] }) => i.path[0])).toEqual(expect.arrayContaining(['audience']));
  });

  it('answers 400 for malformed JSON and for bytes that are not UTF-8', async () => {
    const server = await collector();
    expect((await post(server.intake, '{"id": ')).status).toBe(400);
    const response = await fetch(server.intake, { method: 'POST', headers: { 'content-type': 'application/json' }, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
    expect(response.status).toBe(400);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''])('answers 415 for content type "%s"', async (type) => {
    const server = await collector();
    const response = await fetch(server.intake, { method: 'POST', headers: type ? { 'content-type': type } : {}, body: JSON.stringify(feedback()) });
    expect(response.status).toBe(415);
    expect(await readInbox(server.url)).toHaveLength(0);
  });

  it('answers 413 over the body limit, counted while reading (also without a content-length)', async () => {
    const server = await collector({ maxBodyBytes: 1024 });
    expect((await post(server.intake, { ...feedback(), message: 'x'.repeat(2000) })).status).toBe(413);
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new TextEncoder().encode('x'.repeat(500)));
        controller.close();
      },
    });
    const streamed = await fetch(server.intake, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('rate-limits per address with 429 and Retry-After', async () => {
    const server = await collector({ rateLimit: 3 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push(await post(server.intake, feedback()));
    expect(statuses.map((r) => r.status)).toEqual([201, 201, 201, 429, 429]);
    expect(Number(statuses[3]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('marks honeypot and too-fast submissions as spam, hidden from the inbox; or drops them', async () => {
    const server = await collector();
    await post(server.intake, feedback({ signals: { honeypot: true } }));
    await post(server.intake, feedback({ signals: { fillMs: 300 } }));
    await post(server.intake, feedback({ signals: { honeypot: false, fillMs: 9000 } }));
    expect(await readInbox(server.url)).toHaveLength(1);
    expect(await readInbox(server.url, undefined, '?spam=only')).toHaveLength(2);

    const dropping = await collector({ spam: 'drop' });
    const response = await post(dropping.intake, feedback({ signals: { honeypot: true } }));
    expect(response.status).toBe(202);
    expect(await readInbox(dropping.url, undefined, '?spam=true')).toHaveLength(0);
  });

  it('verifies a host-signed identity and stores unsigned ones as unverified', async () => {
    const secret = 'shared-secret';
    const server = await collector({ identitySecret: secret });
    const user = { id: 'e42', name: 'Jane Doe', department: 'IT' };
    await post(server.intake, feedback({ audience: 'internal', user: { ...user, signature: await signIdentity(user, secret) } }));
    await post(server.intake, feedback({ audience: 'internal', user: { ...user, name: 'Mallory', signature: await signIdentity(user, secret) } }));
    await post(server.intake, feedback({ audience: 'internal', user }));
    const items = await readInbox(server.url);
    expect(items.map((i) => [i.feedback.user!.name, i.identity])).toEqual([
      ['Jane Doe', 'unverified'],
      ['Mallory', 'unverified'],
      ['Jane Doe', 'verified'],
    ]);
    expect(JSON.stringify(items)).not.toContain('signature');
  });

  it('receives what @hearken/client sends, end to end', async () => {
    const server = await collector();
    const client = createClient({ endpoint: server.intake, audience: 'internal', autoFlush: false });
    const result = await client.send({ message: 'Printer on floor 3 is broken', category: 'equipment', urgency: 'high' });
    expect(result.status).toBe('sent');
    const [item] = await readInbox(server.url);
    expect(item!.feedback).toMatchObject({ id: result.id, category: 'equipment', urgency: 'high', audience: 'internal' });
    const ratingOnly = await client.send({ rating: { scale: 'stars', value: 5 } });
    expect(ratingOnly.status).toBe('sent');
    expect(await readInbox(server.url)).toHaveLength(2);
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin with that exact origin, credentials and Vary', async () => {
    const server = await collector({ allowOrigins: ['http://localhost:8080'] });
    const response = await fetch(server.intake, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:8080', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    expect(response.headers.get('vary')).toContain('Origin');
  });

  it('refuses a preflight and a post from another origin', async () => {
    const server = await collector({ allowOrigins: ['http://localhost:8080'] });
    const preflight = await fetch(server.intake, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const response = await post(server.intake, feedback(), { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(await readInbox(server.url)).toHaveLength(0);
  });

  it('never pairs * with credentials', async () => {
    const server = await collector({ allowOrigins: ['*'] });
    const response = await post(server.intake, feedback(), { origin: 'https://any.example' });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('inbox', () => {
  it('refuses every form of reading without the admin token', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    await post(server.intake, feedback());
    for (const path of ['/inbox.json', '/inbox.csv']) {
      expect((await fetch(`${server.url}${path}`)).status).toBe(401);
      expect((await fetch(`${server.url}${path}`, { headers: { authorization: 'Bearer WRONG' } })).status).toBe(401);
    }
    const page = await fetch(`${server.url}/inbox`);
    expect(page.status).toBe(401);
    const text = await page.text();
    expect(text).toContain('Admin token');
    expect(text).not.toContain('dark mode');
    expect(await readInbox(server.url, 'SECRET')).toHaveLength(1);
  });

  it('logs in with the token through the page and reads with the cookie', async () => {
    const server = await collector({ adminToken: 'SECRET' });
    await post(server.intake, feedback({ message: 'Visible after login' }));
    const wrong = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: 'nope' }), redirect: 'manual' });
    expect(wrong.status).toBe(401);
    const login = await fetch(`${server.url}/inbox/login`, { method: 'POST', body: new URLSearchParams({ token: 'SECRET' }), redirect: 'manual' });
    expect(login.status).toBe(303);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).not.toContain('SECRET');
    const page = await fetch(`${server.url}/inbox`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Visible after login');
  });

  it('renders a <script> message inert, and sends a CSP that forbids scripts', async () => {
    const server = await collector();
    await post(server.intake, feedback({ message: '<script>alert(1)</script><img src=x onerror=alert(2)>' }));
    const response = await fetch(`${server.url}/inbox`);
    const text = await response.text();
    expect(text).not.toContain('<script>');
    expect(text).not.toContain('<img');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lists newest first, filters, and marks items read or resolved', async () => {
    const server = await collector();
    const older = feedback({ audience: 'internal', category: 'equipment', urgency: 'high', user: { name: 'Jane', department: 'IT' } });
    const newer = feedback({ category: 'praise' });
    await post(server.intake, older);
    await post(server.intake, newer);
    expect((await readInbox(server.url)).map((i) => i.feedback.id)).toEqual([newer.id, older.id]);
    expect((await readInbox(server.url, undefined, '?audience=internal&urgency=high&department=IT')).map((i) => i.feedback.id)).toEqual([older.id]);
    expect(await readInbox(server.url, undefined, '?category=praise&from=2026-11-26&to=2026-11-26')).toHaveLength(1);
    const marked = await fetch(`${server.url}/inbox/status`, { method: 'POST', body: new URLSearchParams({ id: older.id, status: 'resolved' }), redirect: 'manual' });
    expect(marked.status).toBe(303);
    expect((await readInbox(server.url, undefined, '?status=resolved')).map((i) => i.feedback.id)).toEqual([older.id]);
  });

  it('exports CSV with formula cells defused', async () => {
    const server = await collector();
    await post(server.intake, feedback({ message: '=HYPERLINK("http://evil","x"), "quoted"' }));
    const csv = await (await fetch(`${server.url}/inbox.csv`)).text();
    const [header, row] = csv.trim().split('\r\n');
    expect(header).toMatch(/^id,createdAt,receivedAt,status,audience,category/);
    expect(row).toContain(`"'=HYPERLINK(""http://evil"",""x""), ""quoted"""`);
  });
});

describe('storage', () => {
  it('keeps feedback across a restart', async () => {
    const first = await collector();
    const item = feedback();
    await post(first.intake, item);
    await first.close();
    const second = await startServer({ port: 0, storage: createSqliteStorage(first.db) });
    servers.push(second);
    expect((await readInbox(second.url)).map((i) => i.feedback.id)).toEqual([item.id]);
  });
});
