// The README is also the package's page on npm: its links must work there (absolute, or anchors
// of its own headings); where they lead into the repository, doc-links.test.mjs checks them. The
// API reference (docs/api.md) documents every public export and every entry point of package.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { customElements } from '../../scripts/generate-framework-types.mjs';
import { anchors, links, readDoc, root } from '../support/markdown.mjs';

const readme = readDoc('README.md');
const apiDocs = readDoc('docs/api.md');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const REPOSITORY = 'https://github.com/pat-elements/pat-elements';

test('package.json names the repository, its home page and its issues', () => {
  assert.equal(pkg.repository.url, `git+${REPOSITORY}.git`);
  assert.equal(pkg.homepage, `${REPOSITORY}#readme`);
  assert.equal(pkg.bugs.url, `${REPOSITORY}/issues`);
});

test('every README link works on the npm page: absolute, or an anchor of a heading', () => {
  const headingAnchors = anchors(readme);
  const found = links(readme);
  assert.ok(found.length > 5, 'the README has links');
  for (const link of found) {
    if (link.startsWith('#')) assert.ok(headingAnchors.has(link.slice(1)), `${link} is not a heading of the README`);
    else assert.match(link, /^https:\/\//, `${link} is relative: it breaks on the npm page`);
  }
});

/** What a module exports, by name, through `export *` and re-exports. */
function exportsOf(file) {
  const program = ts.createProgram([join(root, file)], {
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    experimentalDecorators: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(join(root, file)))).map((symbol) => symbol.name);
}

test('every public export is documented in docs/api.md', () => {
  const names = [
    ...exportsOf('src/index.ts'),
    ...exportsOf('src/mock/index.ts'),
    ...exportsOf('src/testing/index.ts'),
    ...exportsOf('src/locales/de.ts'),
    ...customElements(manifest).flatMap((element) => [element.name, `${element.name}Props`]),
    'PatWrapperProps',
  ];
  assert.ok(names.length > 50, `found ${names.length} exports`);
  const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(apiDocs));
  assert.deepEqual(missing, [], 'exported but not in docs/api.md (document them, or stop exporting them)');
});

test('every entry point of package.json is documented in docs/api.md', () => {
  const entries = Object.keys(pkg.exports).filter((entry) => entry !== '.' && entry !== './package.json');
  // A pattern entry (`./locales/*`) is documented by its prefix (`pat-elements/locales/`).
  const missing = entries.filter((entry) => !apiDocs.includes(`pat-elements/${entry.slice(2).replace(/\*.*$/, '')}`));
  assert.deepEqual(missing, []);
});
