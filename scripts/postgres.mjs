#!/usr/bin/env node
/**
 * A throwaway PostgreSQL server for the tests and the server benchmark: Debian's binaries, a data
 * directory of its own in the temp dir, a free port on 127.0.0.1, stopped by its PID.
 *
 * Finding the binaries mirrors `find-browser.mjs`: `PG_BIN` first (a directory holding `initdb`
 * and `postgres`), then `/usr/lib/postgresql/<version>/bin` (newest first), then `pg_config
 * --bindir`. When none is found and Debian's apt-get can be used (as root), installs `postgresql`;
 * otherwise stops with one line saying what to install. `PAT_PG_CANDIDATES` (directories separated
 * by `:`) replaces the usual locations and `PAT_NO_INSTALL=1` forbids installing: the tests use
 * them to hide the binaries from the finder.
 *
 * `initdb` and `postgres` refuse to run as root, so as root they run as the `postgres` user (or
 * `nobody`), which owns the data directory.
 *
 * CLI: `node scripts/postgres.mjs` prints the binaries' directory; `--start` runs a server until
 * interrupted and prints its URL.
 */
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort } from './free-port.mjs';

export const PG_INSTALL_HINT =
  'No PostgreSQL server found: install it (Debian/Ubuntu: `sudo apt-get install postgresql`) or set PG_BIN to the directory holding initdb and postgres.';

/** Debian keeps each major version's server binaries apart; the newest wins. */
function debianBinDirs() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .filter((version) => /^\d+(\.\d+)?$/.test(version))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(base, version, 'bin'));
}

function pgConfigBinDir(env) {
  const result = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8', env });
  return result.status === 0 ? [result.stdout.trim()] : [];
}

function candidates(env) {
  if (env.PAT_PG_CANDIDATES !== undefined) return env.PAT_PG_CANDIDATES.split(':').filter(Boolean);
  return [...debianBinDirs(), ...pgConfigBinDir(env)];
}

function hasServer(dir) {
  try {
    accessSync(join(dir, 'initdb'), constants.X_OK);
    accessSync(join(dir, 'postgres'), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function canAptInstall(env) {
  if (env.PAT_NO_INSTALL === '1') return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return spawnSync('apt-get', ['--version'], { stdio: 'ignore', env }).status === 0;
}

/** The directory of `initdb` and `postgres`, or throws an Error whose message is the one line to show. */
export function findPostgres(env = process.env, log = (line) => console.error(line)) {
  if (env.PG_BIN) {
    if (hasServer(env.PG_BIN)) return env.PG_BIN;
    throw new Error(`PG_BIN is set to ${env.PG_BIN}, which holds no initdb and postgres. ${PG_INSTALL_HINT}`);
  }
  const found = candidates(env).find(hasServer);
  if (found) return found;

  if (canAptInstall(env)) {
    log('No PostgreSQL found; installing Debian’s postgresql package with apt-get (one time)…');
    const opts = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } };
    spawnSync('apt-get', ['update', '-qq'], opts);
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'postgresql'], opts);
    const installed = candidates(env).find(hasServer);
    if (install.status === 0 && installed) return installed;
    throw new Error(`apt-get could not install postgresql (exit ${install.status}). ${PG_INSTALL_HINT}`);
  }
  throw new Error(PG_INSTALL_HINT);
}

/** As root: the unprivileged account the server runs as (initdb refuses root). */
function serverAccount() {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
  }
  throw new Error('Running as root, and neither a `postgres` nor a `nobody` account exists to run PostgreSQL as.');
}

/**
 * Resolves once the server says it accepts connections (read-only ones, for a hot standby);
 * rejects with its output if it exits first.
 */
function untilReady(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`PostgreSQL did not start within ${timeoutMs / 1000} s:\n${output}`)), timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (/ready to accept (read-only )?connections/.test(output)) done();
    };
    const onExit = (code) => fail(new Error(`PostgreSQL exited (code ${code}) before it was ready:\n${output}`));
    function done() {
      clearTimeout(timer);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      resolve();
    }
    function fail(error) {
      clearTimeout(timer);
      child.stderr.off('data', onData);
      child.off('exit', onExit);
      reject(error);
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Resolves when the server's log shows `pattern` (its log is read from stderr as it comes). */
function untilLogged(child, pattern, timeoutMs) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      child.stderr.off('data', onData);
      reject(new Error(`PostgreSQL did not log ${pattern} within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      if (!pattern.test(output)) return;
      clearTimeout(timer);
      child.stderr.off('data', onData);
      resolve();
    };
    child.stderr.on('data', onData);
  });
}

/**
 * Starts a fresh server; `stop()` shuts it down by its PID (fast shutdown) and deletes its data.
 * It is also stopped when this process exits, so a failed test run leaves nothing behind.
 *
 * For the fault tests, the same server can go through what production databases go through, on
 * its own port and data: `halt()` (a fast shutdown, data kept) and `start()`, `restart()`,
 * `restart({ standby: true })` (back as a hot standby: read-only, as after a failover to a
 * replica) and `promote()` (the standby becomes a primary again, without a restart).
 *
 * `durable: true` keeps PostgreSQL's durability settings at their defaults (fsync,
 * synchronous_commit, full_page_writes on), for figures that stand for a real server; the tests'
 * throwaway servers turn them off.
 */
export async function startPostgres({ env = process.env, log, timeoutMs = 60_000, durable = false } = {}) {
  const bin = findPostgres(env, log);
  const account = serverAccount();
  const dataDir = mkdtempSync(join(env.TMPDIR || tmpdir(), 'pat-postgres-'));
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  const asAccount = account ? { uid: account.uid, gid: account.gid } : {};
  if (account) chownSync(dataDir, account.uid, account.gid);
  /** A file in the data directory the server reads (a signal file), owned by its account. */
  const writeSignal = (name) => {
    const file = join(dataDir, name);
    writeFileSync(file, '');
    if (account) chownSync(file, account.uid, account.gid);
  };

  const user = 'pat';
  const initdbArgs = ['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--locale=C', ...(durable ? [] : ['--no-sync'])];
  const initdb = spawnSync(join(bin, 'initdb'), initdbArgs, {
    encoding: 'utf8',
    ...asAccount,
    env: { ...env, LC_ALL: 'C' },
  });
  if (initdb.status !== 0) {
    removeData();
    const why = initdb.error ? initdb.error.message : `exit ${initdb.status}`;
    throw new Error(`initdb failed (${why}):\n${initdb.stdout ?? ''}${initdb.stderr ?? ''}`);
  }

  /** Runs the server on `port` until it is ready; the child, or throws with its output. */
  async function launch(port) {
    const child = spawn(
      join(bin, 'postgres'),
      [
        '-D',
        dataDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        // A throwaway database: durability buys nothing and costs time on a busy machine.
        ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
        '-c',
        'max_connections=60',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], ...asAccount, env: { ...env, LC_ALL: 'C' } },
    );
    const killOnExit = () => child.kill('SIGKILL');
    process.once('exit', killOnExit);
    child.once('exit', () => process.off('exit', killOnExit));
    try {
      await untilReady(child, timeoutMs);
    } catch (error) {
      child.kill('SIGKILL');
      throw error;
    }
    // Keep draining its log so a full pipe never blocks the server.
    child.stderr.resume();
    return child;
  }

  /** SIGINT: PostgreSQL's fast shutdown (ends sessions, no waiting for clients); resolves when it exited. */
  function shutDown(child) {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(child.pid, 'SIGINT');
    });
  }

  // A port found free can be taken before the server binds it: try a few.
  let server;
  let port;
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    try {
      server = await launch(port);
      break;
    } catch (error) {
      if (attempt < 3 && /could not bind|Address already in use/.test(error.message)) continue;
      removeData();
      throw error;
    }
  }
  process.once('exit', removeData);

  let stopped;
  const stop = () => {
    stopped ??= shutDown(server).then(() => {
      removeData();
      process.off('exit', removeData);
    });
    return stopped;
  };
  const halt = () => shutDown(server);
  const start = async ({ standby = false } = {}) => {
    if (stopped) throw new Error('This PostgreSQL server was stopped for good.');
    if (server.exitCode === null && server.signalCode === null) throw new Error('PostgreSQL is running: halt() it first.');
    if (standby) writeSignal('standby.signal');
    else rmSync(join(dataDir, 'standby.signal'), { force: true });
    server = await launch(port);
  };
  return {
    url: `postgres://${user}@127.0.0.1:${port}/postgres`,
    port,
    get pid() {
      return server.pid;
    },
    dataDir,
    stop,
    halt,
    start,
    async restart(options) {
      await halt();
      await start(options);
    },
    async promote() {
      // What `pg_ctl promote` does (it refuses to run as root): the signal file, then SIGUSR1.
      const promoted = untilLogged(server, /database system is ready to accept connections/, timeoutMs);
      writeSignal('promote');
      process.kill(server.pid, 'SIGUSR1');
      await promoted;
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    if (process.argv.includes('--start')) {
      const server = await startPostgres();
      console.log(server.url);
      const shutdown = () => void server.stop().then(() => process.exit(0));
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    } else {
      console.log(findPostgres());
    }
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
