// The editor data (VS Code custom data, JetBrains web-types) and the React 18 wrappers are
// generated from custom-elements.json: everything the manifest documents must reach them, in the
// shape each tool reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { vscodeCssData, vscodeHtmlData, webTypes } from '../../scripts/generate-editor-data.mjs';
import { customElements, reactWrappers, wrapperEventProp } from '../../scripts/generate-framework-types.mjs';

const root = new URL('../..', import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const elements = customElements(manifest);
const names = (items) => (items ?? []).map((item) => item.name).sort();

test('package.json points JetBrains at web-types and exports the VS Code data', () => {
  assert.equal(pkg['web-types'], './dist/web-types.json');
  assert.equal(pkg.exports['./web-types.json'], './dist/web-types.json');
  assert.equal(pkg.exports['./vscode.html-custom-data.json'], './dist/vscode.html-custom-data.json');
  assert.equal(pkg.exports['./vscode.css-custom-data.json'], './dist/vscode.css-custom-data.json');
});

test('VS Code HTML data: every tag with every attribute; booleans take no value, unions list theirs', () => {
  const data = vscodeHtmlData(manifest);
  assert.equal(data.version, 1.1);
  assert.deepEqual(
    data.tags.map((tag) => tag.name),
    elements.map((element) => element.tagName),
  );
  for (const element of elements) {
    const tag = data.tags.find((t) => t.name === element.tagName);
    assert.deepEqual(names(tag.attributes), names(element.attributes), `${element.tagName} attributes`);
    for (const event of element.events ?? [])
      assert.match(tag.description.value, new RegExp(`\`${event.name}\``), `${element.tagName} documents ${event.name}`);
    for (const part of element.cssParts ?? [])
      assert.ok(tag.description.value.includes(`\`${part.name}\``), `${element.tagName} documents part ${part.name}`);
    assert.ok(tag.references[0].url.startsWith('https://'), 'a documentation link');
  }
  const list = data.tags.find((t) => t.name === 'pat-token-list');
  assert.equal(list.attributes.find((a) => a.name === 'no-generate').valueSet, 'v');
  assert.deepEqual(
    list.attributes.find((a) => a.name === 'credentials').values.map((v) => v.name),
    ['include', 'omit', 'same-origin'],
  );
  assert.equal(list.attributes.find((a) => a.name === 'endpoint').values, undefined);
});

test('VS Code CSS data: each custom property and ::part() once, naming every element that has it', () => {
  const data = vscodeCssData(manifest);
  const properties = new Set(elements.flatMap((element) => names(element.cssProperties)));
  const parts = new Set(elements.flatMap((element) => names(element.cssParts)).map((name) => `::part(${name})`));
  assert.deepEqual(names(data.properties), [...properties].sort());
  assert.deepEqual(names(data.pseudoElements), [...parts].sort());
  const accent = data.properties.find((p) => p.name === '--pat-accent-color').description.value;
  for (const tag of ['pat-token-list', 'pat-generate-dialog', 'pat-token-reveal'])
    assert.ok(accent.includes(`<${tag}>`), `--pat-accent-color names ${tag}`);
});

test('web-types: attributes, properties, events, slots, parts and custom properties per element', () => {
  const data = webTypes(manifest);
  assert.equal(data.name, 'pat-elements');
  assert.equal(data.version, pkg.version);
  const html = data.contributions.html.elements;
  assert.deepEqual(
    html.map((e) => e.name),
    elements.map((element) => element.tagName),
  );
  for (const element of elements) {
    const entry = html.find((e) => e.name === element.tagName);
    assert.deepEqual(names(entry.attributes), names(element.attributes), `${element.tagName} attributes`);
    assert.deepEqual(names(entry.events), names(element.events), `${element.tagName} events`);
    assert.deepEqual(names(entry.js.events), names(element.events), `${element.tagName} js events`);
    assert.deepEqual(names(entry.slots), names(element.slots), `${element.tagName} slots`);
    assert.deepEqual(names(entry.css.parts), names(element.cssParts), `${element.tagName} parts`);
    assert.deepEqual(names(entry.css.properties), names(element.cssProperties), `${element.tagName} custom properties`);
  }
  const list = html.find((e) => e.name === 'pat-token-list');
  assert.ok(
    list.js.properties.some((p) => p.name === 'client' && /TokenClient/.test(p.type)),
    'the client property is listed with its type',
  );
  assert.equal(list.attributes.find((a) => a.name === 'credentials').value.type, "'include' | 'omit' | 'same-origin'");
});

test('React 18 wrappers: one component per tag, an on<EventName> prop per manifest event', () => {
  const { js, dts } = reactWrappers(manifest);
  assert.equal(wrapperEventProp('pat-token-created'), 'onPatTokenCreated');
  assert.equal(wrapperEventProp('pat-error'), 'onPatError');
  for (const element of elements) {
    assert.match(js, new RegExp(`export const ${element.name} = createComponent\\(\\{[^}]*tagName: "${element.tagName}"`));
    assert.match(dts, new RegExp(`export declare const ${element.name}: ForwardRefExoticComponent`));
    for (const event of element.events ?? []) {
      assert.ok(js.includes(`${wrapperEventProp(event.name)}: "${event.name}"`), `${element.name} maps ${event.name}`);
    }
  }
  // The wrappers register the tags (a wrapper of an unregistered tag renders an inert element).
  assert.match(js, /^import '\.\/define\.js';$/m);
});
