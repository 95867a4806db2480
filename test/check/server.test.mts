// The checker against the reference server (`pat-elements/server`), on the memory store and on
// PGlite (PostgreSQL in WebAssembly), served over HTTP in Node.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { CLAUSES } from '../../src/check/clauses.js';
import { checkContract } from '../../src/check/check-contract.js';
import { PGlite } from '@electric-sql/pglite';
import { createFetchHandler, createTokenService, memoryStore, postgresStore, type TokenStore } from '../../src/server/index.js';
import { COLLECTION_PATH, CREDENTIALS, OTHER_CREDENTIALS, userOf, type RunningBackend, type Wrapper } from './support/backends.mjs';
import { serve } from './support/serve.mjs';
import { checkBackend, describeContractChecks, statuses } from './support/suite.mjs';

/**
 * The reference server with `store`, behind `wrap`. Each backend signs its requests in as a user
 * of its own, so runs sharing one database never see each other's tokens.
 */
async function startServer(store: TokenStore, wrap: Wrapper = (handler) => handler): Promise<RunningBackend> {
  const users = { first: `check-${crypto.randomUUID()}`, second: `check-${crypto.randomUUID()}` };
  // A catalogue without defaults: the checker's own creates must choose a permission.
  const service = createTokenService({
    store,
    prefix: 'pat',
    scopes: [
      { id: 'read', label: 'Read' },
      { id: 'write', label: 'Write' },
    ],
  });
  const handler = createFetchHandler(service, {
    basePath: COLLECTION_PATH,
    authenticate: (request) => {
      const user = userOf(request);
      return user ? users[user] : null;
    },
  });
  const served = await serve(() => wrap(handler));
  return {
    endpoint: `${served.origin}${COLLECTION_PATH}`,
    tokens: async () => [...(await service.list(users.first)), ...(await service.list(users.second))].map(({ id, name }) => ({ id, name })),
    close: served.close,
  };
}

describeContractChecks('the reference server on the memory store', (wrap) => startServer(memoryStore(), wrap));

// One embedded database for the file: starting PGlite takes a while, and users keep runs apart.
let pglite: Promise<{ db: PGlite; store: TokenStore }> | undefined;
after(async () => (await pglite)?.db.close());
describeContractChecks('the reference server on PGlite', async (wrap) => {
  pglite ??= (async () => {
    const db = new PGlite();
    const store = postgresStore(db);
    await store.migrate();
    return { db, store };
  })();
  return startServer((await pglite).store, wrap);
});

test('a token the system revoked stays in the list within the contract: every clause passes, and the list says it saw one', async () => {
  const service = createTokenService({ store: memoryStore(), prefix: 'pat', scopes: [{ id: 'read', label: 'Read', default: true }] });
  const users = { first: 'ada', second: 'grace' };
  const leaked = await service.create(users.first, { name: 'leaked last week', expiresInDays: 30 });
  await service.revokeLeaked([{ secret: leaked.secret, url: 'https://github.com/octo/app/blob/main/.env' }]);
  const handler = createFetchHandler(service, {
    basePath: COLLECTION_PATH,
    authenticate: (request) => {
      const user = userOf(request);
      return user ? users[user] : null;
    },
  });
  const served = await serve(() => handler);
  try {
    const report = await checkContract({
      endpoint: `${served.origin}${COLLECTION_PATH}`,
      headers: CREDENTIALS,
      otherHeaders: OTHER_CREDENTIALS,
      timeoutMs: 30_000,
    });
    assert.deepEqual(statuses(report), Object.fromEntries(CLAUSES.map((clause) => [clause.id, 'pass'])), JSON.stringify(report.results));
    assert.equal(report.results.find((result) => result.id === 'list')?.reason, '1 token, 1 revoked by the system, 1 scope and a policy');
    assert.deepEqual(
      (await service.list(users.first)).map((token) => token.id),
      [leaked.token.id],
      'the run left the revoked token as it was',
    );
  } finally {
    await served.close();
  }
});

test('a store that keeps no activity: the activity clause is not offered (its routes answer 404), every other clause passes', async () => {
  const { listActivity: _none, ...store } = memoryStore();
  const report = await checkBackend((wrap) => startServer(store, wrap));
  const { activity, ...others } = statuses(report);
  assert.equal(activity, 'not-offered');
  assert.match(report.results.find((result) => result.id === 'activity')!.reason!, /^GET …\/activity answered 404$/);
  assert.deepEqual(new Set(Object.values(others)), new Set(['pass']));
});
