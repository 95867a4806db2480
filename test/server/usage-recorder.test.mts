// Token uses (lastUsedAt, recent callers) are recorded off the request’s path: verify never waits on the write nor
// fails for it; uses are batched (one write, each token's latest use); a failed write is kept,
// retried and reported once; a store without the batch method keeps working.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTokenService, memoryStore, TokenServiceError, type TokenStore, type TokenUse } from '../../src/server/index.js';
import { MAX_RECENT_CALLERS } from '../../src/server/activity.js';
import { createUsageRecorder, MAX_PENDING_USES } from '../../src/server/usage-recorder.js';
import { testClock } from './support/kits.mjs';

/** A promise and its resolve, to hold a write open or to wait for one without sleeping. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** The memory store with `recordUses` replaced: each call's batch is kept, then `write` decides. */
function storeWith(write: (uses: readonly TokenUse[]) => Promise<void>) {
  const inner = memoryStore();
  const batches: TokenUse[][] = [];
  const store: TokenStore = {
    ...inner,
    async recordUses(uses) {
      batches.push([...uses]);
      await write(uses);
      await inner.recordUses!(uses);
    },
  };
  return { store, batches, inner };
}

const unavailable = () => new TokenServiceError('unavailable', 'The token store is unavailable: the database is read-only (25006).');

describe('recording uses off the request’s path', () => {
  it('verify answers while the write is held, and the write lands after', async () => {
    const gate = deferred();
    const { store, batches, inner } = storeWith(() => gate.promise);
    const service = createTokenService({ store, prefix: 'pat', usage: { maxBatch: 1 } });
    const { token, secret } = await service.create('ada', { name: 'a', expiresInDays: 1 });
    assert.equal((await service.verify(secret))?.tokenId, token.id, 'verified while the write waits');
    assert.equal(batches.length, 1, 'the write started (a batch of one), and is still held');
    assert.equal(inner.records()[0]?.lastUsedAt, null);
    gate.resolve();
    await service.flushUsage();
    assert.ok(inner.records()[0]?.lastUsedAt instanceof Date);
  });

  it('writes a batch in one call, with each token’s latest use', async () => {
    const { store, batches } = storeWith(async () => {});
    const clock = testClock();
    const service = createTokenService({ store, prefix: 'pat', clock: clock.now, usage: { flushIntervalMs: 3_600_000 } });
    const made = await Promise.all([1, 2, 3].map((n) => service.create('ada', { name: `t${n}`, expiresInDays: 1 })));
    for (let round = 0; round < 4; round += 1) {
      for (const { secret } of made) await service.verify(secret);
      clock.advance(1_000);
    }
    assert.equal(batches.length, 0, 'nothing written yet: the batch gathers');
    await service.flushUsage();
    assert.equal(batches.length, 1);
    assert.deepEqual(
      batches[0]!.map((use) => use.at.toISOString()),
      ['2026-12-01T12:00:03.000Z', '2026-12-01T12:00:03.000Z', '2026-12-01T12:00:03.000Z'],
      'three tokens, their last use each',
    );
  });

  it('writes by itself: after the interval, or at once when the batch is full', async () => {
    const written = deferred<readonly TokenUse[]>();
    const timed = createUsageRecorder(storeWith(async (uses) => written.resolve(uses)).store, { flushIntervalMs: 10 }, () => {});
    timed.record({ tokenId: 'tok_1', at: new Date() });
    // The recorder's timer does not hold the process open (a server's socket does); this test's handle does.
    const open = setInterval(() => {}, 60_000);
    try {
      assert.deepEqual(
        (await written.promise).map((use) => use.tokenId),
        ['tok_1'],
      );
    } finally {
      clearInterval(open);
    }

    const full = deferred<readonly TokenUse[]>();
    const batched = createUsageRecorder(
      storeWith(async (uses) => full.resolve(uses)).store,
      { flushIntervalMs: 3_600_000, maxBatch: 2 },
      () => {},
    );
    batched.record({ tokenId: 'tok_1', at: new Date() });
    batched.record({ tokenId: 'tok_2', at: new Date() });
    assert.deepEqual(
      (await full.promise).map((use) => use.tokenId),
      ['tok_1', 'tok_2'],
    );
  });

  it('keeps a failed batch for the next write, and reports the cause once however often it fails', async () => {
    let failing = true;
    const { store, batches, inner } = storeWith(async () => {
      if (failing) throw unavailable();
    });
    const reports: unknown[] = [];
    const service = createTokenService({ store, prefix: 'pat', onError: (error) => reports.push(error) });
    const { secret } = await service.create('ada', { name: 'a', expiresInDays: 1 });
    for (let n = 0; n < 3; n += 1) {
      assert.ok(await service.verify(secret), 'verify answers while the writes fail');
      await service.flushUsage();
    }
    assert.equal(batches.length, 3);
    assert.equal(reports.length, 1);
    assert.match((reports[0] as Error).message, /lastUsedAt of 1 token\(s\) not recorded; kept for the next try/);
    assert.ok((reports[0] as Error).cause instanceof TokenServiceError);
    assert.equal(inner.records()[0]?.lastUsedAt, null);

    failing = false;
    await service.flushUsage();
    assert.ok(inner.records()[0]?.lastUsedAt instanceof Date, 'written once the store takes writes again');
  });

  it('drops uses beyond its bound (writes too slow, or failing) and says so', async () => {
    const reports: Error[] = [];
    const recorder = createUsageRecorder(
      storeWith(async () => {
        throw unavailable();
      }).store,
      { flushIntervalMs: 3_600_000, maxBatch: MAX_PENDING_USES * 2 },
      (_cause, error) => reports.push(error as Error),
    );
    for (let n = 0; n <= MAX_PENDING_USES + 5; n += 1) recorder.record({ tokenId: `tok_${n}`, at: new Date() });
    assert.equal(
      reports.filter((report) => /dropped/.test(report.message)).length,
      6,
      'the recorder reports each drop; the service’s hook keeps one a cause',
    );
  });

  it('keeps a token’s newest few callers while a write waits, however many call: what is pending stays bounded', async () => {
    const gate = deferred();
    const { store, batches } = storeWith(() => gate.promise);
    const recorder = createUsageRecorder(store, { flushIntervalMs: 3_600_000 }, () => {});
    const start = Date.parse('2026-12-01T12:00:00.000Z');
    recorder.record({ tokenId: 'tok_busy', at: new Date(start) });
    const held = recorder.flush();
    // 10,000 distinct callers while the first write is held: only the newest MAX_RECENT_CALLERS wait.
    for (let n = 1; n <= 10_000; n += 1) {
      recorder.record({ tokenId: 'tok_busy', at: new Date(start + n), caller: { ip: `10.0.${n >> 8}.${n & 255}`, userAgent: `bot/${n}` } });
    }
    gate.resolve();
    await held;
    await recorder.flush();
    assert.equal(batches.length, 2);
    assert.deepEqual(
      batches[1]!.map((use) => use.caller?.userAgent).sort(),
      Array.from({ length: MAX_RECENT_CALLERS }, (_, n) => `bot/${10_000 - n}`).sort(),
      'the newest five callers, and no plain use (the newest caller’s is the latest)',
    );
  });

  it('uses markUsed, one call a token, for a store without recordUses; a store with neither keeps working', async () => {
    const inner = memoryStore();
    const marked: string[] = [];
    const { recordUses: _batch, ...rest } = inner;
    const oneAtATime: TokenStore = {
      ...rest,
      async markUsed(id) {
        marked.push(id);
      },
    };
    const service = createTokenService({ store: oneAtATime, prefix: 'pat' });
    const made = await Promise.all([1, 2].map((n) => service.create('ada', { name: `t${n}`, expiresInDays: 1 })));
    for (const { secret } of made) await service.verify(secret);
    await service.flushUsage();
    assert.deepEqual(marked.sort(), made.map((m) => m.token.id).sort());

    const keepsNothing = createTokenService({ store: rest, prefix: 'pat' });
    const { secret } = await keepsNothing.create('ada', { name: 't3', expiresInDays: 1 });
    assert.ok(await keepsNothing.verify(secret));
    await keepsNothing.flushUsage();
  });

  it('refuses options that are not positive numbers', () => {
    for (const usage of [{ flushIntervalMs: 0 }, { flushIntervalMs: Number.NaN }, { maxBatch: 1.5 }, { maxBatch: -1 }]) {
      assert.throws(() => createTokenService({ store: memoryStore(), prefix: 'pat', usage }), TypeError, JSON.stringify(usage));
    }
  });
});
