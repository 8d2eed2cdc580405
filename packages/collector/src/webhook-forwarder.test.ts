import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startScriptedEndpoint } from '../../../test/support/scripted-endpoint.js';
import { createHandler, createMemoryStorage, createSqliteStorage, createWebhookForwarder, type FeedbackStorage } from './index.js';

const folder = mkdtempSync(join(tmpdir(), 'hearken-forward-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const feedback = (fields: object) => ({
  id: crypto.randomUUID(),
  schemaVersion: 1,
  createdAt: new Date().toISOString(),
  category: 'equipment',
  message: 'Printer on floor 3 is broken',
  anonymous: false,
  ...fields,
});
const urgent = () => feedback({ audience: 'internal', urgency: 'high', user: { name: 'Jane', department: 'Sales' } });

function collector(storage: FeedbackStorage, url: string, options: { baseDelay?: number; maxDelay?: number } = {}) {
  const forwarder = createWebhookForwarder({ url, storage, pollInterval: 20, ...options });
  const handle = createHandler({ storage, rateLimit: 0, outgoing: forwarder.outgoing, onStored: () => void forwarder.deliverDue() });
  const post = (body: object) => handle(new Request('http://localhost/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
  return { forwarder, post };
}

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('webhook forwarding', () => {
  it('forwards urgent internal reports in the background, retrying a failing webhook, without slowing intake', async () => {
    const webhook = await startScriptedEndpoint([{ status: 500 }, { status: 200, delay: 300 }]);
    const { forwarder, post } = collector(createMemoryStorage(), webhook.url, { baseDelay: 10 });
    forwarder.start();
    const started = performance.now();
    expect((await post(urgent())).status).toBe(201);
    expect(performance.now() - started).toBeLessThan(250);
    await post(feedback({ audience: 'internal', urgency: 'low' }));
    await post(feedback({ audience: 'external', urgency: 'high' }));

    await until(() => webhook.received.length === 2);
    await forwarder.stop();
    expect(JSON.parse(webhook.received[1]!.body).text).toBe('[high] equipment from Jane, Sales: Printer on floor 3 is broken');
    expect(webhook.received[1]!.headers['idempotency-key']).toBe(webhook.received[0]!.headers['idempotency-key']);
    await webhook.close();
  });

  it('keeps pending forwards in the database: after a restart the next process sends them, once', async () => {
    const path = join(folder, 'restart.db');
    const webhook = await startScriptedEndpoint();
    // The first process cannot reach the receiver at all, and is stopped while it keeps trying.
    let attempts = 0;
    const unreachable = async () => {
      attempts++;
      throw new TypeError('fetch failed');
    };
    const before = createSqliteStorage(path);
    const forwarder = createWebhookForwarder({ url: webhook.url, storage: before, pollInterval: 20, baseDelay: 1, fetch: unreachable });
    const handle = createHandler({ storage: before, rateLimit: 0, outgoing: forwarder.outgoing, onStored: () => void forwarder.deliverDue() });
    forwarder.start();
    const body = urgent();
    const response = await handle(new Request('http://localhost/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
    expect(response.status).toBe(201);
    await until(() => attempts >= 2);
    await forwarder.stop();
    await before.close();
    expect(webhook.received).toHaveLength(0);

    const after = createSqliteStorage(path);
    const next = createWebhookForwarder({ url: webhook.url, storage: after, pollInterval: 20 });
    next.start();
    await until(() => webhook.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await next.stop();
    await after.close();
    expect(webhook.received).toHaveLength(1);
    expect(JSON.parse(webhook.received[0]!.body).text).toContain('Printer on floor 3 is broken');
    await webhook.close();
  });

  it('keeps retrying a receiver that is down for many attempts, then delivers once', async () => {
    const webhook = await startScriptedEndpoint(Array.from({ length: 8 }, () => ({ status: 503 })));
    const { forwarder, post } = collector(createMemoryStorage(), webhook.url, { baseDelay: 2, maxDelay: 20 });
    forwarder.start();
    await post(urgent());
    await until(() => webhook.received.length === 9);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await forwarder.stop();
    expect(webhook.received).toHaveLength(9);
    await webhook.close();
  });

  it('gives up at once on a permanent refusal', async () => {
    const webhook = await startScriptedEndpoint([{ status: 400 }]);
    const { forwarder, post } = collector(createMemoryStorage(), webhook.url, { baseDelay: 1 });
    forwarder.start();
    await post(urgent());
    await until(() => webhook.received.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await forwarder.stop();
    expect(webhook.received).toHaveLength(1);
    await webhook.close();
  });
});
