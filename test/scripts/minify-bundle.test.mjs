// The bundle's last step: terser after esbuild, and one license notice for the packages inside.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { licenseNotice, minifyBundlePlugin } from '../../scripts/minify-bundle.mjs';
import { buildBundle } from '../../scripts/check-size.mjs';

const root = new URL('../..', import.meta.url).pathname;

test('the notice names each bundled package once, grouped by copyright and license', async () => {
  const notice = await licenseNotice(
    [
      'node_modules/lit-html/lit-html.js',
      'node_modules/lit-html/directives/repeat.js',
      'node_modules/@lit/task/task.js',
      'node_modules/zod/v4/core/schemas.js',
      'src/api/parse.ts',
    ],
    root,
  );
  assert.match(
    notice,
    /^\/\*! @license @lit\/task, lit-html: Copyright \(c\) \d{4} Google LLC, BSD-3-Clause\. zod: Copyright \(c\) \d{4} Colin McDonnell, MIT\. \*\/\n$/,
  );
  assert.equal(await licenseNotice(['src/api/parse.ts'], root), '', 'our own code needs no notice');
});

test('a bundled package without a copyright line fails the build instead of shipping without its notice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pat-notice-'));
  mkdirSync(join(dir, 'node_modules/unlicensed'), { recursive: true });
  writeFileSync(join(dir, 'node_modules/unlicensed/package.json'), JSON.stringify({ name: 'unlicensed', license: 'MIT' }));
  writeFileSync(join(dir, 'node_modules/unlicensed/index.js'), 'export const x = 1;\n');
  await assert.rejects(licenseNotice(['node_modules/unlicensed/index.js'], dir), /unlicensed has no copyright line/);
});

test('the shipped bundle has one license notice, for Lit and zod, at its end, and no other comment', async () => {
  const { code } = await buildBundle();
  assert.equal(code.match(/@license/g)?.length, 1);
  assert.match(code, /\/\*! @license [^*]*\blit-html\b[^*]*Google LLC, BSD-3-Clause\.[^*]* zod: [^*]*, MIT\. \*\/\n$/);
  assert.equal(code.match(/\/\*/g)?.length, 1);
});

test('terser runs after esbuild, on builds written to a file and in memory alike', async () => {
  // esbuild's minifier keeps both functions; terser's compressor folds the one called once.
  const source = 'function g(a) { return a + 1; }\nexport function f(x) { return g(x) * 2; }\n';
  const options = {
    stdin: { contents: source, loader: 'js' },
    bundle: true,
    format: 'esm',
    minify: true,
    plugins: [minifyBundlePlugin()],
    logLevel: 'silent',
  };
  const plain = await esbuild.build({ ...options, plugins: [], write: false });
  assert.equal(plain.outputFiles[0].text.match(/function \w\(/g)?.length, 2, plain.outputFiles[0].text);
  const inMemory = await esbuild.build({ ...options, write: false });
  assert.match(inMemory.outputFiles[0].text, /^function \w\(\w\)\{return 2\*/);
  const outfile = join(mkdtempSync(join(tmpdir(), 'pat-minify-')), 'out.js');
  const written = await esbuild.build({ ...options, outfile });
  assert.equal(readFileSync(outfile, 'utf8'), inMemory.outputFiles[0].text);
  assert.equal(written.metafile, undefined, 'a metafile only where one was asked for');
});
