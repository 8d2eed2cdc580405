/** Names a database for messages without its password. */
export function describeDatabaseUrl(db: string): string {
  if (!isPostgresUrl(db)) return db;
  try {
    const url = new URL(db);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://…';
  }
}

/** `true` for a `postgres://` or `postgresql://` URL, which selects PostgreSQL instead of a SQLite file. */
export const isPostgresUrl = (db: string) => /^postgres(ql)?:\/\//i.test(db);
