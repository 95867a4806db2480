#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates `docs/screenshots/` — every state of `<pat-token-list>` (and
 * of the dialog it opens) in a host settings page, at 1280, 728 and 390 px, light and dark, the
 * main states right to left; the README shows `list-1280-light.png`. It runs
 * `test/layout/screenshots.run.ts` in the test runner's headless Chromium, with the same mock
 * backend and fixed clock as the tests, so every picture is reproducible. Old pictures are removed
 * first, so a state that no longer exists leaves none behind.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './find-browser.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const folder = join(root, 'docs/screenshots');

for (const file of readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.png'))) {
  rmSync(join(folder, file.name));
}

const result = spawnSync('npx', ['wtr', '--files', 'test/layout/screenshots.run.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: findBrowser() },
});
if (result.status !== 0) process.exit(result.status ?? 1);
const taken = readdirSync(folder)
  .filter((name) => name.endsWith('.png'))
  .sort();

// An index a reviewer can read on GitHub: one section per state, its pictures in a row.
const states = new Map();
for (const name of taken) {
  const state = name.replace(/-\d+-(light|dark).*\.png$/, '');
  states.set(state, [...(states.get(state) ?? []), name]);
}
const index = [
  '# Screenshots',
  '',
  'Every state of `<pat-token-list>` and the dialog it opens, in a host settings page, at 1280 px (desktop),',
  '728 px and 390 px (a phone), light and dark, and the main states right to left (`-rtl`; `-de` is German).',
  'Taken by `npm run screenshots` (`scripts/screenshots.mjs`); do not edit by hand.',
  '',
  ...[...states].flatMap(([state, names]) => [
    `## ${state}`,
    '',
    names.map((name) => `<img src="${name}" alt="${name}" width="240">`).join('\n'),
    '',
  ]),
].join('\n');
writeFileSync(join(folder, 'README.md'), index);
console.log(`\n${taken.length} screenshots in docs/screenshots/ (index: docs/screenshots/README.md)`);
