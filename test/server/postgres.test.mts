// postgresStore through `pg` against a real PostgreSQL server, which this file starts (Debian's
// binaries, installed with apt-get as root when missing), with its own data directory and port,
// and stops by its PID afterwards, also when a test fails.
import { after, before, describe } from 'node:test';
import { startPostgres, type RunningPostgres } from '../../scripts/postgres.mjs';
import { handlerSuite } from './support/handler-suite.mjs';
import { postgresKit } from './support/kits.mjs';
import { securitySuite } from './support/security-suite.mjs';
import { serviceSuite } from './support/service-suite.mjs';

let server: RunningPostgres;
before(async () => {
  server = await startPostgres();
});
after(async () => {
  await server?.stop();
});

const kit = () => postgresKit(server.url);
describe('PostgreSQL via pg: token service', () => serviceSuite(kit));
describe('PostgreSQL via pg: fetch handler', () => handlerSuite(kit));
describe('PostgreSQL via pg: security', () => securitySuite(kit));
