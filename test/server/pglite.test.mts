// The service, the handler and the security rules on postgresStore over PGlite (embedded PostgreSQL),
// and what of a bad day applies to it: a held lock, a read-only database.
import { describe } from 'node:test';
import { faultSuite, pgliteFaultKit } from './support/fault-suite.mjs';
import { handlerSuite } from './support/handler-suite.mjs';
import { pgliteKit } from './support/kits.mjs';
import { securitySuite } from './support/security-suite.mjs';
import { serviceSuite } from './support/service-suite.mjs';

describe('PGlite: token service', () => serviceSuite(pgliteKit));
describe('PGlite: fetch handler', () => handlerSuite(pgliteKit));
describe('PGlite: security', () => securitySuite(pgliteKit));
describe('PGlite: faults', () => faultSuite(pgliteFaultKit));
