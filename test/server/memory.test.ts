// The service, the handler and the security rules on the memory store.
import { describe } from 'node:test';
import { handlerSuite } from './support/handler-suite.js';
import { memoryKit } from './support/kits.js';
import { securitySuite } from './support/security-suite.js';
import { serviceSuite } from './support/service-suite.js';

describe('memory store: token service', () => serviceSuite(async () => memoryKit()));
describe('memory store: fetch handler', () => handlerSuite(async () => memoryKit()));
describe('memory store: security', () => securitySuite(async () => memoryKit()));
