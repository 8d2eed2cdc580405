import { parseFeedback } from '@hearken/client/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHandler, createMemoryStorage } from './index.js';

// Random JSON, strings, nesting and sizes thrown at the handler: never a 5xx, never an invalid row.
const storage = createMemoryStorage();
const handle = createHandler({ storage, rateLimit: 0, maxBodyBytes: 8 * 1024 });

const nearlyValid = fc.record(
  {
    id: fc.oneof(fc.uuid(), fc.string()),
    schemaVersion: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
    createdAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string()),
    audience: fc.constantFrom('external', 'internal', 'partner', 1, null),
    category: fc.oneof(fc.constantFrom('idea', 'equipment'), fc.string({ maxLength: 100 })),
    message: fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.constant('')),
    rating: fc.record({ scale: fc.constantFrom('stars', 'nps', 'thumbs', 'emoji', 'x'), value: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.double()) }),
    anonymous: fc.oneof(fc.boolean(), fc.string()),
    user: fc.record({ name: fc.string(), email: fc.string(), department: fc.anything() }, { requiredKeys: [] }),
    contact: fc.record({ email: fc.emailAddress(), mayContact: fc.anything() }, { requiredKeys: [] }),
    metadata: fc.dictionary(fc.string(), fc.jsonValue()),
    tags: fc.anything(),
    context: fc.anything(),
  },
  { requiredKeys: [] },
);

const valid = fc
  .record({ message: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }), category: fc.constantFrom('idea', 'problem'), audience: fc.constantFrom('external', 'internal') })
  .filter(({ message }) => message.trim().length > 0)
  .map((fields) => JSON.stringify({ id: crypto.randomUUID(), schemaVersion: 1, createdAt: new Date().toISOString(), anonymous: false, ...fields }));

const bodies = fc.oneof(
  valid,
  fc.json(),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 2000 }),
  fc.jsonValue({ maxDepth: 50 }).map((v) => JSON.stringify(v)),
  nearlyValid.map((v) => JSON.stringify(v)),
  fc.nat({ max: 3000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.nat({ max: 20_000 }).map((n) => JSON.stringify({ message: 'x'.repeat(n) })),
);

describe('handler under random input', () => {
  it('never answers 5xx and stores only valid feedback', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain'), async (body, type) => {
        const response = await handle(new Request('http://localhost/feedback', { method: 'POST', headers: { 'content-type': type }, body }), { clientAddress: '127.0.0.1' });
        expect(response.status).toBeLessThan(500);
        expect([200, 201, 400, 413, 415, 422]).toContain(response.status);
      }),
      { numRuns: 600 },
    );
    const stored = await storage.list({ spam: true, limit: 10_000 });
    expect(stored.length).toBeGreaterThan(10);
    for (const record of stored) expect(parseFeedback(record.feedback).success).toBe(true);
  });

  it('never answers 5xx for random methods, paths and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), fc.webPath(), fc.webQueryParameters(), async (method, path, query) => {
        const response = await handle(new Request(`http://localhost${path}?${query}`, { method }), { clientAddress: '127.0.0.1' });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
  });

  it('never answers 5xx nor stores a bad reply, for random thread answers, team replies and keys', async () => {
    const key = 'k'.repeat(22);
    const id = crypto.randomUUID();
    expect((await handle(new Request('http://localhost/feedback', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, schemaVersion: 1, createdAt: new Date().toISOString(), audience: 'external', category: 'idea', message: 'hi', anonymous: false, followUp: { key } }) }), { clientAddress: '127.0.0.1' })).status).toBe(201);
    const replyBodies = fc.oneof(bodies, fc.record({ body: fc.anything(), internal: fc.anything() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)), fc.record({ message: fc.anything() }, { requiredKeys: [] }).map((v) => JSON.stringify(v)));
    await fc.assert(
      fc.asyncProperty(
        replyBodies,
        fc.constantFrom(`/feedback/${id}/thread`, `/inbox/${id}/replies`, `/feedback/${id}/thread?x=1`, '/inbox/%ZZ/replies', '/feedback/%ZZ/thread'),
        fc.oneof(fc.constant(key), fc.string(), fc.string({ unit: 'binary' })),
        fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/plain'),
        async (body, path, bearer, type) => {
          const headers = new Headers({ 'content-type': type });
          try {
            headers.set('authorization', `Bearer ${bearer}`);
          } catch {
            // Not a valid header value: sent without it.
          }
          const response = await handle(new Request(`http://localhost${path}`, { method: 'POST', headers, body }), { clientAddress: '127.0.0.1' });
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 400 },
    );
    const record = await storage.get(id);
    for (const reply of record!.replies!) {
      expect(reply.body.trim()).toBe(reply.body);
      expect(reply.body.length).toBeGreaterThan(0);
      expect(typeof reply.internal).toBe('boolean');
    }
  });
});
