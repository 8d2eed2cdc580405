/** The folder with `initdb` and `pg_ctl`: `PG_BIN`, else the newest Debian PostgreSQL. Throws saying what to install. */
export function findPostgresBin(): string;

/** A throwaway PostgreSQL cluster in a temporary folder, on a free loopback port. */
export interface TestPostgres {
  /** URL of a new, empty database on the cluster. */
  createDatabase(): Promise<string>;
  /** Stops the server (the data stays): to test a database that goes away. */
  stop(): Promise<void>;
  /** Starts it again after `stop`. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  remove(): Promise<void>;
}

/**
 * Starts a PostgreSQL cluster: `initdb` into a temporary folder (as the `postgres` user when running
 * as root), trust authentication on loopback only, a free port. Without `durable`, fsync and
 * synchronous commit are off (tests); with it, PostgreSQL's defaults (benchmarks).
 */
export function startTestPostgres(options?: { durable?: boolean }): Promise<TestPostgres>;
