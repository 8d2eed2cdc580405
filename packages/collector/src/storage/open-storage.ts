import type { FeedbackStorage } from './feedback-storage.js';
import { isPostgresUrl } from './database-url.js';
import { createSqliteStorage } from './sqlite-storage.js';

/**
 * Opens the storage `db` names: a `postgres://` URL opens PostgreSQL (its driver is loaded only
 * then), anything else is a SQLite file path. Rejects with a readable error when it cannot.
 *
 * @example
 * const storage = await openStorage(process.env.HEARKEN_DB ?? './data/feedback.db');
 */
export async function openStorage(db: string): Promise<FeedbackStorage> {
  if (isPostgresUrl(db)) {
    const { createPostgresStorage } = await import('./postgres-storage.js');
    return createPostgresStorage(db);
  }
  return createSqliteStorage(db);
}
