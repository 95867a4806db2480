#!/usr/bin/env node
/**
 * `npm run build` → dist/:
 * - ESM modules and `.d.ts` for `.`, `./define`, `./mock`, `./testing` (helpers for a host's own
 *   tests) and `./server` (the reference backend, for Node and other server runtimes; never part of
 *   the browser bundle) (tsc -p tsconfig.build.json);
 * - `pat-elements.bundle.js`: one self-contained, minified module (Lit, @lit/task and zod inside)
 *   that registers the tags and exports everything `pat-elements` exports, for hosts without a
 *   bundler: `<script type="module" src=".../pat-elements.bundle.js">`;
 * - `bundle.node.js`: what `pat-elements/bundle` is in Node (server rendering, tests): the same
 *   entry, unbundled, so Lit's Node build and its DOM shim are used instead of the browser's;
 * - from custom-elements.json: framework typings (`types/react.d.ts`, `types/vue.d.ts`,
 *   `types/svelte.d.ts`), the React 18 wrappers (`react.js`) and editor data (`web-types.json`,
 *   `vscode.*-custom-data.json`);
 * - `check/cli.js`: the `pat-elements` command (package.json `bin`), Node only, made executable.
 *
 * Fails (exit 1) on a type error or a bundle that breaks the security rules (docs/architecture.md).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { writeEditorData } from './generate-editor-data.mjs';
import { writeFrameworkTypes } from './generate-framework-types.mjs';
import { minifyBundlePlugin } from './minify-bundle.mjs';
import { minifyTemplatesPlugin } from './minify-templates.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLE = 'pat-elements.bundle.js';
/** The `pat-elements` command, as tsc builds it from src/check/cli.ts (package.json `bin`). */
export const CLI = 'check/cli.js';

/** What must never be in the bundle: code that compiles strings (blocked by a strict CSP). */
export const FORBIDDEN_IN_BUNDLE = [
  { pattern: /\bnew\s+Function\s*\(/, reason: '`new Function`' },
  { pattern: /(?<![\w$.])eval\s*\(/, reason: '`eval(`' },
];

/**
 * The bundle's entry: export what the package root exports, and register the tags. The root
 * first, so the API and zod come before the elements in the bundle: gzip finds more of the
 * elements' repeats within its window that way (1.0 KB smaller than registering first, measured
 * when the list and the dialog were split into parts; 0.1 KB before).
 */
const BUNDLE_ENTRY = `export * from './index.js';\nimport './define.js';\n`;

/**
 * esbuild options of the self-contained bundle (without output settings), for anything that must
 * measure or serve exactly what ships. `external` leaves those modules as imports.
 */
export function bundleOptions({ external = [] } = {}) {
  return {
    stdin: { contents: BUNDLE_ENTRY, resolveDir: join(root, 'src'), sourcefile: 'pat-elements.bundle.ts', loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Production Lit: its `development` export condition is never selected.
    conditions: ['production'],
    tsconfig: join(root, 'tsconfig.json'),
    // One notice per bundled package replaces the per-file `@license` comments (minify-bundle.mjs).
    legalComments: 'none',
    external,
    // esbuild leaves template literals as written: the templates' and styles' indentation goes
    // first; terser then minifies esbuild's output again and the license notice is added.
    plugins: [minifyTemplatesPlugin(), minifyBundlePlugin()],
  };
}

export async function build({ outDir = join(root, 'dist'), log = console.log } = {}) {
  rmSync(outDir, { recursive: true, force: true });

  const tsc = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (tsc.status !== 0) throw new Error('tsc failed: fix the type errors above.');
  const cli = join(outDir, CLI);
  if (!readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')) throw new Error(`${CLI} must start with #!/usr/bin/env node.`);
  chmodSync(cli, 0o755);

  const bundlePath = join(outDir, BUNDLE);
  await esbuild.build({ ...bundleOptions(), outfile: bundlePath, logLevel: 'warning' });

  const bundle = readFileSync(bundlePath, 'utf8');
  for (const { pattern, reason } of FORBIDDEN_IN_BUNDLE) {
    if (pattern.test(bundle)) throw new Error(`${BUNDLE} contains ${reason}, which a strict Content Security Policy blocks.`);
  }

  // In Node the browser bundle would throw (no HTMLElement): the package's `node` condition of
  // `./bundle` points here instead.
  writeFileSync(join(outDir, 'bundle.node.js'), BUNDLE_ENTRY);

  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const generated = [...writeFrameworkTypes(manifest, outDir), ...writeEditorData(manifest, outDir)];

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  log(`${relative(root, bundlePath)}: ${kb(statSync(bundlePath).size)} (${kb(gzipSync(bundle).length)} gzipped)`);
  for (const file of generated) log(`${relative(root, file)}`);
  return { outDir, bundlePath };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch (error) {
    console.error(error.message);
    process.exitCode = 1;
  }
}
