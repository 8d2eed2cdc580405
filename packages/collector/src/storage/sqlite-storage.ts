import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Feedback } from '@hearken/client/schema';
import type { FeedbackStatus, FeedbackStorage, InboxFilter, NewOutgoingMessage, OutgoingMessage, StoredFeedback } from './feedback-storage.js';

/** Schema changes, applied in order; `PRAGMA user_version` records how many ran. Append, never edit. */
const MIGRATIONS = [
  `CREATE TABLE feedback (
     id TEXT PRIMARY KEY,
     received_at TEXT NOT NULL,
     created_at TEXT NOT NULL,
     audience TEXT NOT NULL,
     category TEXT NOT NULL,
     urgency TEXT,
     department TEXT,
     site TEXT,
     status TEXT NOT NULL DEFAULT 'new',
     spam INTEGER NOT NULL DEFAULT 0,
     identity TEXT,
     body TEXT NOT NULL
   ) STRICT;
   CREATE INDEX feedback_created_at ON feedback (created_at DESC);`,
  `CREATE INDEX feedback_received_at ON feedback (received_at DESC);
   CREATE TABLE outgoing (
     id TEXT PRIMARY KEY,
     feedback_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     target TEXT NOT NULL,
     payload TEXT NOT NULL,
     state TEXT NOT NULL DEFAULT 'pending',
     attempts INTEGER NOT NULL DEFAULT 0,
     queued_at INTEGER NOT NULL,
     next_attempt_at INTEGER NOT NULL,
     lease_until INTEGER NOT NULL DEFAULT 0,
     lease_token TEXT NOT NULL DEFAULT '',
     last_error TEXT,
     UNIQUE (feedback_id, kind, target)
   ) STRICT;
   CREATE INDEX outgoing_due ON outgoing (kind, next_attempt_at) WHERE state = 'pending';`,
];

interface Row {
  received_at: string;
  status: FeedbackStatus;
  spam: number;
  identity: StoredFeedback['identity'] | null;
  body: string;
}

/**
 * Stores feedback in a SQLite file (WAL mode) through better-sqlite3; `':memory:'` for a throwaway database.
 * The file and its folder are created when missing, and migrated on open.
 */
export function createSqliteStorage(path: string): FeedbackStorage {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  // First, so that opening a file another process is creating waits instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL loses no committed write on a process crash, only on power loss; it spares an fsync per post.
  db.pragma('synchronous = NORMAL');
  // Version check and changes in one write transaction (BEGIN IMMEDIATE): of several processes
  // opening a new file at once, one migrates and the others then see the new version.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (const [index, sql] of MIGRATIONS.entries()) if (index >= version) db.exec(sql);
    if (version < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();

  const insert = db.prepare(
    `INSERT INTO feedback (id, received_at, created_at, audience, category, urgency, department, site, status, spam, identity, body)
     VALUES (@id, @receivedAt, @createdAt, @audience, @category, @urgency, @department, @site, @status, @spam, @identity, @body)
     ON CONFLICT (id) DO NOTHING`,
  );
  const enqueue = db.prepare(
    `INSERT INTO outgoing (id, feedback_id, kind, target, payload, queued_at, next_attempt_at)
     VALUES (@id, @feedbackId, @kind, @target, @payload, @now, @now) ON CONFLICT DO NOTHING`,
  );
  const setStatus = db.prepare('UPDATE feedback SET status = ? WHERE id = ?');
  // One statement, so the choice and the lease are one atomic write: no two processes claim the same row.
  const claim = db.prepare(
    `UPDATE outgoing SET attempts = attempts + 1, lease_until = @leaseUntil, lease_token = @token
     WHERE id IN (SELECT id FROM outgoing WHERE kind = @kind AND state = 'pending' AND next_attempt_at <= @now AND lease_until <= @now
                  ORDER BY next_attempt_at LIMIT @limit)
     RETURNING id, feedback_id AS feedbackId, kind, target, payload, attempts, queued_at AS queuedAt, lease_token AS leaseToken`,
  );
  const settle = db.prepare(
    `UPDATE outgoing SET state = @state, next_attempt_at = @at, lease_until = 0, lease_token = '', last_error = @error
     WHERE id = @id AND lease_token = @leaseToken AND state = 'pending'`,
  );
  const toRecord = (row: Row): StoredFeedback => ({
    feedback: JSON.parse(row.body) as Feedback,
    receivedAt: row.received_at,
    status: row.status,
    spam: row.spam === 1,
    ...(row.identity ? { identity: row.identity } : {}),
  });

  const row = ({ feedback, receivedAt, status, spam, identity }: StoredFeedback) => ({
    id: feedback.id,
    receivedAt,
    createdAt: feedback.createdAt,
    audience: feedback.audience,
    category: feedback.category,
    urgency: feedback.urgency ?? null,
    department: feedback.user?.department ?? null,
    site: feedback.site ?? null,
    status,
    spam: spam ? 1 : 0,
    identity: identity ?? null,
    body: JSON.stringify(feedback),
  });

  // Group commit: inserts that arrive in the same turn of the event loop share one transaction, and
  // each resolves once it is committed. Under load this saves a commit (and its write) per post.
  let batch: { record: StoredFeedback; messages: readonly NewOutgoingMessage[]; resolve: (isNew: boolean) => void; reject: (error: unknown) => void }[] = [];
  const commit = db.transaction((items: typeof batch) =>
    items.map(({ record, messages }) => {
      const isNew = insert.run(row(record)).changes === 1;
      const now = Date.now();
      if (isNew) for (const message of messages) enqueue.run({ ...message, id: crypto.randomUUID(), feedbackId: record.feedback.id, now });
      return isNew;
    }),
  );
  const flush = () => {
    const items = batch;
    batch = [];
    try {
      const results = commit(items);
      items.forEach(({ resolve }, i) => resolve(results[i]!));
    } catch (error) {
      for (const { reject } of items) reject(error);
    }
  };

  return {
    insert: (record, messages = []) =>
      new Promise<boolean>((resolve, reject) => {
        if (batch.push({ record, messages, resolve, reject }) === 1) setImmediate(flush);
      }),
    list: async (filter: InboxFilter = {}) => {
      const where: string[] = [];
      const params: Record<string, string | number> = { limit: filter.limit ?? 500 };
      for (const key of ['audience', 'category', 'urgency', 'department', 'site', 'status'] as const) {
        if (filter[key]) {
          where.push(`${key} = @${key}`);
          params[key] = filter[key]!;
        }
      }
      if (filter.from) (where.push('created_at >= @from'), (params.from = filter.from));
      // A day (2026-11-26) includes all of that day.
      if (filter.to) (where.push('substr(created_at, 1, length(@to)) <= @to'), (params.to = filter.to));
      const spam = filter.spam ?? false;
      if (spam === 'only') where.push('spam = 1');
      else if (!spam) where.push('spam = 0');
      const sql = `SELECT received_at, status, spam, identity, body FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, rowid DESC LIMIT @limit`;
      return (db.prepare(sql).all(params) as Row[]).map(toRecord);
    },
    setStatus: async (id, status) => setStatus.run(status, id).changes === 1,
    claimOutgoing: async (kind, { now, leaseMs, limit }) =>
      claim.all({ kind, now, limit, leaseUntil: now + leaseMs, token: crypto.randomUUID() }) as OutgoingMessage[],
    settleOutgoing: async ({ id, leaseToken }, outcome) =>
      settle.run({
        id,
        leaseToken,
        state: outcome.state === 'retry' ? 'pending' : outcome.state,
        at: outcome.state === 'retry' ? outcome.at : 0,
        error: outcome.state === 'sent' ? null : outcome.error,
      }).changes === 1,
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => {
      if (batch.length) flush();
      db.close();
    },
  };
}
