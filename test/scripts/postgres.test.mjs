// The throwaway PostgreSQL server: found like the browser (tested by hiding the binaries from the
// finder, never by uninstalling anything), started as an unprivileged user with its own data
// directory and port, and stopped by its PID with nothing left behind.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { findPostgres, PG_INSTALL_HINT, startPostgres } from '../../scripts/postgres.mjs';

const root = new URL('../..', import.meta.url).pathname;
const hidden = { PAT_PG_CANDIDATES: '/nonexistent/bin', PAT_NO_INSTALL: '1' };

/** Temp directories of these tests, removed at the end. */
const made = [];
function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}
after(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A directory with stand-ins for initdb and postgres. */
function fakeBinDir() {
  const dir = tempDir('pat-pgbin-');
  for (const name of ['initdb', 'postgres']) {
    writeFileSync(join(dir, name), '#!/bin/sh\n');
    chmodSync(join(dir, name), 0o755);
  }
  return dir;
}

test('PG_BIN wins over the usual locations', () => {
  const dir = fakeBinDir();
  assert.equal(findPostgres({ PG_BIN: dir, PAT_PG_CANDIDATES: '/usr/lib/postgresql/15/bin' }), dir);
});

test('a PG_BIN without the server binaries is reported, not ignored', () => {
  assert.throws(() => findPostgres({ PG_BIN: '/nonexistent/bin' }), /PG_BIN is set to \/nonexistent\/bin/);
});

test('the first directory holding initdb and postgres is used', () => {
  const dir = fakeBinDir();
  const half = tempDir('pat-pgbin-');
  writeFileSync(join(half, 'initdb'), '#!/bin/sh\n');
  chmodSync(join(half, 'initdb'), 0o755);
  assert.equal(findPostgres({ PAT_PG_CANDIDATES: `/nonexistent:${half}:${dir}`, PAT_NO_INSTALL: '1' }), dir);
});

test('with no server and no way to install one, it says what to install in one line', () => {
  assert.throws(
    () => findPostgres(hidden),
    (error) => error.message === PG_INSTALL_HINT,
  );
  const { PG_BIN: _ignored, ...env } = process.env;
  const result = spawnSync('node', ['scripts/postgres.mjs'], { cwd: root, encoding: 'utf8', env: { ...env, ...hidden } });
  assert.equal(result.status, 1);
  assert.equal(result.stdout, '');
  assert.deepEqual(result.stderr.trim().split('\n'), [PG_INSTALL_HINT]);
});

test('as root with apt-get, a missing server is installed with apt-get (a stand-in apt-get here)', () => {
  const dir = tempDir('pat-apt-');
  const bin = join(dir, 'bin');
  const log = join(dir, 'apt.log');
  // Records its arguments; "installs" by creating the binaries the finder looks for.
  writeFileSync(
    join(dir, 'apt-get'),
    `#!/bin/sh\necho "$@" >> ${log}\nif [ "$1" = install ]; then mkdir -p ${bin}; for f in initdb postgres; do printf '#!/bin/sh\\n' > ${bin}/$f; chmod +x ${bin}/$f; done; fi\n`,
  );
  chmodSync(join(dir, 'apt-get'), 0o755);
  const env = { PATH: `${dir}:${process.env.PATH}`, PAT_PG_CANDIDATES: bin };
  const lines = [];
  if (process.getuid?.() === 0) {
    assert.equal(
      findPostgres(env, (line) => lines.push(line)),
      bin,
    );
    const calls = spawnSync('cat', [log], { encoding: 'utf8' }).stdout;
    assert.match(calls, /^update -qq$/m, 'the package lists are updated first');
    assert.match(calls, /^install -y -qq postgresql$/m);
    assert.equal(lines.length, 1);
  } else {
    // Not root: apt-get cannot be used, so the finder must not try it.
    assert.throws(
      () => findPostgres(env),
      (error) => error.message === PG_INSTALL_HINT,
    );
  }
});

test('startPostgres runs a real server on its own port and data directory; stop() ends it and removes the data', async () => {
  const server = await startPostgres();
  assert.match(server.url, /^postgres:\/\/pat@127\.0\.0\.1:\d+\/postgres$/);
  assert.ok(existsSync(join(server.dataDir, 'PG_VERSION')));
  const client = new pg.Client({ connectionString: server.url });
  client.on('error', () => {});
  await client.connect();
  const { rows } = await client.query('SELECT current_setting($1) AS port, current_user AS user_name', ['port']);
  await client.end();
  assert.equal(Number(rows[0].port), server.port);
  if (process.getuid?.() === 0) {
    const owner = spawnSync('stat', ['-c', '%U', server.dataDir], { encoding: 'utf8' }).stdout.trim();
    assert.notEqual(owner, 'root', 'the data directory belongs to an unprivileged user');
  }

  await server.stop();
  assert.equal(existsSync(server.dataDir), false, 'the data directory is gone');
  assert.throws(() => process.kill(server.pid, 0), { code: 'ESRCH' }, 'the server process is gone');
  await server.stop();
});

test('the same server halts and starts again with its data and port, comes back as a read-only standby, and is promoted', async () => {
  const server = await startPostgres();
  const query = async (text) => {
    const client = new pg.Client({ connectionString: server.url });
    client.on('error', () => {});
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };
  try {
    await query('CREATE TABLE kept (n int); INSERT INTO kept VALUES (1)');
    const firstPid = server.pid;
    await server.halt();
    assert.throws(() => process.kill(firstPid, 0), { code: 'ESRCH' }, 'halted: the process is gone');
    await assert.rejects(query('SELECT 1'), { code: 'ECONNREFUSED' });
    await server.start();
    assert.notEqual(server.pid, firstPid);
    assert.deepEqual(await query('SELECT n FROM kept'), [{ n: 1 }], 'same port, same data');

    await server.restart({ standby: true });
    assert.deepEqual(await query('SELECT pg_is_in_recovery() AS standby'), [{ standby: true }]);
    await assert.rejects(query('INSERT INTO kept VALUES (2)'), { code: '25006' });
    await server.promote();
    assert.deepEqual(await query('SELECT pg_is_in_recovery() AS standby'), [{ standby: false }]);
    await query('INSERT INTO kept VALUES (2)');
    await server.restart();
    assert.deepEqual(await query('SELECT count(*)::int AS n FROM kept'), [{ n: 2 }], 'a plain restart is a primary');
  } finally {
    await server.stop();
  }
  await assert.rejects(server.start(), /stopped for good/);
});

const DURABILITY = `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit,
  current_setting('full_page_writes') AS full_page_writes`;

test('the tests’ servers trade durability for speed; durable: true keeps PostgreSQL’s defaults (for the benchmark)', async () => {
  for (const [durable, expected] of [
    [false, { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' }],
    [true, { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' }],
  ]) {
    const server = await startPostgres({ durable });
    try {
      const client = new pg.Client({ connectionString: server.url });
      client.on('error', () => {});
      await client.connect();
      const { rows } = await client.query(DURABILITY);
      await client.end();
      assert.deepEqual({ ...rows[0] }, expected, `durable: ${durable}`);
    } finally {
      await server.stop();
    }
  }
});

test('a server that cannot start is reported with its own output, and its data directory removed', async () => {
  const dir = tempDir('pat-pgbin-');
  // As root the stand-ins run as the unprivileged account, which must be able to reach them.
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'initdb'), '#!/bin/sh\necho "initdb: stand-in refuses" >&2\nexit 1\n');
  writeFileSync(join(dir, 'postgres'), '#!/bin/sh\nexit 1\n');
  chmodSync(join(dir, 'initdb'), 0o755);
  chmodSync(join(dir, 'postgres'), 0o755);
  const temp = tempDir('pat-pgtmp-');
  chmodSync(temp, 0o755);
  await assert.rejects(
    startPostgres({ env: { ...process.env, PG_BIN: dir, TMPDIR: temp } }),
    /initdb failed \(exit 1\):\s+initdb: stand-in refuses/,
  );
  assert.deepEqual(readdirSync(temp), []);
});
