// Types of postgres.mjs, for the TypeScript tests and benchmark that start a server.
export const PG_INSTALL_HINT: string;

export function findPostgres(env?: Record<string, string | undefined>, log?: (line: string) => void): string;

export interface RunningPostgres {
  /** `postgres://pat@127.0.0.1:{port}/postgres` (trust authentication, local only). */
  url: string;
  port: number;
  /** The running server's PID (a new one after each start). */
  readonly pid: number;
  dataDir: string;
  /** Shuts the server down by its PID and deletes its data directory. */
  stop(): Promise<void>;
  /** A fast shutdown (sessions ended, as `pg_ctl -m fast stop`); the data stays for `start()`. */
  halt(): Promise<void>;
  /** Starts the halted server again on the same port and data; `standby: true` as a hot standby (read-only). */
  start(options?: { standby?: boolean }): Promise<void>;
  /** `halt()`, then `start(options)`. */
  restart(options?: { standby?: boolean }): Promise<void>;
  /** A hot standby becomes a primary (writable again), without a restart: the end of a failover. */
  promote(): Promise<void>;
}

export function startPostgres(options?: {
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  timeoutMs?: number;
  /** Keep fsync, synchronous_commit and full_page_writes at PostgreSQL's defaults (on). Default false. */
  durable?: boolean;
}): Promise<RunningPostgres>;
