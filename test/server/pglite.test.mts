// The service, the handler and the security rules on postgresStore over PGlite (embedded PostgreSQL).
import { describe } from 'node:test';
import { handlerSuite } from './support/handler-suite.mjs';
import { pgliteKit } from './support/kits.mjs';
import { securitySuite } from './support/security-suite.mjs';
import { serviceSuite } from './support/service-suite.mjs';

describe('PGlite: token service', () => serviceSuite(pgliteKit));
describe('PGlite: fetch handler', () => handlerSuite(pgliteKit));
describe('PGlite: security', () => securitySuite(pgliteKit));
