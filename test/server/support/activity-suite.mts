/**
 * Where a token was used from, what happened to it, and the reminder before it expires, run on
 * every store kit: recent callers (a new one recorded at once, a repeated one not within the
 * minute, five kept), the activity trail (every kind of event, per token and per user, paged,
 * bounded by the per-user cap and by age), the hook, `maintain()`'s expiry events and reminders
 * (once, also from runs at the same moment), no write on `check`'s path, and no secret stored.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { ActivityPageSchema } from '../../../src/api/schemas.js';
import * as z from 'zod/mini';
import {
  createFetchHandler,
  createTokenService,
  MAX_RECENT_CALLERS,
  type ActivityEvent,
  type ExpiryReminder,
  type MaintenanceReport,
  type MemoryStore,
  type TokenActivity,
  type TokenService,
  type TokenServiceOptions,
  type TokenStore,
} from '../../../src/server/index.js';
import { call, expectProblem } from './handler-suite.mjs';
import { DAY, HOUR, MINUTE, testClock, type Counters, type StoreKit } from './kits.mjs';
import { rejectsWith } from './service-suite.mjs';

const CURL = { ip: '203.0.113.7', userAgent: 'curl/8.5' };
const LAPTOP = { ip: '198.51.100.4', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0' };

export function activitySuite(makeKit: () => Promise<StoreKit>): void {
  let kit: StoreKit;
  let store: TokenStore;
  let counters: Counters;
  let clock: ReturnType<typeof testClock>;
  let service: TokenService;
  let heard: TokenActivity[];
  const made: TokenService[] = [];

  const make = (options: Partial<TokenServiceOptions> = {}) => {
    const each = createTokenService({
      store,
      prefix: 'pat',
      clock: clock.now,
      usage: { flushIntervalMs: 3_600_000 },
      onActivity: (event) => void heard.push(event),
      ...options,
    });
    made.push(each);
    return each;
  };
  const resetCounters = () => {
    counters.storeCalls = 0;
    counters.sqlQueries = 0;
    counters.byMethod = {};
  };
  /** Every page of a trail, newest first. */
  const trail = async (userId: string, tokenId: string | null, on = service) => {
    const events: ActivityEvent[] = [];
    let cursor: string | null = null;
    do {
      const page = await on.activity(userId, tokenId, cursor);
      events.push(...page.events);
      cursor = page.next;
    } while (cursor);
    return events;
  };
  const types = (events: readonly ActivityEvent[]) => events.map((event) => event.type);
  /** Events the store keeps for `userId`, whatever a page shows. */
  const storedEvents = async (userId: string) => {
    if (kit.sql) return Number((await kit.sql(`SELECT count(*)::int AS n FROM pat_activity WHERE user_id = $1`, [userId]))[0]!.n);
    return (store as MemoryStore).activityRecords().filter((event) => event.userId === userId).length;
  };
  const callersOf = async (userId: string, tokenId: string) => (await service.activity(userId, tokenId)).callers ?? [];
  const stepOf = (report: MaintenanceReport, name: string) => report.steps.find((step) => step.step === name);

  before(async () => {
    kit = await makeKit();
  });
  after(async () => {
    await kit.close();
  });
  beforeEach(async () => {
    ({ store, counters } = await kit.fresh());
    clock = testClock();
    heard = [];
    service = make();
  });
  afterEach(async () => {
    await Promise.all(made.splice(0).map((each) => each.flushUsage()));
  });

  describe('where a token was used from', () => {
    it('check and verify read once and write nothing on the request’s path, also for a new caller', async () => {
      const { secret } = await service.create('ada', { name: 'a', expiresInDays: 30 });
      resetCounters();
      assert.equal((await service.check(secret, { caller: CURL })).ok, true);
      assert.ok(await service.verify(secret, { caller: LAPTOP }));
      assert.deepEqual(counters.byMethod, { findByHash: 2 }, 'one lookup each, nothing else');
      if (kit.sql) assert.equal(counters.sqlQueries, 2, 'one query each');
      await service.flushUsage();
      assert.equal((counters.byMethod as Record<string, number>).recordUses, 1, 'the uses are written after, in one batch');
    });

    it('records a new caller within the minute, and no write for a repeated one', async () => {
      const { token, secret } = await service.create('ada', { name: 'deploy', expiresInDays: 30 });
      await service.verify(secret, { caller: CURL });
      await service.flushUsage();
      assert.deepEqual(
        (await callersOf('ada', token.id)).map(({ ip, userAgent }) => ({ ip, userAgent })),
        [CURL],
      );

      clock.advance(10_000);
      resetCounters();
      await service.verify(secret, { caller: CURL });
      await service.flushUsage();
      assert.equal(counters.byMethod.recordUses ?? 0, 0, 'the same caller within the minute: no write');

      await service.verify(secret, { caller: LAPTOP });
      await service.flushUsage();
      assert.equal(counters.byMethod.recordUses, 1, 'a new caller within the minute: written');
      const callers = await callersOf('ada', token.id);
      assert.deepEqual(
        callers.map(({ ip, userAgent, lastUsedAt }) => [ip, userAgent, lastUsedAt]),
        [
          [LAPTOP.ip, LAPTOP.userAgent, '2026-12-01T12:00:10.000Z'],
          [CURL.ip, CURL.userAgent, '2026-12-01T12:00:00.000Z'],
        ],
        'newest first',
      );
      assert.equal((await service.list('ada'))[0]?.lastUsedAt, '2026-12-01T12:00:10.000Z');

      clock.advance(MINUTE);
      await service.verify(secret, { caller: CURL });
      await service.flushUsage();
      assert.equal(counters.byMethod.recordUses, 2, 'a known caller again after its minute: written');
      assert.equal((await callersOf('ada', token.id))[0]?.ip, CURL.ip, 'and first again');

      const uses = (await trail('ada', token.id)).filter((event) => event.type === 'new-caller');
      assert.deepEqual(
        uses.map(({ ip, userAgent, actor, tokenName }) => ({ ip, userAgent, actor, tokenName })),
        [
          { ...LAPTOP, actor: 'token', tokenName: 'deploy' },
          { ...CURL, actor: 'token', tokenName: 'deploy' },
        ],
        'one event per new caller, none for a repeated one',
      );
    });

    it(`keeps the ${MAX_RECENT_CALLERS} most recent distinct callers, however many there were`, async () => {
      const { token, secret } = await service.create('ada', { name: 'busy', expiresInDays: 30 });
      for (let n = 1; n <= 3 * MAX_RECENT_CALLERS; n += 1) {
        await service.verify(secret, { caller: { ip: `192.0.2.${n}`, userAgent: 'worker/1' } });
        // Some flushed one by one, some gathered in a batch: both keep the newest.
        if (n % 4 === 0) await service.flushUsage();
        clock.advance(1_000);
      }
      await service.flushUsage();
      const callers = await callersOf('ada', token.id);
      assert.deepEqual(
        callers.map((caller) => caller.ip),
        Array.from({ length: MAX_RECENT_CALLERS }, (_, n) => `192.0.2.${3 * MAX_RECENT_CALLERS - n}`),
      );
      if (kit.sql) {
        const [row] = await kit.sql(`SELECT jsonb_array_length(recent_callers) AS n FROM pat_tokens WHERE id = $1`, [token.id]);
        assert.equal(Number(row!.n), MAX_RECENT_CALLERS, 'no more are stored');
      }
    });

    it('two services writing the same new caller at once record one event', async () => {
      const { token, secret } = await service.create('ada', { name: 'twice', expiresInDays: 30 });
      const other = make();
      clock.advance(1_000);
      await Promise.all([service.verify(secret, { caller: CURL }), other.verify(secret, { caller: CURL })]);
      await Promise.all([service.flushUsage(), other.flushUsage()]);
      assert.deepEqual(types(await trail('ada', token.id)), ['new-caller', 'created']);
      assert.equal((await callersOf('ada', token.id)).length, 1);
    });

    it('a use without a caller is no caller; a store that keeps none still records lastUsedAt', async () => {
      const { token, secret } = await service.create('ada', { name: 'plain', expiresInDays: 30 });
      await service.verify(secret);
      await service.flushUsage();
      assert.deepEqual(await callersOf('ada', token.id), []);
      assert.deepEqual(types(await trail('ada', token.id)), ['created']);
      assert.equal((await service.list('ada'))[0]?.lastUsedAt, clock.now().toISOString());
    });
  });

  describe('what happened to it', () => {
    it('created, regenerated (both ways), deleted: with the acting user and the request’s address, per token and per user', async () => {
      const first = await service.create('ada', { name: 'CI', expiresInDays: 30 }, { caller: LAPTOP });
      clock.advance(MINUTE);
      const second = await service.rotate('ada', first.token.id, { expiresInDays: 30, gracePeriodHours: 24 }, { caller: LAPTOP });
      clock.advance(MINUTE);
      const third = await service.rotate('ada', second.token.id, { expiresInDays: 30 }, { caller: CURL });
      clock.advance(MINUTE);
      await service.revoke('ada', third.token.id, { caller: CURL });
      await service.create('grace', { name: 'hers', expiresInDays: 30 });

      const mine = await trail('ada', null);
      assert.deepEqual(
        mine.map(({ type, tokenId, relatedTokenId, tokenName, actor, ip, userAgent }) => ({
          type,
          tokenId,
          relatedTokenId,
          tokenName,
          actor,
          ip,
          userAgent,
        })),
        [
          { type: 'deleted', tokenId: third.token.id, relatedTokenId: null, tokenName: 'CI', actor: 'user', ...CURL },
          { type: 'regenerated', tokenId: second.token.id, relatedTokenId: third.token.id, tokenName: 'CI', actor: 'user', ...CURL },
          { type: 'regenerated', tokenId: first.token.id, relatedTokenId: second.token.id, tokenName: 'CI', actor: 'user', ...LAPTOP },
          { type: 'created', tokenId: first.token.id, relatedTokenId: null, tokenName: 'CI', actor: 'user', ...LAPTOP },
        ],
        'newest first; only her own',
      );
      assert.equal(mine[3]!.expiresAt, first.token.expiresAt, 'created: its expiry');
      assert.equal(mine[2]!.expiresAt, second.previous!.expiresAt, 'regenerated with a grace period: when the old one stops');
      assert.equal(mine[1]!.expiresAt, mine[1]!.at, 'without one: at once');
      assert.deepEqual(
        types(await trail('ada', second.token.id)),
        ['regenerated', 'regenerated'],
        'a token’s trail holds what names it: made by one regeneration, replaced by the next',
      );
      assert.deepEqual(types(await trail('ada', third.token.id)), ['deleted', 'regenerated'], 'a deleted token’s trail is kept');
      assert.deepEqual(types(await trail('grace', null)), ['created']);
      assert.deepEqual(await trail('grace', first.token.id), [], 'another user’s token: nothing, as for one that never was');
      assert.deepEqual(
        heard.map((event) => [event.type, event.userId, event.actorId]),
        [
          ['created', 'ada', 'ada'],
          ['regenerated', 'ada', 'ada'],
          ['regenerated', 'ada', 'ada'],
          ['deleted', 'ada', 'ada'],
          ['created', 'grace', 'grace'],
        ],
        'the hook hears every event, with whose it is and who acted',
      );
    });

    it('pages newest first by an opaque cursor, with no event twice; a cursor it did not give is refused', async () => {
      const { token } = await service.create('ada', { name: 'paged', expiresInDays: 30 });
      for (let n = 0; n < 59; n += 1) {
        clock.advance(1_000);
        await service.revoke('ada', (await service.create('ada', { name: `t${n}`, expiresInDays: 30 })).token.id);
      }
      const first = await service.activity('ada', null);
      assert.ok(first.next);
      const pages = [first];
      while (pages.at(-1)!.next) pages.push(await service.activity('ada', null, pages.at(-1)!.next));
      assert.deepEqual(
        pages.map((page) => page.events.length),
        [25, 25, 25, 25, 19],
      );
      const everything = pages.flatMap((page) => page.events);
      assert.equal(new Set(everything.map((event) => event.id)).size, 119, 'no event twice');
      const times = everything.map((event) => Date.parse(event.at));
      assert.deepEqual(
        times,
        [...times].sort((a, b) => b - a),
        'newest first',
      );
      assert.equal(everything.at(-1)!.tokenId, token.id);
      for (const cursor of ['nope', 'bm9wZQ', first.next!.slice(0, -2), `${first.next}x`]) {
        const error = await rejectsWith(service.activity('ada', null, cursor), 'invalid-request');
        assert.deepEqual(Object.keys(error.fieldErrors ?? {}), ['cursor']);
      }
      resetCounters();
      assert.deepEqual(await service.activity('ada', 'not-ours'), { events: [], next: null }, 'an id never made: no trail');
      assert.equal(counters.storeCalls, 0, 'and no store call');
    });

    it('the hook hears every event even when the store cannot keep it; what it throws goes to onError', async () => {
      const reports: unknown[] = [];
      const failing: TokenStore = {
        ...store,
        recordActivity: () => Promise.reject(new Error('disk full')),
      };
      const throwing = make({ store: failing, onActivity: () => Promise.reject(new Error('SIEM down')), onError: (e) => reports.push(e) });
      const { token } = await throwing.create('ada', { name: 'a', expiresInDays: 30 });
      assert.equal((await throwing.list('ada'))[0]?.id, token.id, 'the create stands');
      await throwing.revoke('ada', token.id);
      await Promise.resolve();
      assert.deepEqual(
        reports.map((report) => (report as Error).message).sort(),
        [
          'pat-elements/server: 1 activity event(s) not stored (the onActivity hook heard them).',
          'pat-elements/server: the onActivity hook failed.',
        ],
        'each cause once',
      );
      const hearing = make({ store: failing, onError: () => {} });
      await hearing.create('ada', { name: 'b', expiresInDays: 30 });
      assert.deepEqual(types(heard), ['created'], 'the hook heard it though the store did not keep it');
    });

    it('a store without the activity methods: no trail to read (not-found), the hook still hears', async () => {
      const { recordActivity: _a, listActivity: _b, findToken: _c, ...older } = store;
      const plain = make({ store: older as TokenStore });
      const { token } = await plain.create('ada', { name: 'a', expiresInDays: 30 });
      await plain.revoke('ada', token.id);
      await rejectsWith(plain.activity('ada', null), 'not-found');
      assert.deepEqual(
        heard.map((event) => [event.type, event.tokenName]),
        [
          ['created', 'a'],
          ['deleted', null],
        ],
      );
    });
  });

  describe('bounded', () => {
    it('keeps at most the cap per user, and a flood of new callers never pushes out what was done', async () => {
      const capped = make({ activity: { maxEventsPerUser: 10 } });
      const keep = await capped.create('ada', { name: 'kept', expiresInDays: 30 });
      for (let n = 0; n < 30; n += 1) {
        clock.advance(1_000);
        await capped.revoke('ada', (await capped.create('ada', { name: `t${n}`, expiresInDays: 30 })).token.id);
      }
      for (let n = 0; n < 60; n += 1) {
        clock.advance(1_000);
        await capped.verify(keep.secret, { caller: { ip: `192.0.2.${n}`, userAgent: 'flood' } });
        await capped.flushUsage();
      }
      await capped.create('grace', { name: 'hers', expiresInDays: 30 });
      assert.equal(await storedEvents('ada'), 20, '10 of what was done and 10 uses, of 61 and 60');
      const shown = await trail('ada', null, capped);
      assert.equal(shown.filter((event) => event.type === 'new-caller').length, 10);
      assert.deepEqual(
        shown.filter((event) => event.type !== 'new-caller').map((event) => event.tokenName),
        ['t29', 't29', 't28', 't28', 't27', 't27', 't26', 't26', 't25', 't25'],
        'the newest of what was done',
      );
      assert.equal(await storedEvents('grace'), 1, 'another user’s trail is hers');
    });

    it('at the default bounds, a flood of 1,250 new callers on one token: verify still only reads, 5 callers and 1,000 of their events kept', async () => {
      const { token, secret } = await service.create('ada', { name: 'flooded', expiresInDays: 30 });
      const flood = 1_250;
      const batch = MAX_RECENT_CALLERS;
      for (let n = 0; n < flood; n += batch) {
        resetCounters();
        for (let k = n; k < n + batch; k += 1) {
          assert.ok(await service.verify(secret, { caller: { ip: `10.${k >> 8}.${k & 255}.1`, userAgent: `bot/${k}` } }));
          clock.advance(200);
        }
        // Checked on every batch: the request's path reads and never writes, however many callers come.
        assert.deepEqual(counters.byMethod, { findByHash: batch });
        await service.flushUsage();
      }
      const callers = await callersOf('ada', token.id);
      assert.deepEqual(
        callers.map((caller) => caller.userAgent),
        Array.from({ length: MAX_RECENT_CALLERS }, (_, n) => `bot/${flood - 1 - n}`),
        'the newest five',
      );
      assert.equal(await storedEvents('ada'), 1_001, 'the newest 1,000 uses by new callers and the token’s creation, of 1,251');
      const shown = await trail('ada', token.id);
      assert.equal(shown.length, 1_001);
      assert.equal(shown[0]?.userAgent, `bot/${flood - 1}`, 'the newest use first');
      assert.equal(shown[999]?.userAgent, `bot/${flood - 1_000}`, 'the oldest uses went');
      assert.equal(shown[1_000]?.type, 'created', 'what was done stays');
      if (kit.sql) {
        const [row] = await kit.sql(`SELECT jsonb_array_length(recent_callers) AS n FROM pat_tokens WHERE id = $1`, [token.id]);
        assert.equal(Number(row!.n), MAX_RECENT_CALLERS, 'the token row holds five callers, no more');
      }
    });

    it('maintain() prunes events past their retention, and nothing newer', async () => {
      const brief = make({ activity: { retentionDays: 30 } });
      await brief.create('ada', { name: 'old', expiresInDays: 366 });
      clock.advance(20 * DAY);
      await brief.create('ada', { name: 'newer', expiresInDays: 366 });
      clock.advance(11 * DAY);
      const report = await brief.maintain();
      assert.deepEqual(stepOf(report, 'activity'), { step: 'activity', counts: { deleted: 1 } });
      assert.deepEqual(
        (await trail('ada', null, brief)).map((event) => event.tokenName),
        ['newer'],
      );
      assert.deepEqual(stepOf(await brief.maintain(), 'activity')?.counts, { deleted: 0 }, 'idempotent');
    });

    it('refuses activity options that are not whole numbers above 0', () => {
      for (const activity of [{ retentionDays: 0 }, { maxEventsPerUser: 1.5 }, { maxEventsPerUser: -1 }]) {
        assert.throws(() => createTokenService({ store, prefix: 'pat', activity }), TypeError, JSON.stringify(activity));
      }
    });
  });

  describe('maintain(): expiry', () => {
    it('records each expiry once, also from runs at the same moment, with when it expired', async () => {
      for (let n = 0; n < 12; n += 1) await service.create('ada', { name: `short ${n}`, expiresInDays: 1 });
      const long = await service.create('ada', { name: 'long', expiresInDays: 30 });
      const rotated = await service.create('ada', { name: 'rotated', expiresInDays: 1 });
      await service.rotate('ada', rotated.token.id, { expiresInDays: 30, gracePeriodHours: 1 });
      clock.advance(2 * DAY);
      heard = [];
      const reports = await Promise.all(Array.from({ length: 4 }, () => service.maintain()));
      assert.equal(
        reports.reduce((sum, report) => sum + (stepOf(report, 'expiry-events')?.counts.recorded ?? 0), 0),
        12,
        'each expired token once, the replaced one not (its successor lives)',
      );
      assert.equal(stepOf(await service.maintain(), 'expiry-events')?.counts.recorded, 0);
      const expired = (await trail('ada', null)).filter((event) => event.type === 'expired');
      assert.equal(expired.length, 12);
      assert.ok(
        expired.every((event) => event.actor === 'system' && event.at === event.expiresAt && event.at === '2026-12-02T12:00:00.000Z'),
      );
      assert.equal(heard.length, 12, 'and the hook heard each once');
      assert.ok(!expired.some((event) => event.tokenId === long.token.id));
    });

    it('hands each token expiring within the window to the notifier once, across runs and processes', async () => {
      const told: ExpiryReminder[] = [];
      const notify = async (reminder: ExpiryReminder) => void told.push(reminder);
      const reminding = make({ expiryReminders: { notify } });
      const soon = await reminding.create('ada', { name: 'soon', expiresInDays: 30 });
      await reminding.create('ada', { name: 'later', expiresInDays: 60 });
      const brief = await reminding.create('ada', { name: 'made for 5 days', expiresInDays: 5 });
      const replaced = await reminding.create('grace', { name: 'replaced', expiresInDays: 30 });
      clock.advance(HOUR);
      const successor = await reminding.rotate('grace', replaced.token.id, { expiresInDays: 90, gracePeriodHours: 168 });
      clock.advance(24 * DAY);

      const others = Array.from({ length: 3 }, () => make({ expiryReminders: { notify } }));
      const reports = await Promise.all([reminding, ...others].map((each) => each.maintain()));
      assert.equal(
        reports.reduce((sum, report) => sum + (stepOf(report, 'expiry-reminders')?.counts.sent ?? 0), 0),
        1,
      );
      assert.deepEqual(
        told.map(({ userId, token, daysLeft, expiresAt }) => [userId, token.id, token.name, daysLeft, expiresAt.toISOString()]),
        [['ada', soon.token.id, 'soon', 5, soon.token.expiresAt]],
        'not the one made to live less than the window, nor one in its grace period',
      );
      assert.ok(!JSON.stringify(told).includes(soon.secret), 'no secret');
      assert.deepEqual(stepOf(await reminding.maintain(), 'expiry-reminders')?.counts, { sent: 0, failed: 0 }, 'once');

      clock.advance(30 * DAY);
      await reminding.maintain();
      assert.deepEqual(
        told.map((reminder) => reminder.token.name),
        ['soon', 'later'],
      );
      assert.ok(!told.some((reminder) => reminder.token.id === brief.token.id || reminder.token.id === successor.token.id));
      const reminded = (await trail('ada', soon.token.id)).find((event) => event.type === 'expiry-reminder');
      assert.equal(reminded?.expiresAt, soon.token.expiresAt);
      assert.equal(reminded?.actor, 'system');
    });

    it('a notifier that fails: the token is tried again at the next run, the failure reported', async () => {
      const reports: unknown[] = [];
      let down = true;
      const told: string[] = [];
      const reminding = make({
        onError: (error) => reports.push(error),
        expiryReminders: {
          withinDays: 3,
          async notify({ token }) {
            if (down) throw new Error('SMTP down');
            told.push(token.name);
          },
        },
      });
      await reminding.create('ada', { name: 'a', expiresInDays: 10 });
      clock.advance(8 * DAY);
      assert.deepEqual(stepOf(await reminding.maintain(), 'expiry-reminders')?.counts, { sent: 0, failed: 1 });
      assert.equal(reports.length, 1);
      assert.equal(((reports[0] as Error).cause as Error).message, 'SMTP down');
      down = false;
      assert.deepEqual(stepOf(await reminding.maintain(), 'expiry-reminders')?.counts, { sent: 1, failed: 0 });
      assert.deepEqual(told, ['a']);
    });

    it('refuses reminder options without a notifier or with an odd window', () => {
      for (const expiryReminders of [{}, { notify: () => {}, withinDays: 0 }, { notify: () => {}, withinDays: 2.5 }]) {
        assert.throws(() => createTokenService({ store, prefix: 'pat', expiryReminders: expiryReminders as never }), TypeError);
      }
    });
  });

  describe('never a secret', () => {
    it('no stored row or event holds a secret, not even one a caller put in its user agent', async () => {
      const created = await service.create('ada', { name: 'CI', expiresInDays: 30 }, { caller: LAPTOP });
      await service.verify(created.secret, { caller: { ip: CURL.ip, userAgent: `leaky-client/1 (${created.secret})` } });
      const rotated = await service.rotate('ada', created.token.id, { expiresInDays: 30, gracePeriodHours: 1 });
      await service.verify(rotated.secret, { caller: CURL });
      await service.flushUsage();
      await service.revoke('ada', rotated.token.id);
      clock.advance(40 * DAY);
      await service.maintain();

      const stored = (await kit.dump()).toLowerCase();
      assert.ok(stored.includes('curl/8.5'), 'the dump shows the callers');
      assert.ok(stored.includes('leaky-client/1 (pat_…)'), 'with a secret in a user agent blanked');
      for (const { secret } of [created, rotated]) {
        const hex = createHash('sha256').update(secret).digest('hex');
        for (const encoded of [secret, secret.slice(4), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('hex')]) {
          assert.ok(!stored.includes(encoded.toLowerCase()), 'a stored row holds a secret');
        }
        assert.ok(!JSON.stringify(await trail('ada', null)).includes(hex), 'an event holds no hash');
      }
      assert.ok(!JSON.stringify(heard).includes(created.secret));
    });
  });

  describe('over HTTP', () => {
    it('serves both trails, paged, with the request’s address read by clientIp; 404 and 422 where they belong', async () => {
      const handler = createFetchHandler(service, {
        basePath: '/api/tokens',
        authenticate: (request) => request.headers.get('x-user'),
        clientIp: { header: 'x-forwarded-for' },
      });
      const headers = { 'x-forwarded-for': '10.9.9.9, 203.0.113.50', 'user-agent': 'Firefox/140.0' };
      const created = await call(handler, 'POST', '/api/tokens', { body: { name: 'web', expiresInDays: 30 }, headers });
      const { token, secret } = (await created.json()) as { token: { id: string }; secret: string };
      clock.advance(1_000);
      await service.verify(secret, { caller: CURL });
      await service.flushUsage();

      const page = await call(handler, 'GET', `/api/tokens/${token.id}/activity`);
      assert.equal(page.status, 200);
      assert.equal(page.headers.get('cache-control'), 'no-store');
      const body = z.parse(ActivityPageSchema, await page.json());
      assert.deepEqual(
        body.events.map(({ type, ip, userAgent }) => [type, ip, userAgent]),
        [
          ['new-caller', CURL.ip, CURL.userAgent],
          ['created', '203.0.113.50', 'Firefox/140.0'],
        ],
        'the nearest proxy’s view of the address, never what the client wrote to the left',
      );
      assert.deepEqual(
        body.callers?.map(({ ip, userAgent }) => [ip, userAgent]),
        [[CURL.ip, CURL.userAgent]],
      );
      assert.equal(body.next, null);

      const all = z.parse(ActivityPageSchema, await (await call(handler, 'GET', '/api/tokens/activity?cursor=')).json());
      assert.equal(all.events.length, 2);
      assert.equal(all.callers, undefined, 'callers belong to one token’s page');
      assert.equal((await call(handler, 'HEAD', '/api/tokens/activity')).status, 200);

      const theirs = z.parse(
        ActivityPageSchema,
        await (await call(handler, 'GET', `/api/tokens/${token.id}/activity`, { user: 'grace' })).json(),
      );
      assert.deepEqual(theirs.events, [], 'another user sees nothing of it, as of an id never made');
      assert.equal(theirs.callers, undefined);
      assert.deepEqual(await (await call(handler, 'GET', '/api/tokens/not-ours/activity')).json(), { events: [], next: null });
      const badCursor = await expectProblem(await call(handler, 'GET', '/api/tokens/activity?cursor=abc'), 422);
      assert.ok(badCursor.errors && 'cursor' in badCursor.errors);
      await expectProblem(await call(handler, 'POST', '/api/tokens/activity', { body: {} }), 405);
      await expectProblem(await call(handler, 'GET', '/api/tokens/activity', { user: null }), 401);
    });

    it('without basePath, and through a Node request’s own address', async () => {
      const handler = createFetchHandler(service, { authenticate: (request) => request.headers.get('x-user') });
      const node = { headers: {}, socket: { remoteAddress: '2001:db8::7' } };
      const request = new Request('http://host/v1/tokens', {
        method: 'POST',
        headers: { 'x-user': 'ada', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'n', expiresInDays: 1 }),
      });
      const { token } = (await (await handler(request, { req: node })).json()) as { token: { id: string } };
      const one = z.parse(ActivityPageSchema, await (await call(handler, 'GET', `/v1/tokens/${token.id}/activity`)).json());
      assert.equal(one.events[0]?.ip, '2001:db8::7');
      const all = z.parse(ActivityPageSchema, await (await call(handler, 'GET', '/v1/tokens/activity')).json());
      assert.equal(all.events.length, 1);
    });
  });
}
