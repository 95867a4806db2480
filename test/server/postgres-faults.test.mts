// The server through a bad day, against a real PostgreSQL that this file starts (scripts/postgres.mjs)
// and then restarts, stops, turns into a hot standby and promotes: the process lives, every answer
// during an outage is a 503 with Retry-After, service resumes by itself, nothing acknowledged is
// lost, each cause is reported once. The Pools are set up as the README shows them: no error
// listener, no timeouts; the store must cope with that.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { freePort } from '../../scripts/free-port.mjs';
import { startPostgres, type RunningPostgres } from '../../scripts/postgres.mjs';
import { parseCreateResponse, parseListResponse } from '../../src/api/parse.js';
import {
  createFetchHandler,
  createTokenService,
  postgresStore,
  RETRY_AFTER_SECONDS,
  toNodeListener,
  type FetchHandler,
  type PostgresStoreOptions,
} from '../../src/server/index.js';
import { faultSuite, reportsOf, TEST_TIMEOUT_MS, timed, WITHIN_MS, type FaultKit } from './support/fault-suite.mjs';
import { call, expectProblem } from './support/handler-suite.mjs';
import { rejectsWith } from './support/service-suite.mjs';

let server: RunningPostgres;
const pools: pg.Pool[] = [];
const httpServers: Server[] = [];
before(async () => {
  server = await startPostgres();
});
after(async () => {
  for (const http of httpServers) {
    http.closeAllConnections();
    http.close();
  }
  await Promise.allSettled(pools.map((pool) => pool.end()));
  await server?.stop();
});

/** A Pool as the README shows it (plus `options`): no error listener of ours. */
function readmePool(options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: server.url, ...options });
  pools.push(pool);
  return pool;
}

/** The store, service and handler over `pool`, with what each reports. */
async function stack(pool: pg.Pool, options: PostgresStoreOptions = {}) {
  const storeReports: unknown[] = [];
  const failures: unknown[] = [];
  const store = postgresStore(pool, { timeoutMs: TEST_TIMEOUT_MS, onError: (error) => storeReports.push(error), ...options });
  await store.migrate();
  const service = createTokenService({ store, prefix: 'pat', onError: () => {} });
  const handler = createFetchHandler(service, {
    basePath: '/api/tokens',
    authenticate: (request) => request.headers.get('x-user'),
    onError: (error) => failures.push(error),
  });
  return { store, service, handler, storeReports, failures };
}

async function serve(handler: FetchHandler): Promise<string> {
  const http = createServer(toNodeListener(handler));
  httpServers.push(http);
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

/** A promise and its resolve. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

async function postgresFaultKit(): Promise<FaultKit> {
  const db = readmePool();
  return {
    label: 'PostgreSQL',
    db,
    async holdLock() {
      const client = new pg.Client({ connectionString: server.url });
      client.on('error', () => {});
      await client.connect();
      await client.query('BEGIN');
      await client.query('LOCK TABLE pat_tokens IN ACCESS EXCLUSIVE MODE');
      return async () => {
        await client.query('ROLLBACK');
        await client.end();
      };
    },
    // A real hot standby: restarted with standby.signal, then promoted as a failover ends.
    readOnly: (on) => (on ? server.restart({ standby: true }) : server.promote()),
    close: async () => {},
  };
}

describe('PostgreSQL: faults', () => faultSuite(postgresFaultKit));

describe('PostgreSQL: restarts, failovers, exhaustion', () => {
  it('a Pool with no error listener (the README’s) does not crash the process when PostgreSQL restarts; the cause is reported once', async () => {
    const pool = readmePool();
    const reported = deferred();
    const reports: unknown[] = [];
    postgresStore(pool, {
      onError: (error) => {
        reports.push(error);
        reported.resolve();
      },
    });
    const clients = await Promise.all([1, 2, 3].map(() => pool.connect()));
    for (const client of clients) client.release();
    assert.equal(pool.idleCount, 3, 'three idle connections, each of which will be told 57P01');
    await server.restart();
    await reported.promise;
    assert.equal((await pool.query('SELECT 1 AS one')).rows[0].one, 1, 'the Pool reconnects by itself');
    assert.equal(reportsOf(reports, /57P01/).length, 1, 'three connections ended, one report');
  });

  it(
    'restarted under load: 503 with Retry-After while down, resumes by itself, loses nothing acknowledged, each cause reported once',
    { timeout: 120_000 },
    async () => {
      const { service, handler, storeReports, failures } = await stack(readmePool(), { timeoutMs: 1_000 });
      const url = await serve(handler);
      const user = { 'x-user': 'restart-load' };
      const { secret: known } = await service.create('restart-load', { name: 'known', expiresInDays: 1 });

      const statuses = new Map<number, number>();
      const acknowledged: Array<{ id: string; secret: string }> = [];
      const badOutageAnswers: string[] = [];
      let phase: 'before' | 'after' = 'before';
      let createdAfter = 0;
      const loadIsOn = deferred();
      const recovered = deferred();
      let stop = false;

      const check503 = (response: Response, what: string) => {
        if (response.headers.get('retry-after') !== String(RETRY_AFTER_SECONDS)) badOutageAnswers.push(`${what}: no Retry-After`);
        if (response.headers.get('content-type') !== 'application/problem+json') badOutageAnswers.push(`${what}: not problem+json`);
      };
      const worker = async (n: number) => {
        for (let round = 0; !stop; round += 1) {
          const created = await fetch(`${url}/api/tokens`, {
            method: 'POST',
            headers: { ...user, 'content-type': 'application/json' },
            body: JSON.stringify({ name: `w${n}-${round}`, expiresInDays: 1 }),
          });
          statuses.set(created.status, (statuses.get(created.status) ?? 0) + 1);
          if (created.status === 201) {
            const { token, secret } = parseCreateResponse(await created.json());
            acknowledged.push({ id: token.id, secret });
            if (acknowledged.length >= 8) loadIsOn.resolve();
            if (phase === 'after' && ++createdAfter >= 8) recovered.resolve();
          } else {
            if (created.status === 503) check503(created, 'create');
            await created.body?.cancel();
          }
          const listed = await fetch(`${url}/api/tokens`, { headers: user });
          statuses.set(listed.status, (statuses.get(listed.status) ?? 0) + 1);
          if (listed.status === 503) check503(listed, 'list');
          await listed.body?.cancel();
          await service.verify(known).catch((error) => rejectsWith(Promise.reject(error), 'unavailable'));
        }
      };
      const workers = [1, 2, 3, 4].map(worker);

      await loadIsOn.promise;
      await server.halt();
      const down = await fetch(`${url}/api/tokens`, { headers: user });
      await expectProblem(down, 503);
      assert.equal(down.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
      await rejectsWith(service.verify(known), 'unavailable');
      phase = 'after';
      await server.start();
      await recovered.promise;
      stop = true;
      await Promise.all(workers);

      assert.deepEqual(
        [...statuses.keys()].filter((status) => ![200, 201, 503].includes(status)),
        [],
        `only 200, 201 and 503: ${JSON.stringify([...statuses])}`,
      );
      assert.deepEqual(badOutageAnswers, []);
      assert.deepEqual(failures, [], 'no 500');
      const stored = new Set(parseListResponse(await (await fetch(`${url}/api/tokens`, { headers: user })).json()).tokens.map((t) => t.id));
      assert.deepEqual(
        acknowledged.filter(({ id }) => !stored.has(id)),
        [],
        'every token answered 201 is stored',
      );
      for (const { id, secret } of acknowledged) assert.equal((await service.verify(secret))?.tokenId, id);
      const causes = storeReports.map((report) => String((report as Error).message));
      assert.equal(new Set(causes).size, causes.length, `each cause once: ${causes.join(' | ')}`);
      assert.ok(causes.length >= 1);
    },
  );

  it('pool exhaustion: 503 at the deadline (or at the Pool’s connectionTimeoutMillis), served again when connections return', async () => {
    const pool = readmePool({ max: 2 });
    const { handler, storeReports } = await stack(pool);
    const held = await Promise.all([pool.connect(), pool.connect()]);
    try {
      const { ms, result } = await timed(() => call(handler, 'GET', '/api/tokens'));
      assert.ok(ms >= TEST_TIMEOUT_MS - 5 && ms < WITHIN_MS, `answered after ${Math.round(ms)} ms`);
      const response = (result as PromiseFulfilledResult<Response>).value;
      await expectProblem(response, 503);
      assert.equal(response.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
      assert.equal(reportsOf(storeReports, /did not answer/).length, 1);
    } finally {
      for (const client of held) client.release();
    }
    assert.equal((await call(handler, 'GET', '/api/tokens')).status, 200);

    // With the Pool's own connectionTimeoutMillis below the deadline, the Pool gives up first.
    const bounded = readmePool({ max: 1, connectionTimeoutMillis: 2_000 });
    const { handler: boundedHandler, storeReports: boundedReports } = await stack(bounded, { timeoutMs: 60_000 });
    const only = await bounded.connect();
    try {
      const { ms, result } = await timed(() => call(boundedHandler, 'GET', '/api/tokens'));
      assert.ok(ms < 30_000, `answered after ${Math.round(ms)} ms, not at the store's deadline of 60 s`);
      await expectProblem((result as PromiseFulfilledResult<Response>).value, 503);
      assert.match(String((boundedReports[0] as Error).message), /no free connection in time/);
    } finally {
      only.release();
    }
  });

  it('clients that hang mid-body hold no database connection, and hanging up is no error', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const { service, handler, failures } = await stack(readmePool({ max: 1 }));
    const answered: Array<Promise<Response>> = [];
    const arrivals: Array<{ promise: Promise<void>; resolve: () => void }> = [1, 2, 3].map(() => deferred());
    let arrived = 0;
    const listener = toNodeListener((request) => {
      const answer = handler(request);
      answered.push(answer);
      return answer;
    });
    const http = createServer((req, res) => {
      arrivals[arrived++]?.resolve();
      listener(req, res);
    });
    httpServers.push(http);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const { port } = http.address() as AddressInfo;
    const hung = [1, 2, 3].map(() => {
      const outgoing = httpRequest({
        hostname: '127.0.0.1',
        port,
        path: '/api/tokens',
        method: 'POST',
        headers: { 'x-user': 'hung', 'content-type': 'application/json', 'content-length': '1000' },
      });
      outgoing.on('error', () => {});
      outgoing.write('{"name":"never finished');
      return outgoing;
    });
    await Promise.all(arrivals.map((arrival) => arrival.promise));
    const { ms } = await timed(() => call(handler, 'GET', '/api/tokens', { user: 'hung' }));
    assert.ok(ms < TEST_TIMEOUT_MS, `a request beside three hung ones, on a Pool of one connection, took ${Math.round(ms)} ms`);
    for (const outgoing of hung) outgoing.destroy();
    const statuses = await Promise.all(answered.slice(0, 3).map(async (answer) => (await answer).status));
    assert.deepEqual(statuses, [499, 499, 499]);
    assert.deepEqual(failures, []);
    assert.equal(logged.mock.callCount(), 0);
    assert.deepEqual(await service.list('hung'), []);
  });
});

describe('PostgreSQL: reads on a replica', () => {
  it('a replica that is down: verify and list are answered by the primary, and that is reported once', async () => {
    const deadPort = await freePort();
    const replica = new pg.Pool({ connectionString: `postgres://pat@127.0.0.1:${deadPort}/postgres`, connectionTimeoutMillis: 100 });
    pools.push(replica);
    const { service, storeReports } = await stack(readmePool(), { replica });
    const { token, secret } = await service.create('replica-down', { name: 'a', expiresInDays: 1 });
    for (let n = 0; n < 3; n += 1) {
      assert.equal((await service.verify(secret))?.tokenId, token.id);
      assert.deepEqual(
        (await service.list('replica-down')).map((t) => t.id),
        [token.id],
      );
    }
    assert.equal(storeReports.length, 1);
    assert.match(String((storeReports[0] as Error).message), /the replica refused the connection/);
  });

  it('a replica behind the primary: list shows what the replica has; verify confirms a miss on the primary', async () => {
    // The test's own session, with its own listener: a host's other pools are the host's to guard.
    const admin = new pg.Client({ connectionString: server.url });
    admin.on('error', () => {});
    await admin.connect();
    await admin.query('DROP DATABASE IF EXISTS lagging');
    await admin.query('CREATE DATABASE lagging');
    await admin.end();
    const replica = new pg.Pool({ connectionString: server.url.replace(/\/postgres$/, '/lagging') });
    pools.push(replica);
    await postgresStore(replica).migrate();
    const { service } = await stack(readmePool(), { replica });
    const { token, secret } = await service.create('replica-lag', { name: 'just made', expiresInDays: 1 });
    assert.deepEqual(await service.list('replica-lag'), [], 'the list is the replica’s: it has not seen the token yet');
    assert.equal((await service.verify(secret))?.tokenId, token.id, 'a token made a moment ago verifies at once');
  });
});
