import { afterEach, describe, expect, it } from 'vitest';
import { startScriptedEndpoint } from '../../../test/support/scripted-endpoint.js';
import { createClient, createMemoryStorage, forgetMyFeedback, readMyFeedback, isHttpError, isNetworkError, isTimeoutError, isValidationError, parseFeedback, type ClientOptions } from './index.js';

// No floor for 429/503 without Retry-After here: these tests are about the retry itself.
const fast = { baseDelay: 5, maxDelay: 50, retryAfterFloor: 0 };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function endpoint(...replies: Parameters<typeof startScriptedEndpoint>[0] & object) {
  const server = await startScriptedEndpoint(replies);
  cleanups.push(server.close);
  return server;
}
function client(options: ClientOptions) {
  const created = createClient({ autoFlush: false, retry: fast, ...options });
  cleanups.push(created.close);
  return created;
}

describe('createClient in Node', () => {
  it('sends JSON that the exported schema accepts', async () => {
    const server = await endpoint();
    const result = await client({ endpoint: server.url, audience: 'internal', site: 'hq' }).send({
      message: ' Printer on floor 3 is broken ',
      category: 'equipment',
      urgency: 'high',
    });
    expect(result).toEqual({ status: 'sent', id: expect.any(String) });
    expect(server.received).toHaveLength(1);
    expect(server.received[0]!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(server.received[0]!.body);
    expect(parseFeedback(body).success).toBe(true);
    expect(body).toMatchObject({ id: result.id, schemaVersion: 1, audience: 'internal', site: 'hq', message: 'Printer on floor 3 is broken', anonymous: false });
    expect(body.context).toBeUndefined();
  });

  it('queues while the endpoint is down and delivers exactly one copy on flush', async () => {
    const server = await endpoint();
    const { port } = server;
    await server.close();
    cleanups.pop();
    const storage = createMemoryStorage();
    const sender = client({ endpoint: `http://127.0.0.1:${port}/feedback`, storage });
    const result = await sender.send({ message: 'hello' });
    expect(result.status).toBe('queued');
    expect(isNetworkError(result.error)).toBe(true);
    expect(await sender.pending()).toBe(1);

    const { createServer } = await import('node:http');
    const bodies: string[] = [];
    const revived = createServer((request, response) => {
      let body = '';
      request.on('data', (c) => (body += c)).on('end', () => (bodies.push(body), response.end()));
    });
    await new Promise<void>((resolve) => revived.listen(port, '127.0.0.1', resolve));
    cleanups.push(() => new Promise((resolve) => revived.close(resolve)));
    await sender.flush();
    await sender.flush();
    expect(bodies.map((b) => JSON.parse(b).id)).toEqual([result.id]);
    expect(await sender.pending()).toBe(0);
  });

  it('retries a 503 twice with the same id and ends with exactly one record', async () => {
    const server = await endpoint({ status: 503 }, { status: 503 });
    const sender = client({ endpoint: server.url, autoFlush: true });
    const result = await sender.send({ message: 'retry me' });
    expect(result.status).toBe('queued');
    expect(isHttpError(result.error) && result.error.status).toBe(503);
    await expect.poll(() => server.stored.size, { timeout: 5000 }).toBe(1);
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received.map((r) => JSON.parse(r.body).id))).toEqual(new Set([result.id]));
    expect(await sender.pending()).toBe(0);
  });

  it.each([400, 413, 422, 403])('does not retry a %d and says why', async (status) => {
    const server = await endpoint({ status, headers: { 'content-type': 'application/json' }, body: '{"issues":[{"path":["message"]}]}' });
    const sender = client({ endpoint: server.url, autoFlush: true });
    const result = await sender.send({ message: 'x' });
    expect(result.status).toBe('rejected');
    expect(isHttpError(result.error) && result.error).toMatchObject({ status, retryable: false, body: { issues: [{ path: ['message'] }] } });
    await sender.flush();
    expect(server.received).toHaveLength(1);
    expect(await sender.pending()).toBe(0);
  });

  it.each([408, 425, 429, 500, 502, 504])('keeps a %d for a retry', async (status) => {
    const server = await endpoint({ status });
    const sender = client({ endpoint: server.url });
    const result = await sender.send({ message: 'x' });
    expect(result.status).toBe('queued');
    await sender.flush();
    expect(server.received).toHaveLength(2);
    expect(server.stored.size).toBe(1);
  });

  it('waits for Retry-After (seconds) before the next attempt, also on flush', async () => {
    const server = await endpoint({ status: 429, headers: { 'retry-after': '1' } });
    const sender = client({ endpoint: server.url, autoFlush: true, retry: { baseDelay: 5, maxDelay: 10_000 } });
    const started = Date.now();
    await sender.send({ message: 'slow down' });
    await sender.flush();
    expect(server.received).toHaveLength(1);
    await expect.poll(() => server.stored.size, { timeout: 5000 }).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('honours Retry-After given as an HTTP date', async () => {
    const server = await endpoint({ status: 503, headers: { 'retry-after': new Date(Date.now() + 2000).toUTCString() } });
    const sender = client({ endpoint: server.url, autoFlush: true, retry: { baseDelay: 5, maxDelay: 10_000 } });
    const started = Date.now();
    await sender.send({ message: 'later' });
    await expect.poll(() => server.stored.size, { timeout: 6000 }).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it('times out a hanging endpoint and keeps the feedback', async () => {
    const server = await endpoint({ status: 200, delay: 1000 });
    const sender = client({ endpoint: server.url, timeout: 100 });
    const result = await sender.send({ message: 'slow' });
    expect(result.status).toBe('queued');
    expect(isTimeoutError(result.error)).toBe(true);
    expect(await sender.pending()).toBe(1);
  });

  it('gives up after the configured attempts and reports it', async () => {
    const server = await endpoint({ status: 500 }, { status: 500 }, { status: 500 });
    const events: string[] = [];
    const sender = client({ endpoint: server.url, retry: { ...fast, attempts: 2 }, onDelivery: (e) => events.push(`${e.status} ${e.reason}`) });
    await sender.send({ message: 'x' });
    await sender.flush();
    await sender.flush();
    expect(server.received).toHaveLength(2);
    expect(events).toEqual(['dropped attempts']);
    expect(await sender.pending()).toBe(0);
  });

  it('honours a Retry-After longer than maxDelay: no second attempt before it has passed', async () => {
    const server = await endpoint({ status: 429, headers: { 'retry-after': '2' } });
    const sender = client({ endpoint: server.url, autoFlush: true, retry: { baseDelay: 5, maxDelay: 50 } });
    const started = Date.now();
    await sender.send({ message: 'wait for me' });
    for (let i = 0; i < 5; i++) {
      await sender.flush();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(server.received).toHaveLength(1);
    await expect.poll(() => server.stored.size, { timeout: 5000 }).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1950);
  });

  it('backs off a 429 without a readable Retry-After for the floor, not burning attempts on flush', async () => {
    const server = await endpoint({ status: 429 }, { status: 429 });
    const sender = client({ endpoint: server.url, autoFlush: true, retry: { ...fast, retryAfterFloor: 1000 } });
    const started = Date.now();
    const ids = [];
    for (const message of ['a', 'b', 'c']) ids.push((await sender.send({ message })).id);
    for (let i = 0; i < 4; i++) {
      await sender.flush();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(server.received).toHaveLength(3);
    await expect.poll(() => server.stored.size, { timeout: 5000 }).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('discards feedback older than maxAge before any attempt, reporting it as expired', async () => {
    const server = await endpoint();
    const storage = createMemoryStorage();
    const old = Date.now() - 8 * 24 * 3_600_000;
    await storage.put({ id: 'old', endpoint: server.url, body: '{"id":"old"}', bytes: 12, queuedAt: old, attempts: 0, nextAttemptAt: old, notBefore: old });
    const events: unknown[] = [];
    const sender = client({ endpoint: server.url, storage, onDelivery: (e) => events.push(e) });
    await sender.flush();
    expect(server.received).toHaveLength(0);
    expect(events).toEqual([{ id: 'old', status: 'dropped', reason: 'expired' }]);
    expect(await storage.list()).toEqual([]);
  });

  it('tries a 401 once more with fresh headers() before rejecting', async () => {
    const server = await endpoint({ status: 401 }, { status: 401 }, { status: 401 });
    let calls = 0;
    const sender = client({ endpoint: server.url, headers: async () => ({ authorization: `Bearer token-${++calls}` }) });
    const refreshed = await sender.send({ message: 'token expired' });
    expect(refreshed.status).toBe('rejected');
    expect(isHttpError(refreshed.error) && refreshed.error.status).toBe(401);
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect((await sender.send({ message: 'fresh token works' })).status).toBe('sent');
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2', 'Bearer token-3', 'Bearer token-4']);
  });

  it('calls headers() on every attempt and never stores the token', async () => {
    const server = await endpoint({ status: 503 });
    let calls = 0;
    const storage = createMemoryStorage();
    const sender = client({ endpoint: server.url, storage, headers: async () => ({ authorization: `Bearer token-${++calls}` }) });
    await sender.send({ message: 'x' });
    expect(JSON.stringify(await storage.list())).not.toContain('token-');
    await sender.flush();
    expect(server.received.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('lets beforeSend edit, drop, or stop by throwing', async () => {
    const server = await endpoint();
    const edited = await client({ endpoint: server.url, beforeSend: (f) => ({ ...f, message: f.message!.replace(/\d{4}/g, '****') }) }).send({ message: 'card 1234' });
    expect(edited.status).toBe('sent');
    expect(JSON.parse(server.received[0]!.body).message).toBe('card ****');
    const dropped = await client({ endpoint: server.url, beforeSend: () => null }).send({ message: 'x' });
    expect(dropped).toMatchObject({ status: 'rejected', error: { name: 'BeforeSendError', code: 'dropped' } });
    const threw = await client({ endpoint: server.url, beforeSend: () => { throw new Error('boom'); } }).send({ message: 'x' });
    expect(threw).toMatchObject({ status: 'rejected', error: { name: 'BeforeSendError', code: 'threw' } });
    expect(server.received).toHaveLength(1);
  });

  it('rejects invalid input with typed issues and sends nothing', async () => {
    const server = await endpoint();
    const result = await client({ endpoint: server.url }).send({ message: '' });
    expect(result.status).toBe('rejected');
    expect(isValidationError(result.error) && result.error.issues[0]).toMatchObject({ path: ['message'], code: 'required' });
    expect(result.error).toBeInstanceOf(Error);
    expect(server.received).toHaveLength(0);
  });

  it('drops user and contact from anonymous feedback', async () => {
    const server = await endpoint();
    await client({ endpoint: server.url, audience: 'internal' }).send({ message: 'x', anonymous: true, user: { name: 'Jane' }, contact: { mayContact: false } });
    const body = JSON.parse(server.received[0]!.body);
    expect(body.anonymous).toBe(true);
    expect(body.user).toBeUndefined();
    expect(body.contact).toBeUndefined();
  });

  it('two clients on one store deliver one copy', async () => {
    const server = await endpoint({ status: 503 }, { status: 200, delay: 50 });
    const storage = createMemoryStorage();
    const first = client({ endpoint: server.url, storage });
    await first.send({ message: 'once' });
    const second = client({ endpoint: server.url, storage });
    await Promise.all([first.flush(), second.flush(), second.flush()]);
    expect(server.received).toHaveLength(2);
    expect(server.stored.size).toBe(1);
  });

  it('evicts the oldest feedback when the outbox is full, without throwing', async () => {
    const server = await endpoint({ status: 503 }, { status: 503 }, { status: 503 });
    const events: string[] = [];
    const storage = createMemoryStorage();
    const sender = client({ endpoint: server.url, storage, outbox: { maxItems: 2 }, onDelivery: (e) => events.push(`${e.status} ${e.reason} ${e.id}`) });
    const ids = [];
    for (const message of ['a', 'b', 'c']) ids.push((await sender.send({ message })).id);
    expect((await storage.list()).map((i) => i.id).sort()).toEqual(ids.slice(1).sort());
    expect(events).toEqual([`dropped evicted ${ids[0]}`]);
  });
});

describe('follow-up', () => {
  afterEach(() => readMyFeedback().forEach((e) => forgetMyFeedback(e.id)));

  it('sends a fresh 128-bit key with each feedback and offers the thread only when the endpoint keeps threads', async () => {
    const plain = await endpoint();
    const threads = await endpoint({ status: 201, body: '{"status":"stored","followUp":true}' });
    const first = await client({ endpoint: plain.url }).send({ message: 'To an endpoint without threads' });
    const second = await client({ endpoint: threads.url }).send({ message: 'To the collector' });
    const keys = [plain, threads].map((s) => JSON.parse(s.received[0]!.body).followUp.key as string);
    expect(keys[0]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(keys[0]).not.toBe(keys[1]);
    expect(first).toEqual({ status: 'sent', id: first.id });
    expect(second).toEqual({ status: 'sent', id: second.id, followUp: true });
    const list = readMyFeedback();
    expect(list.find((e) => e.id === first.id)).toMatchObject({ key: keys[0] });
    expect(list.find((e) => e.id === first.id)!.followUp).toBeUndefined();
    expect(list.find((e) => e.id === second.id)).toMatchObject({ key: keys[1], endpoint: threads.url, excerpt: 'To the collector', followUp: true });
  });

  it('learns that a queued feedback has a thread when it is delivered later', async () => {
    const server = await endpoint({ status: 503 }, { status: 201, body: '{"followUp":true}' });
    const c = client({ endpoint: server.url, storage: createMemoryStorage() });
    const result = await c.send({ message: 'Later' });
    expect(result.status).toBe('queued');
    expect(readMyFeedback().find((e) => e.id === result.id)?.followUp).toBeUndefined();
    await c.flush();
    expect(readMyFeedback().find((e) => e.id === result.id)?.followUp).toBe(true);
  });

  it('makes no key when followUp is false, or when beforeSend removes it', async () => {
    const server = await endpoint();
    await client({ endpoint: server.url, followUp: false }).send({ message: 'No key' });
    await client({ endpoint: server.url, beforeSend: ({ followUp, ...rest }) => rest }).send({ message: 'Key removed' });
    expect(server.received.map((r) => JSON.parse(r.body).followUp)).toEqual([undefined, undefined]);
    expect(readMyFeedback()).toEqual([]);
  });
});

describe('createClient with a misconfigured endpoint', () => {
  it.each([
    ['no endpoint', {}, 'undefined'],
    ['an empty endpoint', { endpoint: '' }, '""'],
    ['words', { endpoint: 'not a url' }, '"not a url"'],
    ['a path, with no page to resolve it against', { endpoint: '/feedback' }, '"/feedback"'],
    ['another scheme', { endpoint: 'mailto:team@example.com' }, '"mailto:team@example.com"'],
  ])('throws a TypeError at once for %s, saying what to fix', (_, options, got) => {
    expect(() => createClient(options as ClientOptions)).toThrow(TypeError);
    expect(() => createClient(options as ClientOptions)).toThrow(`Hearken: createClient needs \`endpoint\`, the URL feedback is POSTed to (https://… or, in a page, /path); got ${got}`);
  });

  it('accepts http and https URLs, with surrounding white space as URLs allow', () => {
    for (const endpoint of ['https://feedback.example.com/feedback', 'http://127.0.0.1:8787/feedback', ' https://feedback.example.com/f ']) client({ endpoint });
  });
});
