import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFollowUpKey } from './follow-up-key.js';
import { forgetMyFeedback, readMyFeedback, rememberMyFeedback, unreadReplies, type MyFeedback } from './my-feedback.js';
import { identityAuthorization } from './identity-authorization.js';
import { answerThread, checkThreads, loadIdentityThreads, loadThread, THREAD_CHECK_INTERVAL_MS, withdrawFeedback, type ThreadReply } from './thread.js';

// A real HTTP endpoint speaking the thread API for one feedback.
const KEY = createFollowUpKey();
const replies: ThreadReply[] = [];
const requests: { method: string; url: string; authorization?: string; ifNoneMatch?: string }[] = [];
let server: Server;
let endpoint: string;
let gone = false;

const body = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let text = '';
  req.on('data', (c) => (text += c)).on('end', () => resolve(text));
});

beforeAll(async () => {
  server = createServer(async (req, res) => {
    requests.push({ method: req.method!, url: req.url!, authorization: req.headers.authorization, ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    if (gone || req.headers.authorization !== `Bearer ${KEY}` || !req.url!.startsWith('/feedback/f1')) return res.writeHead(404).end('{"error":"not_found"}');
    if (req.method === 'DELETE') return res.writeHead(204).end();
    if (req.method === 'POST') {
      const { message } = JSON.parse(await body(req));
      replies.push({ id: `r${replies.length}`, author: 'you', body: message, createdAt: new Date().toISOString() });
      return res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
    }
    const etag = `"${replies.length}"`;
    if (req.headers['if-none-match'] === etag) return res.writeHead(304, { etag }).end();
    res.writeHead(200, { 'content-type': 'application/json', etag }).end(JSON.stringify({ id: 'f1', status: 'in-progress', replies }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feedback`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));
afterEach(() => {
  for (const e of readMyFeedback()) forgetMyFeedback(e.id);
  replies.length = 0;
  requests.length = 0;
  gone = false;
});

const entry = (patch: Partial<MyFeedback> = {}): MyFeedback => ({ id: 'f1', key: KEY, endpoint, createdAt: new Date().toISOString(), excerpt: 'Printer', followUp: true, teamReplies: 0, seenReplies: 0, ...patch });

describe('follow-up key', () => {
  it('is 128 random bits in base64url, different every time', () => {
    const keys = new Set(Array.from({ length: 200 }, createFollowUpKey));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('threads', () => {
  it('reads a thread with the key as bearer, and counts unseen team replies until they are seen', async () => {
    rememberMyFeedback(entry());
    replies.push({ id: 'r0', author: 'team', body: 'We are on it', createdAt: new Date().toISOString() });
    const result = await loadThread(readMyFeedback()[0]!);
    expect(result).toMatchObject({ ok: true, thread: { status: 'in-progress', replies: [{ author: 'team', body: 'We are on it' }] } });
    expect(requests[0]).toMatchObject({ method: 'GET', url: '/feedback/f1/thread', authorization: `Bearer ${KEY}` });
    expect(unreadReplies()).toBe(1);
    await loadThread(readMyFeedback()[0]!, { markSeen: true });
    expect(unreadReplies()).toBe(0);
  });

  it('checks each thread at most once per interval, with If-None-Match, and learns of new replies', async () => {
    rememberMyFeedback(entry());
    const start = Date.now();
    await checkThreads({ now: start });
    await checkThreads({ now: start + 60_000 });
    expect(requests).toHaveLength(1);
    await checkThreads({ now: start + THREAD_CHECK_INTERVAL_MS });
    expect(requests).toHaveLength(2);
    expect(requests[1]!.ifNoneMatch).toBe('"0"');
    replies.push({ id: 'r0', author: 'team', body: 'Fixed', createdAt: new Date().toISOString() });
    await checkThreads({ now: start + 2 * THREAD_CHECK_INTERVAL_MS });
    expect(unreadReplies()).toBe(1);
  });

  it('does not check feedback whose endpoint never said it keeps threads', async () => {
    rememberMyFeedback(entry({ followUp: undefined }));
    await checkThreads();
    expect(requests).toHaveLength(0);
  });

  it('forgets an entry the endpoint no longer knows (404), and keeps one when the endpoint is down', async () => {
    rememberMyFeedback(entry());
    gone = true;
    const result = await loadThread(readMyFeedback()[0]!);
    expect(result).toMatchObject({ ok: false, gone: true });
    expect(readMyFeedback()).toHaveLength(0);

    rememberMyFeedback(entry({ endpoint: 'http://127.0.0.1:9/feedback' }));
    const down = await loadThread(readMyFeedback()[0]!);
    expect(down).toMatchObject({ ok: false, gone: false, error: { name: 'NetworkError' } });
    expect(readMyFeedback()).toHaveLength(1);
  });

  it('sends the person’s answer, and withdraws the feedback', async () => {
    rememberMyFeedback(entry());
    expect(await answerThread(readMyFeedback()[0]!, 'Thanks, still broken on floor 3')).toEqual({ ok: true });
    expect(replies).toMatchObject([{ author: 'you', body: 'Thanks, still broken on floor 3' }]);
    expect(await answerThread(entry({ key: 'wrong' }), 'x')).toMatchObject({ ok: false, error: { name: 'HttpError', status: 404 } });
    expect(await withdrawFeedback(readMyFeedback()[0]!)).toEqual({ ok: true });
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', url: '/feedback/f1' });
    expect(readMyFeedback()).toHaveLength(0);
  });

  it('forgets entries after 90 days', () => {
    rememberMyFeedback(entry({ id: 'old', createdAt: new Date(Date.now() - 91 * 24 * 3_600_000).toISOString() }));
    rememberMyFeedback(entry());
    expect(readMyFeedback().map((e) => e.id)).toEqual(['f1']);
  });
});

describe('identity authorization', () => {
  it('carries a signed user’s fields and signature as base64url JSON (UTF-8), and is nothing for an unsigned user', () => {
    const value = identityAuthorization({ id: 'e-1', name: 'Jürgen', department: 'IT', signature: 'ab12' });
    expect(value).toMatch(/^Identity [A-Za-z0-9_-]+$/);
    const json = new TextDecoder().decode(Buffer.from(value!.slice('Identity '.length), 'base64url'));
    expect(JSON.parse(json)).toEqual({ id: 'e-1', name: 'Jürgen', department: 'IT', signature: 'ab12' });
    expect(identityAuthorization({ id: 'e-1', name: 'Jürgen' })).toBeUndefined();
    expect(identityAuthorization({ name: 'Jürgen', signature: 'ab12' })).toBeUndefined();
    expect(identityAuthorization(undefined)).toBeUndefined();
  });
});

describe('answers that are not the thread API’s', () => {
  // An endpoint that answers 200 with whatever it is told to: a page's HTML fallback, half a thread.
  let answer = '';
  let odd: Server;
  let oddEndpoint: string;
  beforeAll(async () => {
    odd = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
    await new Promise<void>((resolve) => odd.listen(0, '127.0.0.1', resolve));
    oddEndpoint = `http://127.0.0.1:${(odd.address() as AddressInfo).port}/feedback`;
  });
  afterAll(() => new Promise((resolve) => odd.close(resolve)));

  it('reads a malformed thread as a failure to try again later, not a crash, and still checks once per interval', async () => {
    const now = Date.now();
    for (const text of ['<!doctype html><p>Welcome</p>', '{}', '{"id":"f1","status":"new","replies":[{"author":"team","body":"x","createdAt":"yesterday"}]}', 'null']) {
      answer = text;
      rememberMyFeedback(entry({ endpoint: oddEndpoint }));
      const result = await loadThread(readMyFeedback()[0]!, { now });
      expect([text, result]).toMatchObject([text, { ok: false, gone: false, error: { name: 'HttpError', retryable: true } }]);
      expect(readMyFeedback()[0]!.checkedAt).toBe(now);
      forgetMyFeedback('f1');
    }
  });

  it('reads a malformed list of threads by identity as a failure, and leaves out threads it cannot show', async () => {
    const authorization = identityAuthorization({ id: 'e-1', signature: 'ab' })!;
    for (const text of ['<html></html>', '{}', '{"threads":null}']) {
      answer = text;
      expect(await loadIdentityThreads(oddEndpoint, authorization)).toMatchObject({ ok: false, error: { name: 'HttpError' } });
    }
    const good = { id: 'a', status: 'new', createdAt: '2026-11-27T10:00:00.000Z', message: 'Hi', replies: [] };
    answer = JSON.stringify({ threads: [good, { ...good, id: 'b', createdAt: 'soon' }, { id: 'c' }, null, 'x'] });
    expect(await loadIdentityThreads(oddEndpoint, authorization)).toEqual({ ok: true, threads: [good] });
  });
});
