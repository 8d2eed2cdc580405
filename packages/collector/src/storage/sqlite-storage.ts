import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Feedback } from '@hearken/client/schema';
import type { FeedbackStatus, FeedbackStorage, InboxFilter, StoredFeedback } from './feedback-storage.js';

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
  db.pragma('journal_mode = WAL');
  // With WAL, NORMAL loses no committed write on a process crash, only on power loss; it spares an fsync per post.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (const [index, sql] of MIGRATIONS.entries()) {
    if (index < version) continue;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    })();
  }

  const insert = db.prepare(
    `INSERT INTO feedback (id, received_at, created_at, audience, category, urgency, department, site, status, spam, identity, body)
     VALUES (@id, @receivedAt, @createdAt, @audience, @category, @urgency, @department, @site, @status, @spam, @identity, @body)
     ON CONFLICT (id) DO NOTHING`,
  );
  const setStatus = db.prepare('UPDATE feedback SET status = ? WHERE id = ?');
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
  let batch: { record: StoredFeedback; resolve: (isNew: boolean) => void; reject: (error: unknown) => void }[] = [];
  const commit = db.transaction((items: typeof batch) => items.map(({ record }) => insert.run(row(record)).changes === 1));
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
    insert: (record) =>
      new Promise<boolean>((resolve, reject) => {
        if (batch.push({ record, resolve, reject }) === 1) setImmediate(flush);
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
      const sql = `SELECT received_at, status, spam, identity, body FROM feedback ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, received_at DESC LIMIT @limit`;
      return (db.prepare(sql).all(params) as Row[]).map(toRecord);
    },
    setStatus: async (id, status) => setStatus.run(status, id).changes === 1,
    close: async () => {
      if (batch.length) flush();
      db.close();
    },
  };
}
