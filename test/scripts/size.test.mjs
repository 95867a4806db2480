// The size budget check: it must fail, loudly, when a bundle is over its budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, BUNDLE } from '../../scripts/build.mjs';
import {
  breakdown,
  breakdownTable,
  BUDGETS_KB,
  TARGETS_KB,
  buildBundle,
  DEPENDENCIES,
  gzipSize,
  MODULE_GROUPS,
  sourceOfEachChar,
} from '../../scripts/check-size.mjs';

const root = new URL('../..', import.meta.url).pathname;

function checkSize(...args) {
  return spawnSync('node', ['scripts/check-size.mjs', ...args], { cwd: root, encoding: 'utf8' });
}

/** `{ 'self-contained bundle': 16.5, … }` from the check's output lines. */
function reportedKb(stdout) {
  return Object.fromEntries([...stdout.matchAll(/^[✓✗] (.+?): ([\d.]+) KB minified \+ gzipped/gm)].map((m) => [m[1], Number(m[2])]));
}

test('the targets are 35 KB for the bundle, 20 KB for our own code and 40 KB for the first screen; the failing ceilings are never below them', () => {
  assert.deepEqual(TARGETS_KB, { bundle: 35, own: 20, entry: 40 });
  assert.ok(BUDGETS_KB.bundle >= TARGETS_KB.bundle && BUDGETS_KB.own >= TARGETS_KB.own);
});

test('each size is also compared with its target, met or not, without failing the run for it', () => {
  const result = checkSize('--bundle-kb=10000', '--own-kb=10000');
  assert.equal(result.status, 0, result.stderr);
  const sizes = reportedKb(result.stdout);
  for (const [label, targetKb] of [
    ['self-contained bundle', TARGETS_KB.bundle],
    ['own code (dependencies external)', TARGETS_KB.own],
  ]) {
    const line = result.stdout.split('\n').find((l) => l.startsWith(`✓ ${label}:`));
    const [, verdict, difference] = /; target [\d.]+ KB (met|not met), ([\d.]+) KB (?:under|over)$/.exec(line) ?? [];
    assert.equal(verdict, sizes[label] <= targetKb ? 'met' : 'not met', line);
    assert.ok(Math.abs(Number(difference) - Math.abs(targetKb - sizes[label])) <= 0.1, line);
  }
});

test('reports what the first screen loads apart, against its 40 KB target: the one-file bundle, whole', () => {
  const result = checkSize('--bundle-kb=10000', '--own-kb=10000');
  assert.equal(result.status, 0, result.stderr);
  const bundle = reportedKb(result.stdout)['self-contained bundle'];
  const [, entry, verdict] =
    /^ {2}entry \(what the first screen loads: .*\): ([\d.]+) KB minified \+ gzipped; target 40 KB (met|not met)/m.exec(result.stdout) ??
    [];
  assert.equal(Number(entry), bundle, result.stdout);
  assert.equal(verdict, bundle <= 40 ? 'met' : 'not met', result.stdout);
});

test('with roomy budgets it passes, prints both gzipped sizes and the margin left, and --breakdown its table', () => {
  const result = checkSize('--bundle-kb=10000', '--own-kb=10000', '--breakdown');
  assert.equal(result.status, 0, result.stderr);
  const sizes = reportedKb(result.stdout);
  assert.deepEqual(Object.keys(sizes), ['self-contained bundle', 'own code (dependencies external)']);
  assert.ok(sizes['own code (dependencies external)'] < sizes['self-contained bundle'], result.stdout);
  const left = Number(/^✓ self-contained bundle: .*budget 10000 KB, ([\d.]+) KB left;/m.exec(result.stdout)?.[1]);
  assert.equal(left.toFixed(1), (10000 - sizes['self-contained bundle']).toFixed(1), result.stdout);
  assert.match(result.stdout, /^\| module group \| minified bytes \| gzipped bytes it adds \| share \|$/m);
  assert.match(result.stdout, /^\| \*\*self-contained bundle\*\* \| \*\*[\d,]+\*\* \| \*\*[\d,]+\*\* \| 100 % \|$/m);
});

test('a bundle over its budget fails with a message naming it, its size and the budget', () => {
  const result = checkSize('--bundle-kb=1', '--own-kb=10000');
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^✗ self-contained bundle: [\d.]+ KB minified \+ gzipped .*budget 1 KB, [\d.]+ KB over;/m);
  assert.match(result.stdout, /^✓ own code/m);
  assert.match(
    result.stderr,
    /Size budget exceeded: the self-contained bundle is [\d.]+ KB minified \+ gzipped, [\d.]+ KB over its 1 KB budget/,
  );
  // What to look at first: the heaviest inputs, Lit among them.
  assert.match(result.stderr, /node_modules\/lit-html\//);
});

test('own code over its budget fails on its own, even when the bundle fits', () => {
  const result = checkSize('--own-kb=0.5', '--bundle-kb=10000');
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^✓ self-contained bundle/m);
  assert.match(result.stderr, /the own code \(dependencies external\) is [\d.]+ KB .* over its 0\.5 KB budget/);
  assert.doesNotMatch(result.stderr, /node_modules\//, 'dependencies must not count as own code');
});

test('a budget that is not a positive number is a usage error, not a pass', () => {
  const result = checkSize('--own-kb=twelve');
  assert.equal(result.status, 2);
  assert.match(result.stderr, /--own-kb must be a positive number of KB/);
});

test('own code leaves Lit and zod as imports; the self-contained bundle imports nothing', async () => {
  const own = await buildBundle({ external: DEPENDENCIES });
  const imported = new Set([...own.code.matchAll(/\bfrom\s*"([^"]+)"/g)].map((m) => m[1]));
  assert.ok(imported.has('lit') && imported.has('zod/mini'), [...imported].join(', '));
  const bundle = await buildBundle();
  // What esbuild left as imports (static or dynamic), not a text search: the strings say "from" too.
  const imports = Object.values(bundle.metafile.outputs).flatMap((output) => output.imports);
  assert.deepEqual(imports, []);
  assert.ok(Object.values(own.metafile.outputs).flatMap((output) => output.imports).length > 0, 'the check sees imports where there are');
  assert.doesNotMatch(bundle.code, /dev mode/, "Lit's development build must not be bundled");
});

test('sizes are deterministic, and measured as gzip level 9 of the minified code', async () => {
  const [first, second] = await Promise.all([buildBundle(), buildBundle()]);
  assert.equal(first.code, second.code);
  assert.equal(gzipSize(first.code), gzipSync(first.code, { level: 9 }).length);
});

test('what is measured is byte for byte the bundle npm run build ships', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'pat-size-'));
  await build({ outDir, log: () => {} });
  const shipped = readFileSync(join(outDir, BUNDLE), 'utf8');
  assert.ok((await buildBundle()).code === shipped, 'scripts/check-size.mjs and scripts/build.mjs bundle with different options');
});

test('a source map segment owns the characters up to the next one; the export list and what follows own none', () => {
  // Line 1: a, b from source 0; c from source 1; d from no source (a one-field segment). Line 2:
  // back to source 0 (relative index -1), then the export list and the notice.
  const code = 'abcd\nef;export{x};/*! notice */';
  const owners = [...sourceOfEachChar(code, { mappings: 'AAAA,ECAA,C;ADAA' })];
  assert.deepEqual(owners.slice(0, 8), [0, 0, 1, -1, -1, 0, 0, 0]);
  assert.ok(
    owners.slice(8).every((owner) => owner === -1),
    owners.join(),
  );
});

test('the breakdown covers the whole bundle: every group is in it, Lit, zod, the api and each element weigh', async () => {
  const result = await breakdown();
  assert.deepEqual(result.total.gzipped, gzipSize((await buildBundle()).code), 'the breakdown measures the shipped bundle');
  assert.deepEqual(
    result.rows.map((row) => row.label),
    [...MODULE_GROUPS.map((group) => group.label), 'bundler glue, export list, license notice'],
  );
  assert.equal(
    result.rows.reduce((sum, row) => sum + row.minified, 0),
    result.total.minified,
    'each byte in exactly one group',
  );
  for (const label of ['Lit', 'zod', 'our api', '<pat-token-list>', '<pat-generate-dialog>', '<pat-token-reveal>', 'styles', 'strings']) {
    const row = result.rows.find((candidate) => candidate.label.includes(label));
    assert.ok(row.minified > 500 && row.gzipped > 100, `${label}: ${JSON.stringify(row)}`);
  }
  const gzippedRows = result.rows.reduce((sum, row) => sum + row.gzipped, 0);
  assert.ok(gzippedRows <= result.total.gzipped && gzippedRows > result.total.gzipped * 0.8, `${gzippedRows} of ${result.total.gzipped}`);
  const table = breakdownTable(result);
  assert.match(table, /^\| shared by compression across groups \| \| [\d,]+ \| \d+ % \|$/m);
});
