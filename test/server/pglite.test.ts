// The service, the handler and the security rules on postgresStore over PGlite (embedded PostgreSQL).
import { describe } from 'node:test';
import { handlerSuite } from './support/handler-suite.js';
import { pgliteKit } from './support/kits.js';
import { securitySuite } from './support/security-suite.js';
import { serviceSuite } from './support/service-suite.js';

describe('PGlite: token service', () => serviceSuite(pgliteKit));
describe('PGlite: fetch handler', () => handlerSuite(pgliteKit));
describe('PGlite: security', () => securitySuite(pgliteKit));
