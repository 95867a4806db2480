/**
 * The stores the server's suites run on, behind one interface: the memory store, PGlite
 * (embedded, in memory) and PostgreSQL through `pg` (a real server, started by the test file
 * with scripts/postgres.mjs). Each kit counts the calls that reach its store and its database, so a test can prove
 * that something was decided without a query.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { memoryStore, postgresStore, type MemoryStore, type SqlClient, type TokenStore } from '../../../src/server/index.js';

export interface Counters {
  /** Calls of any `TokenStore` method. */
  storeCalls: number;
  /** Of those, per method. */
  byMethod: Record<string, number>;
  /** SQL statements sent to the database (SQL stores only). */
  sqlQueries: number;
}

export interface StoreKit {
  readonly label: string;
  /** An empty store, with fresh counters. */
  fresh(): Promise<{ store: TokenStore; counters: Counters }>;
  /** Every value of every stored row, as text: bytes as hex, as the database shows them. */
  dump(): Promise<string>;
  /** SQL kits: run a query directly (for invariants a test checks in the tables). */
  sql?(text: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  /** Kits with several connections: one of them to itself, for a transaction held open. */
  connect?(): Promise<SqlClient & { release(): void }>;
  close(): Promise<void>;
}

/** Counts the calls that reach `store` without changing what they do. */
function counted(store: TokenStore, counters: Counters): TokenStore {
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'migrate') return value;
      return (...args: unknown[]) => {
        counters.storeCalls += 1;
        counters.byMethod[String(property)] = (counters.byMethod[String(property)] ?? 0) + 1;
        return value.apply(target, args);
      };
    },
  });
}

const newCounters = (): Counters => ({ storeCalls: 0, byMethod: {}, sqlQueries: 0 });

export function memoryKit(): StoreKit {
  let current: MemoryStore | undefined;
  return {
    label: 'memory store',
    async fresh() {
      const counters = newCounters();
      current = memoryStore();
      return { store: counted(current, counters), counters };
    },
    async dump() {
      return JSON.stringify([current?.records() ?? [], current?.activityRecords() ?? []]);
    },
    async close() {},
  };
}

async function sqlKit(label: string, db: SqlClient, close: () => Promise<void>, connect?: StoreKit['connect']): Promise<StoreKit> {
  await postgresStore(db).migrate();
  const run = async (text: string, params: unknown[] = []) => (await db.query(text, params)).rows as Array<Record<string, unknown>>;
  return {
    label,
    async fresh() {
      await run('TRUNCATE pat_tokens, pat_token_owners, pat_activity');
      const counters = newCounters();
      const countingDb: SqlClient = {
        query(text, params) {
          counters.sqlQueries += 1;
          return db.query(text, params);
        },
      };
      return { store: counted(postgresStore(countingDb), counters), counters };
    },
    async dump() {
      const tables = await run(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      const rows: string[] = [];
      for (const { table_name } of tables) {
        for (const { row } of await run(`SELECT t::text AS row FROM "${String(table_name)}" t`)) rows.push(String(row));
      }
      return rows.join('\n');
    },
    sql: run,
    ...(connect ? { connect } : {}),
    close,
  };
}

export async function pgliteKit(): Promise<StoreKit> {
  const db = new PGlite();
  return sqlKit('PGlite', db, () => db.close());
}

/** postgresStore on a `pg` Pool of 20 connections to `url`, so parallel calls really run in parallel. */
export async function postgresKit(url: string): Promise<StoreKit> {
  const pool = new pg.Pool({ connectionString: url, max: 20 });
  // Stopping the server ends idle connections: not an error of the test.
  pool.on('error', () => {});
  try {
    return await sqlKit(
      'PostgreSQL (pg Pool)',
      pool,
      () => pool.end(),
      () => pool.connect(),
    );
  } catch (error) {
    await pool.end();
    throw error;
  }
}

/** A clock the test moves by hand. */
export function testClock(start = new Date('2026-12-01T12:00:00.000Z')) {
  let time = start.getTime();
  return {
    now: () => new Date(time),
    advance(ms: number) {
      time += ms;
    },
  };
}

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
