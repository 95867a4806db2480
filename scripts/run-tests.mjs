#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in one command, ending with the line
 * `N passed, N failed`. Steps: find (or install) a browser, format, lint, type-check, the Node tests (our
 * scripts, server rendering, the checker), the manifest's freshness, the packed package in fresh
 * host projects (test/consumers; their dependencies are cached in node_modules/.cache), then the
 * browser tests. Exits non-zero on any failure.
 * Extra arguments are passed to the browser test runner (e.g. `npm test -- --files test/api`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findBrowser } from './find-browser.mjs';

const root = new URL('..', import.meta.url).pathname;
const resultsDir = join(root, '.test-results');
mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, extraEnv = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return result.status === 0;
}

/** A step that is one check: it passes or fails as a whole. */
function check(label, command, args) {
  if (run(label, command, args)) passed += 1;
  else {
    failed += 1;
    failures.push(label);
  }
}

let browser;
try {
  browser = findBrowser();
  console.log(`Browser: ${browser}`);
} catch (error) {
  console.error(error.message);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
}

check('Format (prettier --check; fix with npm run format)', 'npx', ['prettier', '--check', '--log-level', 'warn', '.']);
check('Lint (eslint: TypeScript, Lit and web-components rules)', 'npx', ['eslint', '.']);
check('Type-check (tsc --strict)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
check('Size budget (minified + gzipped)', 'node', ['scripts/check-size.mjs']);
check('custom-elements.json is fresh (else: npm run analyze)', 'node', ['scripts/check-manifest.mjs']);
check('Demo end to end: host page, bundle page, React and Vue pages (scripts/e2e-demo.mjs)', 'node', ['scripts/e2e-demo.mjs']);

/**
 * Node's test runner on `paths` (`node` options such as `--import tsx` first); it reports its
 * counts on stdout as TAP, each test counting once.
 */
function nodeTests(label, paths, { nodeOptions = [] } = {}) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync('node', [...nodeOptions, '--test', '--test-reporter=tap', ...paths], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, CHROME_PATH: browser },
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  const pass = Number(/^# pass (\d+)$/m.exec(result.stdout)?.[1] ?? 0);
  const fail = Number(/^# fail (\d+)$/m.exec(result.stdout)?.[1] ?? 0);
  passed += pass;
  failed += fail;
  if (result.status !== 0 && fail === 0) {
    failed += 1;
    failures.push(`${label} (did not run)`);
  } else if (fail) failures.push(`${label} (${fail})`);
}

// The project's scripts (test/scripts/), server rendering (test/ssr/), and TypeScript that runs
// in Node (test/**/*.test.mts, through tsx; Node 20's runner does not look for .mts files in a folder).
const typeScriptTests = readdirSync(join(root, 'test'), { recursive: true })
  .filter((file) => file.endsWith('.test.mts'))
  .map((file) => join('test', file));
nodeTests('Node tests (scripts, server rendering, TypeScript in Node)', ['test/scripts/', 'test/ssr/', ...typeScriptTests], {
  nodeOptions: ['--import', 'tsx'],
});
// After the scripts' tests, never beside them: both build dist/ (npm pack runs prepack).
nodeTests('Consumers: the packed package in fresh host projects (test/consumers)', ['test/consumers/consumers.test.mjs']);

// Browser tests.
{
  const resultsFile = join(resultsDir, 'browser.json');
  rmSync(resultsFile, { force: true });
  const ok = run('Browser tests (web-test-runner, headless Chromium)', 'npx', ['wtr', ...process.argv.slice(2)], {
    CHROME_PATH: browser,
    PAT_RESULTS_FILE: resultsFile,
  });
  const counts = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { passed: 0, failed: 0 };
  passed += counts.passed;
  failed += counts.failed;
  if (!ok && counts.failed === 0) {
    failed += 1;
    failures.push('Browser tests (runner failed)');
  } else if (counts.failed) failures.push(`Browser tests (${counts.failed})`);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
