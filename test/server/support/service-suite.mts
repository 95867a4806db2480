/**
 * What `createTokenService` promises, run on every store kit: the token format, the policy, the
 * scope catalogue, rotation and its grace period, revocation, and `verify` with its once-a-minute
 * `lastUsedAt`.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import {
  createTokenService,
  TokenServiceError,
  type TokenPolicy,
  type TokenService,
  type TokenServiceOptions,
  type TokenStore,
  type TokenUse,
} from '../../../src/server/index.js';
import { generateSecret, isWellFormedSecret } from '../../../src/server/token-format.js';
import { DAY, HOUR, MINUTE, testClock, type Counters, type StoreKit } from './kits.mjs';

const SCOPES = [
  { id: 'repo:read', label: 'Read repositories' },
  { id: 'repo:write', label: 'Write repositories' },
  { id: 'deploy', label: 'Deploy' },
];

/** Asserts that `promise` rejects with a `TokenServiceError` of `code`, and returns it. */
export async function rejectsWith(promise: Promise<unknown>, code: TokenServiceError['code']): Promise<TokenServiceError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof TokenServiceError, `expected a TokenServiceError, got ${String(error)}`);
    assert.equal(error.code, code);
    return error;
  }
  assert.fail(`expected a ${code} rejection, but it resolved`);
}

export function serviceSuite(makeKit: () => Promise<StoreKit>): void {
  let kit: StoreKit;
  let store: TokenStore;
  let counters: Counters;
  let clock: ReturnType<typeof testClock>;
  let service: TokenService;

  /** Every service a test made: their uses are written before the store goes. */
  const made: TokenService[] = [];
  const make = (options: Partial<TokenServiceOptions> = {}, policy: TokenPolicy = {}) => {
    const each = createTokenService({ store, prefix: 'pat', clock: clock.now, ...options, policy: { ...policy, ...options.policy } });
    made.push(each);
    return each;
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
    service = make();
  });
  afterEach(async () => {
    await Promise.all(made.splice(0).map((each) => each.flushUsage()));
  });

  describe('create', () => {
    it('returns the secret once, in GitHub’s format, and metadata without it', async () => {
      const { token, secret } = await service.create('ada', { name: '  CI deploy  ', description: ' Ships builds ', expiresInDays: 30 });
      assert.match(secret, /^pat_[0-9A-Za-z]{36}$/);
      assert.ok(isWellFormedSecret(secret, 'pat'), 'the checksum matches');
      assert.equal(token.partialKey, secret.slice(0, 8));
      assert.equal(token.name, 'CI deploy');
      assert.equal(token.description, 'Ships builds');
      assert.equal(token.createdAt, '2026-12-01T12:00:00.000Z');
      assert.equal(token.expiresAt, '2026-12-31T12:00:00.000Z');
      assert.equal(token.lastUsedAt, null);
      assert.equal(token.scopes, null);
      assert.equal(token.replacedBy, null);
      assert.ok(!JSON.stringify(token).includes(secret.slice(8)), 'the metadata holds no more of the secret than the partial key');
    });

    it('gives every token its own id and secret', async () => {
      const made = await Promise.all([1, 2, 3].map((n) => service.create('ada', { name: `t${n}`, expiresInDays: 1 })));
      assert.equal(new Set(made.map((m) => m.secret)).size, 3);
      assert.equal(new Set(made.map((m) => m.token.id)).size, 3);
    });

    it('stores nothing when the request is invalid, and says which field is wrong', async () => {
      const cases: Array<[unknown, string]> = [
        [{ expiresInDays: 30 }, 'name'],
        [{ name: '   ', expiresInDays: 30 }, 'name'],
        [{ name: 'x'.repeat(101), expiresInDays: 30 }, 'name'],
        [{ name: 'ok', description: 'x'.repeat(501), expiresInDays: 30 }, 'description'],
        [{ name: 'ok' }, 'expiresInDays'],
        [{ name: 'ok', expiresInDays: 0 }, 'expiresInDays'],
        [{ name: 'ok', expiresInDays: 1.5 }, 'expiresInDays'],
        [{ name: 'ok', expiresInDays: '30' }, 'expiresInDays'],
        [{ name: 'ok', expiresInDays: 367 }, 'expiresInDays'],
        [{ name: 'ok', expiresInDays: null }, 'expiresInDays'],
        [{ name: 'ok', expiresInDays: 30, scopes: ['repo:read'] }, 'scopes'],
      ];
      for (const [request, field] of cases) {
        const error = await rejectsWith(service.create('ada', request as never), 'invalid-request');
        assert.deepEqual(Object.keys(error.fieldErrors ?? {}), [field], `${JSON.stringify(request)} blames ${field}`);
      }
      const notAnObject = await rejectsWith(service.create('ada', [] as never), 'invalid-request');
      assert.equal(notAnObject.fieldErrors, undefined);
      assert.deepEqual(await service.list('ada'), []);
      assert.equal(counters.byMethod.insert ?? 0, 0, 'the store was never asked to insert');
    });

    it('keeps the limits the contract defines once: 100 characters of name, 500 of description', async () => {
      const { token } = await service.create('ada', { name: 'n'.repeat(100), description: 'd'.repeat(500), expiresInDays: 1 });
      assert.equal(token.name.length, 100);
      assert.equal(token.description?.length, 500);
    });

    it('applies the policy: maximum lifetime, and "no expiration" only when allowed', async () => {
      const strict = make({}, { maxLifetimeDays: 90 });
      await strict.create('ada', { name: 'ok', expiresInDays: 90 });
      const error = await rejectsWith(strict.create('ada', { name: 'long', expiresInDays: 91 }), 'invalid-request');
      assert.match(error.fieldErrors!.expiresInDays!, /at most 90 days/);

      const lenient = make({}, { allowNoExpiration: true });
      const { token } = await lenient.create('ada', { name: 'forever', expiresInDays: null });
      assert.equal(token.expiresAt, null);
    });

    it('limits scopes to the catalogue, without repeats', async () => {
      const scoped = make({ scopes: SCOPES });
      const { token } = await scoped.create('ada', { name: 'ro', expiresInDays: 7, scopes: ['repo:read', 'deploy', 'repo:read'] });
      assert.deepEqual(token.scopes, ['repo:read', 'deploy']);
      const error = await rejectsWith(
        scoped.create('ada', { name: 'x', expiresInDays: 7, scopes: ['repo:read', 'admin'] }),
        'invalid-request',
      );
      assert.deepEqual(Object.keys(error.fieldErrors!), ['scopes']);
      assert.ok(!error.fieldErrors!.scopes!.includes('admin'), 'the unknown value is not echoed');
      await rejectsWith(scoped.create('ada', { name: 'x', expiresInDays: 7, scopes: [] }), 'invalid-request');
      const all = await scoped.create('ada', { name: 'all', expiresInDays: 7, scopes: SCOPES.map((scope) => scope.id) });
      assert.deepEqual(all.token.scopes, ['repo:read', 'repo:write', 'deploy'], 'all permissions only by choosing them all');
      const unscoped = await make().create('ada', { name: 'all', expiresInDays: 7 });
      assert.equal(unscoped.token.scopes, null, 'without a catalogue: all of the owner’s permissions, as the contract says');
    });

    it('gives a create without scopes the catalogue’s defaults, and refuses it when none is a default', async () => {
      const withDefaults = make({ scopes: [{ ...SCOPES[0]!, default: true }, SCOPES[1]!, { ...SCOPES[2]!, default: true }] });
      const { token } = await withDefaults.create('ada', { name: 'defaults', expiresInDays: 7 });
      assert.deepEqual(token.scopes, ['repo:read', 'deploy']);
      const error = await rejectsWith(make({ scopes: SCOPES }).create('ada', { name: 'none', expiresInDays: 7 }), 'invalid-request');
      assert.deepEqual(error.fieldErrors, { scopes: 'Choose at least one permission.' });
    });

    it('stops at the per-user maximum; a deleted token frees its slot; other users are not affected', async () => {
      const limited = make({}, { maxTokensPerUser: 3 });
      const made = [];
      for (let n = 0; n < 3; n += 1) made.push(await limited.create('ada', { name: `t${n}`, expiresInDays: 1 }));
      const error = await rejectsWith(limited.create('ada', { name: 'one too many', expiresInDays: 1 }), 'token-limit');
      assert.match(error.message, /3 tokens/);
      await limited.create('grace', { name: 'someone else', expiresInDays: 1 });
      await limited.revoke('ada', made[0]!.token.id);
      await limited.create('ada', { name: 'fits again', expiresInDays: 1 });
      assert.equal((await limited.list('ada')).length, 3);
    });

    it('counts expired tokens until they are deleted, but not a rotation’s old token', async () => {
      const limited = make({}, { maxTokensPerUser: 2 });
      await limited.create('ada', { name: 'expired', expiresInDays: 1 });
      const current = await limited.create('ada', { name: 'current', expiresInDays: 30 });
      clock.advance(2 * DAY);
      await rejectsWith(limited.create('ada', { name: 'c', expiresInDays: 1 }), 'token-limit');
      await limited.rotate('ada', current.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      await rejectsWith(limited.create('ada', { name: 'c', expiresInDays: 1 }), 'token-limit');
      assert.deepEqual(
        (await limited.list('ada')).map((t) => `${t.name}${t.replacedBy ? ' (replaced)' : ''}`).sort(),
        ['current', 'current (replaced)', 'expired'],
        'the rotation’s new token, the old one in its grace period, and the expired one',
      );
    });
  });

  describe('list', () => {
    it('lists only the user’s own tokens, newest first', async () => {
      await service.create('ada', { name: 'older', expiresInDays: 1 });
      clock.advance(MINUTE);
      await service.create('grace', { name: 'not hers', expiresInDays: 1 });
      clock.advance(MINUTE);
      await service.create('ada', { name: 'newer', expiresInDays: 1 });
      assert.deepEqual(
        (await service.list('ada')).map((t) => t.name),
        ['newer', 'older'],
      );
      assert.deepEqual(
        (await service.list('grace')).map((t) => t.name),
        ['not hers'],
      );
      assert.deepEqual(await service.list('nobody'), []);
    });

    it('keeps expired tokens (the page shows them as expired)', async () => {
      await service.create('ada', { name: 'short', expiresInDays: 1 });
      clock.advance(3 * DAY);
      assert.deepEqual(
        (await service.list('ada')).map((t) => t.name),
        ['short'],
      );
    });
  });

  describe('rotate', () => {
    it('makes a new token with the old one’s name, description and scopes; the old one works through the grace period', async () => {
      const scoped = make({ scopes: SCOPES });
      const old = await scoped.create('ada', { name: 'deploy', description: 'prod', expiresInDays: 30, scopes: ['deploy'] });
      clock.advance(HOUR);
      const rotated = await scoped.rotate('ada', old.token.id, { expiresInDays: 7, gracePeriodHours: 24 });

      assert.notEqual(rotated.secret, old.secret);
      assert.notEqual(rotated.token.id, old.token.id);
      assert.deepEqual(
        { name: rotated.token.name, description: rotated.token.description, scopes: rotated.token.scopes },
        { name: 'deploy', description: 'prod', scopes: ['deploy'] },
      );
      assert.equal(rotated.token.createdAt, '2026-12-01T13:00:00.000Z');
      assert.equal(rotated.token.expiresAt, '2026-12-08T13:00:00.000Z');
      assert.equal(rotated.previous?.id, old.token.id);
      assert.equal(rotated.previous?.replacedBy, rotated.token.id);
      assert.equal(rotated.previous?.expiresAt, '2026-12-02T13:00:00.000Z', 'now + 24 h');

      assert.deepEqual(
        (await scoped.list('ada')).map((t) => t.id),
        [rotated.token.id, old.token.id],
      );
      clock.advance(23 * HOUR);
      assert.equal((await scoped.verify(old.secret))?.tokenId, old.token.id, 'the old secret works during the grace period');
      assert.equal((await scoped.verify(rotated.secret))?.tokenId, rotated.token.id);
      clock.advance(HOUR);
      assert.equal(await scoped.verify(old.secret), null, 'and stops when it ends');
      assert.deepEqual(
        (await scoped.list('ada')).map((t) => t.id),
        [rotated.token.id],
        'the old token leaves the list with it',
      );
    });

    it('never lengthens the old token’s life: the grace ends at its own expiry if that comes first', async () => {
      const old = await service.create('ada', { name: 'short', expiresInDays: 1 });
      clock.advance(23 * HOUR);
      const { previous } = await service.rotate('ada', old.token.id, { expiresInDays: 7, gracePeriodHours: 48 });
      assert.equal(previous?.expiresAt, old.token.expiresAt);
    });

    it('with no grace period revokes the old token at once and answers previous: null', async () => {
      const old = await service.create('ada', { name: 'leaked', expiresInDays: 30 });
      const rotated = await service.rotate('ada', old.token.id, { expiresInDays: 30 });
      assert.equal(rotated.previous, null);
      assert.equal(await service.verify(old.secret), null);
      assert.deepEqual(
        (await service.list('ada')).map((t) => t.id),
        [rotated.token.id],
      );
    });

    it('cannot rotate a token twice, an unknown token, or another user’s token', async () => {
      const old = await service.create('ada', { name: 'a', expiresInDays: 30 });
      await service.rotate('ada', old.token.id, { expiresInDays: 30, gracePeriodHours: 1 });
      await rejectsWith(service.rotate('ada', old.token.id, { expiresInDays: 30, gracePeriodHours: 1 }), 'already-replaced');
      await rejectsWith(service.rotate('ada', 'tok_missing', { expiresInDays: 30 }), 'not-found');
      const hers = await service.create('grace', { name: 'b', expiresInDays: 30 });
      await rejectsWith(service.rotate('ada', hers.token.id, { expiresInDays: 30 }), 'not-found');
      assert.equal((await service.list('grace'))[0]?.replacedBy, null, 'her token is untouched');
    });

    it('validates the request against the contract and the policy', async () => {
      const { token } = await service.create('ada', { name: 'a', expiresInDays: 30 });
      const tooLong = await rejectsWith(service.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours: 169 }), 'invalid-request');
      assert.deepEqual(Object.keys(tooLong.fieldErrors!), ['gracePeriodHours']);
      const stricter = make({}, { maxGracePeriodHours: 12 });
      const overPolicy = await rejectsWith(
        stricter.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours: 13 }),
        'invalid-request',
      );
      assert.match(overPolicy.fieldErrors!.gracePeriodHours!, /at most 12 hours/);
      await rejectsWith(service.rotate('ada', token.id, { expiresInDays: null }), 'invalid-request');
      assert.equal((await service.list('ada'))[0]?.replacedBy, null, 'nothing was rotated');
    });
  });

  describe('revoke', () => {
    it('deletes the token: it is gone from the list and its secret stops working', async () => {
      const { token, secret } = await service.create('ada', { name: 'a', expiresInDays: 30 });
      await service.revoke('ada', token.id);
      assert.deepEqual(await service.list('ada'), []);
      assert.equal(await service.verify(secret), null);
      await rejectsWith(service.revoke('ada', token.id), 'not-found');
    });

    it('cannot delete another user’s token', async () => {
      const { token, secret } = await service.create('grace', { name: 'hers', expiresInDays: 30 });
      await rejectsWith(service.revoke('ada', token.id), 'not-found');
      assert.equal((await service.verify(secret))?.userId, 'grace');
    });
  });

  describe('verify', () => {
    it('tells who a secret acts for, with its scopes', async () => {
      const scoped = make({ scopes: SCOPES });
      const { token, secret } = await scoped.create('ada', { name: 'a', expiresInDays: 30, scopes: ['repo:read'] });
      assert.deepEqual(await scoped.verify(secret), { userId: 'ada', tokenId: token.id, scopes: ['repo:read'] });
    });

    it('rejects an unknown but well-formed secret after one lookup', async () => {
      await service.create('ada', { name: 'a', expiresInDays: 1 });
      const unknown = generateSecret('pat');
      counters.byMethod = {};
      assert.equal(await service.verify(unknown), null);
      assert.deepEqual(counters.byMethod, { findByHash: 1 });
    });

    it('records lastUsedAt off the request’s path, at most once a minute per token, in one write per batch', async () => {
      const { token, secret } = await service.create('ada', { name: 'a', expiresInDays: 30 });
      const other = await service.create('ada', { name: 'b', expiresInDays: 30 });
      const lastUsed = async (id = token.id) => (await service.list('ada')).find((t) => t.id === id)?.lastUsedAt;
      counters.byMethod = {};

      await service.verify(secret);
      assert.equal(await lastUsed(), null, 'verify returned before any write');
      assert.equal(counters.byMethod.recordUses ?? 0, 0);
      await service.verify(other.secret);
      await service.flushUsage();
      assert.equal(await lastUsed(), '2026-12-01T12:00:00.000Z');
      assert.equal(await lastUsed(other.token.id), '2026-12-01T12:00:00.000Z');
      assert.equal(counters.byMethod.recordUses, 1, 'two tokens, one write');

      clock.advance(59_000);
      await service.verify(secret);
      await service.flushUsage();
      assert.equal(await lastUsed(), '2026-12-01T12:00:00.000Z', 'unchanged within the minute');
      assert.equal(counters.byMethod.recordUses, 1, 'no write for a use within the minute');
      clock.advance(1_000);
      await service.verify(secret);
      await service.flushUsage();
      assert.equal(await lastUsed(), '2026-12-01T12:01:00.000Z');
      assert.equal(counters.byMethod.recordUses, 2);
    });

    it('records nothing with usage: false', async () => {
      const quiet = make({ usage: false });
      const { token, secret } = await quiet.create('ada', { name: 'a', expiresInDays: 30 });
      counters.byMethod = {};
      assert.equal((await quiet.verify(secret))?.tokenId, token.id);
      await quiet.flushUsage();
      assert.deepEqual(counters.byMethod, { findByHash: 1 });
      assert.equal((await quiet.list('ada'))[0]?.lastUsedAt, null);
    });

    it('rejects a token from the moment it expires', async () => {
      const { secret } = await service.create('ada', { name: 'a', expiresInDays: 1 });
      clock.advance(DAY - 1);
      assert.ok(await service.verify(secret));
      clock.advance(1);
      assert.equal(await service.verify(secret), null);
    });

    it('rejects another prefix, and anything that is not a string', async () => {
      const { secret } = await service.create('ada', { name: 'a', expiresInDays: 1 });
      const otherPrefix = make({ prefix: 'ghp' });
      assert.equal(await otherPrefix.verify(secret), null);
      for (const junk of [undefined, null, 42, {}, '', 'pat_', secret + 'x', secret.slice(0, -1)]) {
        assert.equal(await service.verify(junk as never), null);
      }
    });
  });

  describe('check', () => {
    it('says why a secret is refused: malformed (no store call), unknown, expired; deleted is unknown (revoking deletes the row today)', async () => {
      const { secret } = await service.create('ada', { name: 'a', expiresInDays: 1 });
      const deleted = await service.create('ada', { name: 'b', expiresInDays: 30 });
      await service.revoke('ada', deleted.token.id);
      counters.byMethod = {};
      for (const malformed of [
        '',
        'pat_',
        `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`,
        `ghp${secret.slice(3)}`,
        42 as never,
      ]) {
        assert.deepEqual(await service.check(malformed), { ok: false, reason: 'malformed' }, String(malformed));
      }
      assert.deepEqual(counters.byMethod, {}, 'a malformed secret costs no store call');
      assert.deepEqual(await service.check(generateSecret('pat')), { ok: false, reason: 'unknown' });
      assert.deepEqual(await service.check(deleted.secret), { ok: false, reason: 'unknown' });
      clock.advance(DAY);
      assert.deepEqual(await service.check(secret), { ok: false, reason: 'expired' });
    });

    it('a rotated token: valid in its grace period, expired after it', async () => {
      const { token, secret } = await service.create('ada', { name: 'a', expiresInDays: 30 });
      await service.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours: 1 });
      assert.equal((await service.check(secret)).ok, true);
      clock.advance(HOUR);
      assert.deepEqual(await service.check(secret), { ok: false, reason: 'expired' });
    });

    it('with scopes: every one asked for must be granted; a token without scopes has all; insufficient-scope names the token', async () => {
      const scoped = make({ scopes: SCOPES });
      const reader = await scoped.create('ada', { name: 'r', expiresInDays: 30, scopes: ['repo:read'] });
      // Made before the service had a catalogue: no scopes, every permission.
      const everything = await make().create('ada', { name: 'all', expiresInDays: 30 });
      const readerToken = { userId: 'ada', tokenId: reader.token.id, scopes: ['repo:read'] };
      assert.deepEqual(await scoped.check(reader.secret, { scopes: ['repo:read'] }), { ok: true, token: readerToken });
      assert.deepEqual(await scoped.check(reader.secret, { scopes: ['repo:read', 'deploy'] }), {
        ok: false,
        reason: 'insufficient-scope',
        token: readerToken,
      });
      assert.equal((await scoped.check(everything.secret, { scopes: ['repo:write', 'deploy'] })).ok, true);
      assert.equal(await scoped.verify(reader.secret, { scopes: ['deploy'] }), null, 'verify: null for insufficient-scope too');
      assert.equal((await scoped.verify(reader.secret, { scopes: ['repo:read'] }))?.tokenId, reader.token.id);
    });

    it('refuses a scope the catalogue does not have (a typo), in check and when a guard is made; without a catalogue any scope is granted', async () => {
      const scoped = make({ scopes: SCOPES });
      const { secret } = await scoped.create('ada', { name: 'r', expiresInDays: 30, scopes: ['repo:read'] });
      await assert.rejects(scoped.check(secret, { scopes: ['repo:raed'] }), /"repo:raed" is not in the service's scope catalogue/);
      assert.throws(() => scoped.requireToken({ scopes: ['deploi'] }), /"deploi" is not in the service's scope catalogue/);
      await assert.rejects(scoped.check(secret, { scopes: 'repo:read' as never }), /scopes must be a list of scope ids/);
      const plain = await service.create('ada', { name: 'p', expiresInDays: 30 });
      assert.equal((await service.check(plain.secret, { scopes: ['anything'] })).ok, true, 'no catalogue: every token has all permissions');
    });

    it('passes the caller on with the use (bounded), also for a token refused for a scope; not for a refused secret', async () => {
      const uses: TokenUse[] = [];
      const recording: TokenStore = {
        ...store,
        async recordUses(batch) {
          uses.push(...batch);
          await store.recordUses?.(batch);
        },
      };
      const scoped = make({ store: recording, scopes: SCOPES });
      const a = await scoped.create('ada', { name: 'a', expiresInDays: 30, scopes: ['repo:read'] });
      const b = await scoped.create('ada', { name: 'b', expiresInDays: 30, scopes: ['deploy'] });
      await scoped.check(a.secret, { scopes: ['deploy'], caller: { ip: '203.0.113.9', userAgent: 'x'.repeat(1000) } });
      await scoped.check(b.secret, { caller: { ip: '2001:db8::1' } });
      await scoped.check(generateSecret('pat'), { caller: { ip: '198.51.100.1' } });
      await scoped.flushUsage();
      const byToken = Object.fromEntries(uses.map((use) => [use.tokenId, use.caller]));
      assert.deepEqual(byToken, {
        [a.token.id]: { ip: '203.0.113.9', userAgent: 'x'.repeat(256) },
        [b.token.id]: { ip: '2001:db8::1' },
      });
      assert.equal((await scoped.list('ada')).find((t) => t.id === a.token.id)?.lastUsedAt, '2026-12-01T12:00:00.000Z');
    });

    it('throws unavailable when the store cannot answer, never a refusal', async () => {
      const down: TokenStore = {
        ...store,
        findByHash: () => Promise.reject(new TokenServiceError('unavailable', 'down')),
      };
      const broken = make({ store: down });
      const secret = generateSecret('pat');
      await rejectsWith(broken.check(secret), 'unavailable');
      await rejectsWith(broken.verify(secret), 'unavailable');
      assert.deepEqual(await broken.check('not a secret'), { ok: false, reason: 'malformed' }, 'a malformed one needs no store');
    });
  });

  describe('options', () => {
    it('refuses a prefix scanners could not match, an impossible policy, or a broken catalogue', () => {
      for (const prefix of ['', '9pat', 'pat-x', 'p'.repeat(33), 'pa t']) {
        assert.throws(() => createTokenService({ store, prefix }), TypeError, `prefix ${JSON.stringify(prefix)}`);
      }
      for (const policy of [{ maxLifetimeDays: 0 }, { maxTokensPerUser: 1.5 }, { maxGracePeriodHours: 169 }, { maxLifetimeDays: 40_000 }]) {
        assert.throws(() => createTokenService({ store, prefix: 'pat', policy }), TypeError, JSON.stringify(policy));
      }
      assert.throws(() => createTokenService({ store, prefix: 'pat', scopes: [{ id: 'a', label: '' }] }), TypeError);
      assert.throws(() => createTokenService({ store, prefix: 'pat', scopes: [{ id: 'a', label: { en: ' ', de: '' } }] }), TypeError);
      assert.throws(() => createTokenService({ store, prefix: 'pat', policy: { presets: [7, 0] } }), TypeError, 'a preset of 0 days');
      assert.throws(
        () =>
          createTokenService({
            store,
            prefix: 'pat',
            scopes: [
              { id: 'a', label: 'A' },
              { id: 'a', label: 'B' },
            ],
          }),
        TypeError,
      );
    });

    it('tells the page its catalogue (text per language included) and its policy in the list answer', async () => {
      const scopes = [
        { id: 'repo:read', label: { en: 'Read repositories', de: 'Repositorys lesen' }, group: 'Repositories', default: true },
        { id: 'deploy', label: 'Deploy' },
      ];
      const told = make({ scopes }, { maxLifetimeDays: 90, maxTokensPerUser: 5, maxGracePeriodHours: 24, presets: [7, 30, 90] });
      const { token } = await told.create('ada', { name: 'CI', expiresInDays: 7 });
      const answer = await told.listAnswer('ada');
      assert.deepEqual(answer, {
        tokens: await told.list('ada'),
        scopes,
        policy: { maxLifetimeDays: 90, allowNoExpiration: false, maxTokensPerUser: 5, maxGracePeriodHours: 24, presets: [7, 30, 90] },
      });
      assert.deepEqual(
        answer.tokens.map((t) => t.id),
        [token.id],
      );
      answer.scopes![0]!.id = 'changed';
      assert.equal((await told.listAnswer('ada')).scopes![0]!.id, 'repo:read', 'each answer is a copy');
      assert.deepEqual(await service.listAnswer('bob'), {
        tokens: [],
        policy: { maxLifetimeDays: 366, allowNoExpiration: false, maxTokensPerUser: 100, maxGracePeriodHours: 168 },
      });
    });

    it('has the documented defaults', () => {
      assert.deepEqual(service.policy, {
        maxLifetimeDays: 366,
        allowNoExpiration: false,
        maxTokensPerUser: 100,
        maxGracePeriodHours: 168,
        expiredRetentionDays: 30,
        revokedRetentionDays: 30,
      });
    });

    it('refuses an empty user id: a host bug must not create tokens nobody owns', async () => {
      await assert.rejects(service.create('', { name: 'a', expiresInDays: 1 }), TypeError);
      await assert.rejects(service.list(undefined as never), TypeError);
    });
  });
}
