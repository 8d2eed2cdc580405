import { describe, expect, it } from 'vitest';
import { startScriptedEndpoint } from '../../../test/support/scripted-endpoint.js';
import { createHandler, createMemoryStorage, createWebhookForwarder } from './index.js';

const feedback = (fields: object) => ({
  id: crypto.randomUUID(),
  schemaVersion: 1,
  createdAt: new Date().toISOString(),
  category: 'equipment',
  message: 'Printer on floor 3 is broken',
  anonymous: false,
  ...fields,
});

describe('webhook forwarding', () => {
  it('forwards urgent internal reports in the background, retrying a failing webhook, without slowing intake', async () => {
    const webhook = await startScriptedEndpoint([{ status: 500 }, { status: 200, delay: 300 }]);
    const forward = createWebhookForwarder({ url: webhook.url, baseDelay: 10 });
    const handle = createHandler({ storage: createMemoryStorage(), rateLimit: 0, onStored: forward });
    const post = (body: object) => handle(new Request('http://localhost/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));

    const started = performance.now();
    const urgent = await post(feedback({ audience: 'internal', urgency: 'high', user: { name: 'Jane', department: 'Sales' } }));
    expect(urgent.status).toBe(201);
    expect(performance.now() - started).toBeLessThan(250);
    await post(feedback({ audience: 'internal', urgency: 'low' }));
    await post(feedback({ audience: 'external', urgency: 'high' }));

    await forward.idle();
    expect(webhook.received).toHaveLength(2);
    expect(JSON.parse(webhook.received[1]!.body).text).toBe('[high] equipment from Jane, Sales: Printer on floor 3 is broken');
    await webhook.close();
  });
});
