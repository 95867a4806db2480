// The service, the handler and the security rules on postgresStore over PGlite (embedded PostgreSQL),
// what of a bad day applies to it (a held lock, a read-only database), and a forgotten migrate().
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activitySuite } from './support/activity-suite.mjs';
import { faultSuite, pgliteFaultKit } from './support/fault-suite.mjs';
import { PGlite } from '@electric-sql/pglite';
import { handlerSuite } from './support/handler-suite.mjs';
import { migrationSuite } from './support/migration-suite.mjs';
import { pgliteKit } from './support/kits.mjs';
import { revocationSuite } from './support/revocation-suite.mjs';
import { rulesSuite } from './support/rules-suite.mjs';
import { securitySuite } from './support/security-suite.mjs';
import { serviceSuite } from './support/service-suite.mjs';
import { createFetchHandler, createTokenService, postgresStore, SetupError } from '../../src/server/index.js';
import { generateSecret } from '../../src/server/token-format.js';

describe('PGlite: token service', () => serviceSuite(pgliteKit));
describe('PGlite: fetch handler', () => handlerSuite(pgliteKit));
describe('PGlite: security', () => securitySuite(pgliteKit));
describe('PGlite: faults', () => faultSuite(pgliteFaultKit));
describe('PGlite: the rules on every path', () => rulesSuite(pgliteKit, { sql: true }));
describe('PGlite: revocation', () => revocationSuite(pgliteKit));
describe('PGlite: activity, callers, reminders', () => activitySuite(pgliteKit));
describe('PGlite: schema versions', () =>
  migrationSuite(async () => {
    const db = new PGlite();
    return { db, close: () => db.close() };
  }));

describe('PGlite: a store whose migrate() was never called', () => {
  it('every call fails with an error that names migrate(): a 500 whose detail says so, onError, and verify', async () => {
    const db = new PGlite();
    try {
      const storeReports: unknown[] = [];
      const handlerReports: unknown[] = [];
      const tokens = createTokenService({ store: postgresStore(db, { onError: (error) => storeReports.push(error) }), prefix: 'pat' });
      const handler = createFetchHandler(tokens, {
        basePath: '/api/tokens',
        authenticate: () => 'ada',
        onError: (error) => handlerReports.push(error),
      });
      for (const init of [
        {},
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"a","expiresInDays":1}' },
      ]) {
        const response = await handler(new Request('http://host/api/tokens', init));
        assert.equal(response.status, 500);
        const { detail } = await response.json();
        assert.equal(detail, 'The token store is not set up: the server must call migrate() on its store before serving.');
      }
      assert.equal(handlerReports.length, 2, 'the handler reports each 500');
      for (const report of handlerReports) {
        assert.ok(report instanceof SetupError);
        assert.match(
          report.message,
          /has no pat-elements tables: call `await store\.migrate\(\)`.*relation "pat_(tokens|token_owners)" does not exist/,
        );
      }
      await assert.rejects(tokens.verify(generateSecret('pat')), SetupError);
      assert.equal(storeReports.length, 1, 'the store reports the cause once');
    } finally {
      await db.close();
    }
  });
});
