/**
 * PGlite is PostgreSQL for one process: two processes with one data folder each run their own
 * PostgreSQL on the same files, and tokens one hands out never verify (or worse). So
 * `postgresStore(db)`, given a PGlite whose data is a folder, claims the folder first, with a lock
 * file in it (`pat-elements.lock`: pid, host, when), and a second process fails at once, saying
 * what to do instead.
 *
 * - The lock is created whole (written aside, then hard-linked into place: atomic, and it fails
 *   when the file exists), released when that PGlite's `close()` ends or the process exits.
 * - A lock whose process is gone (same host, no such pid: a crash, a `kill -9`) is stale and
 *   taken over. The stale file is first renamed aside and checked to be the one that was read, so
 *   two processes taking over together cannot both win.
 * - On another host (a shared network folder) liveness cannot be checked: the lock holds, and the
 *   message says which file to delete if that process is gone.
 * - Node's `fs` comes through `process.getBuiltinModule` (no import: the server runs on Workers
 *   too); where there is no file system, there is no folder to lock.
 */

export interface Fs {
  mkdirSync(path: string, options: { recursive: true }): unknown;
  writeFileSync(path: string, data: string, options: { flag: 'wx' }): void;
  readFileSync(path: string, encoding: 'utf8'): string;
  linkSync(existing: string, path: string): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}
interface Path {
  resolve(...paths: string[]): string;
  join(...paths: string[]): string;
}
interface Runtime {
  process?: {
    pid: number;
    getBuiltinModule?: (id: string) => unknown;
    kill(pid: number, signal: 0): true;
    once(event: 'exit', listener: () => void): unknown;
    off(event: 'exit', listener: () => void): unknown;
  };
}

/** The lock file's name, inside the data folder. */
export const PGLITE_LOCK_FILE = 'pat-elements.lock';

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
  /** Tells this lock from any other with the same pid (a restarted container's pid 1, say). */
  nonce: string;
}

interface Held {
  db: object;
  nonce: string;
  release(): void;
}

/** Folders this process holds, shared by every copy of this module loaded in it. */
const held: Map<string, Held> = ((globalThis as Record<symbol, unknown>)[Symbol.for('pat-elements.pglite-locks')] ??= new Map()) as Map<
  string,
  Held
>;

/** PGlite keeps its data in a folder unless the data dir names another file system (or none). */
function folderOf(db: unknown): string | undefined {
  if (typeof db !== 'object' || db === null) return undefined;
  const { dataDir, close } = db as { dataDir?: unknown; close?: unknown };
  if (typeof dataDir !== 'string' || typeof close !== 'function' || dataDir === '') return undefined;
  if (/^(memory|idb|opfs-ahp|memfs2opfs):\/\//.test(dataDir)) return undefined;
  return dataDir.startsWith('file://') ? dataDir.slice('file://'.length) : dataDir;
}

function readOwner(fs: Fs, file: string): LockOwner | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

/**
 * Creates `lockFile` for `me`, taking over a stale one (same host, `alive(pid)` false). Returns
 * `me` when it holds the lock, else the owner that does (`undefined`: unreadable). Exported for
 * the tests, which interleave two takeovers step by step.
 */
export function claimLockFile(lockFile: string, me: LockOwner, fs: Fs, alive: (pid: number) => boolean): LockOwner | undefined {
  for (let attempt = 0; ; attempt += 1) {
    const draft = `${lockFile}.${me.nonce}`;
    fs.writeFileSync(draft, JSON.stringify(me), { flag: 'wx' });
    try {
      fs.linkSync(draft, lockFile);
      return me;
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
    } finally {
      fs.unlinkSync(draft);
    }
    const owner = readOwner(fs, lockFile);
    const stale = owner !== undefined && owner.host === me.host && Number.isInteger(owner.pid) && !alive(owner.pid);
    if (!stale || attempt >= 3) return owner;
    // Move the stale lock aside; if what moved is not what was read, another process took over
    // first: put its lock back (unless a third one has written one since) and look again.
    const aside = `${lockFile}.stale.${me.nonce}`;
    try {
      fs.renameSync(lockFile, aside);
    } catch {
      continue;
    }
    if (readOwner(fs, aside)?.nonce !== owner.nonce) {
      try {
        fs.linkSync(aside, lockFile);
      } catch {
        // A third process's lock is in place: it holds the folder now.
      }
    }
    fs.unlinkSync(aside);
  }
}

export class PGliteInUseError extends Error {
  override readonly name = 'PGliteInUseError';
}

function inUse(folder: string, lockFile: string, owner: LockOwner | undefined, here: boolean): PGliteInUseError {
  const who = here
    ? 'another PGlite in this process'
    : owner
      ? `process ${owner.pid} on ${owner.host} (since ${owner.since})`
      : 'another process';
  return new PGliteInUseError(
    `The PGlite data folder ${folder} is in use by ${who}. PGlite is for one process: a second one ` +
      `on the same folder loses data. Run one process with it, or use PostgreSQL ` +
      `(postgresStore(new pg.Pool(…))) for several. If that process is gone, delete ${lockFile}.`,
  );
}

/**
 * Claims `db`'s data folder for this process if `db` is a PGlite with one; throws a
 * `PGliteInUseError` when another live process (or another PGlite here) holds it. Calling it again
 * with the same `db` is a no-op.
 */
export function lockPGliteDataDir(db: unknown): void {
  const dataDir = folderOf(db);
  const runtime = (globalThis as Runtime).process;
  const fs = runtime?.getBuiltinModule?.('node:fs') as Fs | undefined;
  const path = runtime?.getBuiltinModule?.('node:path') as Path | undefined;
  const os = runtime?.getBuiltinModule?.('node:os') as { hostname(): string } | undefined;
  if (dataDir === undefined || !runtime || !fs || !path || !os) return;

  const folder = path.resolve(dataDir);
  const current = held.get(folder);
  if (current?.db === db) return;
  if (current) {
    if (!(current.db as { closed?: unknown }).closed) throw inUse(folder, path.join(folder, PGLITE_LOCK_FILE), undefined, true);
    current.release();
  }

  fs.mkdirSync(folder, { recursive: true });
  const lockFile = path.join(folder, PGLITE_LOCK_FILE);
  const me: LockOwner = { pid: runtime.pid, host: os.hostname(), since: new Date().toISOString(), nonce: crypto.randomUUID() };
  const alive = (pid: number) => {
    // This process holds no lock it does not know of: one with its pid is from an earlier life.
    if (pid === runtime.pid) return false;
    try {
      runtime.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as { code?: string }).code === 'EPERM'; // exists, someone else's
    }
  };
  const owner = claimLockFile(lockFile, me, fs, alive);
  if (owner !== me) throw inUse(folder, lockFile, owner, false);

  const releaseOnExit = () => release();
  function release() {
    runtime!.off('exit', releaseOnExit);
    if (held.get(folder)?.nonce === me.nonce) held.delete(folder);
    if (readOwner(fs!, lockFile)?.nonce === me.nonce) {
      try {
        fs!.unlinkSync(lockFile);
      } catch {
        // Already gone: nothing to release.
      }
    }
  }
  runtime.once('exit', releaseOnExit);
  held.set(folder, { db: db as object, nonce: me.nonce, release });

  // PGlite tells no one it closed: its close() is wrapped to let the folder go when it is done.
  const pglite = db as { close(): Promise<void> };
  const close = pglite.close;
  Object.defineProperty(pglite, 'close', {
    configurable: true,
    writable: true,
    value: async function closeAndUnlock(this: unknown) {
      try {
        return await close.call(this);
      } finally {
        release();
      }
    },
  });
}
