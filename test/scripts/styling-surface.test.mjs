/**
 * The public styling surface is the same in docs/theming.md, in custom-elements.json and in the code:
 * every `--pat-*` custom property, with its default, and every part of every element. A property
 * or part added, renamed or removed in one place and not the others fails here.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { section } from '../support/markdown.mjs';

const root = new URL('../..', import.meta.url).pathname;
const read = (path) => readFileSync(join(root, path), 'utf8');
const THEMING = 'docs/theming.md';
const theming = read(THEMING);
const manifest = JSON.parse(read('custom-elements.json'));

const ELEMENT_FOLDERS = {
  'pat-token-list': 'src/token-list',
  'pat-generate-dialog': 'src/generate-dialog',
  'pat-token-reveal': 'src/token-reveal',
};

const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName);

const sorted = (values) => [...new Set(values)].sort();

/** The TypeScript sources of a folder, its subfolders' too (an element's field templates). */
function sourcesIn(folder) {
  return readdirSync(join(root, folder), { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => read(join(folder, file)));
}

/** The TypeScript sources of the elements and the shared theme (not the client, mock or events). */
function elementSources() {
  return ['src/internal', ...Object.values(ELEMENT_FOLDERS)].flatMap(sourcesIn);
}

/** The rows of the first table under the heading `heading` of docs/theming.md, as arrays of cells. */
function docTable(heading) {
  const lines = section(theming, heading, THEMING).split('\n');
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  return table
    .slice(
      0,
      table.findIndex((line) => !line.startsWith('|')),
    )
    .slice(2)
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
}

const codeSpans = (text) => [...text.matchAll(/`([^`]+)`/g)].map((match) => match[1]);

test('every --pat-* custom property is in the code, the manifest and docs/theming.md, with one default', () => {
  const inCode = sorted(elementSources().flatMap((source) => [...source.matchAll(/--pat-[a-z-]+[a-z]/g)].map((match) => match[0])));
  const inManifest = sorted(elements.flatMap((element) => (element.cssProperties ?? []).map((property) => property.name)));
  const rows = docTable('Custom properties');
  const inDocs = sorted(rows.map(([name]) => codeSpans(name)[0]));
  assert.deepEqual(inDocs, inCode, 'docs vs code');
  assert.deepEqual(inManifest, inCode, 'manifest vs code');

  for (const [name, defaultCell] of rows) {
    const property = codeSpans(name)[0];
    const defaults = sorted(
      elements.flatMap((element) => (element.cssProperties ?? []).filter((p) => p.name === property).map((p) => p.default)),
    );
    assert.equal(defaults.length, 1, `${property} has one default in the manifest, not ${JSON.stringify(defaults)}`);
    assert.equal(codeSpans(defaultCell)[0], defaults[0], `${property}: the docs' default is the manifest's`);
  }
});

/** Part names a template sets: `part="a b"` and the quoted strings inside `part=${…}`. */
function partsInTemplates(source) {
  const names = [];
  for (const [, literal] of source.matchAll(/\spart="([^"]*)"/g)) names.push(...literal.split(/\s+/));
  for (const [, expression] of source.matchAll(/\spart=\$\{([^}]*)\}/g)) {
    for (const [, quoted] of expression.matchAll(/'([^']*)'/g)) names.push(...quoted.split(/\s+/));
  }
  return names.filter(Boolean);
}

/** The part names listed in a `const NAME = …;` statement of exportparts (`a, b: c` exports `a` and `b`). */
function exportedParts(source, constant) {
  const start = source.indexOf(`const ${constant} =`);
  assert.notEqual(start, -1, `${constant} is defined`);
  const statement = source.slice(start, source.indexOf(';', start));
  return [...statement.matchAll(/'([^']*)'/g)]
    .flatMap(([, quoted]) => quoted.split(',').map((entry) => entry.split(':')[0].trim()))
    .filter(Boolean);
}

test("every part an element's templates set is documented, and every documented part exists", () => {
  const docParts = new Map(docTable('Parts').map(([tag, parts]) => [codeSpans(tag)[0].slice(1, -1), parts]));
  const manifestParts = new Map(elements.map((element) => [element.tagName, sorted((element.cssParts ?? []).map((part) => part.name))]));
  for (const [tag, folder] of Object.entries(ELEMENT_FOLDERS)) {
    const sources = sourcesIn(folder).join('\n');
    const documented = manifestParts.get(tag) ?? [];
    const undocumented = sorted(partsInTemplates(sources)).filter((name) => !documented.includes(name));
    assert.deepEqual(undocumented, [], `${tag}: parts set in templates but missing from its @csspart tags`);
    // Outside comments (where the @csspart tags themselves are), as a whole word.
    const code = sources.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    assert.deepEqual(
      documented.filter((name) => !new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(code)),
      [],
      `${tag}: @csspart tags naming a part its code never sets`,
    );

    // The docs' row; "the reveal's parts" stands for the reveal's row.
    const row = docParts.get(tag);
    assert.ok(row, `docs/theming.md lists the parts of <${tag}>`);
    const listed = codeSpans(row);
    if (row.includes("the reveal's parts")) listed.push(...codeSpans(docParts.get('pat-token-reveal')));
    assert.deepEqual(sorted(listed), documented, `${tag}: docs vs manifest`);
  }
});

test("parts pass through composition: the list exports the dialog's, the dialog the reveal's", () => {
  const parts = (tag) => (elements.find((element) => element.tagName === tag)?.cssParts ?? []).map((part) => part.name);
  const dialogExports = exportedParts(read('src/token-list/dialog-bridge.ts'), 'DIALOG_EXPORTPARTS');
  assert.deepEqual(
    parts('pat-generate-dialog').filter((name) => !dialogExports.includes(name)),
    [],
    'dialog parts the list does not export',
  );
  const revealExports = exportedParts(read('src/generate-dialog/generate-dialog.ts'), 'REVEAL_PARTS');
  assert.deepEqual(
    parts('pat-token-reveal').filter((name) => !revealExports.includes(name)),
    [],
    'reveal parts the dialog does not export',
  );
});
