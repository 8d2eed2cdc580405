import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createFollowUpKey } from '@hearken/client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, readInbox } from '../collector.fixture.js';

afterEach(closeCollectors);

/** A feedback with a fresh follow-up key, posted; its id, key and thread URL. */
async function written(server: Awaited<ReturnType<typeof collector>>, fields: Parameters<typeof feedback>[0] = {}) {
  const key = createFollowUpKey();
  const item = feedback({ ...fields, followUp: { key } });
  const response = await post(server.intake, item);
  expect(response.status).toBe(201);
  return { id: item.id, key, item, thread: `${server.intake}/${item.id}/thread`, answer: await response.json() };
}

const withKey = (key: string, init: RequestInit = {}) => ({ ...init, headers: { authorization: `Bearer ${key}`, ...(init.headers as Record<string, string>) } });
const teamReply = (server: { url: string }, id: string, body: string, internal = false) =>
  fetch(`${server.url}/inbox/${id}/replies`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ body, internal }) });
const answer = (thread: string, key: string, message: unknown, headers: Record<string, string> = {}) =>
  fetch(thread, withKey(key, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ message }) }));

describe('follow-up: the thread of the person who wrote', () => {
  it('says it keeps threads, and keeps no follow-up key in plain text anywhere in the database', async () => {
    const server = await collector();
    const { key, id, answer: first } = await written(server, { contact: { email: 'jane@example.com', mayContact: true } });
    expect(first).toEqual({ id, status: 'stored', followUp: true });
    const [item] = await readInbox(server.url);
    expect(JSON.stringify(item)).not.toContain(key);
    expect(JSON.stringify(item)).not.toContain('followUpKeyHash');
    const folder = dirname(server.db);
    const files = readdirSync(folder).filter((f) => f.startsWith('feedback.db'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(readFileSync(join(folder, file)).includes(Buffer.from(key))).toBe(false);
  });

  it('shows team replies and the person\'s answers, never notes, with read shown as new', async () => {
    const server = await collector();
    const { id, key, thread } = await written(server);
    expect(await (await fetch(thread, withKey(key))).json()).toEqual({ id, status: 'new', replies: [] });
    expect((await teamReply(server, id, 'We are on it')).status).toBe(201);
    expect((await teamReply(server, id, 'Vendor ticket 4711', true)).status).toBe(201);
    expect((await answer(thread, key, '  Thanks, it is the printer on floor 3  ')).status).toBe(201);
    await fetch(`${server.url}/inbox/status`, { method: 'POST', body: new URLSearchParams({ id, status: 'read' }) });
    const response = await fetch(thread, withKey(key));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.status).toBe('new');
    expect(body.replies.map((r: { author: string; body: string }) => [r.author, r.body])).toEqual([
      ['team', 'We are on it'],
      ['you', 'Thanks, it is the printer on floor 3'],
    ]);
    expect(Object.keys(body.replies[0]).sort()).toEqual(['author', 'body', 'createdAt', 'id']);
    expect(JSON.stringify(body)).not.toContain('4711');
    const [item] = await readInbox(server.url);
    expect((item as unknown as { replies: { author: string; internal: boolean }[] }).replies.map((r) => [r.author, r.internal])).toEqual([
      ['team', false],
      ['team', true],
      ['you', false],
    ]);
  });

  it('answers 304 to a matching If-None-Match, and 200 with a new ETag once something changed', async () => {
    const server = await collector();
    const { id, key, thread } = await written(server);
    const first = await fetch(thread, withKey(key));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const same = await fetch(thread, withKey(key, { headers: { 'if-none-match': etag } }));
    expect(same.status).toBe(304);
    expect(same.headers.get('etag')).toBe(etag);
    await teamReply(server, id, 'Fixed');
    const changed = await fetch(thread, withKey(key, { headers: { 'if-none-match': etag } }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    // A note changes nothing the person sees.
    const now = changed.headers.get('etag')!;
    await teamReply(server, id, 'internal only', true);
    expect((await fetch(thread, withKey(key, { headers: { 'if-none-match': now } }))).status).toBe(304);
  });

  it('gives one and the same 404 for an unknown id, a wrong key, no key and a feedback sent without a key', async () => {
    const server = await collector();
    const { id, key, thread } = await written(server);
    const keyless = feedback();
    await post(server.intake, keyless);
    const attempts = [
      fetch(`${server.intake}/${crypto.randomUUID()}/thread`, withKey(key)),
      fetch(thread, withKey(createFollowUpKey())),
      fetch(thread, withKey(key.slice(0, -1))),
      fetch(thread),
      fetch(thread, { headers: { authorization: 'Basic abc' } }),
      fetch(`${server.intake}/${keyless.id}/thread`, withKey(key)),
      fetch(`${server.intake}/%E0%A4%A/thread`, withKey(key)),
      answer(thread, createFollowUpKey(), 'hi'),
      fetch(`${server.intake}/${id}`, withKey(createFollowUpKey(), { method: 'DELETE' })),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({ error: 'not_found' });
    }
    expect((await fetch(thread, withKey(key))).status).toBe(200);
    expect((await readInbox(server.url))[0]!.feedback.id).toBe(keyless.id);
  });

  it('refuses an empty, over-long or non-text answer and a non-JSON body, storing nothing', async () => {
    const server = await collector();
    const { key, thread } = await written(server);
    for (const message of ['', '   ', 'x'.repeat(5001), 42, undefined]) {
      const response = await answer(thread, key, message);
      expect(response.status).toBe(422);
      expect((await response.json()).issues[0].path).toEqual(['message']);
    }
    expect((await answer(thread, key, 'x'.repeat(5000))).status).toBe(201);
    const form = await fetch(thread, withKey(key, { method: 'POST', body: new URLSearchParams({ message: 'hi' }) }));
    expect(form.status).toBe(415);
    const broken = await fetch(thread, withKey(key, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"message":' }));
    expect(broken.status).toBe(400);
    expect((await (await fetch(thread, withKey(key))).json()).replies).toHaveLength(1);
  });

  it('counts answers against the address\'s rate limit, with Retry-After', async () => {
    const server = await collector({ rateLimit: 2 });
    const { key, thread } = await written(server);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await answer(thread, key, `answer ${i}`));
    expect(statuses.map((r) => r.status)).toEqual([201, 429, 429]);
    expect(Number(statuses[1]!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Reading is not limited: the widget checks threads in the background.
    expect((await fetch(thread, withKey(key))).status).toBe(200);
  });

  it('opens a resolved item again when the person answers', async () => {
    const server = await collector();
    const { id, key, thread } = await written(server);
    await fetch(`${server.url}/inbox/status`, { method: 'POST', body: new URLSearchParams({ id, status: 'resolved' }) });
    expect((await (await fetch(thread, withKey(key))).json()).status).toBe('resolved');
    await answer(thread, key, 'It is broken again');
    expect((await (await fetch(thread, withKey(key))).json()).status).toBe('in-progress');
  });

  it('lets the person withdraw a feedback: gone with its thread, and the same id is not stored again', async () => {
    const server = await collector();
    const { id, key, thread, item } = await written(server);
    await teamReply(server, id, 'Thanks');
    const kept = await written(server);
    const withdrawn = await fetch(`${server.intake}/${id}`, withKey(key, { method: 'DELETE' }));
    expect(withdrawn.status).toBe(204);
    expect((await fetch(thread, withKey(key))).status).toBe(404);
    expect((await fetch(`${server.intake}/${id}`, withKey(key, { method: 'DELETE' }))).status).toBe(404);
    const again = await post(server.intake, item);
    expect(again.status).toBe(200);
    expect((await readInbox(server.url)).map((i) => i.feedback.id)).toEqual([kept.id]);
    const folder = dirname(server.db);
    for (const file of readdirSync(folder).filter((f) => f.startsWith('feedback.db'))) expect(readFileSync(join(folder, file)).includes(Buffer.from(id))).toBe(false);
  });
});

describe('follow-up: CORS', () => {
  const page = 'http://localhost:8080';

  it('answers preflights for the key header on GET, POST and DELETE from an allowed origin, and exposes ETag', async () => {
    const server = await collector({ allowOrigins: [page] });
    const { id, key, thread } = await written(server);
    for (const [url, method] of [[thread, 'GET'], [thread, 'POST'], [`${server.intake}/${id}`, 'DELETE']] as const) {
      const response = await fetch(url, { method: 'OPTIONS', headers: { origin: page, 'access-control-request-method': method, 'access-control-request-headers': 'authorization, content-type' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(page);
      expect(response.headers.get('access-control-allow-methods')).toContain(method);
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
    }
    const read = await fetch(thread, withKey(key, { headers: { origin: page } }));
    expect(read.headers.get('access-control-allow-origin')).toBe(page);
    expect(read.headers.get('access-control-expose-headers')).toBe('Retry-After, ETag');
    const missing = await fetch(`${server.intake}/${crypto.randomUUID()}/thread`, withKey(key, { headers: { origin: page } }));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('access-control-allow-origin')).toBe(page);
  });

  it('gives a page from another origin no CORS headers, and neither the thread nor a write', async () => {
    const server = await collector({ allowOrigins: [page] });
    const { id, key, thread } = await written(server);
    const preflight = await fetch(thread, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(thread, withKey(key, { headers: { origin: 'https://evil.example' } }));
    expect(read.status).toBe(403);
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
    expect((await answer(thread, key, 'hi', { origin: 'https://evil.example' })).status).toBe(403);
    expect((await fetch(`${server.intake}/${id}`, withKey(key, { method: 'DELETE', headers: { origin: 'https://evil.example' } }))).status).toBe(403);
    expect((await (await fetch(thread, withKey(key))).json()).replies).toEqual([]);
  });
});
