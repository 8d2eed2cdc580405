import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../../../test/support/postgres.mjs';
import { createPostgresStorage } from './postgres-storage.js';
import { describeStorageContract, reply, storedFeedback } from './storage-contract.fixture.js';

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

  it('opens a database of the first release with every item, status and queued forward intact', async () => {
    const url = await cluster.createDatabase();
    const record = storedFeedback({ audience: 'internal', urgency: 'high' }, { status: 'resolved' });
    const old = new pg.Client({ connectionString: url });
    await old.connect();
    await old.query(`CREATE TABLE hearken_schema (version INTEGER NOT NULL); INSERT INTO hearken_schema VALUES (1);
      CREATE TABLE feedback (seq BIGSERIAL UNIQUE, id TEXT PRIMARY KEY, received_at TIMESTAMPTZ NOT NULL, created_at TEXT NOT NULL, audience TEXT NOT NULL,
        category TEXT NOT NULL, urgency TEXT, department TEXT, site TEXT, status TEXT NOT NULL DEFAULT 'new', spam BOOLEAN NOT NULL DEFAULT false, identity TEXT, body JSONB NOT NULL);
      CREATE INDEX feedback_received_at ON feedback (received_at DESC, seq DESC);
      CREATE TABLE outgoing (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), feedback_id TEXT NOT NULL, kind TEXT NOT NULL, target TEXT NOT NULL, payload TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending', attempts INTEGER NOT NULL DEFAULT 0, queued_at BIGINT NOT NULL, next_attempt_at BIGINT NOT NULL, lease_until BIGINT NOT NULL DEFAULT 0,
        lease_token TEXT NOT NULL DEFAULT '', last_error TEXT, UNIQUE (feedback_id, kind, target));`);
    await old.query(`INSERT INTO feedback (id, received_at, created_at, audience, category, urgency, status, body) VALUES ($1, $2, $3, 'internal', $4, 'high', 'resolved', $5)`, [
      record.feedback.id, record.receivedAt, record.feedback.createdAt, record.feedback.category, JSON.stringify(record.feedback),
    ]);
    await old.query(`INSERT INTO outgoing (feedback_id, kind, target, payload, queued_at, next_attempt_at) VALUES ($1, 'webhook', 'https://hooks.example/', '{}', 1, 1)`, [record.feedback.id]);
    await old.end();
    const storage = await createPostgresStorage(url);
    expect(await storage.list()).toEqual([record]);
    expect((await storage.claimOutgoing('webhook', { now: Date.now(), leaseMs: 1000, limit: 5 })).map((m) => m.feedbackId)).toEqual([record.feedback.id]);
    expect(await storage.addReply(record.feedback.id, reply())).toBe(true);
    await storage.close();
  });

  it('holds inserts back while a batch is being written and writes them together next; a failed batch fails only its own', async () => {
    const url = await cluster.createDatabase();
    const storage = await createPostgresStorage(url);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // A lock that keeps the first batch's statement waiting, as a slow disk would.
    const holdInserts = () => admin.query('BEGIN; LOCK TABLE feedback IN SHARE MODE');
    // Polled until a statement waits: on a busy machine the pool's first connection alone can take
    // seconds. The test's own timeout bounds the wait.
    const waitingInserts = async () => {
      for (;;) {
        const { rows } = await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'WITH input AS%'`);
        if (rows.length) return rows.map((row) => row.pid);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const [a, b, c, d, e] = Array.from({ length: 5 }, () => storedFeedback());

    await holdInserts();
    const first = storage.insert(a!);
    expect(await waitingInserts()).toHaveLength(1);
    const next = [storage.insert(b!)];
    await nextTurn();
    next.push(storage.insert(c!));
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Still one statement: the others wait for it.
    expect(await waitingInserts()).toHaveLength(1);
    await admin.query('COMMIT');
    expect(await Promise.all([first, ...next])).toEqual([true, true, true]);
    // Rows written by one statement share its transaction id.
    const { rows } = await admin.query<{ id: string; xmin: string }>('SELECT id, xmin::text FROM feedback');
    const transactionOf = new Map(rows.map((row) => [row.id, row.xmin]));
    expect(transactionOf.get(b!.feedback.id)).toBe(transactionOf.get(c!.feedback.id));
    expect(transactionOf.get(a!.feedback.id)).not.toBe(transactionOf.get(b!.feedback.id));

    await holdInserts();
    const failing = storage.insert(d!).catch((error: Error) => error.message);
    const [pid] = await waitingInserts();
    const after = storage.insert(e!);
    await nextTurn();
    await admin.query('SELECT pg_cancel_backend($1)', [pid]);
    expect(await failing).toMatch(/cancel/);
    await admin.query('COMMIT');
    expect(await after).toBe(true);
    expect((await storage.list()).map((record) => record.feedback.id).sort()).toEqual([a, b, c, e].map((record) => record!.feedback.id).sort());
    await admin.end();
    await storage.close();
  });
});
