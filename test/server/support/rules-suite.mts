/**
 * The server's rules on every path, run on every store kit: at most one predecessor in a grace
 * period (so at most twice the maximum of working secrets), one input rule for text before any
 * store, ids not shaped like ours answered without a query, and `maintain()`.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  createFetchHandler,
  createTokenService,
  postgresStore,
  type MaintenanceReport,
  type TokenPolicy,
  type TokenService,
  type TokenServiceOptions,
  type TokenStore,
} from '../../../src/server/index.js';
import { call, expectProblem } from './handler-suite.mjs';
import { DAY, HOUR, MINUTE, testClock, type Counters, type StoreKit } from './kits.mjs';
import { rejectsWith } from './service-suite.mjs';

/** The step called `name` of a `maintain()` report. */
export const stepOf = (report: MaintenanceReport, name: string) => report.steps.find((step) => step.step === name)!;

/**
 * `sql`: the kit stores tokens in SQL tables, whose per-user counters a test can break by hand;
 * `connections`: it has several, so one can hold a transaction open while another works.
 */
export function rulesSuite(makeKit: () => Promise<StoreKit>, { sql, connections = false }: { sql: boolean; connections?: boolean }): void {
  let kit: StoreKit;
  let store: TokenStore;
  let counters: Counters;
  let clock: ReturnType<typeof testClock>;
  let service: TokenService;

  const make = (policy: TokenPolicy = {}, options: Partial<TokenServiceOptions> = {}) =>
    createTokenService({ store, prefix: 'pat', clock: clock.now, usage: false, ...options, policy }); // no lastUsedAt here: nothing pending when the kit closes
  const resetCounters = () => {
    counters.storeCalls = 0;
    counters.sqlQueries = 0;
    counters.byMethod = {};
  };
  /** How many of `secrets` verify now. */
  const working = async (secrets: string[], on = service) => {
    let count = 0;
    for (const secret of secrets) if (await on.verify(secret)) count += 1;
    return count;
  };
  /** Every row the store keeps for `userId`, listed or not (SQL: the table; memory: its records). */
  const storedRows = async (userId: string) => {
    if (kit.sql) return (await kit.sql(`SELECT count(*)::int AS n FROM pat_tokens WHERE user_id = $1`, [userId]))[0]!.n as number;
    return ((store as unknown as { records(): Array<{ userId: string }> }).records?.() ?? []).filter((r) => r.userId === userId).length;
  };
  const liveCounter = async (userId: string) =>
    (await kit.sql!(`SELECT live_tokens FROM pat_token_owners WHERE user_id = $1`, [userId]))[0]?.live_tokens as number | undefined;

  before(async () => {
    kit = await makeKit();
  });
  after(async () => {
    await kit.close();
  });
  beforeEach(async () => {
    ({ store, counters } = await kit.fresh());
    clock = testClock();
    service = make();
  });

  describe('at most one predecessor in a grace period', () => {
    it('regenerating a token again ends its predecessor’s grace at once', async () => {
      const first = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      const second = await service.rotate('ada', first.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      assert.ok(await service.verify(first.secret), 'the first secret works in its grace period');
      clock.advance(MINUTE);
      const third = await service.rotate('ada', second.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      assert.equal(await service.verify(first.secret), null, 'the first secret stopped at the second regeneration');
      assert.ok(await service.verify(second.secret), 'the second works through its own grace period');
      assert.ok(await service.verify(third.secret));
      assert.deepEqual(
        (await service.list('ada')).map((t) => t.id),
        [third.token.id, second.token.id],
      );
      assert.equal(await storedRows('ada'), 2, 'the first token’s row is gone, not just hidden');
    });

    it('5 tokens regenerated 40 times each with a 168 h grace: at most 2 × 5 secrets work, and the list holds 10', async () => {
      const limited = make({ maxTokensPerUser: 5 });
      const secrets: string[] = [];
      const current: string[] = [];
      for (let n = 0; n < 5; n += 1) {
        const { token, secret } = await limited.create('ada', { name: `t${n}`, expiresInDays: 30 });
        secrets.push(secret);
        current.push(token.id);
      }
      for (let round = 0; round < 40; round += 1) {
        for (let n = 0; n < 5; n += 1) {
          const { token, secret } = await limited.rotate('ada', current[n]!, { expiresInDays: 30, gracePeriodHours: 168 });
          secrets.push(secret);
          current[n] = token.id;
        }
      }
      assert.equal(secrets.length, 205);
      assert.equal(await working(secrets, limited), 10, 'each token and its one predecessor');
      assert.equal((await limited.list('ada')).length, 10);
      assert.equal(await storedRows('ada'), 10);
    });

    it('a regeneration without grace, and a delete, end the predecessor’s grace too', async () => {
      const a = await service.create('ada', { name: 'a', expiresInDays: 30 });
      const a2 = await service.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      await service.rotate('ada', a2.token.id, { expiresInDays: 30 });
      assert.equal(await service.verify(a.secret), null, 'no grace: both old secrets stop');
      assert.equal(await service.verify(a2.secret), null);

      const b = await service.create('ada', { name: 'b', expiresInDays: 30 });
      const b2 = await service.rotate('ada', b.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      await service.revoke('ada', b2.token.id);
      assert.equal(await service.verify(b.secret), null, 'deleting a token ends the grace of the one it replaced');
      assert.deepEqual(
        (await service.list('ada')).map((t) => t.name),
        ['a'],
      );
    });

    it('a regeneration that fails changes nothing: the predecessor keeps its grace', async () => {
      const a = await service.create('ada', { name: 'a', expiresInDays: 30 });
      const a2 = await service.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      await rejectsWith(service.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 24 }), 'already-replaced');
      await rejectsWith(service.rotate('ada', a2.token.id, { expiresInDays: 30, gracePeriodHours: 500 }), 'invalid-request');
      await rejectsWith(service.rotate('grace', a2.token.id, { expiresInDays: 30, gracePeriodHours: 24 }), 'not-found');
      await rejectsWith(service.revoke('grace', a2.token.id), 'not-found');
      assert.ok(await service.verify(a.secret), 'still in its grace period');
      assert.equal((await service.list('ada')).length, 2);
    });

    it('parallel regenerations and deletes never leave more than one predecessor per token', async () => {
      const limited = make({ maxTokensPerUser: 6 });
      const made = await Promise.all(Array.from({ length: 6 }, (_, n) => limited.create('ada', { name: `p${n}`, expiresInDays: 30 })));
      let ids = made.map(({ token }) => token.id);
      for (let round = 0; round < 4; round += 1) {
        const results = await Promise.allSettled([
          ...ids.map((id) => limited.rotate('ada', id, { expiresInDays: 30, gracePeriodHours: 24 })),
          ...ids.map((id) => limited.rotate('ada', id, { expiresInDays: 30, gracePeriodHours: round % 2 ? 0 : 24 })),
          limited.revoke('ada', ids[round]!),
        ]);
        const winners = results.flatMap((result) => (result.status === 'fulfilled' && result.value ? [result.value.token.id] : []));
        ids = [...new Set(winners)];
      }
      const listed = await limited.list('ada');
      const live = new Set(listed.filter((t) => t.replacedBy === null).map((t) => t.id));
      const inGrace = listed.filter((t) => t.replacedBy !== null);
      assert.ok(live.size <= 6, `${live.size} live tokens`);
      for (const token of inGrace) assert.ok(live.has(token.replacedBy!), 'a token in its grace period leads to a live token');
      assert.equal(new Set(inGrace.map((t) => t.replacedBy)).size, inGrace.length, 'no token has two predecessors');
      assert.ok(listed.length <= 12);
    });
  });

  describe('one input rule for text, before any store', () => {
    const refused: Array<[string, Record<string, unknown>, string, RegExp]> = [
      ['NUL in a name', { name: 'ci\u0000deploy' }, 'name', /control characters/],
      ['a terminal escape in a name', { name: '\u001b[31mred' }, 'name', /control characters/],
      ['a tab in a name', { name: 'ci\tdeploy' }, 'name', /control characters/],
      ['a C1 control in a name', { name: 'ci\u0085deploy' }, 'name', /control characters/],
      ['a line separator in a name', { name: 'ci\u2028deploy' }, 'name', /control characters/],
      ['an RTL override in a name', { name: 'abc\u202Egpj.exe' }, 'name', /direction/],
      ['a directional isolate in a name', { name: 'abc\u2067x\u2069' }, 'name', /direction/],
      ['a lone high surrogate in a name', { name: 'ab\uD83D' }, 'name', /broken character/],
      ['a lone low surrogate in a name', { name: '\uDE00ab' }, 'name', /broken character/],
      ['a name of zero-width characters', { name: '\u200B\u200C\u200D\u2060' }, 'name', /required/],
      ['a name of a BOM, a soft hyphen and fillers', { name: ' \uFEFF\u00AD\u3164\u115F ' }, 'name', /required/],
      ['a name of blank Braille and variation selectors', { name: '\u2800\uFE0F' }, 'name', /required/],
      ['NUL in a description', { name: 'ok', description: 'a\u0000b' }, 'description', /control characters/],
      ['a terminal escape in a description', { name: 'ok', description: 'x\u001b]8;;http://evil\u0007' }, 'description', /control/],
      ['an RTL override in a description', { name: 'ok', description: 'see \u202Efdp.exe' }, 'description', /direction/],
      ['a lone surrogate in a description', { name: 'ok', description: 'x\uDC00' }, 'description', /broken character/],
    ];
    for (const [what, fields, field, message] of refused) {
      it(`refuses ${what} with a message on ${field}, and stores nothing`, async () => {
        const error = await rejectsWith(service.create('ada', { expiresInDays: 30, ...fields } as never), 'invalid-request');
        assert.deepEqual(Object.keys(error.fieldErrors ?? {}), [field]);
        assert.match(error.fieldErrors![field]!, message);
        assert.equal(counters.storeCalls, 0, 'no store was asked');
        assert.equal(counters.sqlQueries, 0, 'no query was sent');
      });
    }

    it('keeps every other text exactly, alike on every store: scripts, emoji, marks, line breaks in a description', async () => {
      const name = 'Déploiement 🚀 عربي\u200F 日本語 e\u0301';
      const description = 'line one\nline two\r\n\tindented — ok';
      const { token } = await service.create('ada', { name, description, expiresInDays: 30 });
      assert.equal(token.name, name);
      assert.equal(token.description, description);
      const [listed] = await service.list('ada');
      assert.equal(listed?.name, name, 'the store gives back what it was given');
      assert.equal(listed?.description, description);
    });

    it('a description that shows nothing is no description', async () => {
      const { token } = await service.create('ada', { name: 'ok', description: '\u200B \u2060', expiresInDays: 30 });
      assert.equal(token.description, null);
    });

    it('over HTTP: 422 problem+json naming the field, never echoing the value', async () => {
      const handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: (request) => request.headers.get('x-user') });
      const response = await call(handler, 'POST', '/api/tokens', {
        body: { name: 'pat_SECRETSECRET\u202Egpj.exe', description: 'x\u0000', expiresInDays: 30 },
      });
      const problem = await expectProblem(response, 422);
      assert.deepEqual(Object.keys(problem.errors ?? {}).sort(), ['description', 'name']);
      assert.ok(!JSON.stringify(problem).includes('SECRET'), 'no submitted value in the answer');
      assert.equal(counters.storeCalls, 0);
    });

    it('a user id no store could keep alike is a host error, before the store', async () => {
      for (const userId of ['ada\u0000', 'ada\uD800', '\u001b']) {
        await assert.rejects(service.list(userId), TypeError);
        await assert.rejects(service.create(userId, { name: 'x', expiresInDays: 1 }), TypeError);
      }
      assert.equal(counters.storeCalls, 0);
    });
  });

  describe('an id not shaped like ours', () => {
    const notOurs = [
      'tok_missing',
      'tok_' + 'a'.repeat(19),
      'tok_' + 'a'.repeat(21),
      'TOK_' + 'a'.repeat(20),
      'tok_' + 'a'.repeat(19) + '\u0000',
      'tok_' + 'a'.repeat(19) + '\uD800',
      "tok_aaaaaaaaaaaaaaaa'--",
      '../../etc/passwd',
      '',
    ];

    it('is "not found" on rotate and revoke, with zero store calls and zero queries', async () => {
      await service.create('ada', { name: 'a', expiresInDays: 30 });
      resetCounters();
      for (const id of notOurs) {
        await rejectsWith(service.rotate('ada', id, { expiresInDays: 30, gracePeriodHours: 1 }), 'not-found');
        await rejectsWith(service.revoke('ada', id), 'not-found');
      }
      assert.equal(counters.storeCalls, 0, 'the store was called');
      assert.equal(counters.sqlQueries, 0, 'the database was queried');
    });

    it('over HTTP: 404, as for a token that does not exist, without a query', async () => {
      const handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: (request) => request.headers.get('x-user') });
      const { token } = await service.create('ada', { name: 'a', expiresInDays: 30 });
      resetCounters();
      // A lone surrogate cannot be percent-encoded: its would-be UTF-8 bytes stand in.
      const segment = (id: string) =>
        id.replace('\uD800', '\uFFFD').replace(/[^A-Za-z0-9_]/g, (c) => (c === '\uFFFD' ? '%ED%A0%80' : encodeURIComponent(c)));
      for (const id of notOurs.filter(Boolean)) {
        const path = `/api/tokens/${segment(id)}`;
        await expectProblem(await call(handler, 'DELETE', path), 404);
        await expectProblem(await call(handler, 'POST', `${path}/rotate`, { body: { expiresInDays: 30 } }), 404);
      }
      assert.equal(counters.storeCalls, 0);
      assert.equal(counters.sqlQueries, 0);
      assert.equal((await call(handler, 'DELETE', `/api/tokens/${token.id}`)).status, 204, 'an id of ours still reaches the store');
      assert.equal(counters.byMethod.delete, 1);
    });
  });

  describe('maintain()', () => {
    const stepOf = (report: MaintenanceReport, name: string) => report.steps.find((step) => step.step === name);

    it('deletes tokens expired for the retention period, gives their slots back, and reports it', async () => {
      const limited = make({ maxTokensPerUser: 3, expiredRetentionDays: 7 });
      await limited.create('ada', { name: 'expires day 1', expiresInDays: 1 });
      await limited.create('ada', { name: 'expires day 5', expiresInDays: 5 });
      await limited.create('ada', { name: 'expires day 30', expiresInDays: 30 });
      await limited.create('grace', { name: 'hers, day 1', expiresInDays: 1 });
      clock.advance(8 * DAY);
      await rejectsWith(limited.create('ada', { name: 'full', expiresInDays: 30 }), 'token-limit');

      const report = await limited.maintain();
      assert.equal(report.at, clock.now().toISOString());
      assert.deepEqual(
        report.steps.map(({ step, counts }) => [step, counts]),
        [
          ['expiry-events', { recorded: 3 }],
          ['expired', { deleted: 2 }],
          ['revoked', { deleted: 0 }],
          ['past-grace', { deleted: 0 }],
          ['expiry-reminders', {}],
          ['activity', { deleted: 0 }],
          ['live-token-counts', kit.sql ? { corrected: 0 } : {}],
        ],
      );
      assert.deepEqual(
        (await limited.list('ada')).map((t) => t.name).sort(),
        ['expires day 30', 'expires day 5'],
        'expired for 7 days or more: gone; expired 3 days ago: still listed',
      );
      assert.deepEqual(await limited.list('grace'), []);
      await limited.create('ada', { name: 'fits again', expiresInDays: 30 });
      await rejectsWith(limited.create('ada', { name: 'and no more', expiresInDays: 30 }), 'token-limit');
      if (kit.sql) assert.equal(await liveCounter('ada'), 3, 'the counter agrees with the rows');
    });

    it('deletes replaced tokens past their grace period, which the list already hid', async () => {
      const a = await service.create('ada', { name: 'a', expiresInDays: 30 });
      await service.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 2 });
      clock.advance(2 * HOUR);
      assert.equal((await service.list('ada')).length, 1);
      assert.equal(await storedRows('ada'), 2, 'the old row is still stored');
      const report = await service.maintain();
      assert.deepEqual(stepOf(report, 'past-grace'), { step: 'past-grace', counts: { deleted: 1 } });
      assert.equal(await storedRows('ada'), 1);
    });

    it('an expired token goes with its predecessor still in its grace period', async () => {
      const now = make({ expiredRetentionDays: 0 });
      const a = await now.create('ada', { name: 'a', expiresInDays: 30 });
      await now.rotate('ada', a.token.id, { expiresInDays: 1, gracePeriodHours: 168 });
      clock.advance(DAY);
      assert.ok(await now.verify(a.secret), 'the successor expired; the old one is in its grace period');
      const report = await now.maintain();
      assert.deepEqual(stepOf(report, 'expired'), { step: 'expired', counts: { deleted: 2 } });
      assert.equal(await now.verify(a.secret), null);
      assert.equal(await storedRows('ada'), 0);
    });

    it('is idempotent: a second run finds nothing to do', async () => {
      await service.create('ada', { name: 'a', expiresInDays: 1 });
      clock.advance(40 * DAY);
      assert.equal(stepOf(await service.maintain(), 'expired')?.counts.deleted, 1);
      const again = await service.maintain();
      for (const step of again.steps) for (const count of Object.values(step.counts)) assert.equal(count, 0, step.step);
    });

    it('keeps expired tokens when the policy says so, and says it skipped them', async () => {
      const keeper = make({ expiredRetentionDays: null });
      await keeper.create('ada', { name: 'a', expiresInDays: 1 });
      clock.advance(400 * DAY);
      const report = await keeper.maintain();
      assert.deepEqual(stepOf(report, 'expired'), {
        step: 'expired',
        counts: {},
        skipped: 'the policy keeps expired tokens (expiredRetentionDays: null)',
      });
      assert.equal((await keeper.list('ada')).length, 1);
    });

    it('runs on a store without the maintenance methods, skipping their steps and saying so', async () => {
      const {
        purgeExpired: _a,
        purgePastGrace: _b,
        recountLiveTokens: _c,
        claimExpired: _d,
        claimExpiryReminders: _e,
        pruneActivity: _f,
        purgeRevoked: _g,
        ...older
      } = store;
      const report = await make({}, { store: older as TokenStore, expiryReminders: { notify() {} } }).maintain();
      assert.deepEqual(
        report.steps.map((step) => [step.step, step.skipped]),
        [
          ['expiry-events', 'the store has no claimExpired()'],
          ['expired', 'the store has no purgeExpired()'],
          ['revoked', 'the store has no purgeRevoked()'],
          ['past-grace', 'the store has no purgePastGrace()'],
          ['expiry-reminders', 'the store has no claimExpiryReminders()'],
          ['activity', 'the store has no pruneActivity()'],
          ['live-token-counts', 'the store keeps no count of live tokens (no recountLiveTokens())'],
        ],
      );
    });

    it('parallel runs (several processes) delete each row once and leave every count right', async () => {
      const limited = make({ maxTokensPerUser: 50, expiredRetentionDays: 0 });
      for (const user of ['ada', 'grace', 'linus']) {
        await Promise.all(Array.from({ length: 30 }, (_, n) => limited.create(user, { name: `s${n}`, expiresInDays: 1 })));
        await Promise.all(Array.from({ length: 10 }, (_, n) => limited.create(user, { name: `l${n}`, expiresInDays: 90 })));
      }
      const someLong = (await limited.list('ada')).filter((t) => t.name.startsWith('l')).slice(0, 5);
      for (const { id } of someLong) await limited.rotate('ada', id, { expiresInDays: 90, gracePeriodHours: 1 });
      clock.advance(DAY);
      const reports = await Promise.all(Array.from({ length: 4 }, () => limited.maintain()));
      const total = (step: string) => reports.reduce((sum, r) => sum + (r.steps.find((s) => s.step === step)?.counts.deleted ?? 0), 0);
      assert.equal(total('expired'), 90, 'each expired token deleted by exactly one run');
      assert.equal(total('past-grace'), 5);
      for (const user of ['ada', 'grace', 'linus']) {
        assert.equal((await limited.list(user)).length, 10, user);
        if (kit.sql) assert.equal(await liveCounter(user), 10, `${user}’s counter`);
      }
    });

    if (sql) {
      it('corrects a per-user count left wrong by rows deleted or counters changed by hand', async () => {
        const limited = make({ maxTokensPerUser: 4 });
        for (let n = 0; n < 4; n += 1) await limited.create('ada', { name: `a${n}`, expiresInDays: 1 });
        await limited.create('grace', { name: 'g', expiresInDays: 30 });
        await limited.create('linus', { name: 'l', expiresInDays: 30 });
        await kit.sql!(`DELETE FROM pat_tokens WHERE user_id = 'ada' AND name IN ('a0', 'a1')`);
        await kit.sql!(`UPDATE pat_token_owners SET live_tokens = 0 WHERE user_id = 'grace'`);
        await kit.sql!(`DELETE FROM pat_token_owners WHERE user_id = 'linus'`);
        await rejectsWith(limited.create('ada', { name: 'blocked', expiresInDays: 1 }), 'token-limit');

        const report = await limited.maintain();
        assert.deepEqual(stepOf(report, 'live-token-counts'), { step: 'live-token-counts', counts: { corrected: 3 } });
        assert.equal(await liveCounter('ada'), 2);
        assert.equal(await liveCounter('grace'), 1);
        assert.equal(await liveCounter('linus'), 1);
        await limited.create('ada', { name: 'a4', expiresInDays: 1 });
        await limited.create('ada', { name: 'a5', expiresInDays: 1 });
        await rejectsWith(limited.create('ada', { name: 'one too many', expiresInDays: 1 }), 'token-limit');
        assert.deepEqual(stepOf(await limited.maintain(), 'live-token-counts')?.counts, { corrected: 0 });
      });
    }
    if (sql && connections) {
      it('a recount never writes a count older than a create that committed while it ran', async () => {
        const limited = make({ maxTokensPerUser: 20 });
        for (let n = 0; n < 12; n += 1) await limited.create('ada', { name: `t${n}`, expiresInDays: 1 });
        // Six rows deleted by hand: the counter says 12, the rows 6.
        await kit.sql!(`DELETE FROM pat_tokens WHERE user_id = 'ada' AND name IN ('t0', 't1', 't2', 't3', 't4', 't5')`);

        // A create in flight on its own connection: its slot taken and its row written, not committed.
        const connection = await kit.connect!();
        try {
          await connection.query('BEGIN');
          const { secret } = await createTokenService({ store: postgresStore(connection), prefix: 'pat', clock: clock.now }).create('ada', {
            name: 'in flight',
            expiresInDays: 1,
          });
          const running = limited.maintain();
          // The recount read the rows without it, and now waits for that create's lock on the counter.
          while (Number((await kit.sql!(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`))[0]!.n) === 0);
          await connection.query('COMMIT');
          const report = await running;
          assert.deepEqual(
            stepOf(report, 'live-token-counts')?.counts,
            { corrected: 0 },
            'the counter changed under it: left for the next run',
          );
          assert.ok(await limited.verify(secret), 'the create went through');
        } finally {
          connection.release();
        }
        const rows = Number((await kit.sql!(`SELECT count(*)::int AS n FROM pat_tokens WHERE user_id = 'ada'`))[0]!.n);
        assert.equal(rows, 7);
        assert.ok((await liveCounter('ada'))! >= rows, 'never a count below the rows, which would let creates past the maximum');
        assert.deepEqual(stepOf(await limited.maintain(), 'live-token-counts')?.counts, { corrected: 1 }, 'the next run corrects it');
        assert.equal(await liveCounter('ada'), 7);
        await Promise.allSettled(Array.from({ length: 20 }, (_, n) => limited.create('ada', { name: `fill ${n}`, expiresInDays: 1 })));
        assert.equal((await limited.list('ada')).length, 20, 'filled to exactly the maximum');
      });
    }
  });
}
