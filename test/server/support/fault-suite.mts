/**
 * The SQL stores through a bad day, run on PGlite and on PostgreSQL: a lock held on the tokens
 * table (every call answers `unavailable` at its deadline: 503 with Retry-After, reported once,
 * and service resumes when it is released), and a read-only database (a hot standby, a failover:
 * `verify` still answers, writes are 503, and `lastUsedAt` is written once it can be).
 *
 * Deadlines are short (300 ms), so the suite costs seconds; each bound is checked against what
 * would happen without the deadline (the lock is never released), not against a tight clock, so
 * a loaded machine does not make it flaky.
 */
import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import {
  createFetchHandler,
  createTokenService,
  postgresStore,
  RETRY_AFTER_SECONDS,
  TokenServiceError,
  type FetchHandler,
  type SqlClient,
  type TokenService,
} from '../../../src/server/index.js';
import { call, expectProblem } from './handler-suite.mjs';
import { rejectsWith } from './service-suite.mjs';

export interface FaultKit {
  readonly label: string;
  /** The database the store under test uses, set up as a host would (a Pool with no error listener). */
  readonly db: SqlClient;
  /** Takes an exclusive lock on pat_tokens, from another session, until the returned function is called. */
  holdLock(): Promise<() => Promise<void>>;
  /** Makes the database refuse writes (a hot standby), or take them again. */
  readOnly(on: boolean): Promise<void>;
  close(): Promise<void>;
}

/** Each store call's deadline in these tests. */
export const TEST_TIMEOUT_MS = 300;
/** Far below "never", far above a deadline: what a 503 must come within while a lock is held. */
export const WITHIN_MS = 5_000;

/** `work`'s duration in milliseconds, and what it settled to. */
export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: PromiseSettledResult<T> }> {
  const started = performance.now();
  const [result] = await Promise.allSettled([work()]);
  return { ms: performance.now() - started, result: result! };
}

/** The `unavailable` reports among `reports` whose cause has this SQLSTATE or name. */
export const reportsOf = (reports: unknown[], pattern: RegExp) =>
  reports.filter((report) => pattern.test(String((report as Error).message)) || pattern.test(String((report as Error).cause)));

export function faultSuite(makeKit: () => Promise<FaultKit>): void {
  let kit: FaultKit;
  let service: TokenService;
  let handler: FetchHandler;
  /** What the store reported (database trouble), the service (uses not recorded) and the handler (500s). */
  const storeReports: unknown[] = [];
  const serviceReports: unknown[] = [];
  const failures: unknown[] = [];

  before(async () => {
    kit = await makeKit();
    const store = postgresStore(kit.db, { timeoutMs: TEST_TIMEOUT_MS, onError: (error) => storeReports.push(error) });
    await store.migrate();
    service = createTokenService({ store, prefix: 'pat', onError: (error) => serviceReports.push(error) });
    handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: () => 'ada', onError: (error) => failures.push(error) });
  });
  after(async () => {
    await service?.flushUsage();
    await kit?.close();
  });

  it('a held lock: each call answers 503 with Retry-After (verify: unavailable) at its deadline, reported once; then service resumes', async () => {
    const { secret } = await service.create('ada', { name: 'before the lock', expiresInDays: 1 });
    storeReports.length = 0;
    const release = await kit.holdLock();
    try {
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['list', () => call(handler, 'GET', '/api/tokens')],
        ['create', () => call(handler, 'POST', '/api/tokens', { body: { name: 'during the lock', expiresInDays: 1 } })],
        ['verify', () => service.verify(secret)],
      ];
      for (const [name, work] of calls) {
        const { ms, result } = await timed(work);
        assert.ok(ms >= TEST_TIMEOUT_MS - 5 && ms < WITHIN_MS, `${name} answered after ${Math.round(ms)} ms`);
        if (name === 'verify') {
          assert.equal(result.status, 'rejected', 'verify throws: a lock is no bad token');
          await rejectsWith(Promise.reject((result as PromiseRejectedResult).reason), 'unavailable');
        } else {
          const response = (result as PromiseFulfilledResult<Response>).value;
          await expectProblem(response, 503);
          assert.equal(response.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
        }
      }
      assert.equal(storeReports.length, 1, 'three calls past their deadline, one report');
      assert.match((storeReports[0] as Error).message, new RegExp(`did not answer within ${TEST_TIMEOUT_MS} ms`));
    } finally {
      await release();
    }
    assert.equal((await call(handler, 'GET', '/api/tokens')).status, 200, 'resumed by itself');
    assert.equal((await service.verify(secret))?.userId, 'ada');
    assert.deepEqual(failures, [], 'no 500');
  });

  it('a read-only database: verify answers, writes are 503, the unrecorded use is reported once and written once it can be', async () => {
    const { token, secret } = await service.create('ada', { name: 'used on the standby', expiresInDays: 1 });
    await kit.readOnly(true);
    try {
      storeReports.length = 0;
      serviceReports.length = 0;
      for (let n = 0; n < 3; n += 1) {
        assert.equal((await service.verify(secret))?.tokenId, token.id, 'verify does not fail for the write');
        await service.flushUsage();
      }
      const refused = await call(handler, 'POST', '/api/tokens', { body: { name: 'refused', expiresInDays: 1 } });
      await expectProblem(refused, 503);
      assert.equal(refused.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
      const listed = await call(handler, 'GET', '/api/tokens');
      assert.equal(listed.status, 200, 'reads still work');

      assert.equal(reportsOf(storeReports, /25006/).length, 1, 'the store: read-only, once');
      assert.equal(serviceReports.length, 1, 'the service: uses not recorded, once');
      assert.ok((serviceReports[0] as Error).cause instanceof TokenServiceError);
    } finally {
      await kit.readOnly(false);
    }
    await service.flushUsage();
    const [listed] = (await service.list('ada')).filter((t) => t.id === token.id);
    assert.ok(listed?.lastUsedAt, 'the use kept during the outage was written after it');
    assert.equal((await call(handler, 'POST', '/api/tokens', { body: { name: 'after', expiresInDays: 1 } })).status, 201);
    assert.deepEqual(failures, [], 'no 500');
  });
}

/** PGlite in memory: one session, so the lock is a transaction the store's queries wait behind. */
export async function pgliteFaultKit(): Promise<FaultKit> {
  const db = new PGlite();
  return {
    label: 'PGlite',
    db,
    async holdLock() {
      let locked!: () => void;
      let release!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      const done = db.transaction(async (tx) => {
        await tx.query('LOCK TABLE pat_tokens IN ACCESS EXCLUSIVE MODE');
        locked();
        await released;
      });
      await isLocked;
      return async () => {
        release();
        await done;
      };
    },
    async readOnly(on) {
      await db.query(`SET default_transaction_read_only = ${on ? 'on' : 'off'}`);
    },
    close: () => db.close(),
  };
}
