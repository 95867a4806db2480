// The reference server passes the project's own contract checker (`pat-elements check`), every
// clause offered and passed, on the memory store and on PGlite, served over node:http; and the
// checker leaves nothing behind.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { checkContract, passed } from '../../src/check/check-contract.js';
import { createFetchHandler, createTokenService, memoryStore, postgresStore, toNodeListener, type TokenStore } from '../../src/server/index.js';

const CREDENTIALS = { Authorization: 'Bearer contract-check' };

async function checkAgainst(store: TokenStore) {
  await store.migrate();
  const service = createTokenService({ store, prefix: 'acme' });
  const handler = createFetchHandler(service, {
    basePath: '/api/tokens',
    authenticate: (request) => (request.headers.get('authorization') === CREDENTIALS.Authorization ? 'ada' : null),
  });
  const server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const report = await checkContract({ endpoint: `http://127.0.0.1:${port}/api/tokens`, headers: CREDENTIALS, timeoutMs: 30_000 });
    return { report, left: await service.list('ada') };
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('pat-elements check against createFetchHandler', () => {
  for (const [label, makeStore] of [
    ['the memory store', () => memoryStore()],
    ['PGlite', () => postgresStore(new PGlite())],
  ] as const) {
    it(`passes every clause on ${label}, and the store is empty afterwards`, async () => {
      const { report, left } = await checkAgainst(makeStore());
      const notPassed = report.results.filter((result) => result.status !== 'pass').map((result) => `${result.id}: ${result.status}`);
      assert.deepEqual(notPassed, []);
      assert.ok(report.results.length >= 10, `${report.results.length} clauses ran`);
      assert.ok(passed(report), report.error ?? 'the check did not pass');
      assert.deepEqual(left, []);
    });
  }
});
