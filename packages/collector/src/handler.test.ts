import { describe, expect, it } from 'vitest';
import { feedback } from './collector.fixture.js';
import { createHandler } from './handler.js';
import { createMemoryStorage } from './storage/memory-storage.js';

describe('createHandler', () => {
  it('answers a storage failure 503 with Retry-After that a cross-origin page can read', async () => {
    const storage = createMemoryStorage();
    storage.insert = async () => {
      throw new Error('disk full');
    };
    const handle = createHandler({ storage, allowOrigins: ['https://www.example.com'] });
    const response = await handle(
      new Request('http://127.0.0.1/feedback', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://www.example.com' }, body: JSON.stringify(feedback()) }),
      { clientAddress: '203.0.113.7' },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://www.example.com');
    expect(response.headers.get('access-control-expose-headers')).toBe('Retry-After');
  });

  it('keys the rate limit by the address the trusted proxy reports', async () => {
    const handle = createHandler({ storage: createMemoryStorage(), rateLimit: 1, trustProxy: 1 });
    const postAs = (forwardedFor: string) =>
      handle(new Request('http://127.0.0.1/feedback', { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify(feedback()) }), { clientAddress: '127.0.0.1' })
        .then((r) => r.status);
    expect(await postAs('198.51.100.1')).toBe(201);
    expect(await postAs('198.51.100.1')).toBe(429);
    // The client wrote the left entry; only the proxy's own entry counts.
    expect(await postAs('10.9.9.9, 198.51.100.1')).toBe(429);
    expect(await postAs('198.51.100.2')).toBe(201);
  });
});
