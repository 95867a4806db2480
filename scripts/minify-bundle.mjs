/**
 * The last step of the production bundle, as an esbuild plugin: a second minifier pass and one
 * license notice.
 *
 * - terser over esbuild's minified output. Its compressor (two passes) folds what esbuild leaves
 *   (repeated property reads, single-use variables, `return` chains) and its mangler names by how
 *   often each character occurs, which gzip rewards: together about 1 KB gzipped off the bundle.
 *   Plain `compress` options only, none of terser's `unsafe` ones: what runs is what was written.
 * - One `@license` notice naming each bundled package, its copyright line and its license, in
 *   place of the dozen per-file comments esbuild would keep (Lit's alone are 1.4 KB). It is
 *   built from each package's own `LICENSE` and `package.json`, so it stays true when a
 *   dependency is added or updated; a bundled package without a copyright line fails the build.
 *
 * The plugin turns `write` off and writes the files itself, so `outfile` builds and in-memory
 * builds (`write: false`) get the same bytes. A source map, when asked for, maps the final code.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { minify } from 'terser';

export const TERSER_OPTIONS = {
  module: true,
  ecma: 2022,
  compress: { passes: 2 },
  format: { comments: false },
};

/** The results of the last few terser runs, by input: tests and scripts build the same bundle again. */
const cache = new Map();

async function terse(code, map) {
  const key = `${map ?? ''}\u0000${code}`;
  if (!cache.has(key)) {
    if (cache.size >= 4) cache.delete(cache.keys().next().value);
    cache.set(key, minify(code, map ? { ...TERSER_OPTIONS, sourceMap: { content: map } } : TERSER_OPTIONS));
  }
  return cache.get(key);
}

/** `node_modules/@lit/task/task.js` → `node_modules/@lit/task`, the package's folder. */
function packageFolder(input) {
  const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

/**
 * `/*! @license lit, lit-html: Copyright (c) 2017 Google LLC, BSD-3-Clause. zod: … *\/` for the
 * packages the bundle holds (from esbuild's metafile), or '' when it holds none.
 */
export async function licenseNotice(inputs, workingDir) {
  const folders = [...new Set(inputs.map(packageFolder).filter(Boolean))].sort();
  /** "copyright, license" → package names, so packages of one owner and license share a line. */
  const groups = new Map();
  for (const folder of folders) {
    const { name, license } = JSON.parse(await readFile(join(workingDir, folder, 'package.json'), 'utf8'));
    let text = '';
    for (const file of ['LICENSE', 'LICENSE.md', 'LICENSE.txt']) {
      text = await readFile(join(workingDir, folder, file), 'utf8').catch(() => '');
      if (text) break;
    }
    const copyright = /^\s*(Copyright\b.*?)\.?\s*(All rights reserved\.?)?\s*$/im.exec(text)?.[1];
    if (!copyright || !license)
      throw new Error(`minify-bundle: ${name} has no copyright line in its LICENSE or no license in package.json`);
    const group = `${copyright}, ${license}`;
    groups.set(group, [...(groups.get(group) ?? []), name]);
  }
  if (!groups.size) return '';
  const lines = [...groups].map(([group, names]) => `${names.join(', ')}: ${group}.`);
  return `/*! @license ${lines.join(' ')} */\n`;
}

export function minifyBundlePlugin() {
  return {
    name: 'minify-bundle',
    setup(build) {
      const options = build.initialOptions;
      const write = options.write ?? true;
      options.write = false;
      // The notice needs to know which packages went in.
      const metafileAsked = options.metafile;
      options.metafile = true;
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        const inputs = Object.keys(result.metafile.inputs);
        if (!metafileAsked) delete result.metafile;
        const notice = await licenseNotice(inputs, options.absWorkingDir ?? process.cwd());
        const files = result.outputFiles;
        for (const [index, file] of files.entries()) {
          // An in-memory build without `outfile` names its one output `<stdout>`.
          if (file.path.endsWith('.map')) continue;
          const mapIndex = files.findIndex((other) => other.path === `${file.path}.map`);
          const minified = await terse(file.text, mapIndex === -1 ? undefined : files[mapIndex].text);
          files[index] = outputFile(file.path, minified.code + notice);
          if (mapIndex !== -1) files[mapIndex] = outputFile(files[mapIndex].path, minified.map);
        }
        if (write) {
          for (const file of files) {
            await mkdir(dirname(file.path), { recursive: true });
            await writeFile(file.path, file.contents);
          }
        }
      });
    },
  };
}

/** An entry of esbuild's `outputFiles` with new text. */
function outputFile(path, text) {
  return { path, text, contents: new TextEncoder().encode(text), hash: '' };
}
