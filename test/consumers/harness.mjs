/**
 * Fresh consumer projects for the packed package, as a host developer would make them.
 *
 * - `packTarball()`: `npm pack` of this repository (its `prepack` builds dist/), once per run.
 * - `createProject(fixture, tarball)`: a new directory under the OS's temp dir holding the
 *   fixture's files, the host app's helpers the docs' snippets call (`host-globals.*`, in
 *   `src/`), its dependencies, and the tarball unpacked as `node_modules/pat-elements`;
 * - `writeSnippets(dir, …)`: code blocks of the README and docs/hosts.md written into it, so
 *   what is checked is exactly what the docs tell a host to write.
 *
 * A fixture's dependencies (its package.json, plus the package's own runtime `dependencies`) are
 * installed once into `node_modules/.cache/pat-consumers/<fixture>-<hash>/`, keyed by a hash of
 * that package.json, so a second `npm test` reuses them; a changed fixture installs afresh and
 * its old cache is removed. Projects see the cached packages through one symlink per package
 * (the layout pnpm uses), while `pat-elements` itself is unpacked fresh into every project.
 * Projects live outside any `node_modules` directory: TypeScript, Vitest and svelte-check
 * treat files under one as third-party and would not check them.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docSnippet } from '../support/markdown.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const fixturesDir = fileURLToPath(new URL('.', import.meta.url));
const cacheRoot = join(root, 'node_modules/.cache/pat-consumers');
const rootPackage = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/** Temp directories made by this run (projects, the tarball's), removed by `removeTempDirs()`. */
const tempDirs = [];

/** Removes what this run made under the temp dir; `PAT_KEEP_CONSUMERS=1` keeps it to look into. */
export function removeTempDirs() {
  if (process.env.PAT_KEEP_CONSUMERS) return;
  // Projects hold symlinks into the cache: rmSync removes the links, never what they point to.
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Runs a command; resolves with its exit status and combined output (never rejects). */
export function run(command, args, { cwd, env = {}, timeoutMs = 5 * 60_000 } = {}) {
  return new Promise((resolve) => {
    // Plain output: the checks read it, and print it when they fail.
    const plain = { NO_COLOR: '1', FORCE_COLOR: '0' };
    const child = spawn(command, args, { cwd, env: { ...process.env, ...plain, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status: signal ? `killed by ${signal}` : status, output });
    });
  });
}

/** A one-line summary of a failed command, with its output, for an assertion message. */
export function failure(label, { status, output }) {
  return `${label} exited with ${status}:\n${output.trim()}`;
}

/** `npm pack` into a fresh temp directory; returns the tarball's path. */
export async function packTarball() {
  const destination = mkdtempSync(join(tmpdir(), 'pat-pack-'));
  tempDirs.push(destination);
  const result = await run('npm', ['pack', '--pack-destination', destination, '--json'], { cwd: root });
  if (result.status !== 0) throw new Error(failure('npm pack', result));
  const tarball = readdirSync(destination).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack wrote no tarball:\n${result.output}`);
  return join(destination, tarball);
}

/**
 * What the cache installs for a fixture: its own package.json, with the package's runtime
 * dependencies added (what `npm install pat-elements` would bring along).
 */
function cachePackage(fixture) {
  const own = JSON.parse(readFileSync(join(fixturesDir, fixture, 'package.json'), 'utf8'));
  return { ...own, dependencies: { ...rootPackage.dependencies, ...own.dependencies } };
}

/** The fixture's cached `node_modules`, installed first when the cache has no current copy. */
export async function fixtureModules(fixture) {
  const manifest = cachePackage(fixture);
  const key = createHash('sha256')
    .update(JSON.stringify(manifest))
    .update(`${process.platform}-${process.arch}`)
    .digest('hex')
    .slice(0, 12);
  const dir = join(cacheRoot, `${fixture}-${key}`);
  const modules = join(dir, 'node_modules');
  if (existsSync(modules)) return modules;

  mkdirSync(cacheRoot, { recursive: true });
  // Installed beside the cache and renamed into place: an interrupted install leaves no cache.
  const staging = mkdtempSync(join(cacheRoot, `.${fixture}-`));
  writeFileSync(join(staging, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const result = await run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], {
    cwd: staging,
    timeoutMs: 10 * 60_000,
  });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(failure(`npm install for the ${fixture} fixture`, result));
  }
  for (const old of readdirSync(cacheRoot).filter((name) => name.startsWith(`${fixture}-`))) {
    rmSync(join(cacheRoot, old), { recursive: true, force: true });
  }
  renameSync(staging, dir);
  return modules;
}

/** Links every package of `modules` (scoped ones one level down) and its `.bin` into `target`. */
function linkPackages(modules, target) {
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(modules)) {
    if (name === '.package-lock.json') continue;
    if (name.startsWith('@')) {
      mkdirSync(join(target, name), { recursive: true });
      for (const scoped of readdirSync(join(modules, name))) symlinkSync(join(modules, name, scoped), join(target, name, scoped));
    } else {
      symlinkSync(join(modules, name), join(target, name));
    }
  }
}

/**
 * A new project for `fixture`: its files (all but node_modules), its cached dependencies, and the
 * tarball unpacked fresh as `node_modules/pat-elements`. Returns the project's directory.
 */
export async function createProject(fixture, tarball) {
  const modules = await fixtureModules(fixture);
  const dir = mkdtempSync(join(tmpdir(), `pat-consumer-${fixture}-`));
  tempDirs.push(dir);
  cpSync(join(fixturesDir, fixture), dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const file of ['host-globals.d.ts', 'host-globals.js']) cpSync(join(fixturesDir, file), join(dir, 'src', file));
  linkPackages(modules, join(dir, 'node_modules'));
  const target = join(dir, 'node_modules/pat-elements');
  mkdirSync(target);
  const untar = spawnSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], { encoding: 'utf8' });
  if (untar.status !== 0) throw new Error(`tar could not unpack ${tarball}: ${untar.stderr}`);
  return dir;
}

/** Runs a package binary installed in the project (`node_modules/.bin/<name>`) with Node. */
export function runBin(dir, name, args, options = {}) {
  return run(process.execPath, [join(dir, 'node_modules/.bin', name), ...args], { cwd: dir, ...options });
}

/**
 * Writes the docs' code blocks into a project, each as a host would copy it:
 * `{ 'src/App.vue': ['README.md', 'Vue', 'vue'] }` (file, heading, language, and which block of
 * that language under the heading, the first by default).
 */
export function writeSnippets(dir, snippets) {
  for (const [file, [doc, heading, lang, index]] of Object.entries(snippets)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), docSnippet(doc, heading, lang, index));
  }
}

/**
 * tsc-style diagnostics (`file(line,col): error TSxxxx: …` or `file:line:col - error …`) as
 * `{ file, line, text }`, with the file relative to the project.
 */
export function diagnostics(output, dir) {
  // eslint-disable-next-line no-control-regex -- terminal colour codes
  const plain = output.replace(/\x1b\[[\d;]*m/g, '');
  return [...plain.matchAll(/^(\S+?)(?:\((\d+),\d+\)|:(\d+):\d+):?\s*-?\s*error\b.*$/gm)].map((match) => ({
    file: match[1].replace(`${dir}/`, ''),
    line: Number(match[2] ?? match[3]),
    text: match[0],
  }));
}

/** 1-based numbers of the lines of `file` that match `pattern`: the mistakes a check must report. */
export function linesMatching(file, pattern) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => (pattern.test(line) ? [i + 1] : []));
}
