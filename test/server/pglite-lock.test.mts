// PGlite is for one process: `postgresStore` given a PGlite with a data folder claims the folder,
// a second process opening it fails at once saying what to do instead, and a lock left by a
// crash is recognised. Real child processes (support/pglite-holder.mts), stopped by their PID.
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, it } from 'node:test';
import { PGliteInUseError, PGLITE_LOCK_FILE, postgresStore } from '../../src/server/index.js';
import { claimLockFile } from '../../src/server/pglite-lock.js';

const root = join(import.meta.dirname, '../..');
const holder = join(import.meta.dirname, 'support/pglite-holder.mts');
const folders: string[] = [];
const children = new Set<ChildProcessWithoutNullStreams>();

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pat-pglite-lock-'));
  folders.push(dir);
  return dir;
}

after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

type Message = Record<string, unknown>;

/** A holder process on `dir`, with its JSON lines as a queue. */
function open(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', holder, dir], { cwd: root, stdio: 'pipe' });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    exited,
    async next(): Promise<Message> {
      const { value, done } = await lines.next();
      if (done) throw new Error(`the holder ended without answering (exit ${child.exitCode}): ${stderr}`);
      return JSON.parse(value) as Message;
    },
    async send(command: string): Promise<Message> {
      child.stdin.write(`${command}\n`);
      return this.next();
    },
  };
}

const lockOf = (dir: string) => JSON.parse(readFileSync(join(dir, PGLITE_LOCK_FILE), 'utf8')) as { pid: number; host: string };

describe('PGlite data folders: one process', () => {
  it('a second process fails at once, a crash’s lock is recognised, and no token is lost', async () => {
    const dir = folder();
    const first = open(dir);
    assert.deepEqual(await first.next(), { ready: first.child.pid });
    assert.equal(lockOf(dir).pid, first.child.pid, 'the lock names the process holding the folder');
    const { secret: one } = await first.send('create');

    const second = open(dir);
    const refusal = await second.next();
    assert.equal(await second.exited, 3);
    assert.equal(refusal.name, 'PGliteInUseError');
    assert.equal(refusal.ready, false, 'refused at once, before PGlite was even ready');
    const message = String(refusal.refused);
    assert.match(message, new RegExp(`in use by process ${first.child.pid} on ${hostname()}`));
    assert.match(message, /PGlite is for one process/);
    assert.match(message, /use PostgreSQL/);
    assert.ok(message.includes(join(dir, PGLITE_LOCK_FILE)), 'names the lock file');

    assert.deepEqual(await first.send(`verify ${one}`), { verified: true }, 'the first process is unharmed');
    const { secret: two } = await first.send('create');

    first.child.kill('SIGKILL');
    await first.exited;
    assert.equal(lockOf(dir).pid, first.child.pid, 'a crash leaves its lock behind');

    const third = open(dir);
    assert.deepEqual(await third.next(), { ready: third.child.pid }, 'the stale lock is taken over');
    assert.equal(lockOf(dir).pid, third.child.pid);
    assert.deepEqual(await third.send(`verify ${one}`), { verified: true });
    assert.deepEqual(await third.send(`verify ${two}`), { verified: true });
    assert.deepEqual(await third.send('close'), { closed: true });
    assert.equal(existsSync(join(dir, PGLITE_LOCK_FILE)), false, 'close() lets the folder go');
    third.child.stdin.end();
    assert.equal(await third.exited, 0);
  });

  it('two processes taking over one stale lock together: exactly one gets the folder', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, PGLITE_LOCK_FILE),
      JSON.stringify({ pid: 2 ** 22 + 17, host: hostname(), since: '2026-01-01T00:00:00.000Z', nonce: 'crashed' }),
    );
    const racers = [open(dir), open(dir)];
    const outcomes = await Promise.all(racers.map((racer) => racer.next()));
    assert.deepEqual(outcomes.map((outcome) => (outcome.refused ? 'refused' : 'ready')).sort(), ['ready', 'refused']);
    const winner = racers[outcomes.findIndex((outcome) => !outcome.refused)]!;
    assert.equal(lockOf(dir).pid, winner.child.pid);
    winner.child.stdin.end();
    await Promise.all(racers.map((racer) => racer.exited));
  });

  it('two takeovers of one stale lock, interleaved at the worst moment: exactly one holds it', () => {
    // Processes rarely collide within microseconds, so the collision is staged: the second
    // process does its whole takeover just after the first has read the stale lock.
    const dir = folder();
    const lockFile = join(dir, PGLITE_LOCK_FILE);
    const owner = (pid: number, nonce: string) => ({ pid, host: 'here', since: '2026-01-01T00:00:00.000Z', nonce });
    writeFileSync(lockFile, JSON.stringify(owner(99, 'crashed')));
    const [x, y] = [owner(1, 'x'), owner(2, 'y')];
    const alive = (pid: number) => pid === 1 || pid === 2;
    let second: unknown;
    const staged = {
      ...fs,
      readFileSync(file: string, encoding: 'utf8') {
        const text = fs.readFileSync(file, encoding);
        if (file === lockFile && second === undefined) second = claimLockFile(lockFile, y, fs, alive);
        return text;
      },
    };
    const first = claimLockFile(lockFile, x, staged, alive);
    assert.equal(second, y, 'the second took over the stale lock');
    assert.deepEqual(first, y, 'the first, which had read the stale lock too, finds the second holding it');
    assert.equal(lockOf(dir).pid, 2);
    assert.deepEqual(fs.readdirSync(dir), [PGLITE_LOCK_FILE], 'no draft or stale copy is left behind');
  });
});

describe('PGlite data folders: the lock in this process', () => {
  /** What the lock reads of a PGlite: its data folder, `close()` and `closed`. */
  const fakePGlite = (dataDir: string | undefined) => {
    const db = {
      dataDir,
      closed: false,
      async close() {
        db.closed = true;
      },
      async query() {
        return { rows: [] };
      },
    };
    return db;
  };

  it('a second PGlite here on the same folder is refused until the first closes; the same one twice is fine', async () => {
    const dir = folder();
    const first = fakePGlite(dir);
    postgresStore(first);
    postgresStore(first);
    assert.throws(
      () => postgresStore(fakePGlite(`${dir}/`)),
      (error: unknown) => {
        assert.ok(error instanceof PGliteInUseError);
        assert.match(error.message, /another PGlite in this process/);
        return true;
      },
    );
    await first.close();
    assert.equal(existsSync(join(dir, PGLITE_LOCK_FILE)), false);
    const next = fakePGlite(`file://${dir}`);
    postgresStore(next);
    assert.equal(lockOf(dir).pid, process.pid);
    await next.close();
  });

  it('a lock from another host holds: liveness cannot be checked there', () => {
    const dir = folder();
    writeFileSync(
      join(dir, PGLITE_LOCK_FILE),
      JSON.stringify({ pid: 1, host: 'build-agent-7', since: '2026-01-01T00:00:00.000Z', nonce: 'x' }),
    );
    assert.throws(() => postgresStore(fakePGlite(dir)), /in use by process 1 on build-agent-7/);
    assert.equal(lockOf(dir).host, 'build-agent-7', 'and is left in place');
  });

  it('a lock with this process’s pid that it does not hold is from an earlier life (a restarted container): taken over', async () => {
    const dir = folder();
    writeFileSync(
      join(dir, PGLITE_LOCK_FILE),
      JSON.stringify({ pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z', nonce: 'old' }),
    );
    const db = fakePGlite(dir);
    postgresStore(db);
    assert.notEqual((lockOf(dir) as { nonce?: string }).nonce, 'old');
    await db.close();
  });

  it('PGlite in memory or in a browser’s storage, or a pg Pool: no folder, no lock', () => {
    const dir = folder();
    for (const scheme of ['memory://', 'idb://', 'opfs-ahp://', 'memfs2opfs://']) {
      const db = fakePGlite(`${scheme}${dir}`);
      postgresStore(db);
      assert.equal(existsSync(join(dir, PGLITE_LOCK_FILE)), false, scheme);
      assert.equal(existsSync(resolve(`${scheme}${dir}`)), false, `${scheme}: no folder made of the name`);
      postgresStore(fakePGlite(`${scheme}${dir}`)); // nor is a second one refused
    }
    postgresStore(fakePGlite(undefined));
    postgresStore({ query: async () => ({ rows: [] }) });
  });
});
