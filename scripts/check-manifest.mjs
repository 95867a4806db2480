#!/usr/bin/env node
/**
 * Fails when the committed custom-elements.json differs from what `npm run analyze` would write
 * now. The fresh manifest is generated in memory (the analyzer's `noWrite`): the committed file
 * is never touched. Prints where the two differ and the command that fixes it. Works on the
 * package in the current directory, as `npm run analyze` does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const MANIFEST = 'custom-elements.json';
const FIX = 'Run `npm run analyze` and commit custom-elements.json.';

/** The manifest the analyzer produces for the sources as they are now. */
export async function freshManifest(cwd = process.cwd()) {
  const previous = process.cwd();
  // The config reads src/events relative to the working directory, as `npm run analyze` does.
  process.chdir(cwd);
  try {
    const manifest = await cli({
      argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
      cwd,
      noWrite: true,
    });
    // Round-trip so it compares exactly as it would be written (no undefined members).
    return JSON.parse(JSON.stringify(manifest));
  } finally {
    process.chdir(previous);
  }
}

/** Paths (like `modules[3].declarations[0].events`) where two JSON values differ, at most `limit`. */
export function differences(committed, fresh, limit = 20) {
  const found = [];
  const label = (value) =>
    value && typeof value === 'object' && 'path' in value ? `[${value.path}]` : value?.name ? `[${value.name}]` : '';
  (function compare(a, b, path) {
    if (found.length >= limit) return;
    if (a === b) return;
    if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
      found.push(`${path}: ${JSON.stringify(a) ?? 'missing'} → ${JSON.stringify(b) ?? 'missing'}`);
      return;
    }
    if (Array.isArray(a)) {
      if (a.length !== b.length) {
        const names = (list) => list.map((item) => label(item) || JSON.stringify(item)).join(', ');
        found.push(`${path}: ${a.length} entries → ${b.length} (${names(a)} → ${names(b)})`);
        return;
      }
      a.forEach((item, i) => compare(item, b[i], `${path}[${i}]${label(b[i])}`));
      return;
    }
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) compare(a[key], b[key], path ? `${path}.${key}` : key);
  })(committed, fresh, '');
  return found;
}

async function main() {
  let committed;
  try {
    committed = JSON.parse(readFileSync(join(process.cwd(), MANIFEST), 'utf8'));
  } catch (error) {
    console.error(`${MANIFEST} is missing or not JSON (${error.message}). ${FIX}`);
    return 1;
  }
  const fresh = await freshManifest();
  const diff = differences(committed, fresh);
  if (diff.length === 0) {
    console.log(`${MANIFEST} is up to date.`);
    return 0;
  }
  console.error(`${MANIFEST} is stale: it does not match the elements' sources.\n  ${diff.join('\n  ')}\n${FIX}`);
  return 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
