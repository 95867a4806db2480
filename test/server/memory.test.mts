// The service, the handler and the security rules on the memory store.
import { describe } from 'node:test';
import { activitySuite } from './support/activity-suite.mjs';
import { handlerSuite } from './support/handler-suite.mjs';
import { memoryKit } from './support/kits.mjs';
import { revocationSuite } from './support/revocation-suite.mjs';
import { rulesSuite } from './support/rules-suite.mjs';
import { securitySuite } from './support/security-suite.mjs';
import { serviceSuite } from './support/service-suite.mjs';

describe('memory store: token service', () => serviceSuite(async () => memoryKit()));
describe('memory store: fetch handler', () => handlerSuite(async () => memoryKit()));
describe('memory store: security', () => securitySuite(async () => memoryKit()));
describe('memory store: the rules on every path', () => rulesSuite(async () => memoryKit(), { sql: false }));
describe('memory store: revocation', () => revocationSuite(async () => memoryKit()));
describe('memory store: activity, callers, reminders', () => activitySuite(async () => memoryKit()));
