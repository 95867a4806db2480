// `npm run build` and what `npm pack` would publish, checked as a consumer meets them: every
// export resolves to a built file, the bundle is self-contained and runs under a strict Content
// Security Policy with Trusted Types, the tarball holds only what a consumer needs, and the React
// typings type-check real JSX (and reject wrong props). Builds into dist/ once, first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { build, BUNDLE, CLI, FORBIDDEN_IN_BUNDLE } from '../../scripts/build.mjs';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { EDITOR_DATA_FILES } from '../../scripts/generate-editor-data.mjs';
import { customElements, reactTypes, reactWrappers, vueTypes } from '../../scripts/generate-framework-types.mjs';

const root = new URL('../..', import.meta.url).pathname;
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const TAGS = ['pat-generate-dialog', 'pat-token-list', 'pat-token-reveal'];

let bundle;
let browser;

before(async () => {
  await build({ log: () => {} });
  bundle = readFileSync(join(dist, BUNDLE), 'utf8');
});

after(async () => {
  await browser?.close();
});

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath ?? entry.path, entry.name)));
}

/** Every file an `exports` entry points to, e.g. `./dist/index.d.ts`. */
function exportTargets(exports) {
  return Object.values(exports).flatMap((target) => (typeof target === 'string' ? [target] : exportTargets(target)));
}

/** The locales the package ships (`pat-elements/locales/<name>`). */
const LOCALES = readdirSync(join(root, 'src/locales')).map((file) => file.replace(/\.ts$/, ''));

test('every package.json export, main, module and types resolves to a built or shipped file', () => {
  // A pattern export (`./locales/*`) resolves once per shipped locale.
  const targets = [...exportTargets(pkg.exports), pkg.main, pkg.module, pkg.types, pkg.customElements].flatMap((target) =>
    target.includes('*') ? LOCALES.map((name) => target.replace('*', name)) : [target],
  );
  for (const target of targets) assert.ok(existsSync(join(root, target)), `${target} is missing after the build`);
  for (const entry of ['.', './define', './mock']) {
    assert.match(pkg.exports[entry].types, /\.d\.ts$/, `${entry} has types`);
    assert.match(pkg.exports[entry].default, /^\.\/dist\/.*\.js$/, `${entry} is an ES module in dist`);
  }
});

test('the pat-elements command is the built, executable CLI, and runs from dist', () => {
  assert.deepEqual(pkg.bin, { 'pat-elements': `./dist/${CLI}` });
  const cli = join(dist, CLI);
  assert.ok(statSync(cli).mode & 0o111, `${CLI} is executable`);
  // Run as npm's link runs it: the file itself, through its #! line.
  const help = spawnSync(cli, ['check', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /^Usage: pat-elements check <endpoint>/);
  const usage = spawnSync(cli, ['check'], { encoding: 'utf8' });
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^pat-elements: missing <endpoint>/);
});

test('dist holds ES modules, declarations and editor data only: no sources, tests or maps', () => {
  const files = filesUnder(dist);
  const editorData = new Set(EDITOR_DATA_FILES.map((name) => `dist/${name}`));
  const strays = files.filter(
    (file) =>
      (!/\.(js|d\.ts)$/.test(file) && !editorData.has(file)) ||
      /\.test\.|\/test\//.test(file) ||
      (/\.ts$/.test(file) && !/\.d\.ts$/.test(file)),
  );
  assert.deepEqual(strays, []);
  assert.ok(files.includes('dist/index.js') && files.includes('dist/define.d.ts') && files.includes('dist/mock/index.js'));
});

test('importing the package root has no side effects; only define registers tags', () => {
  const index = readFileSync(join(dist, 'index.js'), 'utf8');
  assert.doesNotMatch(index, /defineElement\(['"]|customElements\.define/);
  const define = readFileSync(join(dist, 'define.js'), 'utf8');
  for (const tag of TAGS) assert.match(define, new RegExp(`defineElement\\(['"]${tag}['"]`));
});

test('every module path in custom-elements.json is a file the package ships', () => {
  for (const module of manifest.modules) assert.ok(existsSync(join(root, module.path)), `${module.path} is not in the build`);
  assert.deepEqual(
    customElements(manifest).map((element) => element.tagName),
    TAGS,
  );
});

test('the bundle is minified production code with nothing that needs eval', () => {
  // assert.ok, not doesNotMatch: a failure should name the rule, not print 50 KB of bundle.
  const has = (pattern) => pattern.test(bundle);
  for (const { pattern, reason } of FORBIDDEN_IN_BUNDLE) assert.ok(!has(pattern), `the bundle contains ${reason}`);
  // Lit's development build warns "Lit is in dev mode"; its production build has no such text.
  assert.ok(!has(/dev mode|litIssuedWarnings/), "the bundle has Lit's development build");
  assert.ok(!has(/mockServiceWorker|msw/), 'the mock backend (msw) is in the bundle');
  // Minified: no indented statements (newlines left are inside template literals) and local
  // names mangled (the source's `function mergeStrings(` is gone).
  assert.ok(!has(/^[ \t]+(const|let|var|return|if|for|function)\b/m), 'the bundle is not minified');
  assert.ok(!has(/function mergeStrings\(/), 'local names are not mangled');
  assert.ok(has(/@license/), 'third-party license comments are dropped');
});

/**
 * A page served from memory under a strict CSP with Trusted Types enforced, loading only the
 * bundle. Returns what the page requested and every violation, error and console error.
 */
async function openBundlePage(body, { trustedTypes = 'trusted-types lit-html pat-elements' } = {}) {
  browser ??= await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  const csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
    `require-trusted-types-for 'script'; ${trustedTypes}`;
  await page.route('http://pat.test/**', (route) => {
    const url = new URL(route.request().url());
    requests.push(`${route.request().method()} ${url.pathname}`);
    if (url.pathname === '/') {
      return route.fulfill({ contentType: 'text/html', headers: { 'Content-Security-Policy': csp }, body });
    }
    if (url.pathname === '/pat-elements.bundle.js' || url.pathname === '/copy/pat-elements.bundle.js') {
      return route.fulfill({ contentType: 'text/javascript', body: bundle });
    }
    if (url.pathname === '/api/tokens') return route.fulfill({ contentType: 'application/json', body: '{"tokens":[]}' });
    return route.fulfill({ status: 404, body: '' });
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  await page.goto('http://pat.test/');
  return { page, requests, problems };
}

test('the bundle alone registers the tags and runs under a strict CSP with Trusted Types', async () => {
  const { page, requests, problems } = await openBundlePage(`<!doctype html><html lang="en"><head>
    <script type="module" src="/pat-elements.bundle.js"></script></head>
    <body><pat-token-list endpoint="/api/tokens"></pat-token-list></body></html>`);
  await page.waitForFunction(() => customElements.get('pat-token-list') !== undefined);
  const state = await page.evaluate(async (tags) => {
    const list = document.querySelector('pat-token-list');
    await list.updateComplete;
    return {
      defined: tags.map((tag) => customElements.get(tag) !== undefined),
      upgraded: list instanceof customElements.get('pat-token-list'),
      shadow: list.shadowRoot !== null,
    };
  }, TAGS);
  assert.deepEqual(state, { defined: [true, true, true], upgraded: true, shadow: true });
  // Self-contained: the page, the bundle and the API; no other module was fetched.
  assert.deepEqual(
    requests.filter((r) => !r.endsWith('/api/tokens')),
    ['GET /', 'GET /pat-elements.bundle.js'],
  );
  assert.deepEqual(problems, []);
  await page.close();
});

test('the bundle exports the package API, and a second copy on the page does not throw', async () => {
  // Each copy of Lit creates a \`lit-html\` policy: two copies need 'allow-duplicates' under Trusted Types.
  const { page, problems } = await openBundlePage('<!doctype html><html lang="en"><head></head><body></body></html>', {
    trustedTypes: "trusted-types lit-html pat-elements 'allow-duplicates'",
  });
  const result = await page.evaluate(async () => {
    const first = await import('/pat-elements.bundle.js');
    const second = await import('/copy/pat-elements.bundle.js');
    return {
      exports: ['PatTokenList', 'PatGenerateDialog', 'PatTokenReveal', 'RestTokenClient', 'TokenSchema', 'defineElement'].filter(
        (name) => name in first,
      ),
      firstCopyWon: customElements.get('pat-token-list') === first.PatTokenList,
      secondCopyLoaded: second.PatTokenList !== first.PatTokenList,
    };
  });
  assert.deepEqual(result, {
    exports: ['PatTokenList', 'PatGenerateDialog', 'PatTokenReveal', 'RestTokenClient', 'TokenSchema', 'defineElement'],
    firstCopyWon: true,
    secondCopyLoaded: true,
  });
  assert.deepEqual(problems, []);
  await page.close();
});

test('npm pack lists only what a consumer needs', () => {
  // The build already ran; --ignore-scripts skips prepack's second build.
  const result = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const [{ files }] = JSON.parse(result.stdout);
  const paths = files.map((file) => file.path).sort();
  const allowed =
    /^(dist\/.+\.(js|d\.ts)|dist\/(web-types|vscode\.(html|css)-custom-data)\.json|custom-elements\.json|openapi\/[\w.-]+\.json|README\.md|LICENSE|package\.json)$/;
  assert.deepEqual(
    paths.filter((path) => !allowed.test(path)),
    [],
    'unexpected files in the package',
  );
  for (const required of [
    'package.json',
    'README.md',
    'LICENSE',
    'custom-elements.json',
    'openapi/pat-elements.openapi.json',
    'dist/index.js',
    'dist/index.d.ts',
    'dist/define.js',
    'dist/define.d.ts',
    'dist/mock/index.js',
    'dist/mock/index.d.ts',
    `dist/${BUNDLE}`,
    'dist/types/react.d.ts',
    'dist/types/vue.d.ts',
    'dist/types/svelte.d.ts',
    'dist/react.js',
    'dist/react.d.ts',
    'dist/bundle.node.js',
    ...EDITOR_DATA_FILES.map((name) => `dist/${name}`),
    `dist/${CLI}`,
  ]) {
    assert.ok(paths.includes(required), `${required} is not in the package`);
  }
  assert.deepEqual(
    paths.filter((path) => /^(src|test|demo|scripts|bench)\//.test(path)),
    [],
  );
});

/**
 * A consumer project whose `node_modules/pat-elements` is this package (resolved through its
 * `exports`, as a host's bundler would) with React 19's types; type-checks the given files and
 * returns tsc's errors as `file:line TScode`.
 */
function typeCheckConsumer(files) {
  const dir = mkdtempSync(join(tmpdir(), 'pat-react-'));
  mkdirSync(join(dir, 'node_modules/@types'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules/pat-elements'));
  symlinkSync(join(root, 'node_modules/@types/react'), join(dir, 'node_modules/@types/react'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        jsx: 'react-jsx',
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'bundler',
        lib: ['ES2023', 'DOM', 'DOM.Iterable'],
        types: [],
        noEmit: true,
        skipLibCheck: false,
      },
      files: Object.keys(files),
    }),
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const result = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir, '--pretty', 'false'], {
    encoding: 'utf8',
  });
  return [...result.stdout.matchAll(/^(\S+?)\((\d+),\d+\): error (TS\d+): (.*)$/gm)].map(([, file, line, code, message]) => ({
    at: `${file.replace(/^.*\//, '')}:${line}`,
    code,
    message,
  }));
}

/** JSX that uses every event of every element with a typed handler (implicit any is an error). */
function eventUsage(elements) {
  return elements
    .flatMap((element) =>
      (element.events ?? []).map(
        (event) =>
          `      <${element.tagName} onpat-${event.name.slice(4)}={(event) => { const detail: PatEventMap['${event.name}']['detail'] = event.detail; void detail; }} />`,
      ),
    )
    .join('\n');
}

test('pat-elements/define alone, or a locale module alone, types the tags and the events on elements, document and window', () => {
  const usage = (entry) => `import '${entry}';
const list = document.querySelector('pat-token-list')!;
const endpoint: string = list.endpoint;
document.querySelector('pat-generate-dialog')!.show();
list.addEventListener('pat-token-rotated', (event) => void event.detail.previous?.expiresAt);
document.addEventListener('pat-token-created', (event) => void event.detail.token.name.length);
window.addEventListener('pat-error', (event) => void event.detail.operation.length);
// @ts-expect-error: the list has no such property
void list.noSuchProperty;
void endpoint;
`;
  for (const entry of ['pat-elements/define', ...LOCALES.map((name) => `pat-elements/locales/${name}`)]) {
    assert.deepEqual(typeCheckConsumer({ 'host.ts': usage(entry) }), [], `with only ${entry} imported`);
  }
});

test("the React 19 typings accept the elements' real props and events, and reject wrong ones", () => {
  const elements = customElements(manifest);
  const valid = `import type {} from 'pat-elements/types/react';
import type { PatEventMap, PatTokenList, TokenClient } from 'pat-elements';
import { useRef } from 'react';

export function Settings({ client }: { client: TokenClient }) {
  const list = useRef<PatTokenList>(null);
  return (
    <>
      <pat-token-list ref={list} endpoint="/api/tokens" credentials="include" className="tokens" lang="de"
        headers={async () => ({ Authorization: 'Bearer abc' })} strings={{}} />
      <pat-generate-dialog client={client} id="dialog" />
      <pat-token-list max-lifetime-days="90" expiring-soon-days="7" grace-periods="0 1 24" no-generate />
      <pat-token-list maxLifetimeDays={90} expiringSoonDays={7} gracePeriods={[0, 1, 24]} noGenerate={false} />
      <pat-token-reveal aria-label="New token" secret={String(Date.now())} />
${eventUsage(elements)}
    </>
  );
}
`;
  const invalidLines = [
    `<pat-token-list endpoint={42} />`,
    `<pat-token-list credentials="sometimes" />`,
    `<pat-generate-dialog client={{ list: 1 }} />`,
    `<pat-token-reveal secret={42} />`,
    `<pat-token-list onpat-token-deleted={(event: MouseEvent) => void event} />`,
    `<pat-token-list maxLifetimeDays="90" />`,
    `<pat-token-list expiringSoonDays="7" />`,
    `<pat-generate-dialog gracePeriods="0 1 24" />`,
  ];
  const invalid = `import type {} from 'pat-elements/types/react';
export const wrong = (
  <>
${invalidLines.map((line) => `    ${line}`).join('\n')}
  </>
);
`;
  const errors = typeCheckConsumer({ 'valid.tsx': valid, 'invalid.tsx': invalid });
  assert.deepEqual(
    errors.filter((e) => e.at.startsWith('valid.tsx')),
    [],
    'valid usage must type-check',
  );
  const lines = new Set(errors.filter((e) => e.at.startsWith('invalid.tsx')).map((e) => e.at));
  invalidLines.forEach((line, i) =>
    assert.ok(lines.has(`invalid.tsx:${4 + i}`), `no error for ${line}\n${JSON.stringify(errors, null, 2)}`),
  );
});

test('generated typings: events by PatEventMap, attributes as text, no protected or readonly props', () => {
  const synthetic = {
    modules: [
      {
        kind: 'javascript-module',
        path: 'dist/token-list/token-list.js',
        declarations: [
          {
            kind: 'class',
            name: 'PatTokenList',
            tagName: 'pat-token-list',
            customElement: true,
            summary: 'The list.',
            members: [
              { kind: 'field', name: 'endpoint', description: 'Where.', type: { text: 'string' } },
              { kind: 'field', name: 'client', type: { text: 'TokenClient | undefined' } },
              { kind: 'field', name: 'maxLifetimeDays', type: { text: 'number | undefined' } },
              { kind: 'field', name: 'gracePeriods', type: { text: 'readonly number[]' } },
              { kind: 'field', name: 'noGenerate', type: { text: 'boolean' } },
              { kind: 'field', name: 'tokenClient', privacy: 'protected' },
              { kind: 'field', name: 'styles', static: true },
              { kind: 'field', name: 'headers', readonly: true },
              { kind: 'method', name: 'refresh' },
            ],
            attributes: [
              { name: 'endpoint', fieldName: 'endpoint' },
              { name: 'data-credentials', fieldName: 'credentials', description: 'Renamed attribute.' },
              { name: 'max-lifetime-days', fieldName: 'maxLifetimeDays' },
              { name: 'grace-periods', fieldName: 'gracePeriods' },
              { name: 'no-generate', fieldName: 'noGenerate' },
            ],
            events: [{ name: 'pat-token-created', description: 'Created. */ not a comment end' }, { name: 'pat-unknown' }],
          },
        ],
      },
    ],
  };
  const typings = reactTypes(synthetic, { from: 'pat-elements' });
  assert.match(typings, /'onpat-token-created'\?: \(event: EventOf<"pat-token-created">\) => void;/);
  assert.doesNotMatch(typings, /tokenClient|styles|headers\?|refresh/);
  // Primitive type text is used as is; other types come from the class, which needs no imports.
  assert.match(typings, /  endpoint\?: string;/);
  assert.match(typings, /  client\?: PatTokenList\["client"\];/);
  // An attribute is text where its property is not a string or a boolean: `max-lifetime-days="90"`.
  assert.match(typings, / {2}'max-lifetime-days'\?: string \| undefined;/);
  assert.match(typings, / {2}'grace-periods'\?: AttributeOf<PatTokenList\["gracePeriods"\]>;/);
  assert.match(typings, / {2}'no-generate'\?: boolean;/);
  // vue-tsc checks `max-lifetime-days` as `maxLifetimeDays`: in Vue's typings the property takes both.
  const vue = vueTypes(synthetic, { from: 'pat-elements' });
  assert.match(vue, / {2}maxLifetimeDays\?: number \| undefined \| string;/);
  assert.match(vue, / {2}gracePeriods\?: PatTokenList\["gracePeriods"\] \| AttributeOf<PatTokenList\["gracePeriods"\]>;/);
  assert.match(vue, / {2}noGenerate\?: boolean;/);
  // React 18 writes `false` as the text "false", which a boolean attribute reads as true.
  assert.match(reactWrappers(synthetic, { from: 'pat-elements' }).dts, / {2}'no-generate'\?: true;/);
  const valid = `import type { PatEventMap } from 'pat-elements';
export const ok = (
  <pat-token-list endpoint="/x" data-credentials="omit" max-lifetime-days="90" grace-periods="0 1 24" no-generate
    maxLifetimeDays={90} gracePeriods={[0, 1]} noGenerate={false}
    onpat-token-created={(event) => { const name: string = event.detail.token.name; void name; }}
    onpat-unknown={(event) => { const e: Event = event; void e; }} />
);
export type Check = PatEventMap;
`;
  const invalidLines = [
    `<pat-token-list data-credentials="sometimes" />`,
    `<pat-token-list tokenClient={undefined} />`,
    `<pat-token-list onpat-token-created={(event: CustomEvent<number>) => void event} />`,
    `<pat-token-list refresh={() => {}} />`,
    `<pat-token-list maxLifetimeDays="90" />`,
    `<pat-token-list gracePeriods="0 1 24" />`,
    `<pat-token-list max-lifetime-days={{ days: 90 }} />`,
  ];
  const invalid = `export const wrong = (
  <>
${invalidLines.map((line) => `    ${line}`).join('\n')}
  </>
);
`;
  const errors = typeCheckConsumer({ 'pat-jsx.d.ts': typings, 'valid.tsx': valid, 'invalid.tsx': invalid });
  assert.deepEqual(
    errors.filter((e) => !e.at.startsWith('invalid.tsx')),
    [],
    'the typings and valid usage must type-check',
  );
  const lines = new Set(errors.map((e) => e.at));
  invalidLines.forEach((line, i) =>
    assert.ok(lines.has(`invalid.tsx:${3 + i}`), `no error for ${line}\n${JSON.stringify(errors, null, 2)}`),
  );
});
