// The manifest config's plugins and the staleness check, on a small fixture package that has
// every case the real elements have (or will have): emit() events, @fires, composition, styles.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { customPropertyDefaults } from '../../custom-elements-manifest.config.mjs';

const root = new URL('../..', import.meta.url).pathname;
const analyzer = join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js');
const checkScript = join(root, 'scripts/check-manifest.mjs');

const FIXTURE = {
  'src/events/index.ts': `
    import type { ADetail } from './a.js';
    import type { BDetail } from './b.js';
    export * from './a.js';
    export * from './b.js';
    export interface PatEventMap {
      'pat-a-happened': CustomEvent<ADetail>;
      'pat-b-done': CustomEvent<BDetail>;
    }`,
  'src/events/a.ts': `/** Something happened to an A. */\nexport interface ADetail { id: string }`,
  'src/events/b.ts': `/** B is done. */\nexport interface BDetail { ok: boolean }`,
  'src/internal/pat-element.ts': `
    import { LitElement } from 'lit';
    /** The base class. */
    export class PatElement extends LitElement {
      protected emit(name: string, detail: unknown) {
        return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
      }
    }`,
  'src/internal/format.ts': `export function formatSomething(value: string) { return value; }`,
  'src/a/a.styles.ts': `
    import { css } from 'lit';
    export const styles = css\`
      :host { --pat-color: light-dark(#000, #fff); gap: var(--pat-gap, 4px); }
      p { color: var(--pat-color); border: 1px solid var(--pat-undocumented, rgb(0 0 0 / 10%)); }
      .x { --_private: 1px; }
    \`;`,
  'src/a/a.ts': `
    import { html } from 'lit';
    import { property } from 'lit/decorators.js';
    import { PatElement } from '../internal/pat-element.js';
    import { styles } from './a.styles.js';
    /**
     * An A.
     * @summary Does A things.
     * @cssprop [--pat-gap=2px] - The gap (the JSDoc default wins).
     * @cssprop --pat-color - Text colour (its default comes from the styles).
     * @csspart label - The label.
     * @slot - The content.
     */
    export class PatA extends PatElement {
      static override styles = styles;
      /** Days until it expires. */
      @property({ attribute: 'max-days', type: Number }) maxDays = 3;
      #secret = '';
      private hidden = 1;
      /** Write-only. */
      set secret(value: string | undefined) {
        this.#secret = value ?? '';
      }
      get secret(): undefined {
        return undefined;
      }
      /** Does it. */
      go() {
        this.emit('pat-a-happened', { id: this.#secret + this.hidden });
      }
      override render() {
        return html\`<p part="label"><slot></slot></p>\`;
      }
    }`,
  'src/b/b.ts': `
    import { html } from 'lit';
    import { PatElement } from '../internal/pat-element.js';
    import { defineElement } from '../internal/define-element.js';
    import { PatA } from '../a/a.js';
    /**
     * A B, which renders an A.
     * @fires pat-b-done - B finished its work.
     */
    export class PatB extends PatElement {
      static dependencies = { 'pat-a': PatA };
      override connectedCallback() {
        super.connectedCallback();
        defineElement('pat-a', PatA);
      }
      finish() {
        this.emit('pat-b-done', { ok: true });
      }
      override render() {
        return html\`<pat-a></pat-a>\`;
      }
    }`,
  'src/internal/define-element.ts': `
    export function defineElement(tag: string, ctor: CustomElementConstructor) {
      if (!customElements.get(tag)) customElements.define(tag, ctor);
    }`,
  'src/define.ts': `
    import { PatA } from './a/a.js';
    import { PatB } from './b/b.js';
    import { defineElement } from './internal/define-element.js';
    defineElement('pat-a', PatA);
    defineElement('pat-b', PatB);`,
  'src/index.ts': `export { PatA } from './a/a.js';\nexport { PatB } from './b/b.js';`,
  'src/a/a.test.ts': `import { LitElement } from 'lit';\nexport class PatATest extends LitElement {}`,
  'src/mock/index.ts': `import { LitElement } from 'lit';\nexport class PatMock extends LitElement {}`,
  'src/api/client.ts': `export class RestThing {}`,
};

function makeFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'pat-cem-'));
  for (const [path, text] of Object.entries(FIXTURE)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  copyFileSync(join(root, 'custom-elements-manifest.config.mjs'), join(dir, 'custom-elements-manifest.config.mjs'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'fixture', type: 'module', customElements: 'custom-elements.json' }));
  return dir;
}

function analyze(dir) {
  const result = spawnSync(process.execPath, [analyzer, 'analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, result.stderr);
  return { manifest: JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8')), stderr: result.stderr };
}

const check = (dir) => spawnSync(process.execPath, [checkScript], { cwd: dir, encoding: 'utf8' });

let fixture;
let manifest;
let warnings;
const declaration = (name) => manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.name === name);

before(() => {
  fixture = makeFixture();
  ({ manifest, stderr: warnings } = analyze(fixture));
});

test('modules are the shipped dist files of elements, entry points and base classes only', () => {
  assert.deepEqual(
    manifest.modules.map((m) => m.path),
    ['dist/a/a.js', 'dist/b/b.js', 'dist/define.js', 'dist/index.js', 'dist/internal/pat-element.js'],
  );
  const text = JSON.stringify(manifest);
  assert.doesNotMatch(text, /src\/|\.ts"|test|mock|RestThing|formatSomething/);
});

test('tags come from module-level defineElement calls, not from one inside a method', () => {
  const define = manifest.modules.find((m) => m.path === 'dist/define.js');
  assert.deepEqual(define.exports, [
    { kind: 'custom-element-definition', name: 'pat-a', declaration: { name: 'PatA', module: 'dist/a/a.js' } },
    { kind: 'custom-element-definition', name: 'pat-b', declaration: { name: 'PatB', module: 'dist/b/b.js' } },
  ]);
  assert.equal(declaration('PatA').tagName, 'pat-a');
  assert.equal(declaration('PatA').customElement, true);
  assert.equal(
    manifest.modules.find((m) => m.path === 'dist/b/b.js').exports.some((e) => e.kind === 'custom-element-definition'),
    false,
  );
});

test('a base class is listed for inheritance but is not an element', () => {
  assert.equal(declaration('PatElement').customElement, undefined);
  assert.deepEqual(declaration('PatA').superclass, { name: 'PatElement', module: 'dist/internal/pat-element.js' });
});

test("this.emit() events get the PatEventMap type and the detail JSDoc; the base class's dynamic name is dropped", () => {
  assert.deepEqual(declaration('PatA').events, [
    { name: 'pat-a-happened', type: { text: 'CustomEvent<ADetail>' }, description: 'Something happened to an A.' },
  ]);
  assert.equal(declaration('PatElement').events, undefined);
});

test("a @fires tag keeps its description and gains the type; composed elements' events bubble out", () => {
  const events = declaration('PatB').events;
  assert.deepEqual(
    events.find((e) => e.name === 'pat-b-done'),
    {
      name: 'pat-b-done',
      type: { text: 'CustomEvent<BDetail>' },
      description: 'B finished its work.',
    },
  );
  assert.deepEqual(
    events.find((e) => e.name === 'pat-a-happened'),
    {
      name: 'pat-a-happened',
      type: { text: 'CustomEvent<ADetail>' },
      description: 'Something happened to an A. (From the composed `<pat-a>`.)',
    },
  );
  assert.equal(events.length, 2);
});

test('private members are left out; attributes keep their field names', () => {
  const names = declaration('PatA').members.map((m) => m.name);
  assert.ok(names.includes('maxDays') && names.includes('go'), names.join());
  assert.ok(!names.includes('#secret') && !names.includes('hidden'), names.join());
  assert.deepEqual(
    declaration('PatA').attributes.map(({ name, fieldName }) => ({ name, fieldName })),
    [{ name: 'max-days', fieldName: 'maxDays' }],
  );
});

test('a write-only property is documented with the type its setter takes', () => {
  const secret = declaration('PatA').members.find((m) => m.name === 'secret');
  assert.deepEqual(secret.type, { text: 'string | undefined' });
});

test('custom property defaults: JSDoc first, then the styles; undocumented hooks are reported', () => {
  assert.deepEqual(
    declaration('PatA').cssProperties.map(({ name, default: value }) => ({ name, default: value })),
    [
      { name: '--pat-gap', default: '2px' },
      { name: '--pat-color', default: 'light-dark(#000, #fff)' },
    ],
  );
  assert.match(warnings, /pat-a uses --pat-undocumented without a @cssprop tag/);
  assert.doesNotMatch(warnings, /--_private/);
});

test('custom property defaults are read through nested parentheses', () => {
  const found = customPropertyDefaults(
    ':host{--pat-a: color-mix(in srgb, currentColor 18%, transparent);} p{margin:var(--pat-b, calc(1rem + var(--x, 2px)))}',
  );
  assert.deepEqual(Object.fromEntries(found), {
    '--pat-a': 'color-mix(in srgb, currentColor 18%, transparent)',
    '--pat-b': 'calc(1rem + var(--x, 2px))',
  });
});

test('the check passes on a fresh manifest and fails, naming the fix and the place, on a stale one', () => {
  const fresh = check(fixture);
  assert.equal(fresh.status, 0, fresh.stderr);
  assert.match(fresh.stdout, /custom-elements.json is up to date/);

  const dir = makeFixture();
  analyze(dir);
  // The element gains a documented event the committed manifest does not have.
  const source = join(dir, 'src/a/a.ts');
  writeFileSync(source, readFileSync(source, 'utf8').replace('* @summary', '* @fires pat-b-done - Also done.\n     * @summary'));
  const committed = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  const stale = check(dir);
  assert.equal(stale.status, 1);
  assert.match(stale.stderr, /custom-elements.json is stale/);
  assert.match(stale.stderr, /\[PatA\]\.events/);
  assert.match(stale.stderr, /Run `npm run analyze`/);
  assert.equal(readFileSync(join(dir, 'custom-elements.json'), 'utf8'), committed, 'the check must not rewrite the file');
});

test('the check fails with the fix when the manifest is missing', () => {
  const dir = makeFixture();
  const result = check(dir);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /custom-elements.json is missing or not JSON.*Run `npm run analyze`/s);
});

test('analyzing never rewrites package.json', () => {
  const before = readFileSync(join(fixture, 'package.json'), 'utf8');
  analyze(fixture);
  check(fixture);
  assert.equal(readFileSync(join(fixture, 'package.json'), 'utf8'), before);
});
