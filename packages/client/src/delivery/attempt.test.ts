import { describe, expect, it } from 'vitest';
import { isHttpError, isNetworkError, isTimeoutError } from '../errors/index.js';
import type { OutboxItem } from '../outbox/outbox-item.js';
import { createAttempt, type AttemptOptions } from './attempt.js';
import type { TransportResponse } from './transport.js';

const item: OutboxItem = { id: 'a', endpoint: 'https://feedback.example/f', body: '{"id":"a"}', bytes: 10, queuedAt: 0, attempts: 0, nextAttemptAt: 0, notBefore: 0 };
const answering = (response: Partial<TransportResponse>): AttemptOptions['transport'] => async () => ({ status: 200, retryAfter: null, body: '', ...response });
const options = (transport: AttemptOptions['transport']): AttemptOptions => ({ transport, timeout: 100, credentials: 'same-origin', maxRetryAfter: 3_600_000, retryAfterFloor: 30_000 });

describe('one attempt', () => {
  it('is sent on a 2xx', async () => {
    expect(await createAttempt(options(answering({ status: 202 })))(item)).toEqual({ kind: 'sent' });
  });

  it('is rejected on a 422, with the parsed body', async () => {
    const outcome = await createAttempt(options(answering({ status: 422, body: '{"issues":[]}' })))(item);
    expect(outcome.kind).toBe('rejected');
    const error = outcome.kind === 'rejected' ? outcome.error : undefined;
    expect(isHttpError(error) && error.body).toEqual({ issues: [] });
  });

  it('is retried on a 503 with the Retry-After it carries', async () => {
    expect(await createAttempt(options(answering({ status: 503, retryAfter: '7' })))(item)).toMatchObject({ kind: 'retry', retryAfter: 7000, counted: true });
  });

  it('is retried on a network failure, and on a timeout', async () => {
    const failed = await createAttempt(options(async () => { throw new TypeError('Failed to fetch'); }))(item);
    expect(failed.kind === 'retry' && isNetworkError(failed.error)).toBe(true);
    const hanging = await createAttempt(options(({ signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)))))(item);
    expect(hanging.kind === 'retry' && isTimeoutError(hanging.error)).toBe(true);
  });

  it('passes the item, headers, credentials and keepalive to the transport', async () => {
    const seen: unknown[] = [];
    const attempt = createAttempt({ ...options(async (request) => (seen.push(request), { status: 200, retryAfter: null, body: '' })), headers: () => ({ authorization: 'Bearer t' }), credentials: 'include' });
    await attempt(item, true);
    expect(seen[0]).toMatchObject({ url: item.endpoint, body: item.body, headers: { authorization: 'Bearer t' }, credentials: 'include', keepalive: true });
  });

  it('caps Retry-After at maxRetryAfter, not at any backoff bound', async () => {
    expect(await createAttempt(options(answering({ status: 429, retryAfter: '7200' })))(item)).toMatchObject({ retryAfter: 3_600_000 });
  });

  it.each([429, 503])('holds a %d without a readable Retry-After for the floor', async (status) => {
    expect(await createAttempt(options(answering({ status, retryAfter: null })))(item)).toMatchObject({ kind: 'retry', retryAfter: 30_000, floor: true });
    expect(await createAttempt(options(answering({ status, retryAfter: 'soon' })))(item)).toMatchObject({ kind: 'retry', retryAfter: 30_000, floor: true });
  });

  it('sets no floor for a 500, nor when the endpoint said how long', async () => {
    expect((await createAttempt(options(answering({ status: 500 })))(item)) as object).not.toHaveProperty('retryAfter', 30_000);
    expect(await createAttempt(options(answering({ status: 503, retryAfter: '2' })))(item)).toMatchObject({ retryAfter: 2000, floor: false });
  });

  it('tries a 401 once more with fresh headers(), then rejects', async () => {
    const statuses = [401, 200];
    const tokens: string[] = [];
    let calls = 0;
    const attempt = createAttempt({
      ...options(async (request) => (tokens.push(request.headers.authorization!), { status: statuses.shift() ?? 401, retryAfter: null, body: '' })),
      headers: async () => ({ authorization: `Bearer ${++calls}` }),
    });
    expect(await attempt(item)).toEqual({ kind: 'sent' });
    expect(tokens).toEqual(['Bearer 1', 'Bearer 2']);
    const outcome = await attempt(item);
    expect(outcome.kind === 'rejected' && isHttpError(outcome.error) && outcome.error.status).toBe(401);
    expect(tokens).toHaveLength(4);
  });

  it('does not repeat a 401 when the headers are fixed', async () => {
    let calls = 0;
    const attempt = createAttempt({ ...options(async () => (calls++, { status: 401, retryAfter: null, body: '' })), headers: { authorization: 'Bearer fixed' } });
    expect((await attempt(item)).kind).toBe('rejected');
    expect(calls).toBe(1);
  });

  it('warns once per client when a request with credentials fails without an answer while online', async () => {
    const warnings: string[] = [];
    const failing: AttemptOptions['transport'] = async () => { throw new TypeError('Failed to fetch'); };
    const withCookies = createAttempt({ ...options(failing), credentials: 'include', warn: (m) => warnings.push(m) });
    const outcome = await withCookies(item);
    await withCookies(item);
    expect(outcome.kind === 'retry' && isNetworkError(outcome.error) && outcome.error.offline).toBe(false);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/exact origin.*Access-Control-Allow-Credentials: true.*'\*' never works with cookies/);
    await createAttempt({ ...options(failing), warn: (m) => warnings.push(m) })(item);
    expect(warnings).toHaveLength(1);
  });
});
