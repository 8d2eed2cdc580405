import { describe, expect, it } from 'vitest';
import { isHttpError, isNetworkError, isTimeoutError } from '../errors/index.js';
import type { OutboxItem } from '../outbox/outbox-item.js';
import { createAttempt, type AttemptOptions } from './attempt.js';
import type { TransportResponse } from './transport.js';

const item: OutboxItem = { id: 'a', endpoint: 'https://feedback.example/f', body: '{"id":"a"}', bytes: 10, queuedAt: 0, attempts: 0, nextAttemptAt: 0, notBefore: 0 };
const answering = (response: Partial<TransportResponse>): AttemptOptions['transport'] => async () => ({ status: 200, retryAfter: null, body: '', ...response });
const options = (transport: AttemptOptions['transport']): AttemptOptions => ({ transport, timeout: 100, credentials: 'same-origin', maxRetryAfter: 3_600_000 });

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
});
