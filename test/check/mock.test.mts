// The checker against the msw mock (`pat-elements/mock`) served over HTTP in Node.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startMock } from './support/backends.mjs';
import { checkBackend, describeContractChecks, statuses } from './support/suite.mjs';

describeContractChecks('the msw mock', startMock);

test('a backend whose list states no catalogue or policy: the probes of what it would state are skipped, the rest pass', async () => {
  const report = await checkBackend((wrap) => startMock(wrap, {}));
  const results = statuses(report);
  assert.deepEqual(
    Object.keys(results).filter((id) => results[id] !== 'pass'),
    ['lifetime-max', 'no-expiration', 'unknown-scope'],
  );
  assert.equal(results['grace-max'], 'pass', 'the contract’s own maximum (168 hours) needs no statement');
  for (const id of ['lifetime-max', 'no-expiration', 'unknown-scope']) assert.equal(results[id], 'skipped', id);
});
