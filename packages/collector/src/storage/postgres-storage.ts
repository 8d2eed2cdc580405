import pg from 'pg';
import { byFeedback } from './by-feedback.js';
import { removedIdHash } from './removed-id.js';
import type { Feedback } from '@hearken/client/schema';
import { describeDatabaseUrl } from './database-url.js';
import { withoutNulls } from './without-nulls.js';
import { createGroupCommit } from './group-commit.js';
import { VERIFIED_THREADS_LIMIT, type AuditEntry, type DeliveryProblem, type FeedbackStatus, type FeedbackStorage, type InboxFilter, type NewOutgoingMessage, type OutgoingMessage, type Reply, type StatusChange, type StoredFeedback } from './feedback-storage.js';

/** Schema changes, applied in order; the table `hearken_schema` records how many ran. Append, never edit. */
const MIGRATIONS = [
  `CREATE TABLE feedback (
     seq BIGSERIAL UNIQUE,
     id TEXT PRIMARY KEY,
     received_at TIMESTAMPTZ NOT NULL,
     created_at TEXT NOT NULL,
     audience TEXT NOT NULL,
     category TEXT NOT NULL,
     urgency TEXT,
     department TEXT,
     site TEXT,
     status TEXT NOT NULL DEFAULT 'new',
     spam BOOLEAN NOT NULL DEFAULT false,
     identity TEXT,
     body JSONB NOT NULL
   );
   CREATE INDEX feedback_received_at ON feedback (received_at DESC, seq DESC);
   CREATE TABLE outgoing (
     id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
     feedback_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     target TEXT NOT NULL,
     payload TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     queued_at BIGINT NOT NULL,
     next_attempt_at BIGINT NOT NULL,
     lease_until BIGINT NOT NULL DEFAULT 0,
     lease_token TEXT NOT NULL DEFAULT '',
     last_error TEXT,
     UNIQUE (feedback_id, kind, target)
   );
   CREATE INDEX outgoing_due ON outgoing (kind, next_attempt_at) WHERE state = 'pending';`,
  `ALTER TABLE feedback ADD COLUMN follow_up_key_hash TEXT;
   CREATE TABLE reply (
     seq BIGSERIAL UNIQUE,
     id TEXT PRIMARY KEY,
     feedback_id TEXT NOT NULL,
     author TEXT NOT NULL,
     body TEXT NOT NULL,
     internal BOOLEAN NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX reply_feedback ON reply (feedback_id, seq);
   CREATE TABLE status_change (
     seq BIGSERIAL PRIMARY KEY,
     feedback_id TEXT NOT NULL,
     status TEXT NOT NULL,
     at TEXT NOT NULL,
     by TEXT NOT NULL
   );
   CREATE INDEX status_change_feedback ON status_change (feedback_id, seq);
   CREATE TABLE removed (id_hash TEXT PRIMARY KEY);
   CREATE INDEX outgoing_feedback ON outgoing (feedback_id);`,
  `ALTER TABLE feedback ADD COLUMN personal_erased_at TEXT;
   CREATE INDEX feedback_personal_kept ON feedback (received_at) WHERE personal_erased_at IS NULL;
   CREATE TABLE audit (
     seq BIGSERIAL PRIMARY KEY,
     at TEXT NOT NULL,
     action TEXT NOT NULL,
     feedback_id TEXT,
     by TEXT NOT NULL,
     via TEXT NOT NULL,
     detail TEXT
   );
   CREATE INDEX audit_feedback ON audit (feedback_id, seq);`,
];

/**
 * A statement of a write's CTE that records an audit entry for the row of CTE `source`, in the same
 * statement (so in the same transaction): parameters `$first`… are {@link auditValues}; no entry when they are null.
 */
const AUDIT_OF = (source: string, first: number) =>
  `INSERT INTO audit (at, action, feedback_id, by, via, detail)
   SELECT $${first}, $${first + 1}, ${source}.id, $${first + 2}, $${first + 3}, $${first + 4} FROM ${source} WHERE $${first}::text IS NOT NULL`;
const auditValues = (audit: AuditEntry | undefined) => [audit?.at ?? null, audit?.action ?? null, audit?.by ?? null, audit?.via ?? null, audit?.detail ?? null];

/** Insert batches one instance writes at once; more inserts wait for one of them to end (see {@link createGroupCommit}). */
const BATCHES_IN_FLIGHT = 1;

/** Any fixed number: the advisory lock that lets one instance at a time migrate. */
const MIGRATION_LOCK = 0x4865_6172;

interface Row {
  id: string;
  follow_up_key_hash: string | null;
  received_at: Date;
  status: FeedbackStatus;
  spam: boolean;
  identity: StoredFeedback['identity'] | null;
  body: Feedback;
  personal_erased_at: string | null;
}

/** Options of {@link createPostgresStorage}. */
export interface PostgresStorageOptions {
  /** Connections per collector instance. @default 10 */
  poolSize?: number;
  /** How long a request waits for a connection (and so for an unreachable database) before it fails with 503. @default 3000 */
  connectTimeoutMs?: number;
}

/**
 * Stores feedback in PostgreSQL through node-postgres: any number of collector instances may share
 * one database. Migrations run on open, under an advisory lock, so instances starting together
 * migrate once. Rejects with a readable error when the database cannot be reached.
 *
 * @example
 * const storage = await createPostgresStorage('postgres://hearken:secret@db.internal:5432/hearken');
 */
export async function createPostgresStorage(url: string, options: PostgresStorageOptions = {}): Promise<FeedbackStorage> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    idleTimeoutMillis: 30_000,
  });
  // A connection that breaks while idle (the database restarted) is dropped from the pool; the next query opens a new one.
  pool.on('error', (error) => console.error(`hearken-collector: database connection lost (${error.message}); reconnecting on the next request`));

  try {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS hearken_schema (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM hearken_schema');
      const version = rows[0]?.version ?? 0;
      for (const [index, sql] of MIGRATIONS.entries()) if (index >= version) await client.query(sql);
      if (!rows.length) await client.query('INSERT INTO hearken_schema (version) VALUES ($1)', [MIGRATIONS.length]);
      else if (version < MIGRATIONS.length) await client.query('UPDATE hearken_schema SET version = $1', [MIGRATIONS.length]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`cannot open the database ${describeDatabaseUrl(url)}: ${(error as Error).message || (error as { code?: string }).code}`, { cause: error });
  }

  const COLUMNS = 'id, follow_up_key_hash, received_at, status, spam, identity, body, personal_erased_at';
  const toRecords = async (rows: Row[]): Promise<StoredFeedback[]> => {
    if (!rows.length) return [];
    const ids = rows.map((row) => row.id);
    const [replies, history] = await Promise.all([
      pool.query<Reply & { feedbackId: string }>(
        'SELECT feedback_id AS "feedbackId", id, author, body, internal, created_at AS "createdAt" FROM reply WHERE feedback_id = ANY($1) ORDER BY seq',
        [ids],
      ),
      pool.query<StatusChange & { feedbackId: string }>('SELECT feedback_id AS "feedbackId", status, at, by FROM status_change WHERE feedback_id = ANY($1) ORDER BY seq', [ids]),
    ]);
    const repliesOf = byFeedback(replies.rows);
    const historyOf = byFeedback(history.rows);
    return rows.map((row) => ({
      feedback: row.body,
      receivedAt: row.received_at.toISOString(),
      status: row.status,
      spam: row.spam,
      ...(row.identity ? { identity: row.identity } : {}),
      ...(row.follow_up_key_hash ? { followUpKeyHash: row.follow_up_key_hash } : {}),
      ...(row.personal_erased_at ? { personalErasedAt: row.personal_erased_at } : {}),
      replies: repliesOf.get(row.id) ?? [],
      history: historyOf.get(row.id) ?? [],
    }));
  };
  /** Appends an audit entry; a removed item is named by its hash, so that the id is not kept. */
  const recordAudit = async (db: pg.Pool | pg.PoolClient, { at, action, feedbackId, by, via, detail }: AuditEntry) =>
    void (await db.query(
      `INSERT INTO audit (at, action, feedback_id, by, via, detail)
       SELECT $1, $2, CASE WHEN EXISTS (SELECT 1 FROM removed WHERE id_hash = $7) THEN $7 ELSE $3 END, $4, $5, $6`,
      [at, action, feedbackId ?? null, by, via, detail ?? null, feedbackId === undefined ? null : removedIdHash(feedbackId)],
    ));

  /** Runs `work` in one transaction on one connection. */
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    // A connection that dies while checked out emits 'error' on the client, which the pool does not
    // listen to then: without a listener that would end the process (the server stopped, say).
    let lost: Error | undefined;
    const onError = (error: Error) => void (lost = error);
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      lost ??= error as Error;
      throw error;
    } finally {
      client.off('error', onError);
      // A failed connection is thrown away, not handed to the next request.
      client.release(lost);
    }
  };

  /**
   * Inserts are group-committed (see {@link createGroupCommit}): a batch is written by one statement
   * (atomic by itself), so one round trip and one WAL flush acknowledge all of it; inserts that arrive
   * while one is in flight wait for it and go into the next. If a batch fails, its inserts fail, and
   * their senders retry. Copies of one id in a batch: the first is written, the others answer `false`,
   * as they would one after the other.
   */
  type Job = { record: StoredFeedback; messages: readonly NewOutgoingMessage[] };
  const writeBatch = async (jobs: readonly Job[]) => {
    const first = new Map<string, Job>();
    for (const job of jobs) if (!first.has(job.record.feedback.id)) first.set(job.record.feedback.id, job);
    const rows = [...first.values()].map((job) => job.record);
    const column = <T>(pick: (record: StoredFeedback) => T) => rows.map(pick);
    const messages = [...first.values()].flatMap((job) => job.messages.map((m) => ({ ...m, feedbackId: job.record.feedback.id })));
    // A named statement: each connection parses and plans it once, not for every batch.
    const { rows: inserted } = await pool.query<{ id: string }>({
      name: 'hearken-insert-feedback',
      text: `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[], $11::text[], $12::text[], $13::text[], $14::text[])
           WITH ORDINALITY AS t(id, received_at, created_at, audience, category, urgency, department, site, status, spam, identity, body, follow_up_key_hash, removed_hash, ord)
       ), inserted AS (
         INSERT INTO feedback (id, received_at, created_at, audience, category, urgency, department, site, status, spam, identity, body, follow_up_key_hash)
         SELECT id, received_at, created_at, audience, category, urgency, department, site, status, spam, identity, body::jsonb, follow_up_key_hash FROM input
         WHERE NOT EXISTS (SELECT 1 FROM removed WHERE id_hash = input.removed_hash)
         ORDER BY ord
         ON CONFLICT (id) DO NOTHING RETURNING id
       ), queued AS (
         INSERT INTO outgoing (feedback_id, kind, target, payload, queued_at, next_attempt_at)
         SELECT m.feedback_id, m.kind, m.target, m.payload, $19, $19
         FROM unnest($15::text[], $16::text[], $17::text[], $18::text[]) AS m(feedback_id, kind, target, payload) JOIN inserted ON inserted.id = m.feedback_id
         ON CONFLICT DO NOTHING
       )
       SELECT id FROM inserted`,
      values: [
        column((r) => r.feedback.id), column((r) => r.receivedAt), column((r) => r.feedback.createdAt), column((r) => r.feedback.audience), column((r) => r.feedback.category),
        column((r) => r.feedback.urgency ?? null), column((r) => r.feedback.user?.department ?? null), column((r) => r.feedback.site ?? null), column((r) => r.status),
        column((r) => r.spam), column((r) => r.identity ?? null), column((r) => JSON.stringify(r.feedback)), column((r) => r.followUpKeyHash ?? null),
        column((r) => removedIdHash(r.feedback.id)),
        messages.map((m) => m.feedbackId), messages.map((m) => m.kind), messages.map((m) => m.target), messages.map((m) => m.payload), Date.now(),
      ],
    });
    const stored = new Set(inserted.map((row) => row.id));
    return jobs.map((job) => first.get(job.record.feedback.id) === job && stored.has(job.record.feedback.id));
  };

  const inserts = createGroupCommit(writeBatch, BATCHES_IN_FLIGHT);

  return {
    insert: (record, messages = []) => inserts.add({ record, messages }),
    list: async (filter: InboxFilter = {}) => {
      const where: string[] = [];
      const params: unknown[] = [];
      const param = (value: unknown) => `$${params.push(value)}`;
      for (const key of ['audience', 'category', 'urgency', 'department', 'site', 'status'] as const) {
        if (filter[key]) where.push(`${key} = ${param(filter[key])}`);
      }
      if (filter.from) where.push(`created_at >= ${param(filter.from)}`);
      // A day (2026-11-26) includes all of that day.
      if (filter.to) where.push(`left(created_at, length(${param(filter.to)})) <= $${params.length}`);
      const spam = filter.spam ?? false;
      if (spam === 'only') where.push('spam');
      else if (!spam) where.push('NOT spam');
      const sql = `SELECT ${COLUMNS} FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                   ORDER BY received_at DESC, seq DESC LIMIT ${param(filter.limit ?? 500)}`;
      return toRecords((await pool.query<Row>(sql, params)).rows);
    },
    listVerifiedByUser: async (userId) =>
      toRecords(
        (
          await pool.query<Row>(
            `SELECT ${COLUMNS} FROM feedback WHERE identity = 'verified' AND NOT spam AND body->'user'->>'id' = $1 ORDER BY received_at DESC, seq DESC LIMIT $2`,
            [userId, VERIFIED_THREADS_LIMIT],
          )
        ).rows,
      ),
    get: async (id) => (await toRecords((await pool.query<Row>(`SELECT ${COLUMNS} FROM feedback WHERE id = $1`, [id])).rows))[0],
    setStatus: async (id, status, by = 'team', audit) =>
      (
        await pool.query<{ changed: number }>(
          `WITH changed AS (UPDATE feedback SET status = $2 WHERE id = $1 RETURNING id),
                recorded AS (INSERT INTO status_change (feedback_id, status, at, by) SELECT id, $2, $3, $4 FROM changed),
                audited AS (${AUDIT_OF('changed', 5)})
           SELECT count(*)::int AS changed FROM changed`,
          [id, status, new Date().toISOString(), by, ...auditValues(audit)],
        )
      ).rows[0]!.changed === 1,
    addReply: async (id, reply, messages = [], audit) =>
      (
        await pool.query<{ found: number }>(
          `WITH target AS (SELECT id FROM feedback WHERE id = $1 FOR UPDATE),
                audited AS (${AUDIT_OF('target', 11)}),
                added AS (INSERT INTO reply (id, feedback_id, author, body, internal, created_at) SELECT $2, id, $3, $4, $5, $6 FROM target),
                queued AS (
                  INSERT INTO outgoing (feedback_id, kind, target, payload, queued_at, next_attempt_at)
                  SELECT target.id, m.kind, m.target, m.payload, $10, $10
                  FROM target CROSS JOIN unnest($7::text[], $8::text[], $9::text[]) AS m(kind, target, payload)
                  ON CONFLICT DO NOTHING
                )
           SELECT count(*)::int AS found FROM target`,
          [id, reply.id, reply.author, reply.body, reply.internal, reply.createdAt, messages.map((m) => m.kind), messages.map((m) => m.target), messages.map((m) => m.payload), Date.now(), ...auditValues(audit)],
        )
      ).rows[0]!.found === 1,
    remove: (id, audit) =>
      transaction(async (client) => {
        if (((await client.query('DELETE FROM feedback WHERE id = $1', [id])).rowCount ?? 0) !== 1) return false;
        for (const table of ['reply', 'status_change', 'outgoing']) await client.query(`DELETE FROM ${table} WHERE feedback_id = $1`, [id]);
        await client.query('INSERT INTO removed (id_hash) VALUES ($1) ON CONFLICT DO NOTHING', [removedIdHash(id)]);
        await client.query('UPDATE audit SET feedback_id = $1 WHERE feedback_id = $2', [removedIdHash(id), id]);
        if (audit) await recordAudit(client, audit);
        return true;
      }),
    receivedBefore: async (before, { limit, personalKept }) =>
      (
        await pool.query<{ id: string }>(
          `SELECT id FROM feedback WHERE received_at < $1 ${personalKept ? 'AND personal_erased_at IS NULL' : ''} ORDER BY received_at, seq LIMIT $2`,
          [before, limit],
        )
      ).rows.map((row) => row.id),
    erasePersonal: (id, feedback, at, audit) =>
      transaction(async (client) => {
        const updated = await client.query('UPDATE feedback SET body = $2, identity = NULL, department = NULL, personal_erased_at = $3 WHERE id = $1 AND personal_erased_at IS NULL', [id, feedback, at]);
        if (updated.rowCount !== 1) return false;
        await client.query('DELETE FROM outgoing WHERE feedback_id = $1', [id]);
        if (audit) await recordAudit(client, audit);
        return true;
      }),
    recordAudit: (entry) => recordAudit(pool, entry),
    audit: async ({ feedbackIds, limit = 500 } = {}) =>
      (
        await pool.query<AuditEntry & { feedbackId: string | null; detail: string | null }>(
          `SELECT at, action, feedback_id AS "feedbackId", by, via, detail FROM audit ${feedbackIds === undefined ? '' : 'WHERE feedback_id = ANY($2)'} ORDER BY seq DESC LIMIT $1`,
          feedbackIds === undefined ? [limit] : [limit, feedbackIds.flatMap((id) => [id, removedIdHash(id)])],
        )
      ).rows.map(withoutNulls),
    deliveryProblems: async (ids) =>
      (
        await pool.query<DeliveryProblem>(
          `SELECT feedback_id AS "feedbackId", kind, target, state, attempts, last_error AS error FROM outgoing
           WHERE feedback_id = ANY($1) AND last_error IS NOT NULL AND state <> 'sent' ORDER BY queued_at`,
          [ids],
        )
      ).rows,
    claimOutgoing: async (kind, { now, leaseMs, limit }) =>
      // SKIP LOCKED: instances claiming at once each take different rows instead of waiting on each other.
      (
        await pool.query<OutgoingMessage>(
          `UPDATE outgoing SET attempts = attempts + 1, lease_until = $3, lease_token = $4
           WHERE id IN (SELECT id FROM outgoing WHERE kind = $1 AND state = 'pending' AND next_attempt_at <= $2 AND lease_until <= $2
                        ORDER BY next_attempt_at LIMIT $5 FOR UPDATE SKIP LOCKED)
           RETURNING id::text, feedback_id AS "feedbackId", kind, target, payload, attempts, queued_at::float8 AS "queuedAt", lease_token AS "leaseToken"`,
          [kind, now, now + leaseMs, crypto.randomUUID(), limit],
        )
      ).rows,
    settleOutgoing: async ({ id, leaseToken }, outcome) =>
      (
        (
          await pool.query(
            `UPDATE outgoing SET state = $3, next_attempt_at = $4, lease_until = 0, lease_token = '', last_error = $5
             WHERE id = $1 AND lease_token = $2 AND state = 'pending'`,
            [id, leaseToken, outcome.state === 'retry' ? 'pending' : outcome.state, outcome.state === 'retry' ? outcome.at : 0, outcome.state === 'sent' ? null : outcome.error],
          )
        ).rowCount ?? 0
      ) === 1,
    ping: async () => void (await pool.query('SELECT 1')),
    close: async () => {
      await inserts.idle();
      await pool.end();
    },
  };
}
