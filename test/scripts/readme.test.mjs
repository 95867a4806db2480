// The README is also the package's page on npm: its links must work there (absolute, or anchors
// of its own headings; files of the repository must exist), and it documents every public
// export and every entry point of package.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { customElements } from '../../scripts/generate-framework-types.mjs';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const REPOSITORY = 'https://github.com/pat-elements/pat-elements';
const RAW = 'https://raw.githubusercontent.com/pat-elements/pat-elements/main/';

/** Markdown links and images outside code blocks. */
function links(markdown) {
  const prose = markdown.replace(/^( *)```[\s\S]*?^\1```$/gm, '');
  return [...prose.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const slug = (heading) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

test('package.json names the repository, its home page and its issues', () => {
  assert.equal(pkg.repository.url, `git+${REPOSITORY}.git`);
  assert.equal(pkg.homepage, `${REPOSITORY}#readme`);
  assert.equal(pkg.bugs.url, `${REPOSITORY}/issues`);
});

test('every README link works on the npm page: absolute, or an anchor of a heading', () => {
  const anchors = new Set(
    readme
      .split('\n')
      .filter((line) => /^#{1,6} /.test(line))
      .map((line) => slug(line.replace(/^#+ /, ''))),
  );
  const found = links(readme);
  assert.ok(found.length > 5, 'the README has links');
  for (const link of found) {
    if (link.startsWith('#')) assert.ok(anchors.has(link.slice(1)), `${link} is not a heading of the README`);
    else assert.match(link, /^https:\/\//, `${link} is relative: it breaks on the npm page`);
  }
});

test('README links into the repository name files that exist', () => {
  const paths = links(readme).flatMap((link) => {
    if (link.startsWith(RAW)) return [link.slice(RAW.length)];
    const match = new RegExp(`^${REPOSITORY}/(?:blob|tree)/main/(.+)$`).exec(link);
    return match ? [match[1]] : [];
  });
  assert.ok(paths.length > 0, 'the README links files of the repository');
  for (const path of paths) assert.ok(existsSync(join(root, path)), `${path} is linked from the README but does not exist`);
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

test('every public export is documented in the README', () => {
  const names = [
    ...exportsOf('src/index.ts'),
    ...exportsOf('src/mock/index.ts'),
    ...exportsOf('src/locales/de.ts'),
    ...customElements(manifest).flatMap((element) => [element.name, `${element.name}Props`]),
    'PatWrapperProps',
  ];
  assert.ok(names.length > 50, `found ${names.length} exports`);
  const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(readme));
  assert.deepEqual(missing, [], 'exported but not in the README (document them, or stop exporting them)');
});

test('every entry point of package.json is documented in the README', () => {
  const entries = Object.keys(pkg.exports).filter((entry) => entry !== '.' && entry !== './package.json');
  // A pattern entry (`./locales/*`) is documented by its prefix (`pat-elements/locales/`).
  const missing = entries.filter((entry) => !readme.includes(`pat-elements/${entry.slice(2).replace(/\*.*$/, '')}`));
  assert.deepEqual(missing, []);
});
