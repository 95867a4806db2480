#!/usr/bin/env node
/**
 * The size budget, one step of `npm test`. Builds two minified bundles in memory and gzips them
 * (level 9), because gzipped bytes are what a host's users download:
 *
 * - the self-contained bundle (Lit, @lit/task and zod inside);
 * - our own code, with those dependencies external.
 *
 * Each is checked against a budget (a ceiling, fails the run) and reported against issue 7's
 * target (24 KB / 12 KB, printed as met or not).
 *
 * Prints both sizes; exits 1 with the reason (and what weighs most) when one is over its budget.
 * `--bundle-kb=N` and `--own-kb=N` replace the budgets (the tests use tiny ones to prove the
 * check fails). `scripts/bench.mjs` serves the same self-contained bundle.
 */
import { gzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { bundleOptions } from './build.mjs';

/**
 * Budgets in KB (1 KB = 1024 bytes) of minified + gzipped JavaScript. These are ceilings just
 * above what ships today, so any growth fails `npm test` and must be argued for.
 */
export const BUDGETS_KB = { bundle: 35, own: 20 };

/**
 * The goal of issue 7, not met yet and printed beside every run: zod/mini alone is 8.2 KB and
 * Lit with @lit/task 7.4 KB of the bundle, which leaves 8.4 KB for three elements under 24 KB.
 * See "Performance" in README.md.
 */
export const TARGETS_KB = { bundle: 24, own: 12 };

/** Runtime dependencies, kept out of the "own code" bundle. */
export const DEPENDENCIES = ['lit', '@lit/*', 'zod', 'zod/*'];

/**
 * The production bundle, `dist/pat-elements.bundle.js` as `npm run build` makes it (its own esbuild
 * options), with `external` modules left as imports; in memory, so the check is fast and writes
 * nothing.
 */
export async function buildBundle({ external = [] } = {}) {
  const result = await esbuild.build({ ...bundleOptions({ external }), metafile: true, write: false, logLevel: 'silent' });
  return { code: result.outputFiles[0].text, metafile: result.metafile };
}

export function gzipSize(code) {
  return gzipSync(code, { level: 9 }).length;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The inputs that weigh most in a bundle (minified bytes, before gzip). */
function heaviestInputs(metafile, count = 8) {
  const [output] = Object.values(metafile.outputs);
  return Object.entries(output.inputs)
    .map(([path, { bytesInOutput }]) => ({ path, bytes: bytesInOutput }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, count);
}

/** Builds both bundles and compares their gzipped sizes with the budgets. */
export async function measure(budgetsKb = BUDGETS_KB) {
  const [bundle, own] = await Promise.all([buildBundle(), buildBundle({ external: DEPENDENCIES })]);
  return [
    { label: 'self-contained bundle', budgetKb: budgetsKb.bundle, ...bundle },
    { label: 'own code (dependencies external)', budgetKb: budgetsKb.own, ...own },
  ].map((entry) => ({ ...entry, gzipped: gzipSize(entry.code), minified: Buffer.byteLength(entry.code) }));
}

function readBudgets(argv) {
  const { values } = parseArgs({
    args: argv,
    options: { 'bundle-kb': { type: 'string' }, 'own-kb': { type: 'string' } },
  });
  const budget = (name, fallback) => {
    if (values[name] === undefined) return fallback;
    const value = Number(values[name]);
    if (!(value > 0)) throw new Error(`--${name} must be a positive number of KB, got "${values[name]}"`);
    return value;
  };
  return { bundle: budget('bundle-kb', BUDGETS_KB.bundle), own: budget('own-kb', BUDGETS_KB.own) };
}

async function main(argv) {
  let budgets;
  try {
    budgets = readBudgets(argv);
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  const entries = await measure(budgets);
  let over = 0;
  for (const { label, gzipped, minified, budgetKb, metafile } of entries) {
    const fits = gzipped <= budgetKb * 1024;
    const targetKb = label.startsWith('self') ? TARGETS_KB.bundle : TARGETS_KB.own;
    const target = gzipped <= targetKb * 1024 ? `target ${targetKb} KB met` : `target ${targetKb} KB not met yet`;
    console.log(`${fits ? '✓' : '✗'} ${label}: ${kb(gzipped)} minified + gzipped (${kb(minified)} minified), budget ${budgetKb} KB, ${target}`);
    if (fits) continue;
    over += 1;
    console.error(
      `Size budget exceeded: the ${label} is ${kb(gzipped)} minified + gzipped, ` +
        `${kb(gzipped - budgetKb * 1024)} over its ${budgetKb} KB budget. Heaviest inputs (minified, before gzip):`,
    );
    for (const { path, bytes } of heaviestInputs(metafile)) console.error(`  ${kb(bytes).padStart(9)}  ${path}`);
  }
  return over ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
