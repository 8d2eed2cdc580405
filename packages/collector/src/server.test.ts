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
});
