/**
 * What keeps `postgresStore` answering through a bad day: a deadline on every store call, an
 * outage turned into `TokenServiceError('unavailable')` (503 with `Retry-After`, never "bad
 * token"), the pool's `error` events handled, each cause reported once, and reads sent to a
 * replica with the primary behind it. See docs/server.md, "Production".
 */
import { SetupError, TokenServiceError } from './errors.js';
import { consoleHook, oncePerCause, type ErrorHook } from './error-reports.js';
import type { SqlClient } from './postgres-store.js';

/**
 * A store call's deadline unless the host sets one: well above a healthy query (milliseconds),
 * well below a proxy's or a user's patience, and long enough for a pool to reconnect.
 */
export const DEFAULT_TIMEOUT_MS = 5_000;

export interface DatabaseGuardOptions {
  /** Where reads go (`verify`'s lookup, `list`): a replica's Pool. The primary answers when it cannot. */
  replica?: SqlClient;
  /** Each store call's deadline in milliseconds; past it the call fails as `unavailable`. Default 5000. */
  timeoutMs?: number;
  /**
   * Hears what goes wrong with the database: an outage's cause (once per distinct cause, not per
   * request), and the errors a Pool emits for its idle connections. Default: `console.error`.
   */
  onError?: ErrorHook;
}

interface Outage {
  /** What tells this cause from another: a SQLSTATE, a Node error code, or a name of ours. */
  cause: string;
  /** For the host's logs: what the database did, without any value from a query. */
  what: string;
}

const SQLSTATE_OUTAGES: Array<[RegExp, string]> = [
  [/^25006$/, 'is read-only (a hot standby, or a failover in progress)'],
  [/^57014$/, 'cancelled the statement (statement_timeout, or an operator)'],
  [/^55P03$/, 'could not take a lock in time (lock_timeout)'],
  [/^57P0[1-3]$/, 'is shutting down, restarting or starting up'],
  [/^08/, 'lost or refused the connection'],
  [/^53/, 'is out of a resource (connections, memory or disk)'],
  [/^(40001|40P01)$/, 'gave up the statement to a concurrent one (serialization failure or deadlock); retrying works'],
  [/^58/, 'had a system error (I/O)'],
];

const NODE_OUTAGES: Record<string, string> = {
  ECONNREFUSED: 'refused the connection (not running, or restarting)',
  ECONNRESET: 'dropped the connection',
  EPIPE: 'dropped the connection',
  ETIMEDOUT: 'did not answer the connection in time',
  EHOSTUNREACH: 'is unreachable',
  ENETUNREACH: 'is unreachable',
  ENOTFOUND: 'has a host name that does not resolve',
  EAI_AGAIN: 'has a host name that does not resolve (yet)',
};

/** pg and PGlite say these in words only. */
const MESSAGE_OUTAGES: Array<[RegExp, string, string]> = [
  [/timeout exceeded when trying to connect/i, 'pool-timeout', 'had no free connection in time (the Pool’s connectionTimeoutMillis)'],
  [/connection timeout/i, 'connect-timeout', 'did not answer the connection in time (connectionTimeoutMillis)'],
  [/Connection terminated/i, 'terminated', 'dropped the connection'],
  [/not queryable/i, 'client-closed', 'has a closed or broken client (a pg Client never reconnects: use a Pool)'],
  [/pool after calling end/i, 'pool-ended', 'has a Pool that was ended'],
  [/Query read timeout/i, 'query-timeout', 'did not answer within the Pool’s query_timeout'],
  [/PGlite is closed/i, 'pglite-closed', 'is a PGlite instance that was closed'],
];

/** Why `error` means the database cannot answer now, or `null` when it is an error of ours (a bug, a constraint). */
export function outageOf(error: unknown): Outage | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    const sqlstate = SQLSTATE_OUTAGES.find(([pattern]) => pattern.test(code));
    if (sqlstate) return { cause: code, what: `${sqlstate[1]}; code ${code}` };
    if (NODE_OUTAGES[code]) return { cause: code, what: `${NODE_OUTAGES[code]}; code ${code}` };
  }
  if (typeof message === 'string') {
    const said = MESSAGE_OUTAGES.find(([pattern]) => pattern.test(message));
    if (said) return { cause: said[1], what: said[2] };
  }
  return null;
}

/** What a client is told of a store whose tables are missing: what the server must do, nothing of the database. */
export const MIGRATE_DETAIL = 'The token store is not set up: the server must call migrate() on its store before serving.';

/**
 * A forgotten `migrate()` (SQLSTATE 42P01, no such table) or one not run since an upgrade (42703,
 * no such column), as an error that names the fix; `null` for anything else.
 */
export function schemaErrorOf(error: unknown): SetupError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code !== '42P01' && code !== '42703') return null;
  const what = code === '42P01' ? 'has no pat-elements tables' : 'has an older pat-elements schema than this version needs';
  return new SetupError(
    `pat-elements/server: the database ${what}: call \`await store.migrate()\` once at start-up, before serving (PostgreSQL: ${String(message)}).`,
    { detail: MIGRATE_DETAIL, cause: error },
  );
}

export interface DatabaseGuard {
  /** Runs one store call within the deadline; an outage, or the deadline passing, throws `unavailable`. */
  call<T>(work: () => Promise<T>): Promise<T>;
  /**
   * A read on the replica when there is one, else the primary. The primary answers when the
   * replica cannot, and, with `confirmEmpty`, when the replica found nothing: a token created a
   * moment ago may not have reached it yet.
   */
  read(text: string, params: unknown[], confirmEmpty?: boolean): Promise<{ rows: unknown[] }>;
}

interface Emitter {
  on(event: 'error', listener: (error: unknown) => void): unknown;
}
const isEmitter = (value: unknown): value is Emitter => typeof (value as Partial<Emitter>).on === 'function';

function deadlineOption(timeoutMs: number | undefined): number {
  if (timeoutMs === undefined) return DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError('timeoutMs must be a number of milliseconds above 0.');
  return timeoutMs;
}

export function guardDatabase(db: SqlClient, options: DatabaseGuardOptions = {}): DatabaseGuard {
  const timeoutMs = deadlineOption(options.timeoutMs);
  const { replica } = options;
  const report = oncePerCause(options.onError ?? consoleHook('the token store’s database'));

  const unavailable = (outage: Outage, where: string, cause?: unknown) =>
    new TokenServiceError('unavailable', `The token store is unavailable: ${where} ${outage.what}.`, undefined, { cause });

  /**
   * The error a caller gets for `error`: `unavailable` for an outage, a `SetupError` naming
   * `migrate()` for missing tables or columns (each reported once per cause), else `error` itself.
   */
  function classify(error: unknown, where: string): unknown {
    if (error instanceof TokenServiceError || error instanceof SetupError) return error;
    const setup = schemaErrorOf(error);
    if (setup) {
      report(`${where}:${String((error as { code?: unknown }).code)}`, setup);
      return setup;
    }
    const outage = outageOf(error);
    if (!outage) return error;
    const failure = unavailable(outage, where, error);
    report(`${where}:${outage.cause}`, failure);
    return failure;
  }

  // A Pool emits `error` when an idle connection dies (a restart, a failover); an emitter with
  // no listener throws it, which ends the host's process. So the store always listens.
  const listen = (client: SqlClient, where: string) => {
    if (!isEmitter(client)) return;
    client.on('error', (error) => {
      const failure = classify(error, where);
      if (failure === error) report(`${where}:${String((error as { message?: unknown })?.message)}`, error);
    });
  };
  listen(db, 'the database');
  if (replica && replica !== db) listen(replica, 'the replica');

  return {
    call(work) {
      return new Promise((resolve, reject) => {
        // The statement may still finish after the deadline; its result, or error, then goes nowhere.
        const timer = setTimeout(() => {
          const failure = unavailable({ cause: 'deadline', what: `did not answer within ${timeoutMs} ms` }, 'the database');
          report('deadline', failure);
          reject(failure);
        }, timeoutMs);
        work().then(
          (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          (error: unknown) => {
            clearTimeout(timer);
            reject(classify(error, 'the database'));
          },
        );
      });
    },

    async read(text, params, confirmEmpty = false) {
      if (!replica) return db.query(text, params);
      let answer: { rows: unknown[] };
      try {
        answer = await replica.query(text, params);
      } catch (error) {
        if (classify(error, 'the replica') === error) throw error;
        return db.query(text, params);
      }
      return confirmEmpty && answer.rows.length === 0 ? db.query(text, params) : answer;
    },
  };
}

/** `store` with every method but `migrate` run through `guard.call` (migrations may wait on another instance's lock). */
export function guarded<T extends object>(guard: DatabaseGuard, store: T): T {
  const result = { ...store };
  for (const [name, method] of Object.entries(store)) {
    if (name === 'migrate' || typeof method !== 'function') continue;
    Object.assign(result, { [name]: (...args: unknown[]) => guard.call(() => method.apply(store, args)) });
  }
  return result;
}
