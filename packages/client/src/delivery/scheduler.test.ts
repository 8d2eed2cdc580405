import { describe, expect, it } from 'vitest';
import { HttpError } from '../errors/http-error.js';
import { NetworkError } from '../errors/network-error.js';
import type { OutboxItem } from '../outbox/outbox-item.js';
import { RETRY_DEFAULTS } from './retry-policy.js';
import { settle } from './scheduler.js';

const now = 1_000_000_000;
const item: OutboxItem = { id: 'a', endpoint: '/f', body: '{}', bytes: 2, queuedAt: now - 1000, attempts: 0, nextAttemptAt: now, notBefore: now };
const retry = { ...RETRY_DEFAULTS, baseDelay: 1000, maxDelay: 60_000 };
const unavailable = new HttpError(503, '', true);

describe('settle', () => {
  it('is done with an item that was sent or rejected', () => {
    expect(settle(item, { kind: 'sent' }, retry, now)).toEqual({ action: 'done' });
    expect(settle(item, { kind: 'rejected', error: new HttpError(422, '', false) }, retry, now)).toEqual({ action: 'done' });
  });

  it('keeps a retryable failure with one more attempt counted and a backoff within the ceiling', () => {
    const settled = settle({ ...item, attempts: 2 }, { kind: 'retry', error: unavailable, counted: true }, retry, now, () => 0.999);
    expect(settled).toMatchObject({ action: 'keep', item: { attempts: 3, notBefore: now } });
    const wait = (settled as { item: OutboxItem }).item.nextAttemptAt - now;
    expect(wait).toBeGreaterThan(3000);
    expect(wait).toBeLessThanOrEqual(4000);
  });

  it('does not count an attempt made while offline', () => {
    expect(settle(item, { kind: 'retry', error: new NetworkError(new TypeError()), counted: false }, retry, now)).toMatchObject({ action: 'keep', item: { attempts: 0 } });
  });

  it('holds every attempt until Retry-After has passed', () => {
    const settled = settle(item, { kind: 'retry', error: unavailable, retryAfter: 5000, counted: true }, retry, now, () => 0);
    expect(settled).toMatchObject({ action: 'keep', item: { notBefore: now + 5000, nextAttemptAt: now + 5000 } });
  });

  it('marks a wait that is only the floor, so the unload send may go early', () => {
    const floored = settle(item, { kind: 'retry', error: unavailable, retryAfter: 30_000, floor: true, counted: true }, retry, now);
    expect(floored).toMatchObject({ action: 'keep', item: { notBefore: now + 30_000, notBeforeIsFloor: true } });
    const asked = settle((floored as { item: OutboxItem }).item, { kind: 'retry', error: unavailable, retryAfter: 5000, counted: true }, retry, now);
    expect((asked as { item: OutboxItem }).item).not.toHaveProperty('notBeforeIsFloor');
  });

  it('gives up after the last attempt', () => {
    expect(settle({ ...item, attempts: retry.attempts - 1 }, { kind: 'retry', error: unavailable, counted: true }, retry, now)).toEqual({ action: 'drop', reason: 'attempts' });
  });

  it('gives up an item older than maxAge', () => {
    expect(settle({ ...item, queuedAt: now - retry.maxAge - 1 }, { kind: 'retry', error: unavailable, counted: true }, retry, now)).toEqual({ action: 'drop', reason: 'expired' });
  });
});
