// postgresStore's guard on stand-in database clients: which errors are an outage, the deadline,
// one report per cause, a Pool's 'error' events, and reads on a replica with the primary behind it.
// test/server/postgres-faults.test.mts does the same to a real PostgreSQL.
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { describe, it } from 'node:test';
import { outageOf } from '../../src/server/database-guard.js';
import {
  createFetchHandler,
  createTokenService,
  postgresStore,
  RETRY_AFTER_SECONDS,
  SetupError,
  TokenServiceError,
  type SqlClient,
} from '../../src/server/index.js';
import { generateSecret } from '../../src/server/token-format.js';
import { expectProblem } from './support/handler-suite.mjs';
import { rejectsWith } from './support/service-suite.mjs';

/** A pg error as the driver makes it: a message and a SQLSTATE or Node code. */
const failure = (code: string, message = `failure ${code}`) => Object.assign(new Error(message), { code });

/** A database client whose every query does what `answer` says, and which remembers what it was asked. */
function client(answer: (text: string) => Promise<{ rows: unknown[] }>) {
  const asked: string[] = [];
  const db: SqlClient & { asked: string[] } = {
    asked,
    query(text) {
      asked.push(text.trim().split(/\s+/).slice(0, 2).join(' '));
      return answer(text);
    },
  };
  return db;
}
const never = () => new Promise<never>(() => {});
const empty = async () => ({ rows: [] });

describe('which errors are an outage', () => {
  it('the database down, restarting, read-only, out of connections or too slow; not a bug or a constraint', () => {
    const outages = [
      failure('57P01', 'terminating connection due to administrator command'),
      failure('57P03', 'the database system is starting up'),
      failure('25006', 'cannot execute UPDATE in a read-only transaction'),
      failure('08006'),
      failure('53300', 'sorry, too many clients already'),
      failure('57014', 'canceling statement due to statement timeout'),
      failure('55P03', 'canceling statement due to lock timeout'),
      failure('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      failure('ECONNRESET'),
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('PGlite is closed'),
    ];
    for (const error of outages) assert.ok(outageOf(error), error.message);
    const ours = [
      failure('23505', 'duplicate key'),
      failure('42P01', 'relation "pat_tokens" does not exist'),
      new Error('boom'),
      'text',
      null,
    ];
    for (const error of ours) assert.equal(outageOf(error), null, String(error));
  });
});

describe('postgresStore through a bad database', () => {
  it('fails a call as unavailable at its deadline, and reports the cause once for many calls', async () => {
    const reports: unknown[] = [];
    const store = postgresStore(client(never), { timeoutMs: 50, onError: (error) => reports.push(error) });
    const started = performance.now();
    const error = await rejectsWith(store.list('ada', new Date()), 'unavailable');
    const elapsed = performance.now() - started;
    assert.ok(elapsed >= 45 && elapsed < 5_000, `answered after ${elapsed} ms`);
    assert.match(error.message, /did not answer within 50 ms/);
    await Promise.all([1, 2, 3, 4].map(() => rejectsWith(store.findByHash('00'.repeat(32)), 'unavailable')));
    assert.equal(reports.length, 1, 'five failures, one cause, one report');
  });

  it('turns an outage into unavailable (the cause kept), once per distinct cause; other errors pass as they are', async () => {
    let next: Error = failure('57P01');
    const reports: unknown[] = [];
    const store = postgresStore(
      client(async () => {
        throw next;
      }),
      { onError: (error) => reports.push(error) },
    );
    for (let n = 0; n < 5; n += 1) {
      const error = await rejectsWith(store.delete('ada', 'tok_1'), 'unavailable');
      assert.equal((error.cause as Error).message, 'failure 57P01');
    }
    next = failure('ECONNREFUSED');
    for (let n = 0; n < 5; n += 1) await rejectsWith(store.delete('ada', 'tok_1'), 'unavailable');
    assert.deepEqual(
      reports.map((report) => ((report as TokenServiceError).cause as { code: string }).code),
      ['57P01', 'ECONNREFUSED'],
    );

    next = failure('23514', 'new row for relation "pat_tokens" violates check constraint');
    await assert.rejects(store.delete('ada', 'tok_1'), (error) => error === next);
    assert.equal(reports.length, 2, 'a bug is the handler’s 500 to report, not an outage');
  });

  it('names migrate() for a missing table or column (a forgotten or outdated migrate()), reported once per cause', async () => {
    let next: Error = failure('42P01', 'relation "pat_tokens" does not exist');
    const reports: unknown[] = [];
    const store = postgresStore(
      client(async () => {
        throw next;
      }),
      { onError: (error) => reports.push(error) },
    );
    for (let n = 0; n < 3; n += 1) {
      await assert.rejects(store.list('ada', new Date()), (error: unknown) => {
        assert.ok(error instanceof SetupError, String(error));
        assert.match(error.message, /has no pat-elements tables: call `await store\.migrate\(\)` once at start-up/);
        assert.match(error.message, /relation "pat_tokens" does not exist/, 'what PostgreSQL said stays in the log');
        assert.equal(error.cause, next);
        assert.match(error.detail!, /must call migrate\(\)/);
        assert.doesNotMatch(error.detail!, /pat_tokens|relation/, 'a client is told what to do, not the schema');
        return true;
      });
    }
    next = failure('42703', 'column "revoked_at" does not exist');
    await assert.rejects(
      store.findByHash('00'.repeat(32)),
      /older pat-elements schema than this version needs: call `await store\.migrate\(\)`/,
    );
    assert.equal(reports.length, 2, 'once per cause, not once per call');
    assert.ok(reports.every((report) => report instanceof SetupError));
  });

  it('handles a Pool’s error events (an emitter without a listener would throw them), reporting them once', async () => {
    const pool = Object.assign(new EventEmitter(), {
      query: async () => {
        throw failure('57P01');
      },
    });
    const reports: unknown[] = [];
    postgresStore(pool, { onError: (error) => reports.push(error) });
    assert.equal(pool.listenerCount('error'), 1);
    const dropped = failure('57P01', 'terminating connection due to administrator command');
    for (let n = 0; n < 3; n += 1) pool.emit('error', dropped);
    assert.equal(reports.length, 1);
    assert.ok(reports[0] instanceof TokenServiceError);
    assert.equal(reports[0].cause, dropped);
    pool.emit('error', new Error('something else'));
    assert.equal(reports.length, 2, 'an error that is no outage is reported too, as it is');
  });

  it('a hook that throws does not crash the host either', () => {
    const pool = Object.assign(new EventEmitter(), { query: empty });
    postgresStore(pool, {
      onError: () => {
        throw new Error('broken logger');
      },
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      pool.emit('error', failure('57P01'));
    } finally {
      console.error = original;
    }
    assert.equal(logged.length, 1);
  });

  it('refuses a deadline that is not a positive number of milliseconds', () => {
    for (const timeoutMs of [0, -1, Number.NaN, Infinity]) {
      assert.throws(() => postgresStore(client(empty), { timeoutMs }), TypeError, String(timeoutMs));
    }
  });
});

describe('reads on a replica', () => {
  it('sends verify’s lookup and list to the replica, writes to the primary', async () => {
    const primary = client(empty);
    const replica = client(empty);
    const store = postgresStore(primary, { replica });
    const service = createTokenService({ store, prefix: 'pat' });
    await service.list('ada');
    await service.create('ada', { name: 'a', expiresInDays: 1 }).catch(() => {});
    await service.revoke('ada', 'tok_00000000000000000001').catch(() => {});
    assert.deepEqual(replica.asked, ['SELECT id,']);
    // A delete reads its token (the trail keeps its name) where it then writes: on the primary.
    assert.deepEqual(primary.asked, ['WITH slot', 'SELECT id,', 'WITH gone']);
  });

  it('confirms a miss on the primary (a token created a moment ago may not have reached the replica), and not a hit', async () => {
    const row = {
      id: 'tok_1',
      user_id: 'ada',
      name: 'a',
      description: null,
      partial_key: 'pat_abcd',
      scopes: null,
      created_at: new Date(),
      expires_at: null,
      last_used_at: null,
      replaced_by: null,
    };
    const primary = client(async () => ({ rows: [row] }));
    const lagging = client(empty);
    assert.equal((await postgresStore(primary, { replica: lagging }).findByHash('00'.repeat(32)))?.id, 'tok_1');
    assert.deepEqual([lagging.asked.length, primary.asked.length], [1, 1]);

    const current = client(async () => ({ rows: [row] }));
    const untouched = client(empty);
    assert.equal((await postgresStore(untouched, { replica: current }).findByHash('00'.repeat(32)))?.id, 'tok_1');
    assert.equal(untouched.asked.length, 0);
  });

  it('asks the primary when the replica is down, and reports that once', async () => {
    const primary = client(empty);
    const down = client(async () => {
      throw failure('ECONNREFUSED');
    });
    const reports: unknown[] = [];
    const service = createTokenService({
      store: postgresStore(primary, { replica: down, onError: (e) => reports.push(e) }),
      prefix: 'pat',
    });
    for (let n = 0; n < 3; n += 1) assert.deepEqual(await service.list('ada'), []);
    assert.equal(primary.asked.length, 3);
    assert.equal(reports.length, 1);
    assert.match((reports[0] as Error).message, /the replica refused the connection/);
  });
});

describe('an outage, as the service and the handler show it', () => {
  it('verify throws unavailable (never null: an outage is not a bad token); the handler answers 503 with Retry-After', async () => {
    const reports: unknown[] = [];
    const failures: unknown[] = [];
    const store = postgresStore(
      client(async () => {
        throw failure('ECONNREFUSED');
      }),
      { onError: (error) => reports.push(error) },
    );
    const service = createTokenService({ store, prefix: 'pat' });
    await rejectsWith(service.verify(generateSecret('pat')), 'unavailable');
    const handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: () => 'ada', onError: (e) => failures.push(e) });
    const requests: Array<[string, string, unknown?]> = [
      ['GET', '/api/tokens'],
      ['HEAD', '/api/tokens'],
      ['POST', '/api/tokens', { name: 'a', expiresInDays: 1 }],
      ['DELETE', '/api/tokens/tok_00000000000000000001'],
      ['POST', '/api/tokens/tok_00000000000000000001/rotate', { expiresInDays: 1 }],
    ];
    for (const [method, path, body] of requests) {
      const response = await handler(
        new Request(`http://host${path}`, {
          method,
          ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
        }),
      );
      assert.equal(response.headers.get('retry-after'), String(RETRY_AFTER_SECONDS), `${method} ${path}`);
      if (method === 'HEAD') assert.equal(response.status, 503);
      else {
        const problem = await expectProblem(response, 503);
        assert.doesNotMatch(JSON.stringify(problem), /ECONNREFUSED|database/, 'nothing internal');
      }
    }
    assert.equal(failures.length, 0, 'an outage is no 500: the handler reports nothing');
    assert.equal(reports.length, 1, 'the store reported it, once');
  });
});
