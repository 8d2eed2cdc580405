import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Feedback } from '@hearken/client/schema';
import { byFeedback } from './by-feedback.js';
import { removedIdHash } from './removed-id.js';
import { withoutNulls } from './without-nulls.js';
import { createGroupCommit } from './group-commit.js';
import { VERIFIED_THREADS_LIMIT, type AuditEntry, type DeliveryProblem, type FeedbackStatus, type FeedbackStorage, type InboxFilter, type NewOutgoingMessage, type OutgoingMessage, type Reply, type StatusChange, type StoredFeedback } from './feedback-storage.js';

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
  `ALTER TABLE feedback ADD COLUMN follow_up_key_hash TEXT;
   CREATE TABLE reply (
     id TEXT PRIMARY KEY,
     feedback_id TEXT NOT NULL,
     author TEXT NOT NULL,
     body TEXT NOT NULL,
     internal INTEGER NOT NULL,
     created_at TEXT NOT NULL
   ) STRICT;
   CREATE INDEX reply_feedback ON reply (feedback_id);
   CREATE TABLE status_change (
     feedback_id TEXT NOT NULL,
     status TEXT NOT NULL,
     at TEXT NOT NULL,
     by TEXT NOT NULL
   ) STRICT;
   CREATE INDEX status_change_feedback ON status_change (feedback_id);
   CREATE TABLE removed (id_hash TEXT PRIMARY KEY) STRICT;
   CREATE INDEX outgoing_feedback ON outgoing (feedback_id);`,
  `ALTER TABLE feedback ADD COLUMN personal_erased_at TEXT;
   CREATE INDEX feedback_personal_kept ON feedback (received_at) WHERE personal_erased_at IS NULL;
   CREATE TABLE audit (
     at TEXT NOT NULL,
     action TEXT NOT NULL,
     feedback_id TEXT,
     by TEXT NOT NULL,
     via TEXT NOT NULL,
     detail TEXT
   ) STRICT;
   CREATE INDEX audit_feedback ON audit (feedback_id);`,
];


interface Row {
  id: string;
  follow_up_key_hash: string | null;
  received_at: string;
  status: FeedbackStatus;
  spam: number;
  identity: StoredFeedback['identity'] | null;
  body: string;
  personal_erased_at: string | null;
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
  // A withdrawn feedback's text is overwritten on removal, not left in free pages of the file.
  db.pragma('secure_delete = ON');
  // Version check and changes in one write transaction (BEGIN IMMEDIATE): of several processes
  // opening a new file at once, one migrates and the others then see the new version.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    for (const [index, sql] of MIGRATIONS.entries()) if (index >= version) db.exec(sql);
    if (version < MIGRATIONS.length) db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();

  const insert = db.prepare(
    `INSERT INTO feedback (id, received_at, created_at, audience, category, urgency, department, site, status, spam, identity, body, follow_up_key_hash)
     SELECT @id, @receivedAt, @createdAt, @audience, @category, @urgency, @department, @site, @status, @spam, @identity, @body, @followUpKeyHash
     WHERE NOT EXISTS (SELECT 1 FROM removed WHERE id_hash = @removedHash)
     ON CONFLICT (id) DO NOTHING`,
  );
  const COLUMNS = 'id, follow_up_key_hash, received_at, status, spam, identity, body, personal_erased_at';
  const getOne = db.prepare(`SELECT ${COLUMNS} FROM feedback WHERE id = ?`);
  const repliesOf = db.prepare(
    `SELECT feedback_id AS feedbackId, id, author, body, internal, created_at AS createdAt FROM reply
     WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
  );
  const historyOf = db.prepare(`SELECT feedback_id AS feedbackId, status, at, by FROM status_change WHERE feedback_id IN (SELECT value FROM json_each(?)) ORDER BY rowid`);
  const addStatusChange = db.prepare('INSERT INTO status_change (feedback_id, status, at, by) VALUES (?, ?, ?, ?)');
  const addReply = db.prepare('INSERT INTO reply (id, feedback_id, author, body, internal, created_at) VALUES (@id, @feedbackId, @author, @body, @internal, @createdAt)');
  const problems = db.prepare(
    `SELECT feedback_id AS feedbackId, kind, target, state, attempts, last_error AS error FROM outgoing
     WHERE feedback_id IN (SELECT value FROM json_each(?)) AND last_error IS NOT NULL AND state <> 'sent' ORDER BY queued_at`,
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
  const toRecords = (rows: Row[]): StoredFeedback[] => {
    const ids = JSON.stringify(rows.map((row) => row.id));
    const replies = byFeedback((repliesOf.all(ids) as (Omit<Reply, 'internal'> & { feedbackId: string; internal: number })[]).map(({ internal, ...reply }) => ({ ...reply, internal: internal === 1 })));
    const history = byFeedback(historyOf.all(ids) as (StatusChange & { feedbackId: string })[]);
    return rows.map((row) => ({
      feedback: JSON.parse(row.body) as Feedback,
      receivedAt: row.received_at,
      status: row.status,
      spam: row.spam === 1,
      ...(row.identity ? { identity: row.identity } : {}),
      ...(row.follow_up_key_hash ? { followUpKeyHash: row.follow_up_key_hash } : {}),
      ...(row.personal_erased_at ? { personalErasedAt: row.personal_erased_at } : {}),
      replies: replies.get(row.id) ?? [],
      history: history.get(row.id) ?? [],
    }));
  };

  const row = ({ feedback, receivedAt, status, spam, identity, followUpKeyHash }: StoredFeedback) => ({
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
    followUpKeyHash: followUpKeyHash ?? null,
    removedHash: removedIdHash(feedback.id),
  });

  // Group commit (see createGroupCommit): the inserts of one turn of the event loop share one
  // transaction, and each resolves once it is committed. Under load this saves a commit (and its write) per post.
  const commit = db.transaction((items: readonly { record: StoredFeedback; messages: readonly NewOutgoingMessage[] }[]) =>
    items.map(({ record, messages }) => {
      const isNew = insert.run(row(record)).changes === 1;
      const now = Date.now();
      if (isNew) for (const message of messages) enqueue.run({ ...message, id: crypto.randomUUID(), feedbackId: record.feedback.id, now });
      return isNew;
    }),
  );
  const inserts = createGroupCommit(commit);

  /** Appends an entry; a removed item is named by its hash, so that the id is not kept. */
  const isRemoved = db.prepare('SELECT 1 FROM removed WHERE id_hash = ?');
  const addAudit = db.prepare('INSERT INTO audit (at, action, feedback_id, by, via, detail) VALUES (@at, @action, @feedbackId, @by, @via, @detail)');
  const recordAudit = (entry: AuditEntry) => {
    const hash = entry.feedbackId === undefined ? undefined : removedIdHash(entry.feedbackId);
    const feedbackId = hash && isRemoved.get(hash) ? hash : (entry.feedbackId ?? null);
    addAudit.run({ detail: null, ...entry, feedbackId });
  };

  // The write-ahead log still holds earlier copies of a removed item's pages until a checkpoint:
  // move everything into the file (where secure_delete has overwritten it) and empty the log.
  // Best effort: with readers in the middle of a transaction the log is emptied at a later checkpoint.
  // Without waiting: another process's reader or writer would otherwise hold this one up for the busy timeout.
  const removeFromLog = () => {
    if (path === ':memory:') return;
    db.pragma('busy_timeout = 0');
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Busy: a later checkpoint empties the log.
    } finally {
      db.pragma('busy_timeout = 5000');
    }
  };

  return {
    insert: (record, messages = []) => inserts.add({ record, messages }),
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
      const sql = `SELECT ${COLUMNS} FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, rowid DESC LIMIT @limit`;
      return toRecords(db.prepare(sql).all(params) as Row[]);
    },
    listVerifiedByUser: async (userId) =>
      toRecords(
        db
          .prepare(`SELECT ${COLUMNS} FROM feedback WHERE identity = 'verified' AND spam = 0 AND json_extract(body, '$.user.id') = ? ORDER BY received_at DESC, rowid DESC LIMIT ?`)
          .all(userId, VERIFIED_THREADS_LIMIT) as Row[],
      ),
    get: async (id) => {
      const found = getOne.get(id) as Row | undefined;
      return found && toRecords([found])[0];
    },
    setStatus: async (id, status, by = 'team', audit) =>
      db.transaction(() => {
        if (setStatus.run(status, id).changes !== 1) return false;
        addStatusChange.run(id, status, new Date().toISOString(), by);
        if (audit) recordAudit(audit);
        return true;
      }).immediate(),
    addReply: async (id, reply, messages = [], audit) =>
      db.transaction(() => {
        if (!getOne.get(id)) return false;
        if (audit) recordAudit(audit);
        addReply.run({ ...reply, feedbackId: id, internal: reply.internal ? 1 : 0 });
        const now = Date.now();
        for (const message of messages) enqueue.run({ ...message, id: crypto.randomUUID(), feedbackId: id, now });
        return true;
      }).immediate(),
    remove: async (id, audit) =>
      db.transaction(() => {
        if (db.prepare('DELETE FROM feedback WHERE id = ?').run(id).changes !== 1) return false;
        for (const table of ['reply', 'status_change', 'outgoing']) db.prepare(`DELETE FROM ${table} WHERE feedback_id = ?`).run(id);
        db.prepare('INSERT INTO removed (id_hash) VALUES (?) ON CONFLICT DO NOTHING').run(removedIdHash(id));
        db.prepare('UPDATE audit SET feedback_id = ? WHERE feedback_id = ?').run(removedIdHash(id), id);
        if (audit) recordAudit(audit);
        return true;
      }).immediate() && (removeFromLog(), true),
    receivedBefore: async (before, { limit, personalKept }) =>
      (
        db
          .prepare(`SELECT id FROM feedback WHERE received_at < ? ${personalKept ? 'AND personal_erased_at IS NULL' : ''} ORDER BY received_at, rowid LIMIT ?`)
          .all(before, limit) as { id: string }[]
      ).map((row) => row.id),
    erasePersonal: async (id, feedback, at, audit) =>
      db.transaction(() => {
        const erase = db.prepare('UPDATE feedback SET body = ?, identity = NULL, department = NULL, personal_erased_at = ? WHERE id = ? AND personal_erased_at IS NULL');
        if (erase.run(JSON.stringify(feedback), at, id).changes !== 1) return false;
        db.prepare('DELETE FROM outgoing WHERE feedback_id = ?').run(id);
        if (audit) recordAudit(audit);
        return true;
      }).immediate() && (removeFromLog(), true),
    recordAudit: async (entry) => recordAudit(entry),
    audit: async ({ feedbackIds, limit = 500 } = {}) =>
      (
        db
          .prepare(`SELECT at, action, feedback_id AS feedbackId, by, via, detail FROM audit ${feedbackIds === undefined ? '' : 'WHERE feedback_id IN (SELECT value FROM json_each(@ids))'} ORDER BY rowid DESC LIMIT @limit`)
          .all({ limit, ...(feedbackIds === undefined ? {} : { ids: JSON.stringify(feedbackIds.flatMap((id) => [id, removedIdHash(id)])) }) }) as (AuditEntry & { feedbackId: string | null; detail: string | null })[]
      ).map(withoutNulls),
    deliveryProblems: async (ids) => problems.all(JSON.stringify(ids)) as DeliveryProblem[],
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
      await inserts.idle();
      db.close();
    },
  };
}
