// The service, the handler and the security rules on postgresStore over PGlite (embedded PostgreSQL).
import { describe } from 'node:test';
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
describe('PGlite: the rules on every path', () => rulesSuite(pgliteKit, { sql: true }));
describe('PGlite: schema versions', () =>
  migrationSuite(async () => {
    const db = new PGlite();
    return { db, close: () => db.close() };
  }));
