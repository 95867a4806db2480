// Whatever stops a run, the tokens it made are deleted: the checker's own faults included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContract } from '../../src/check/check-contract.js';
import { CREDENTIALS, startMock } from './support/backends.mjs';

test('a fault of the checker itself (here: its output failing) still deletes what the run made', async () => {
  const backend = await startMock();
  try {
    const run = checkContract({
      endpoint: backend.endpoint,
      headers: CREDENTIALS,
      onResult(result) {
        if (result.id === 'listed') throw new Error('stdout is gone');
      },
    });
    await assert.rejects(run, /stdout is gone/);
    assert.ok(
      backend.mock.requests.some((request) => request.operation === 'create'),
      'the run made a token',
    );
    assert.deepEqual(await backend.tokens(), []);
  } finally {
    await backend.close();
  }
});
