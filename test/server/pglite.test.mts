// The service, the handler and the security rules on postgresStore over PGlite (embedded PostgreSQL),
// and what of a bad day applies to it: a held lock, a read-only database.
import { describe } from 'node:test';
import { faultSuite, pgliteFaultKit } from './support/fault-suite.mjs';
import { PGlite } from '@electric-sql/pglite';
import { handlerSuite } from './support/handler-suite.mjs';
import { migrationSuite } from './support/migration-suite.mjs';
import { pgliteKit } from './support/kits.mjs';
import { rulesSuite } from './support/rules-suite.mjs';
import { securitySuite } from './support/security-suite.mjs';
import { serviceSuite } from './support/service-suite.mjs';

describe('PGlite: token service', () => serviceSuite(pgliteKit));
describe('PGlite: fetch handler', () => handlerSuite(pgliteKit));
describe('PGlite: security', () => securitySuite(pgliteKit));
describe('PGlite: faults', () => faultSuite(pgliteFaultKit));
describe('PGlite: the rules on every path', () => rulesSuite(pgliteKit, { sql: true }));
describe('PGlite: schema versions', () =>
  migrationSuite(async () => {
    const db = new PGlite();
    return { db, close: () => db.close() };
  }));
