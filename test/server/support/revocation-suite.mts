/**
 * Revocation by the system, run on every store kit: a leaked secret revoked at once (through the
 * service and through GitHub's signed reports), `revokeAll` of an account, and what a revoked
 * token is afterwards: listed with why and when, never verifying, not rotatable, deletable, holding
 * no slot, and removed by `maintain()` after its retention period.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { parseListResponse } from '../../../src/api/parse.js';
import {
  createFetchHandler,
  createTestSecretScanner,
  createTokenService,
  postgresStore,
  type FetchHandler,
  type LeakEvent,
  type RevocationEvent,
  type SecretScanningKeys,
  type TestSecretScanner,
  type TokenPolicy,
  type TokenService,
  type TokenActivity,
  type TokenServiceOptions,
  type TokenStore,
} from '../../../src/server/index.js';
import { generateSecret } from '../../../src/server/token-format.js';
import { call, expectProblem } from './handler-suite.mjs';
import { DAY, HOUR, MINUTE, testClock, type Counters, type StoreKit } from './kits.mjs';
import { stepOf } from './rules-suite.mjs';
import { rejectsWith } from './service-suite.mjs';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const FOUND_AT = 'https://github.com/octo/app/blob/4b1d0c5/config/deploy.yml#L3';

/** `connections`: the kit has several, so one can hold a transaction open while another works. */
export function revocationSuite(makeKit: () => Promise<StoreKit>, { connections = false }: { connections?: boolean } = {}): void {
  let kit: StoreKit;
  let store: TokenStore;
  let counters: Counters;
  let clock: ReturnType<typeof testClock>;
  let service: TokenService;
  let events: RevocationEvent[];

  const made: TokenService[] = [];
  const make = (policy: TokenPolicy = {}, options: Partial<TokenServiceOptions> = {}) => {
    const each = createTokenService({
      store,
      prefix: 'pat',
      clock: clock.now,
      onRevocation: (event) => void events.push(event),
      ...options,
      policy,
    });
    made.push(each);
    return each;
  };
  const liveCounter = async (userId: string) =>
    Number((await kit.sql!(`SELECT live_tokens FROM pat_token_owners WHERE user_id = $1`, [userId]))[0]?.live_tokens ?? 0);
  const resetCounters = () => {
    counters.storeCalls = 0;
    counters.sqlQueries = 0;
    counters.byMethod = {};
  };

  before(async () => {
    kit = await makeKit();
  });
  after(async () => {
    await kit.close();
  });
  beforeEach(async () => {
    ({ store, counters } = await kit.fresh());
    clock = testClock();
    events = [];
    service = make();
  });
  afterEach(async () => {
    await Promise.all(made.splice(0).map((each) => each.flushUsage()));
  });

  describe('a leaked secret (revokeLeaked)', () => {
    it('is revoked at once with reason "leaked" and the URL, stays listed, and never verifies again', async () => {
      const { token, secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      clock.advance(MINUTE);
      const other = await service.create('ada', { name: 'other', expiresInDays: 30 });
      assert.ok(await service.verify(secret));
      clock.advance(HOUR);

      const [result] = await service.revokeLeaked([{ secret, url: FOUND_AT, source: 'commit' }]);
      assert.equal(result?.outcome, 'revoked');
      assert.equal(result?.secretHash, sha256(secret));
      assert.equal(result?.userId, 'ada');
      const revocation = { at: clock.now().toISOString(), reason: 'leaked', url: FOUND_AT };
      assert.deepEqual(result?.token?.revocation, revocation);

      assert.equal(await service.verify(secret), null);
      assert.deepEqual(await service.check(secret), { ok: false, reason: 'revoked' });
      const { tokens: listed } = parseListResponse({ tokens: await service.list('ada') });
      assert.deepEqual(
        listed.map((t) => [t.id, t.revocation ?? null]),
        [
          [other.token.id, null],
          [token.id, revocation],
        ],
        'listed, with why and when; the other token untouched',
      );
      assert.equal(listed[1]!.expiresAt, revocation.at, 'it stopped working then');
      assert.ok(await service.verify(other.secret));
      assert.deepEqual(events, [{ reason: 'leaked', userId: 'ada', token: listed[1], url: FOUND_AT, source: 'commit' }]);
    });

    it('the same report twice is one revocation: one event, the first time and URL kept', async () => {
      const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      await service.revokeLeaked([{ secret, url: FOUND_AT }]);
      clock.advance(HOUR);
      const [again] = await service.revokeLeaked([{ secret, url: 'https://gist.github.com/x' }]);
      assert.equal(again?.outcome, 'already-revoked');
      assert.equal(again?.event, undefined);
      assert.equal(again?.token?.revocation?.url, FOUND_AT);
      const first = { at: new Date(clock.now().getTime() - HOUR).toISOString(), reason: 'leaked', url: FOUND_AT };
      assert.deepEqual(again?.token?.revocation, first);
      assert.deepEqual((await service.list('ada'))[0]?.revocation, first, 'stored as the first report left it');
      assert.equal(events.length, 1);
    });

    it('parallel reports of one secret revoke it once, and each says it is ours', async () => {
      const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      const results = await Promise.all(Array.from({ length: 8 }, () => service.revokeLeaked([{ secret, url: FOUND_AT }])));
      const outcomes = results.map(([result]) => result!.outcome).sort();
      assert.deepEqual(outcomes, ['already-revoked', ...Array(6).fill('already-revoked'), 'revoked'].sort());
      assert.equal(events.length, 1);
    });

    it('secrets that are not ours cost no store call; ours that no token has are unknown', async () => {
      const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      resetCounters();
      const wrongChecksum = secret.slice(0, -1) + (secret.endsWith('0') ? '1' : '0');
      const results = await service.revokeLeaked([
        { secret: generateSecret('ghp') },
        { secret: wrongChecksum },
        { secret: 'pat_short' },
        { secret: 42 as never },
      ]);
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['not-ours', 'not-ours', 'not-ours', 'not-ours'],
      );
      assert.equal(counters.storeCalls, 0);
      assert.equal(counters.sqlQueries, 0);
      const [unknown] = await service.revokeLeaked([{ secret: generateSecret('pat') }]);
      assert.equal(unknown?.outcome, 'unknown');
      assert.ok(await service.verify(secret));
      assert.deepEqual(events, []);
    });

    it('looks up by hash and records no use: no lastUsedAt write', async () => {
      const { token, secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      resetCounters();
      await service.revokeLeaked([{ secret, url: FOUND_AT }]);
      await service.flushUsage();
      assert.deepEqual(Object.keys(counters.byMethod).sort(), ['recordActivity', 'revokeLeaked'], 'the revocation and its event, no use');
      assert.equal((await service.list('ada')).find((t) => t.id === token.id)?.lastUsedAt, null);
    });

    it('keeps only an http(s) URL fit to show', async () => {
      const urls = ['javascript:alert(1)', 'data:text/html,x', 'https://user:pw@github.com/x', 'https://github.com/\u202Egpj', 'not a url'];
      for (const [index, url] of urls.entries()) {
        const { secret } = await service.create('ada', { name: `found ${index}`, expiresInDays: 30 });
        const [result] = await service.revokeLeaked([{ secret, url }]);
        assert.equal(result?.outcome, 'revoked');
        assert.equal(result?.token?.revocation?.url, undefined, url);
      }
    });

    it('gives its slot back: the user can create again; deleting it gives nothing back twice', async () => {
      const limited = make({ maxTokensPerUser: 2 });
      const a = await limited.create('ada', { name: 'a', expiresInDays: 30 });
      await limited.create('ada', { name: 'b', expiresInDays: 30 });
      await rejectsWith(limited.create('ada', { name: 'full', expiresInDays: 30 }), 'token-limit');
      await limited.revokeLeaked([{ secret: a.secret }]);
      await limited.create('ada', { name: 'c', expiresInDays: 30 });
      await rejectsWith(limited.create('ada', { name: 'full again', expiresInDays: 30 }), 'token-limit');
      await limited.revoke('ada', a.token.id);
      await rejectsWith(limited.create('ada', { name: 'still full', expiresInDays: 30 }), 'token-limit');
      if (kit.sql) assert.equal(await liveCounter('ada'), 2);
      assert.deepEqual((await limited.maintain()).steps.at(-1)?.counts, kit.sql ? { corrected: 0 } : {}, 'the count agrees with the rows');
    });

    it('cannot be regenerated (409, code "revoked"), can be deleted by its owner only', async () => {
      const { token, secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      await service.revokeLeaked([{ secret }]);
      const refusal = await rejectsWith(service.rotate('ada', token.id, { expiresInDays: 30 }), 'revoked');
      assert.match(refusal.message, /revoked and cannot be regenerated/);
      await rejectsWith(service.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours: 24 }), 'revoked');
      await rejectsWith(service.revoke('grace', token.id), 'not-found');
      const handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: (request) => request.headers.get('x-user') });
      await expectProblem(await call(handler, 'POST', `/api/tokens/${token.id}/rotate`, { body: { expiresInDays: 30 } }), 409);
      assert.equal((await call(handler, 'DELETE', `/api/tokens/${token.id}`)).status, 204);
      assert.deepEqual(await service.list('ada'), []);
      assert.deepEqual(await service.check(secret), { ok: false, reason: 'unknown' });
    });

    it('ends its predecessor’s grace; a leaked predecessor in its grace period is revoked and replaced no more', async () => {
      const a = await service.create('ada', { name: 'chain', expiresInDays: 30 });
      const b = await service.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      await service.revokeLeaked([{ secret: b.secret, url: FOUND_AT }]);
      assert.equal(await service.verify(a.secret), null, 'the old secret led only to the leaked one');
      assert.deepEqual(
        (await service.list('ada')).map((t) => [t.id, t.revocation?.reason ?? null]),
        [[b.token.id, 'leaked']],
      );

      const c = await service.create('ada', { name: 'second', expiresInDays: 30 });
      const d = await service.rotate('ada', c.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      await service.revokeLeaked([{ secret: c.secret, url: FOUND_AT }]);
      assert.ok(await service.verify(d.secret), 'its successor works on');
      const listed = await service.list('ada');
      assert.deepEqual(listed.find((t) => t.id === c.token.id)?.replacedBy, null, 'a revoked token leads to nothing');
      assert.equal(listed.find((t) => t.id === c.token.id)?.revocation?.reason, 'leaked');
      await service.rotate('ada', d.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      assert.equal(
        (await service.list('ada')).find((t) => t.id === c.token.id)?.revocation?.reason,
        'leaked',
        'regenerating its successor keeps the revoked token listed',
      );
    });

    it('a reported predecessor and its successor in one report are both revoked', async () => {
      const a = await service.create('ada', { name: 'chain', expiresInDays: 30 });
      const b = await service.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      const results = await service.revokeLeaked([{ secret: b.secret }, { secret: a.secret }]);
      assert.deepEqual(
        results.map((r) => r.outcome),
        ['revoked', 'revoked'],
      );
      assert.deepEqual((await service.list('ada')).map((t) => t.revocation?.reason).sort(), ['leaked', 'leaked']);
    });

    it('a hook that throws is reported, and the revocation stands', async () => {
      const reports: unknown[] = [];
      const failing = make(
        {},
        {
          onRevocation: () => {
            throw new Error('mail server down');
          },
          onError: (error) => reports.push(error),
        },
      );
      const { secret } = await failing.create('ada', { name: 'deploy', expiresInDays: 30 });
      const [result] = await failing.revokeLeaked([{ secret }]);
      assert.equal(result?.outcome, 'revoked');
      assert.equal(await failing.verify(secret), null);
      assert.equal(reports.length, 1);
      assert.match((reports[0] as Error).message, /onRevocation threw for token tok_\w+ of ada/);
      assert.equal(((reports[0] as Error).cause as Error).message, 'mail server down');
    });
  });

  describe('revokeAll', () => {
    it('revokes every working token of the user, grace periods included, and returns how many', async () => {
      const limited = make({ maxTokensPerUser: 4 });
      const a = await limited.create('ada', { name: 'a', expiresInDays: 30 });
      const b = await limited.create('ada', { name: 'b', expiresInDays: 1 });
      const c = await limited.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 72 });
      const leaked = await limited.create('ada', { name: 'leaked', expiresInDays: 30 });
      await limited.revokeLeaked([{ secret: leaked.secret, url: FOUND_AT }]);
      const hers = await limited.create('grace', { name: 'hers', expiresInDays: 30 });
      clock.advance(2 * DAY); // b expired
      events = [];

      assert.equal(await limited.revokeAll('ada', 'account'), 2, 'c and a, in its grace period');
      for (const secret of [a.secret, c.secret]) assert.deepEqual(await limited.check(secret), { ok: false, reason: 'revoked' });
      assert.deepEqual(await limited.check(b.secret), { ok: false, reason: 'expired' }, 'an expired token stays expired');
      assert.ok(await limited.verify(hers.secret), 'another user’s tokens are untouched');
      const listed = await limited.list('ada');
      const reasons = Object.fromEntries(listed.map((t) => [t.id, t.revocation?.reason ?? null]));
      assert.deepEqual(
        reasons,
        { [a.token.id]: 'account', [c.token.id]: 'account', [b.token.id]: null, [leaked.token.id]: 'leaked' },
        'the leaked one keeps its reason',
      );
      assert.ok(listed.every((t) => t.replacedBy === null));
      assert.deepEqual(
        events.map((e) => [e.reason, e.userId, e.token.id, e.url]).sort(),
        [
          ['account', 'ada', a.token.id, null],
          ['account', 'ada', c.token.id, null],
        ].sort(),
      );
      assert.equal(await limited.revokeAll('ada', 'admin'), 0, 'nothing left to revoke');

      // b (expired) holds the only slot left: three more fit.
      for (const name of ['x', 'y', 'z']) await limited.create('ada', { name, expiresInDays: 30 });
      await rejectsWith(limited.create('ada', { name: 'full', expiresInDays: 30 }), 'token-limit');
      if (kit.sql) assert.equal(await liveCounter('ada'), 4);
    });

    it('refuses a reason it does not know and a user id no store could keep, before the store', async () => {
      resetCounters();
      await assert.rejects(service.revokeAll('ada', 'leaked' as never), TypeError);
      await assert.rejects(service.revokeAll('ada\u0000', 'account'), TypeError);
      assert.equal(counters.storeCalls, 0);
    });

    it('races creates: those made before it are revoked, those racing it are revoked or live (never half), every count right', async () => {
      const limited = make({ maxTokensPerUser: 1000 }, { usage: false });
      let made = 0;
      const create = async () => (await limited.create('ada', { name: `t${(made += 1)}`, expiresInDays: 30 })).token.id;
      const before = new Set(await Promise.all(Array.from({ length: 20 }, create)));

      // Lanes of creates, one after another, from the moment revokeAll starts until it has answered
      // (and one more): on a store that revoked in several steps, one would land between them.
      let answered = false;
      const revoking = limited.revokeAll('ada', 'account').finally(() => (answered = true));
      const lane = async () => {
        const ids: string[] = [];
        for (let round = 0; round < 100 && !answered; round += 1) ids.push(await create());
        ids.push(await create());
        return ids;
      };
      const racing = (await Promise.all(Array.from({ length: 4 }, lane))).flat();
      const revokedCount = await revoking;

      const listed = await limited.list('ada');
      assert.equal(listed.length, before.size + racing.length, 'every token is listed');
      const revoked = listed.filter((t) => t.revocation);
      assert.equal(revokedCount, revoked.length, 'it says how many it revoked');
      for (const id of before)
        assert.ok(
          revoked.some((t) => t.id === id),
          'a token made before revokeAll began survived',
        );
      const at = new Set(revoked.map((t) => `${t.revocation!.reason} ${t.revocation!.at}`));
      assert.deepEqual([...at], [`account ${clock.now().toISOString()}`], 'one revocation, one reason and time');
      // Whatever survived raced it, and holds its slot: the counter counts exactly the live tokens.
      const live = listed.filter((t) => !t.revocation);
      for (const token of live) assert.ok(racing.includes(token.id), 'a token made before revokeAll began survived');
      if (kit.sql) assert.equal(await liveCounter('ada'), live.length, 'the counter counts exactly the live tokens');
      assert.deepEqual(stepOf(await limited.maintain(), 'live-token-counts').counts, kit.sql ? { corrected: 0 } : {});
    });

    if (connections) {
      it('a create committed while it runs survives, counted; one committed before it is revoked', async () => {
        const limited = make({ maxTokensPerUser: 3 }, { usage: false });
        const before = await limited.create('ada', { name: 'before', expiresInDays: 30 });
        const connection = await kit.connect!();
        try {
          await connection.query('BEGIN');
          const inFlight = await createTokenService({ store: postgresStore(connection), prefix: 'pat', clock: clock.now }).create('ada', {
            name: 'in flight',
            expiresInDays: 30,
          });
          let settled = false;
          const revoking = limited.revokeAll('ada', 'account').finally(() => (settled = true));
          // Its snapshot is taken; it waits for the create's lock on the user's counter (or, broken, does not wait).
          while (!settled && Number((await kit.sql!(`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`))[0]!.n) === 0);
          await connection.query('COMMIT');
          assert.equal(await revoking, 1);
          assert.deepEqual(await limited.check(before.secret), { ok: false, reason: 'revoked' });
          assert.ok(await limited.verify(inFlight.secret), 'stored after its snapshot: not revoked');
        } finally {
          connection.release();
        }
        assert.equal(await liveCounter('ada'), 1, 'the in-flight token holds its slot, the revoked one none');
        await limited.create('ada', { name: 'fits', expiresInDays: 30 });
        await limited.create('ada', { name: 'fits too', expiresInDays: 30 });
        await rejectsWith(limited.create('ada', { name: 'full', expiresInDays: 30 }), 'token-limit');
      });
    }
  });

  describe('the activity trail', () => {
    it('a leak and revokeAll are each a `revoked` event by the system, with why and where; onActivity hears them', async () => {
      const heard: TokenActivity[] = [];
      const auditing = make({}, { onActivity: (event) => void heard.push(event) });
      const leaked = await auditing.create('ada', { name: 'leaked', expiresInDays: 30 });
      const other = await auditing.create('ada', { name: 'other', expiresInDays: 30 });
      clock.advance(HOUR);
      await auditing.revokeLeaked([{ secret: leaked.secret, url: FOUND_AT }]);
      const leakedAt = clock.now().toISOString();
      clock.advance(HOUR);
      await auditing.revokeAll('ada', 'account');
      const revokedEvents = (await auditing.activity('ada', null)).events.filter((event) => event.type === 'revoked');
      assert.deepEqual(
        revokedEvents.map(({ tokenId, tokenName, actor, reason, url, at }) => ({ tokenId, tokenName, actor, reason, url, at })),
        [
          { tokenId: other.token.id, tokenName: 'other', actor: 'system', reason: 'account', url: null, at: clock.now().toISOString() },
          { tokenId: leaked.token.id, tokenName: 'leaked', actor: 'system', reason: 'leaked', url: FOUND_AT, at: leakedAt },
        ],
      );
      assert.deepEqual(
        heard.filter((event) => event.type === 'revoked').map((event) => [event.tokenId, event.reason, event.userId]),
        [
          [leaked.token.id, 'leaked', 'ada'],
          [other.token.id, 'account', 'ada'],
        ],
      );
    });

    it('maintain() records no expiry and sends no reminder for a revoked token (it stopped working when it was revoked)', async () => {
      const reminded: string[] = [];
      const reminding = make({}, { expiryReminders: { withinDays: 7, notify: (reminder) => void reminded.push(reminder.token.name) } });
      const soon = await reminding.create('ada', { name: 'soon', expiresInDays: 10 });
      await reminding.create('ada', { name: 'kept', expiresInDays: 10 });
      await reminding.revokeLeaked([{ secret: soon.secret }]);
      clock.advance(5 * DAY);
      const report = await reminding.maintain();
      assert.deepEqual(reminded, ['kept'], 'only the working token is reminded');
      assert.deepEqual(stepOf(report, 'expiry-events').counts, { recorded: 0 }, 'a revoked token did not expire');
      const types = (await reminding.activity('ada', soon.token.id)).events.map((event) => event.type);
      assert.deepEqual(types, ['revoked', 'created']);
    });
  });

  describe('maintain(): revoked tokens', () => {
    it('are deleted after policy.revokedRetentionDays, not before, and the expired step leaves them to it', async () => {
      const limited = make({ revokedRetentionDays: 7, expiredRetentionDays: 0, maxTokensPerUser: 2 });
      const a = await limited.create('ada', { name: 'a', expiresInDays: 1 });
      const b = await limited.create('ada', { name: 'b', expiresInDays: 30 });
      await limited.revokeLeaked([{ secret: a.secret }, { secret: b.secret }]);
      clock.advance(6 * DAY);
      let report = await limited.maintain();
      assert.deepEqual(stepOf(report, 'expired').counts, { deleted: 0 }, 'a revoked token is the revoked step’s');
      assert.deepEqual(stepOf(report, 'revoked').counts, { deleted: 0 });
      assert.equal((await limited.list('ada')).length, 2);
      clock.advance(DAY);
      report = await limited.maintain();
      assert.deepEqual(stepOf(report, 'revoked').counts, { deleted: 2 });
      assert.deepEqual(await limited.list('ada'), []);
      assert.deepEqual(await limited.check(a.secret), { ok: false, reason: 'unknown' });
      await limited.create('ada', { name: 'c', expiresInDays: 30 });
      await limited.create('ada', { name: 'd', expiresInDays: 30 });
      await rejectsWith(limited.create('ada', { name: 'e', expiresInDays: 30 }), 'token-limit');
      if (kit.sql) assert.equal(await liveCounter('ada'), 2, 'no slot given back twice');
    });

    it('are kept when the policy says so, and the step says it skipped them', async () => {
      const keeper = make({ revokedRetentionDays: null });
      const { secret } = await keeper.create('ada', { name: 'a', expiresInDays: 30 });
      await keeper.revokeLeaked([{ secret }]);
      clock.advance(400 * DAY);
      const report = await keeper.maintain();
      assert.deepEqual(stepOf(report, 'revoked'), {
        step: 'revoked',
        counts: {},
        skipped: 'the policy keeps revoked tokens (revokedRetentionDays: null)',
      });
      assert.equal((await keeper.list('ada')).length, 1);
    });
  });

  describe('a store without revocation', () => {
    it('keeps every other feature; revokeLeaked and revokeAll say what it lacks', async () => {
      const { revokeLeaked: _a, revokeAll: _b, purgeRevoked: _c, ...older } = store;
      const plain = make({}, { store: older as TokenStore });
      const { secret } = await plain.create('ada', { name: 'a', expiresInDays: 30 });
      assert.ok(await plain.verify(secret));
      await assert.rejects(plain.revokeLeaked([{ secret }]), /needs a store with revokeLeaked\(\)/);
      await assert.rejects(plain.revokeAll('ada', 'account'), /needs a store with revokeAll\(\)/);
      assert.deepEqual(
        (await plain.revokeLeaked([{ secret: 'ghp_other' }])).map((r) => r.outcome),
        ['not-ours'],
      );
      assert.equal(stepOf(await plain.maintain(), 'revoked').skipped, 'the store has no purgeRevoked()');
      assert.ok(await plain.verify(secret));
    });
  });

  describe('the secret-scanning receiver', () => {
    let scanner: TestSecretScanner;
    let leaks: LeakEvent[];
    let failures: unknown[];
    const receiverOf = (keys: SecretScanningKeys, on = service): FetchHandler =>
      createFetchHandler(on, {
        basePath: '/api/tokens',
        authenticate: () => null, // GitHub has no session: the signature is its credential
        secretScanning: { keys, onLeak: (event) => void leaks.push(event) },
        onError: (error) => failures.push(error),
      });
    const endpoint = 'http://host/api/tokens/secret-scanning';

    before(async () => {
      scanner = await createTestSecretScanner();
    });
    beforeEach(() => {
      leaks = [];
      failures = [];
    });

    /** The report must have changed nothing: the same rows, the secret still working, nobody told. */
    const unchanged = async (dumped: string, secret: string) => {
      assert.equal(await kit.dump(), dumped, 'the store changed');
      assert.ok(await service.verify(secret));
      assert.deepEqual(leaks, []);
      assert.deepEqual(events, []);
    };

    it('a signed report revokes ours at once and answers GitHub’s feedback, one entry per reported secret', async () => {
      const handler = receiverOf(scanner.keys);
      const { token, secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      const strange = generateSecret('ghp');
      const request = await scanner.report(endpoint, [
        { token: secret, type: 'pat_personal_access_token', url: FOUND_AT, source: 'content' },
        { token: strange, type: 'pat_personal_access_token', url: FOUND_AT, source: 'content' },
      ]);
      const answer = await handler(request);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('content-type'), 'application/json');
      assert.deepEqual(await answer.json(), [
        { token_hash: sha256(secret), token_type: 'pat_personal_access_token', label: 'true_positive' },
        { token_hash: sha256(strange), token_type: 'pat_personal_access_token', label: 'false_positive' },
      ]);
      assert.deepEqual(await service.check(secret), { ok: false, reason: 'revoked' });
      const [listed] = await service.list('ada');
      assert.deepEqual(listed?.revocation, { at: clock.now().toISOString(), reason: 'leaked', url: FOUND_AT });
      assert.deepEqual(leaks, [{ reason: 'leaked', userId: 'ada', token: listed, url: FOUND_AT, source: 'content' }]);
      assert.equal(events.length, 1, 'the service’s hook heard it too');
      assert.equal(listed?.id, token.id);

      const again = await handler(await scanner.report(endpoint, [{ token: secret, url: FOUND_AT }]));
      assert.deepEqual(
        (await again.json()).map((entry: { label: string }) => entry.label),
        ['true_positive'],
      );
      assert.equal(leaks.length, 1, 'the same report again revokes nothing and tells nobody');
      assert.deepEqual(failures, []);
    });

    it('a forged signature (bytes that are no signature, or another key’s): 401, and nothing changes', async () => {
      const handler = receiverOf(scanner.keys);
      const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      const dumped = await kit.dump();
      const body = JSON.stringify([{ token: secret, type: 't', url: FOUND_AT, source: 'content' }]);
      const impostor = await createTestSecretScanner({ keyId: scanner.keyId }); // GitHub's key id, its own key
      const forgeries = [
        { ...(await scanner.sign(body)), 'Github-Public-Key-Signature': btoa('\u0030\u0006\u0002\u0001\u0001\u0002\u0001\u0001') },
        {
          ...(await scanner.sign(body)),
          'Github-Public-Key-Signature': btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(70)))),
        },
        { ...(await scanner.sign(body)), 'Github-Public-Key-Signature': 'not base64 at all!' },
        await impostor.sign(body),
      ];
      for (const headers of forgeries) {
        const problem = await expectProblem(await handler(new Request(endpoint, { method: 'POST', headers, body })), 401);
        assert.match(problem.detail ?? '', /signature does not match/);
      }
      await unchanged(dumped, secret);
    });

    it('a body re-signed for another one (a valid signature of a different report): 401, nothing changes', async () => {
      const handler = receiverOf(scanner.keys);
      const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      const dumped = await kit.dump();
      const signedFor = await scanner.sign(JSON.stringify([{ token: generateSecret('pat'), type: 't', url: FOUND_AT }]));
      const swapped = JSON.stringify([{ token: secret, type: 't', url: FOUND_AT }]);
      await expectProblem(await handler(new Request(endpoint, { method: 'POST', headers: signedFor, body: swapped })), 401);
      // One byte more (a space GitHub never sent) is another body too.
      const exact = JSON.stringify([{ token: secret, type: 't', url: FOUND_AT }]);
      const signed = await scanner.sign(exact);
      await expectProblem(await handler(new Request(endpoint, { method: 'POST', headers: signed, body: `${exact} ` })), 401);
      await unchanged(dumped, secret);
    });

    it('unsigned, or signed with a key GitHub does not list: 401, nothing changes', async () => {
      const handler = receiverOf(scanner.keys);
      const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      const dumped = await kit.dump();
      const body = JSON.stringify([{ token: secret, type: 't', url: FOUND_AT }]);
      const signed = await scanner.sign(body);
      const { 'Github-Public-Key-Signature': signature, 'Github-Public-Key-Identifier': keyId } = signed;
      const halves: Array<Record<string, string>> = [
        {},
        { 'Github-Public-Key-Identifier': keyId! },
        { 'Github-Public-Key-Signature': signature! },
      ];
      for (const headers of halves) {
        const problem = await expectProblem(await handler(new Request(endpoint, { method: 'POST', headers, body })), 401);
        assert.match(problem.detail ?? '', /must be signed/);
      }
      const stranger = await createTestSecretScanner();
      const problem = await expectProblem(await handler(await stranger.report(endpoint, [{ token: secret }])), 401);
      assert.match(problem.detail ?? '', /not GitHub’s/);
      await unchanged(dumped, secret);
    });

    it('key rotation: a report signed with a key no longer current still verifies, with the new one too', async () => {
      const next = await createTestSecretScanner();
      const document = {
        public_keys: [
          { ...scanner.keys.public_keys[0]!, is_current: false },
          { ...next.keys.public_keys[0]!, is_current: true },
        ],
      };
      const handler = receiverOf(() => document);
      const a = await service.create('ada', { name: 'a', expiresInDays: 30 });
      const b = await service.create('ada', { name: 'b', expiresInDays: 30 });
      assert.equal((await handler(await scanner.report(endpoint, [{ token: a.secret }]))).status, 200);
      assert.equal((await handler(await next.report(endpoint, [{ token: b.secret }]))).status, 200);
      assert.deepEqual(
        leaks.map((leak) => leak.token.name),
        ['a', 'b'],
      );
    });

    it('a signed body that is not a report: 422; over 1 MB: 413; another method: 405; all before any store call', async () => {
      const handler = receiverOf(scanner.keys);
      resetCounters();
      for (const body of ['{"token":"x"}', '[{"type":"t"}]']) {
        await expectProblem(await handler(new Request(endpoint, { method: 'POST', headers: await scanner.sign(body), body })), 422);
      }
      const notJson = 'not json';
      await expectProblem(
        await handler(new Request(endpoint, { method: 'POST', headers: await scanner.sign(notJson), body: notJson })),
        400,
      );
      const huge = `[${' '.repeat(1024 * 1024)}]`;
      await expectProblem(await handler(new Request(endpoint, { method: 'POST', headers: await scanner.sign(huge), body: huge })), 413);
      const get = await expectProblem(await handler(new Request(endpoint)), 405);
      assert.equal(get.status, 405);
      assert.equal(counters.storeCalls, 0);
    });

    it('is not mounted without secretScanning: the path is no route of its own', async () => {
      const plain = createFetchHandler(service, { basePath: '/api/tokens', authenticate: () => 'ada' });
      await expectProblem(await plain(await scanner.report(endpoint, [{ token: generateSecret('pat') }])), 405);
    });
  });
}
