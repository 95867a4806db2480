// The per-user maximum as the list counts it: as the server counts (a replaced token in its grace
// period does not count, nor a revoked one; an expired one does).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Token } from '../../src/api/schemas.js';
import { reachedLimit } from '../../src/token-list/token-limit.js';

const token = (id: string, extra: Record<string, unknown> = {}): Token =>
  ({ id, name: id, partialKey: 'pat_AbCd', createdAt: '2026-01-01T00:00:00Z', expiresAt: null, ...extra }) as Token;

test('at the maximum: the tokens that count, and the maximum', () => {
  assert.deepEqual(reachedLimit([token('a'), token('b', { expiresAt: '2026-02-01T00:00:00Z' })], 2), { count: 2, max: 2 });
});

test('a replaced token in its grace period and a revoked one do not count', () => {
  const tokens = [
    token('a'),
    token('old', { replacedBy: 'a' }),
    token('leaked', { revocation: { at: '2026-03-01T00:00:00Z', reason: 'leaked' } }),
  ];
  assert.equal(reachedLimit(tokens, 2), undefined);
  assert.deepEqual(reachedLimit(tokens, 1), { count: 1, max: 1 });
});

test('below the maximum, without one, or before the tokens are known: no limit', () => {
  assert.equal(reachedLimit([token('a')], 2), undefined);
  assert.equal(reachedLimit([token('a')], undefined), undefined);
  assert.equal(reachedLimit(undefined, 1), undefined);
});
