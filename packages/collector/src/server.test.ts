import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { closeCollectors, collector, feedback, post, readInbox, track } from './collector.fixture.js';
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
});
