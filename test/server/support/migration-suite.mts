/**
 * `postgresStore`'s schema versions, on PGlite and PostgreSQL: a fresh database gets every
 * migration in order; a database from before versions adopts version 1 and is upgraded with its
 * tokens kept; a second run changes nothing; a database a newer release migrated is left alone;
 * a failing migration leaves nothing half done; and (where the database has several connections)
 * migrations started together from several places apply once.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { createTokenService, postgresStore, SCHEMA_VERSION, type SqlClient } from '../../../src/server/index.js';
import { MIGRATIONS, migrationScript } from '../../../src/server/postgres-migrations.js';
import { DAY, testClock } from './kits.mjs';

export interface FreshDatabase {
  db: SqlClient;
  /** Another client of the same database (a second process), where the database has connections. */
  another?(): Promise<SqlClient & { end(): Promise<void> }>;
  close(): Promise<void>;
}

// The services here record no lastUsedAt (`usage: false`): each test closes its database right after, and a
// write still pending then would report a closed database.
const rowsOf = async (db: SqlClient, text: string) => (await db.query(text)).rows as Array<Record<string, unknown>>;
const versions = async (db: SqlClient) =>
  (await rowsOf(db, 'SELECT version FROM pat_schema_versions ORDER BY version')).map((row) => Number(row.version));
const indexes = async (db: SqlClient) =>
  (await rowsOf(db, `SELECT indexname FROM pg_indexes WHERE tablename = 'pat_tokens' ORDER BY 1`)).map((row) => String(row.indexname));

export function migrationSuite(fresh: () => Promise<FreshDatabase>): void {
  const withDatabase = (test: (database: FreshDatabase) => Promise<void>) => async () => {
    const database = await fresh();
    try {
      await test(database);
    } finally {
      await database.close();
    }
  };

  it(
    'a fresh database gets every migration, in order, each recorded once',
    withDatabase(async ({ db }) => {
      await postgresStore(db).migrate();
      assert.deepEqual(
        await versions(db),
        MIGRATIONS.map((m) => m.version),
      );
      assert.equal(SCHEMA_VERSION, MIGRATIONS.at(-1)!.version);
      assert.deepEqual(
        MIGRATIONS.map((m) => m.version),
        MIGRATIONS.map((_, n) => n + 1),
        'versions are 1, 2, 3… with no gap',
      );
      assert.ok((await indexes(db)).includes('pat_tokens_expires_at_idx'));
    }),
  );

  it(
    'a second run changes nothing, and the store works after it',
    withDatabase(async ({ db }) => {
      const store = postgresStore(db);
      await store.migrate();
      const before = await rowsOf(db, 'SELECT version, applied_at FROM pat_schema_versions ORDER BY version');
      await store.migrate();
      await store.migrate();
      assert.deepEqual(await rowsOf(db, 'SELECT version, applied_at FROM pat_schema_versions ORDER BY version'), before);
      const service = createTokenService({ store, prefix: 'pat', usage: false });
      const { secret } = await service.create('ada', { name: 'a', expiresInDays: 1 });
      assert.ok(await service.verify(secret));
    }),
  );

  it(
    'a database from before versions adopts version 1, keeps its tokens, and gets the rest',
    withDatabase(async ({ db }) => {
      // What the release before versions created (version 1 without its record), with data in it.
      await db.query(`DO $$ BEGIN ${MIGRATIONS[0]!.sql} END $$`);
      // This release's code writes the old rows: the columns it reads exist while it does, and go before migrate().
      const laterColumns = ['revoked_at timestamptz', 'revoked_reason text', 'revoked_url text'];
      await db.query(`ALTER TABLE pat_tokens ${laterColumns.map((column) => `ADD COLUMN ${column}`).join(', ')}`);
      const clock = testClock();
      // The release before versions kept no activity: its store had no table for it.
      const { recordActivity: _none, ...olderStore } = postgresStore(db);
      const older = createTokenService({ store: olderStore, prefix: 'pat', clock: clock.now, usage: false });
      const kept = await older.create('ada', { name: 'kept', expiresInDays: 30 });
      const a = await older.create('ada', { name: 'chain', expiresInDays: 30 });
      const b = await older.rotate('ada', a.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      const c = await older.rotate('ada', b.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
      // What the old rules left beside them: a token still in its grace period for b, itself replaced by c.
      await db.query(
        `INSERT INTO pat_tokens (id, user_id, secret_hash, partial_key, name, created_at, expires_at, replaced_by)
         VALUES ('tok_olderpredecessor0', 'ada', decode(repeat('ab', 32), 'hex'), 'pat_xxxx', 'chain', $1, $2, $3)`,
        [a.token.createdAt, new Date(clock.now().getTime() + DAY).toISOString(), b.token.id],
      );
      assert.equal((await older.list('ada')).length, 4, 'listed before');
      await assert.rejects(db.query('SELECT 1 FROM pat_schema_versions'), /does not exist/, 'no versions yet');
      await db.query(`ALTER TABLE pat_tokens ${laterColumns.map((column) => `DROP COLUMN ${column.split(' ')[0]}`).join(', ')}`);

      await postgresStore(db).migrate();
      assert.deepEqual(
        await versions(db),
        MIGRATIONS.map((m) => m.version),
      );
      const service = createTokenService({ store: postgresStore(db), prefix: 'pat', clock: clock.now, usage: false });
      assert.ok(await service.verify(kept.secret), 'tokens are kept');
      assert.ok(await service.verify(c.secret));
      assert.ok(await service.verify(b.secret), 'the newest predecessor keeps its grace');
      assert.deepEqual(
        (await service.list('ada')).map((t) => t.id).sort(),
        [kept.token.id, b.token.id, c.token.id].sort(),
        'the older predecessor, kept working for a replaced token, is gone',
      );
    }),
  );

  it(
    'a database a newer release migrated is left as it is',
    withDatabase(async ({ db }) => {
      const newer = [
        ...MIGRATIONS,
        { version: SCHEMA_VERSION + 1, description: 'from the future', sql: 'CREATE TABLE pat_future (x int);' },
      ];
      await db.query(migrationScript(newer));
      await postgresStore(db).migrate();
      assert.deepEqual(
        await versions(db),
        newer.map((m) => m.version),
      );
      const service = createTokenService({ store: postgresStore(db), prefix: 'pat', usage: false });
      assert.ok(
        await service.verify((await service.create('ada', { name: 'a', expiresInDays: 1 })).secret),
        'and this release works on it',
      );
    }),
  );

  it(
    'a migration that fails leaves nothing half done, and the next run applies it whole',
    withDatabase(async ({ db }) => {
      await postgresStore(db).migrate();
      const failing = [
        ...MIGRATIONS,
        { version: SCHEMA_VERSION + 1, description: 'fails halfway', sql: 'CREATE TABLE pat_half (x int); SELECT 1 / 0;' },
      ];
      await assert.rejects(db.query(migrationScript(failing)), /division by zero/);
      assert.deepEqual(
        await versions(db),
        MIGRATIONS.map((m) => m.version),
      );
      await assert.rejects(db.query('SELECT 1 FROM pat_half'), /does not exist/, 'its first statement was undone');
      const fixed = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'fixed', sql: 'CREATE TABLE pat_half (x int);' }];
      await db.query(migrationScript(fixed));
      assert.equal(Number((await rowsOf(db, 'SELECT count(*) AS n FROM pat_half'))[0]!.n), 0);
    }),
  );

  it(
    'migrations listed out of order still run in order',
    withDatabase(async ({ db }) => {
      const shuffled = [
        { version: SCHEMA_VERSION + 2, description: 'second', sql: 'INSERT INTO pat_later (step) VALUES (2);' },
        ...[...MIGRATIONS].reverse(),
        {
          version: SCHEMA_VERSION + 1,
          description: 'first',
          sql: 'CREATE TABLE pat_later (step int); INSERT INTO pat_later (step) VALUES (1);',
        },
      ];
      await db.query(migrationScript(shuffled));
      assert.deepEqual(
        (await rowsOf(db, 'SELECT step FROM pat_later ORDER BY step')).map((row) => Number(row.step)),
        [1, 2],
      );
    }),
  );
}

/** Where the database has connections: `migrate()` from 8 clients at once on a fresh database. */
export function parallelMigrationSuite(fresh: () => Promise<FreshDatabase>): void {
  it('started together from 8 clients (8 processes) on a fresh database: every migration applies once, none fails', async () => {
    const { another, close } = await fresh();
    const clients = await Promise.all(Array.from({ length: 8 }, () => another!()));
    try {
      const results = await Promise.allSettled(clients.map((client) => postgresStore(client).migrate()));
      assert.deepEqual(
        results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok')),
        Array(8).fill('ok'),
      );
      assert.deepEqual(
        await versions(clients[0]!),
        MIGRATIONS.map((m) => m.version),
      );
    } finally {
      await Promise.all(clients.map((client) => client.end()));
      await close();
    }
  });
}
