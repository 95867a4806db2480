#!/usr/bin/env node
/**
 * `npm run screenshots`: regenerates `docs/screenshots/` — every state of `<pat-token-list>` (and
 * of the dialog it opens) in a host settings page, at 1280, 728 and 390 px, light and dark, the
 * main states right to left — and the README's `docs/demo.png`. It runs
 * `test/layout/screenshots.run.ts` in the test runner's headless Chromium, with the same mock
 * backend and fixed clock as the tests, so every picture is reproducible. Old pictures are removed
 * first, so a state that no longer exists leaves none behind.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
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
const taken = readdirSync(folder).filter((name) => name.endsWith('.png'));
console.log(`\n${taken.length} screenshots in docs/screenshots/, and docs/demo.png`);
