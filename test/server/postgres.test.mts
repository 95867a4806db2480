// postgresStore through `pg` against a real PostgreSQL server, which this file starts (Debian's
// binaries, installed with apt-get as root when missing), with its own data directory and port,
// and stops by its PID afterwards, also when a test fails.
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { startPostgres, type RunningPostgres } from '../../scripts/postgres.mjs';
import { activitySuite } from './support/activity-suite.mjs';
import { handlerSuite } from './support/handler-suite.mjs';
import { migrationSuite, parallelMigrationSuite, type FreshDatabase } from './support/migration-suite.mjs';
import { postgresKit } from './support/kits.mjs';
import { revocationSuite } from './support/revocation-suite.mjs';
import { rulesSuite } from './support/rules-suite.mjs';
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
describe('PostgreSQL via pg: the rules on every path', () => rulesSuite(kit, { sql: true, connections: true }));
describe('PostgreSQL via pg: revocation', () => revocationSuite(kit, { connections: true }));
describe('PostgreSQL via pg: activity, callers, reminders', () => activitySuite(kit));

/** A database of its own on the test server, for tests that need one never migrated. */
let databases = 0;
async function freshDatabase(): Promise<FreshDatabase> {
  const name = `fresh_${process.pid}_${(databases += 1)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = server.url.replace(/\/postgres$/, `/${name}`);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  pool.on('error', () => {});
  return {
    db: pool,
    async another() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    },
    async close() {
      await pool.end();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}
describe('PostgreSQL via pg: schema versions', () => {
  migrationSuite(freshDatabase);
  parallelMigrationSuite(freshDatabase);
});
