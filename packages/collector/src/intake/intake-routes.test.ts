import { createClient } from '@hearken/client';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, readInbox } from '../collector.fixture.js';
import { signIdentity } from './identity.js';

afterEach(closeCollectors);

describe('intake: POST /feedback', () => {
  it('stores valid feedback (201) and answers a repeat 200 without a second row', async () => {
    const server = await collector();
    const item = feedback();
    const first = await post(server.intake, item);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ id: item.id, status: 'stored', followUp: true });
    const again = await post(server.intake, item);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ id: item.id, status: 'duplicate', followUp: true });
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

  it('lets a cross-origin page read Retry-After on a 429', async () => {
    for (const allowOrigins of [['http://localhost:8080'], ['*']]) {
      const server = await collector({ allowOrigins, rateLimit: 1 });
      expect((await post(server.intake, feedback(), { origin: 'http://localhost:8080' })).headers.get('access-control-expose-headers')).toBe('Retry-After');
      const limited = await post(server.intake, feedback(), { origin: 'http://localhost:8080' });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('access-control-allow-origin')).toBeTruthy();
      expect(limited.headers.get('access-control-expose-headers')).toBe('Retry-After');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
  });

  it('never pairs * with credentials', async () => {
    const server = await collector({ allowOrigins: ['*'] });
    const response = await post(server.intake, feedback(), { origin: 'https://any.example' });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  });
});
