import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../../test/support/postgres.mjs';
import { createPostgresStorage } from './postgres-storage.js';
import { describeStorageContract, storedFeedback } from './storage-contract.fixture.js';

let cluster: TestPostgres;
beforeAll(async () => {
  cluster = await startTestPostgres();
});
afterAll(async () => {
  await cluster?.remove();
});

describeStorageContract('PostgreSQL', async () => {
  const url = await cluster.createDatabase();
  return { storage: await createPostgresStorage(url), openAgain: () => createPostgresStorage(url) };
});

describe('PostgreSQL storage', () => {
  it('migrates once when several instances open an empty database at the same moment', async () => {
    const url = await cluster.createDatabase();
    const storages = await Promise.all(Array.from({ length: 5 }, () => createPostgresStorage(url)));
    const record = storedFeedback();
    expect(await storages[0]!.insert(record)).toBe(true);
    expect(await storages[4]!.list()).toEqual([record]);
    await Promise.all(storages.map((s) => s.close()));
  });

  it('rejects a wrong password or an unreachable server with one readable line that hides the password', async () => {
    const url = new URL(await cluster.createDatabase());
    const error = await createPostgresStorage(`postgres://nobody:hunter2@${url.host}/nowhere`).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/^cannot open the database postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:\d+\/nowhere: .+/);
    expect((error as Error).message).not.toContain('hunter2');
    const refused = await createPostgresStorage('postgres://postgres@127.0.0.1:1/x', { connectTimeoutMs: 1000 }).catch((e: Error) => e);
    expect((refused as Error).message).toMatch(/^cannot open the database .*: .*ECONNREFUSED/);
  });
});
