/**
 * The server's security rules, run on every store kit: the secret is stored nowhere (not even
 * as hex or base64), a mistyped token costs no query, dead tokens never verify, another user's
 * token is "not found" on every route, and the limits hold under parallel requests.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, afterEach, before, beforeEach, it } from 'node:test';
import { createFetchHandler, createTokenService, type FetchHandler, type TokenService } from '../../../src/server/index.js';
import { DAY, HOUR, testClock, type Counters, type StoreKit } from './kits.mjs';
import { rejectsWith } from './service-suite.mjs';

/** How a secret could sit in a column: as is, its bytes in hex, in base64 and base64url. */
function encodings(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const random = secret.slice(secret.indexOf('_') + 1);
  return [
    secret,
    random,
    bytes.toString('hex'),
    bytes.toString('base64'),
    bytes.toString('base64url'),
    Buffer.from(random).toString('hex'),
    Buffer.from(random).toString('base64'),
  ];
}

export function securitySuite(makeKit: () => Promise<StoreKit>): void {
  let kit: StoreKit;
  let counters: Counters;
  let clock: ReturnType<typeof testClock>;
  let service: TokenService;
  let handler: FetchHandler;

  before(async () => {
    kit = await makeKit();
  });
  after(async () => {
    await kit.close();
  });
  beforeEach(async () => {
    const fresh = await kit.fresh();
    counters = fresh.counters;
    clock = testClock();
    service = createTokenService({
      store: fresh.store,
      prefix: 'pat',
      clock: clock.now,
      scopes: [{ id: 'read', label: 'Read', default: true }],
      policy: { maxTokensPerUser: 20, allowNoExpiration: true },
    });
    handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: (request) => request.headers.get('x-user') });
  });
  afterEach(() => service.flushUsage());

  it('after create, verify and rotate, no column of any row holds a secret, nor its hex or base64', async () => {
    const created = await service.create('ada', { name: 'CI', description: 'deploys', expiresInDays: 30, scopes: ['read'] });
    const forever = await service.create('ada', { name: 'forever', expiresInDays: null });
    await service.verify(created.secret);
    const graceful = await service.rotate('ada', created.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
    await service.verify(created.secret);
    await service.verify(graceful.secret);
    const immediate = await service.rotate('ada', forever.token.id, { expiresInDays: 7 });
    await service.verify(immediate.secret);
    await service.flushUsage();

    const stored = (await kit.dump()).toLowerCase();
    // The dump must show what is stored, or the checks below prove nothing: the hash is there.
    assert.ok(stored.includes(createHash('sha256').update(graceful.secret).digest('hex')), 'the dump shows the stored hashes');
    assert.ok(stored.includes(graceful.token.partialKey.toLowerCase()), 'and the partial keys');
    for (const { secret } of [created, forever, graceful, immediate]) {
      for (const encoded of encodings(secret))
        assert.ok(!stored.includes(encoded.toLowerCase()), `a stored row holds ${encoded.length} characters of a secret`);
    }
  });

  it('a secret with any one character changed fails the checksum, with zero store calls and zero queries', async () => {
    const { secret } = await service.create('ada', { name: 'a', expiresInDays: 30 });
    counters.storeCalls = 0;
    counters.sqlQueries = 0;
    const start = 'pat_'.length;
    let tried = 0;
    for (let position = start; position < secret.length; position += 1) {
      for (const replacement of ['0', 'z', 'Q']) {
        if (secret[position] === replacement) continue;
        const changed = secret.slice(0, position) + replacement + secret.slice(position + 1);
        assert.equal(await service.verify(changed), null, `changed at ${position}`);
        tried += 1;
      }
    }
    assert.equal(await service.verify(`paT${secret.slice(3)}`), null, 'a changed prefix');
    assert.ok(tried > 100);
    assert.equal(counters.storeCalls, 0, 'the store was called');
    assert.equal(counters.sqlQueries, 0, 'the database was queried');
    assert.ok(await service.verify(secret), 'the real secret still verifies');
    assert.ok(counters.storeCalls > 0, 'and that one does reach the store');
  });

  it('expired, revoked and past-grace tokens fail verify', async () => {
    const expiring = await service.create('ada', { name: 'expiring', expiresInDays: 1 });
    const revoked = await service.create('ada', { name: 'revoked', expiresInDays: 30 });
    const rotated = await service.create('ada', { name: 'rotated', expiresInDays: 30 });
    for (const { secret } of [expiring, revoked, rotated]) assert.ok(await service.verify(secret), 'valid before');

    await service.revoke('ada', revoked.token.id);
    await service.rotate('ada', rotated.token.id, { expiresInDays: 30, gracePeriodHours: 2 });
    assert.equal(await service.verify(revoked.secret), null, 'revoked');
    assert.ok(await service.verify(rotated.secret), 'within the grace period');
    clock.advance(2 * HOUR);
    assert.equal(await service.verify(rotated.secret), null, 'past the grace period');
    clock.advance(DAY);
    assert.equal(await service.verify(expiring.secret), null, 'expired');
  });

  it('another user’s token id answers 404 on every route, exactly like an id that does not exist', async () => {
    const hers = await service.create('grace', { name: 'hers', expiresInDays: 30 });
    const call = (method: string, path: string, body?: unknown) =>
      handler(
        new Request(`http://host/api/tokens${path}`, {
          method,
          headers: { 'x-user': 'ada', 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
    const routes: Array<[string, string, unknown?]> = [
      ['DELETE', '/{id}'],
      ['POST', '/{id}/rotate', { expiresInDays: 30, gracePeriodHours: 1 }],
    ];
    for (const [method, template, body] of routes) {
      const theirs = await call(method, template.replace('{id}', encodeURIComponent(hers.token.id)), body);
      const missing = await call(method, template.replace('{id}', 'tok_doesnotexist00000'), body);
      assert.equal(theirs.status, 404, `${method} ${template}`);
      assert.deepEqual(await theirs.json(), await missing.json(), 'no difference to learn from');
    }
    const list = await call('GET', '');
    assert.deepEqual((await list.json()).tokens, []);
    const [token] = await service.list('grace');
    assert.equal(token?.replacedBy, null, 'her token was not rotated');
    assert.equal((await service.verify(hers.secret))?.userId, 'grace', 'nor deleted');
  });

  it('50 parallel creates never exceed the per-user maximum', async () => {
    for (let n = 0; n < 5; n += 1) await service.create('ada', { name: `existing ${n}`, expiresInDays: 30 });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, n) => service.create('ada', { name: `parallel ${n}`, expiresInDays: 30 })),
    );
    const created = results.filter((result) => result.status === 'fulfilled');
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    assert.equal(created.length, 15, 'exactly the 15 free slots were filled');
    for (const { reason } of refused) assert.equal(reason.code, 'token-limit', String(reason));
    assert.equal((await service.list('ada')).length, 20);
    if (kit.sql) {
      const [owner] = await kit.sql(`SELECT live_tokens FROM pat_token_owners WHERE user_id = 'ada'`);
      assert.equal(owner?.live_tokens, 20, 'the counter agrees with the rows');
    }
  });

  it('two parallel rotations of one token: exactly one succeeds (with or without grace period)', async () => {
    for (const gracePeriodHours of [0, 1]) {
      const tokens = [];
      for (let n = 0; n < 8; n += 1) tokens.push(await service.create('ada', { name: `r${gracePeriodHours}-${n}`, expiresInDays: 30 }));
      for (const { token } of tokens) {
        const results = await Promise.allSettled([
          service.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours }),
          service.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours }),
        ]);
        const winners = results.filter((result) => result.status === 'fulfilled');
        assert.equal(winners.length, 1, `grace ${gracePeriodHours}: ${results.map((r) => r.status).join(', ')}`);
        const loser = results.find((result): result is PromiseRejectedResult => result.status === 'rejected')!;
        assert.ok(['already-replaced', 'not-found'].includes(loser.reason.code), String(loser.reason));
      }
    }
    const listed = await service.list('ada');
    const successors = listed.filter((t) => t.replacedBy === null);
    assert.equal(successors.length, 16, 'one new token per rotated token');
    assert.equal(listed.length, 16 + 8, 'and the 8 old ones still in their grace period');
    if (kit.sql) {
      const [owner] = await kit.sql(`SELECT live_tokens FROM pat_token_owners WHERE user_id = 'ada'`);
      assert.equal(owner?.live_tokens, 16);
    }
  });

  it('the per-user counter stays equal to the rows through parallel creates, rotations and deletes', async () => {
    const made = await Promise.all(Array.from({ length: 12 }, (_, n) => service.create('ada', { name: `m${n}`, expiresInDays: 30 })));
    await Promise.allSettled([
      ...made.slice(0, 4).map(({ token }) => service.rotate('ada', token.id, { expiresInDays: 30, gracePeriodHours: 1 })),
      ...made.slice(0, 4).map(({ token }) => service.revoke('ada', token.id)),
      ...made.slice(4, 8).map(({ token }) => service.rotate('ada', token.id, { expiresInDays: 30 })),
      ...made.slice(8).map(({ token }) => service.revoke('ada', token.id)),
      ...Array.from({ length: 20 }, (_, n) => service.create('ada', { name: `late ${n}`, expiresInDays: 30 })),
    ]);
    const live = (await service.list('ada')).filter((t) => t.replacedBy === null).length;
    assert.ok(live <= 20, `${live} live tokens`);
    await rejectsWith(
      (async () => {
        for (let n = live; n <= 20; n += 1) await service.create('ada', { name: `fill ${n}`, expiresInDays: 30 });
      })(),
      'token-limit',
    );
    assert.equal((await service.list('ada')).filter((t) => t.replacedBy === null).length, 20, 'filled to exactly the maximum');
    if (kit.sql) {
      const [owner] = await kit.sql(`SELECT live_tokens FROM pat_token_owners WHERE user_id = 'ada'`);
      const [rows] = await kit.sql(`SELECT count(*)::int AS n FROM pat_tokens WHERE user_id = 'ada' AND replaced_by IS NULL`);
      assert.equal(owner?.live_tokens, rows?.n);
    }
  });
}
