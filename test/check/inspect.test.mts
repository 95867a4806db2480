// The checker's judgements that are not plain schema checks: how much of a secret a partial key
// shows, and where a secret hides in a body.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSecret, revealedLength, revealLimit } from '../../src/check/inspect.js';

// No `p`, `a`, `t` or `_` in the random part, so the prefix shares nothing with it by chance.
const SECRET = 'pat_9fA2kQ7xLm3Nq8Rs2Xv5Wy1Zb4Cd6Ef0Gh';

test('a partial key of the prefix and 4 characters shows 4; the public prefix does not count', () => {
  assert.equal(revealedLength('pat_9fA2', SECRET), 4);
  assert.equal(revealedLength('pat_', SECRET), 0);
  assert.equal(revealedLength('…Ef0Gh', SECRET), 5, 'a suffix counts as much as a prefix');
  assert.equal(revealedLength('x7Q1', SECRET), 1, 'characters it shares by chance, not in a run, do not add up');
  assert.equal(revealedLength(SECRET, SECRET), SECRET.length - 4);
});

test('the limit is 8 characters, and never more than a quarter of the random part', () => {
  assert.equal(revealLimit(SECRET), 8);
  assert.equal(revealLimit('sk_live_0123456789abcdef'), 4);
  assert.equal(revealLimit('glpat-0123456789abcdefghij'), 5);
});

test('findSecret names where a secret is, in a value or a key, without ever quoting it', () => {
  assert.equal(findSecret({ tokens: [{ id: 'a' }, { id: 'b', note: `key ${SECRET}` }] }, SECRET), '“tokens[1].note”');
  assert.equal(findSecret({ tokens: [{ id: 'a', extra: { [SECRET]: true } }] }, SECRET), 'a key of “tokens[0].extra”');
  assert.equal(findSecret({ [SECRET]: 1 }, SECRET), 'a key of the body');
  assert.equal(findSecret(SECRET, SECRET), 'the body');
  assert.equal(findSecret({ tokens: [{ partialKey: 'pat_9fA2' }] }, SECRET), undefined);
});
