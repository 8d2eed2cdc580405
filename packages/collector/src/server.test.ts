import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, rawRequest, readInbox, track } from './collector.fixture.js';
import { createHandler } from './handler.js';
import { startServer } from './server.js';
import { createSqliteStorage } from './storage/sqlite-storage.js';

afterEach(closeCollectors);

describe('Node server', () => {
  it('keeps feedback across a restart', async () => {
    const first = await collector();
    const item = feedback();
    await post(first.intake, item);
    await first.close();
    const second = await startServer({ port: 0, storage: createSqliteStorage(first.db) });
    track(second);
    expect((await readInbox(second.url)).map((i) => i.feedback.id)).toEqual([item.id]);
  });

  it('stores a post whose body comes in pieces, and forgets one whose client leaves before the end, without holding up close', async () => {
    const server = await collector();
    const item = feedback();
    const body = Buffer.from(JSON.stringify(item));
    const { port } = new URL(server.url);
    const raw = (bytes: Buffer, end: boolean) =>
      new Promise<string>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1', async () => {
          socket.write(`POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`);
          socket.write(bytes.subarray(0, 10));
          await new Promise((r) => setTimeout(r, 50));
          if (end) socket.write(bytes.subarray(10));
          else socket.destroy();
        });
        let answer = '';
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('close', () => resolve(answer));
      });
    expect(await raw(body, true)).toMatch(/^HTTP\/1\.1 201/);
    expect(await raw(Buffer.from(JSON.stringify(feedback())), false)).toBe('');
    expect((await readInbox(server.url)).map((i) => i.feedback.id)).toEqual([item.id]);
    const closed = await Promise.race([server.close().then(() => 'closed'), new Promise((r) => setTimeout(r, 3000, 'still waiting'))]);
    expect(closed).toBe('closed');
  });

  it('answers every kind of request to /feedback as the Fetch handler does, though it builds no Request for them', async () => {
    const options = { allowOrigins: ['https://www.example.com'], maxBodyBytes: 2000, rateLimit: 2, trustProxy: 1 };
    const server = await collector(options);
    const handle = createHandler({ ...options, storage: createSqliteStorage(':memory:') });
    const item = feedback({ message: 'Printer on floor 3' });
    const json = { 'content-type': 'application/json' };
    const allowed = { ...json, origin: 'https://www.example.com' };
    const cases: { method?: string; headers?: Record<string, string>; body?: string }[] = [
      { method: 'POST', headers: allowed, body: JSON.stringify(item) },
      { method: 'POST', headers: { ...json, 'x-forwarded-for': '198.51.100.1' }, body: JSON.stringify(item) },
      { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(feedback()) },
      { method: 'POST', headers: { ...json, 'x-forwarded-for': '198.51.100.2' }, body: '{"id":' },
      { method: 'POST', headers: { ...json, 'x-forwarded-for': '198.51.100.4' }, body: JSON.stringify({ ...feedback(), audience: 'martians' }) },
      { method: 'POST', headers: { ...json, 'x-forwarded-for': '198.51.100.5' }, body: JSON.stringify(feedback({ message: 'x'.repeat(3000) })) },
      { method: 'POST', headers: { ...json, origin: 'https://evil.example', 'x-forwarded-for': '198.51.100.3' }, body: JSON.stringify(feedback()) },
      { method: 'OPTIONS', headers: { origin: 'https://www.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } },
      { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } },
      { method: 'GET', headers: { origin: 'https://www.example.com' } },
      // The second post from one address in a burst of two, then the third: rate limited.
      { method: 'POST', headers: { ...json, 'x-forwarded-for': '198.51.100.1' }, body: JSON.stringify(feedback()) },
      { method: 'POST', headers: { ...allowed, 'x-forwarded-for': '198.51.100.1' }, body: JSON.stringify(feedback()) },
    ];
    const shown = ['content-type', 'cache-control', 'vary', 'allow', 'retry-after', 'connection', 'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-expose-headers'];
    const pick = (get: (name: string) => string | undefined) => Object.fromEntries(shown.flatMap((name) => (get(name) === undefined ? [] : [[name, get(name)]])));
    const fromNode: { status: number; headers: Record<string, string | undefined>; body: string }[] = [];
    const fromFetch: typeof fromNode = [];
    for (const request of cases) {
      const node = await rawRequest(server.intake, request);
      fromNode.push({ status: node.status, headers: pick((name) => node.headers[name] as string | undefined), body: node.body });
      const response = await handle(new Request(server.intake, request), { clientAddress: '127.0.0.1' });
      fromFetch.push({ status: response.status, headers: pick((name) => response.headers.get(name) ?? undefined), body: await response.text() });
    }
    expect(fromNode.map((answer) => answer.status)).toEqual([201, 200, 415, 400, 422, 413, 403, 204, 403, 405, 201, 429]);
    // Node says `keep-alive` of itself; only a `close` is the collector's.
    const closes = ({ headers: { connection, ...headers }, ...answer }: (typeof fromNode)[number]) => ({ ...answer, headers, closes: connection === 'close' });
    expect(fromNode.map(closes)).toEqual(fromFetch.map(closes));
    expect(fromNode.filter((answer) => answer.headers.connection === 'close').map((answer) => answer.status)).toEqual([413]);
  });
});
