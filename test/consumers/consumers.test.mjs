// The packed package (`npm pack`) in fresh host projects, one per host the docs document: each
// snippet of the README and docs/hosts.md is written into the project as it stands and
// type-checked by the host's own tool (tsc, vue-tsc with strictTemplates, svelte-check, Angular's
// ngc with strictTemplates), wrong usages are reported, and the pages that run are built and
// rendered in Chromium (Vite, Vue, React 18 wrappers, Lit SSR with hydration), or run in Vitest
// with jsdom. The server hosts (Express with passport, Hono, Next.js) run as apps: their login,
// the token API behind it, and a route of their own behind requireToken, over HTTP.
// Dependencies are cached between runs (see harness.mjs); the tarball is fresh every run.
// `PAT_CONSUMERS=vue,ssr node --test test/consumers/consumers.test.mjs` runs only some fixtures;
// `PAT_KEEP_CONSUMERS=1` keeps the projects (under the OS's temp dir) to look into.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { createProject, diagnostics, failure, linesMatching, packTarball, removeTempDirs, run, runBin, writeSnippets } from './harness.mjs';
import { exerciseServerHost, startApp } from './server-hosts.mjs';

const TIMEOUT = 10 * 60_000;
const ORIGIN = 'http://host.test';
const CSRF = 'csrf-from-host';
const DAY = 86_400_000;
const TOKENS = [
  { id: 'tok_ci', name: 'CI deploy', partialKey: 'pat_7Qm2', createdAt: new Date(Date.now() - 5 * DAY).toISOString(), expiresAt: null },
  {
    id: 'tok_tf',
    name: 'terraform',
    partialKey: 'pat_Kx9d',
    createdAt: new Date(Date.now() - 9 * DAY).toISOString(),
    expiresAt: new Date(Date.now() + 30 * DAY).toISOString(),
  },
];

let tarball;
let browser;

before(
  async () => {
    tarball = await packTarball();
  },
  { timeout: TIMEOUT },
);

after(async () => {
  await browser?.close();
  removeTempDirs();
});

const CONTENT_TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * Opens `path` of a site served from `siteDir` (or from `pages`, by path), with the token API
 * mocked: it lists TOKENS, deletes with 204, and records the CSRF header a host set. Collects
 * page errors and console errors.
 */
async function openSite({ siteDir, pages = {}, path = '/' }) {
  browser ??= await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  page.setDefaultTimeout(20_000);
  const problems = [];
  const csrfHeaders = [];
  const apiRequests = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console.error: ${message.text()}`));
  await page.route(`${ORIGIN}/**`, (route) => {
    const request = route.request();
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/tokens')) {
      csrfHeaders.push(request.headers()['x-csrf-token']);
      apiRequests.push(request.method());
      if (request.method() === 'DELETE') return route.fulfill({ status: 204 });
      return route.fulfill({ contentType: 'application/json', body: JSON.stringify({ tokens: TOKENS }) });
    }
    if (pages[pathname] !== undefined)
      return route.fulfill({ contentType: CONTENT_TYPES[extname(pathname) || '.html'], body: pages[pathname] });
    const file = siteDir && join(siteDir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (file && existsSync(file))
      return route.fulfill({ contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  await page.goto(`${ORIGIN}${path}`);
  return { page, problems, csrfHeaders, apiRequests };
}

const rowCount = (page) => page.locator('pat-token-list tbody tr[data-id]').count();

async function waitForRows(page, count = TOKENS.length) {
  await page.waitForFunction(
    (n) => document.querySelector('pat-token-list')?.shadowRoot?.querySelectorAll('tbody tr[data-id]').length === n,
    count,
  );
}

/** Deletes the first row through the UI; the host's listener shows "Deleted <name>" somewhere. */
async function deleteFirstRowAndHearIt(page) {
  await page
    .locator('pat-token-list tbody tr[data-id]')
    .first()
    .getByRole('button', { name: /^Delete token/ })
    .click();
  await page.locator('pat-token-list [part~=confirm-dialog]').getByRole('button', { name: 'Delete token' }).click();
  await page.getByText(`Deleted ${TOKENS[0].name}`, { exact: true }).waitFor();
}

/**
 * Re-renders the React page's parent (`#rerender`, in main.tsx) `times` times, so the docs'
 * inline `headers={{ … }}` is a new object each time, then deletes a row: a headers change that
 * started a reload would have sent its GET before that DELETE.
 */
async function rerenderThenDelete(page, apiRequests, { times = 20, hear = true } = {}) {
  for (let i = 0; i < times; i++) await page.locator('#rerender').click();
  await page.getByRole('button', { name: `Re-rendered ${times} times`, exact: true }).waitFor();
  if (hear) {
    await deleteFirstRowAndHearIt(page);
  } else {
    await page
      .locator('pat-token-list tbody tr[data-id]')
      .first()
      .getByRole('button', { name: /^Delete token/ })
      .click();
    await page.locator('pat-token-list [part~=confirm-dialog]').getByRole('button', { name: 'Delete token' }).click();
    await waitForRows(page, TOKENS.length - 1);
  }
  assert.deepEqual(apiRequests, ['GET', 'DELETE'], 'a re-render with equal headers loaded the list again');
}

/** Asserts the check reports an error on every line of `file` that matches `pattern`, and nowhere else. */
function assertReportedExactly(dir, output, file, pattern) {
  const found = diagnostics(output, dir);
  const expected = linesMatching(join(dir, file), pattern);
  assert.ok(expected.length > 0, `no lines in ${file} match ${pattern}`);
  const reported = new Set(found.filter((d) => d.file.endsWith(file)).map((d) => d.line));
  const missed = expected.filter((line) => !reported.has(line));
  assert.deepEqual(missed, [], `no error reported for ${file} lines ${missed.join(', ')}:\n${output}`);
  const others = found.filter((d) => !d.file.endsWith(file));
  assert.deepEqual(
    others.map((d) => d.text),
    [],
    'errors outside the file of deliberate mistakes',
  );
}

/** The checks of one fixture, in order; `PAT_CONSUMERS=vue,ssr` runs only those fixtures. */
function fixtureSuite(fixture, title, checks) {
  const only = process.env.PAT_CONSUMERS?.split(',');
  describe(title, { concurrency: 1, skip: only && !only.includes(fixture) ? `not in PAT_CONSUMERS` : false }, checks);
}

/** `npx pat-elements check` in the project (the installed package's `bin`), as both users; its --json report. */
async function checkAsTwoUsers(dir, origin, { ada, bob }) {
  const installed = JSON.parse(readFileSync(join(dir, 'node_modules/pat-elements/package.json'), 'utf8'));
  const cli = join(dir, 'node_modules/pat-elements', installed.bin['pat-elements']);
  const result = await run(
    process.execPath,
    [cli, 'check', `${origin}/api/tokens`, '-H', `Cookie: ${ada}`, '-O', `Cookie: ${bob}`, '--json'],
    {
      cwd: dir,
    },
  );
  assert.match(result.output, /^\{/, failure('pat-elements check', result));
  return { code: result.status, report: JSON.parse(result.output), output: result.output };
}

const byId = (report) => Object.fromEntries(report.clauses.map((clause) => [clause.id, clause]));

/** The server host's suite: type-check (the README's example for it too), start it, exercise it, check it. */
function serverHostSuite(fixture, title, { build, start, loginPath, snippets, checked }) {
  fixtureSuite(fixture, title, () => {
    let dir;
    let app;
    before(
      async () => {
        dir = await createProject(fixture, tarball);
        writeSnippets(dir, snippets);
      },
      { timeout: TIMEOUT },
    );
    after(() => app?.stop());

    test("it builds, the README's example for it included (strict)", { timeout: TIMEOUT }, async () => {
      const result = await build(dir);
      assert.equal(result.status, 0, failure('the build', result));
    });

    test('the login, the token API behind it, and requireToken on its own route, over HTTP', { timeout: TIMEOUT }, async () => {
      app = await start(dir);
      const origin = await app.started;
      const users = await exerciseServerHost(app, origin, loginPath);
      const { code, report, output } = await checkAsTwoUsers(dir, origin, users);
      checked({ code, clauses: byId(report), output });
      assert.deepEqual(report.cleanup.left, [], 'the checker deleted what it made');
    });
  });
}

// Two fixtures at a time: most of the work is one tool process each, on a machine of 2 cores.
describe('consumers of the packed package', { concurrency: 2 }, () => {
  fixtureSuite('vite', 'Vite + TypeScript', () => {
    let dir;
    before(
      async () => {
        dir = await createProject('vite', tarball);
        writeSnippets(dir, { 'src/main.ts': ['docs/hosts.md', 'With a bundler (Vite, webpack, esbuild, Rollup)', 'ts'] });
      },
      { timeout: TIMEOUT },
    );

    test('the docs snippet type-checks (strict, skipLibCheck off)', { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'tsc', ['-p', '.', '--pretty', 'false']);
      assert.equal(result.status, 0, failure('tsc', result));
    });

    test('vite build, and the built page renders the tokens', { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'vite', ['build', '--logLevel', 'warn']);
      assert.equal(result.status, 0, failure('vite build', result));
      const { page, problems } = await openSite({ siteDir: join(dir, 'dist') });
      await waitForRows(page);
      assert.deepEqual(problems, []);
      await page.close();
    });

    test('importing only RestTokenClient bundles no element and no Lit (tree-shaking)', { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'vite', ['build', '--config', 'vite.client-only.config.ts', '--logLevel', 'warn']);
      assert.equal(result.status, 0, failure('vite build (client only)', result));
      const outDir = join(dir, 'dist-client-only');
      const code = readdirSync(outDir)
        .map((file) => readFileSync(join(outDir, file), 'utf8'))
        .join('\n');
      assert.ok(/RestTokenClient = class|class RestTokenClient/.test(code), 'RestTokenClient is in the bundle');
      for (const leftover of ['pat-token-list', 'customElements', 'LitElement', 'lit-html', 'PatGenerateDialog']) {
        assert.ok(!code.includes(leftover), `the client-only bundle contains ${leftover}`);
      }
    });

    test("editors: the docs' VS Code settings and package.json's web-types point at shipped data", { timeout: TIMEOUT }, async () => {
      writeSnippets(dir, { '.vscode/settings.json': ['docs/hosts.md', 'Editor support (VS Code, JetBrains)', 'json'] });
      const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'));
      const html = JSON.parse(readFileSync(join(dir, settings['html.customData'][0]), 'utf8'));
      const css = JSON.parse(readFileSync(join(dir, settings['css.customData'][0]), 'utf8'));
      assert.deepEqual(html.tags.map((tag) => tag.name).sort(), ['pat-generate-dialog', 'pat-token-list', 'pat-token-reveal']);
      assert.ok(css.properties.some((property) => property.name === '--pat-accent-color'));
      const installed = JSON.parse(readFileSync(join(dir, 'node_modules/pat-elements/package.json'), 'utf8'));
      const webTypes = JSON.parse(readFileSync(join(dir, 'node_modules/pat-elements', installed['web-types']), 'utf8'));
      assert.equal(webTypes.contributions.html.elements.length, 3);
    });
  });

  fixtureSuite('vue', 'Vue 3 + vue-tsc (strict, strictTemplates)', () => {
    let dir;
    before(
      async () => {
        dir = await createProject('vue', tarball);
        writeSnippets(dir, {
          'vite.config.ts': ['README.md', 'Vue', 'ts', 0],
          'src/pat-elements.d.ts': ['README.md', 'Vue', 'ts', 1],
          'src/App.vue': ['README.md', 'Vue', 'vue'],
        });
      },
      { timeout: TIMEOUT },
    );

    test('the README snippet type-checks, and every wrong prop or listener is an error', { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'vue-tsc', ['-p', '.', '--pretty', 'false']);
      assertReportedExactly(dir, result.output, 'src/Wrong.vue', /<pat-/);
    });

    test(
      'vite build, and the page renders the tokens, sends the headers property, and hears the delete',
      { timeout: TIMEOUT },
      async () => {
        const result = await runBin(dir, 'vite', ['build', '--logLevel', 'warn']);
        assert.equal(result.status, 0, failure('vite build', result));
        const { page, problems, csrfHeaders } = await openSite({ siteDir: join(dir, 'dist') });
        await waitForRows(page);
        assert.equal(csrfHeaders[0], CSRF, 'the headers function reached the element as a property');
        await deleteFirstRowAndHearIt(page);
        assert.equal(await rowCount(page), TOKENS.length - 1);
        assert.deepEqual(problems, []);
        await page.close();
      },
    );
  });

  fixtureSuite('svelte', 'Svelte 5 + svelte-check', () => {
    test('the README snippet checks, and every wrong prop or listener is an error', { timeout: TIMEOUT }, async () => {
      const dir = await createProject('svelte', tarball);
      writeSnippets(dir, { 'src/pat-elements.d.ts': ['README.md', 'Svelte', 'ts'], 'src/App.svelte': ['README.md', 'Svelte', 'svelte'] });
      const result = await runBin(dir, 'svelte-check', ['--tsconfig', './tsconfig.json', '--output', 'machine', '--threshold', 'error']);
      // Machine output: `<time> ERROR "<file>" <line>:<col> "<message>"`, as diagnostics() reads tsc's.
      const output = result.output.replace(/^\d+ ERROR "([^"]+)" (\d+):(\d+) (.*)$/gm, '$1($2,$3): error $4');
      assertReportedExactly(dir, output, 'src/Wrong.svelte', /^<pat-/);
      assert.match(result.output, /COMPLETED \d+ FILES/, result.output);
    });
  });

  fixtureSuite('angular', 'Angular + ngc (strictTemplates)', () => {
    test('the README component compiles; a listener of the wrong event type is an error', { timeout: TIMEOUT }, async () => {
      const dir = await createProject('angular', tarball);
      writeSnippets(dir, { 'src/tokens.component.ts': ['README.md', 'Angular', 'ts'] });
      const result = await runBin(dir, 'ngc', ['-p', 'tsconfig.json']);
      assertReportedExactly(dir, result.output, 'src/wrong.component.ts', /\(pat-token-deleted\)/);
    });
  });

  fixtureSuite('react18', 'React 18 + pat-elements/react', () => {
    let dir;
    before(
      async () => {
        dir = await createProject('react18', tarball);
        writeSnippets(dir, { 'src/tokens-page.tsx': ['docs/hosts.md', 'Use with React 18 and older', 'tsx'] });
      },
      { timeout: TIMEOUT },
    );

    test("the docs snippet type-checks with React 18's types, and every wrong prop is an error", { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'tsc', ['-p', '.', '--pretty', 'false']);
      assertReportedExactly(dir, result.output, 'src/wrong.tsx', /^\s*<Pat/);
    });

    test(
      'the wrappers set properties and hear events in React 18; re-renders with inline headers load nothing',
      { timeout: TIMEOUT },
      async () => {
        const built = await esbuild.build({
          stdin: { contents: "import './src/host-globals.js';\nimport './src/main.tsx';\n", resolveDir: dir, loader: 'js' },
          absWorkingDir: dir,
          bundle: true,
          format: 'esm',
          jsx: 'automatic',
          define: { 'process.env.NODE_ENV': '"production"' },
          write: false,
          logLevel: 'silent',
        });
        const { page, problems, csrfHeaders, apiRequests } = await openSite({
          siteDir: dir,
          pages: { '/app.js': built.outputFiles[0].text },
        });
        await waitForRows(page);
        assert.equal(csrfHeaders[0], CSRF, 'the headers object reached the element as a property');
        await rerenderThenDelete(page, apiRequests);
        assert.deepEqual(csrfHeaders, [CSRF, CSRF], 'the delete carried the headers');
        assert.deepEqual(problems, []);
        await page.close();
      },
    );
  });

  fixtureSuite('react19', 'React 19 + pat-elements/types/react', () => {
    let dir;
    before(
      async () => {
        dir = await createProject('react19', tarball);
        writeSnippets(dir, { 'src/pat-elements.d.ts': ['README.md', 'React', 'ts'], 'src/tokens-page.tsx': ['README.md', 'React', 'tsx'] });
      },
      { timeout: TIMEOUT },
    );

    test('the README snippet and the wrappers type-check, and every wrong prop is an error', { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'tsc', ['-p', '.', '--pretty', 'false']);
      assertReportedExactly(dir, result.output, 'src/wrong.tsx', /^\s*<pat-/);
    });

    test("the README's page sends its inline headers, and re-renders with them load nothing", { timeout: TIMEOUT }, async () => {
      const built = await esbuild.build({
        stdin: { contents: "import './src/host-globals.js';\nimport './src/main.tsx';\n", resolveDir: dir, loader: 'js' },
        absWorkingDir: dir,
        bundle: true,
        format: 'esm',
        jsx: 'automatic',
        define: { 'process.env.NODE_ENV': '"production"' },
        write: false,
        logLevel: 'silent',
      });
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Settings · a React 19 host</title>
<script type="module" src="/app.js"></script></head><body><p id="status" role="status"></p><div id="root"></div></body></html>`;
      const { page, problems, csrfHeaders, apiRequests } = await openSite({ pages: { '/': html, '/app.js': built.outputFiles[0].text } });
      await waitForRows(page);
      await rerenderThenDelete(page, apiRequests, { hear: false });
      assert.deepEqual(csrfHeaders, [CSRF, CSRF], 'the inline headers reached the element as a property');
      assert.deepEqual(problems, []);
      await page.close();
    });
  });

  fixtureSuite('ssr', 'Lit SSR + hydration', () => {
    let dir;
    before(
      async () => {
        dir = await createProject('ssr', tarball);
        writeSnippets(dir, {
          'server.js': ['docs/hosts.md', 'Server-side rendering (Lit SSR)', 'js', 0],
          'client.js': ['docs/hosts.md', 'Server-side rendering (Lit SSR)', 'js', 1],
        });
        writeFileSync(join(dir, 'server.js'), `${readFileSync(join(dir, 'server.js'), 'utf8')}\nprocess.stdout.write(section);\n`);
      },
      { timeout: TIMEOUT },
    );

    test('pat-elements/bundle imports in Node, exports the API and registers the tags', { timeout: TIMEOUT }, async () => {
      const result = await run(process.execPath, ['bundle-in-node.js'], { cwd: dir });
      assert.equal(result.status, 0, failure('node bundle-in-node.js', result));
      assert.deepEqual(JSON.parse(result.output.trim().split('\n').at(-1)), {
        exports: ['PatTokenList', 'RestTokenClient', 'TokenSchema'],
        defined: ['pat-token-list', 'pat-generate-dialog', 'pat-token-reveal'],
      });
    });

    test('the docs snippet renders the list as declarative shadow DOM in its loading state', { timeout: TIMEOUT }, async () => {
      const result = await run(process.execPath, ['server.js'], { cwd: dir });
      assert.equal(result.status, 0, failure('node server.js', result));
      assert.match(result.output, /<pat-token-list[^>]*endpoint="\/api\/tokens"[^>]*><template shadowroot="open" shadowrootmode="open">/);
      assert.match(result.output, /part="skeleton"/);
    });

    test('all three tags render on the server and hydrate in Chromium; the list then loads', { timeout: TIMEOUT }, async () => {
      const rendered = await run(process.execPath, ['render-page.js'], { cwd: dir });
      assert.equal(rendered.status, 0, failure('node render-page.js', rendered));
      for (const tag of ['pat-token-list', 'pat-generate-dialog', 'pat-token-reveal']) {
        assert.match(rendered.output, new RegExp(`<${tag}[^>]*><template shadowroot="open"`), `${tag} has a declarative shadow root`);
      }
      const client = await esbuild.build({
        entryPoints: [join(dir, 'client.js')],
        absWorkingDir: dir,
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'silent',
      });
      const { page, problems } = await openSite({ pages: { '/': rendered.output, '/client.js': client.outputFiles[0].text } });
      // Before any script: the server's shadow roots are there, and one of their nodes is marked.
      const before = await page.evaluate(() => {
        const list = document.querySelector('pat-token-list');
        const toolbar = list.shadowRoot?.querySelector('[part~=toolbar]');
        if (toolbar) toolbar.dataset.fromServer = 'yes';
        return {
          defined: customElements.get('pat-token-list') !== undefined,
          toolbar: !!toolbar,
          skeleton: !!list.shadowRoot?.querySelector('[part~=skeleton]'),
        };
      });
      assert.deepEqual(before, { defined: false, toolbar: true, skeleton: true });
      await page.addScriptTag({ url: '/client.js', type: 'module' });
      await waitForRows(page);
      const after = await page.evaluate(() => ({
        keptServerNodes: document.querySelector('pat-token-list').shadowRoot.querySelector('[part~=toolbar]').dataset.fromServer === 'yes',
        dialog: !!document.querySelector('pat-generate-dialog').shadowRoot.querySelector('dialog'),
        reveal: document.querySelector('pat-token-reveal').shadowRoot !== null,
      }));
      assert.deepEqual(after, { keptServerNodes: true, dialog: true, reveal: true });
      assert.deepEqual(problems, [], 'no hydration error');
      await page.close();
    });
  });

  serverHostSuite('express', 'Express 5 + passport + express-session', {
    snippets: { 'src/readme-example.ts': ['README.md', 'Express', 'ts'] },
    build: (dir) => runBin(dir, 'tsc', ['-p', '.', '--pretty', 'false']),
    start: (dir) => startApp(dir, process.execPath, ['dist/server.js'], { ready: /^listening (\d+)$/m }),
    loginPath: '/login',
    checked({ code, clauses, output }) {
      // express.json() comes first, so a body that is not JSON is Express's own 400 page, before the
      // token API sees it (docs/server.md, "Body parsers"); every other clause holds, isolation too.
      assert.equal(code, 1, output);
      const failed = Object.values(clauses).filter((clause) => clause.status === 'fail');
      assert.deepEqual(
        failed.map((clause) => clause.id),
        ['malformed-json', 'content-types'],
        output,
      );
      assert.match(clauses['malformed-json'].reason, /^the 400: its body is not JSON/);
      assert.equal(clauses.isolation.status, 'pass');
      assert.equal(clauses.create.status, 'pass', 'a create through express.json() works');
    },
  });

  serverHostSuite('hono', 'Hono + @hono/node-server', {
    snippets: { 'src/readme-example.ts': ['README.md', 'Hono', 'ts'] },
    build: (dir) => runBin(dir, 'tsc', ['-p', '.', '--pretty', 'false']),
    start: (dir) => startApp(dir, process.execPath, ['dist/server.js'], { ready: /^listening (\d+)$/m }),
    loginPath: '/login',
    checked({ code, clauses, output }) {
      assert.equal(code, 0, output);
      assert.ok(
        Object.values(clauses).every((clause) => clause.status === 'pass'),
        output,
      );
    },
  });

  serverHostSuite('next', 'Next.js 16 route handlers (next build, next start)', {
    snippets: {
      'app/api/tokens/[[...path]]/route.ts': ['README.md', 'Next.js', 'ts', 0],
      'app/api/me/route.ts': ['README.md', 'Next.js', 'ts', 1],
    },
    build: (dir) => runBin(dir, 'next', ['build'], { env: { NEXT_TELEMETRY_DISABLED: '1' } }),
    async start(dir) {
      const port = await freePort();
      return startApp(dir, process.execPath, ['node_modules/.bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
        ready: /Ready in/,
        port,
      });
    },
    loginPath: '/api/login',
    checked({ code, clauses, output }) {
      assert.equal(code, 0, output);
      assert.ok(
        Object.values(clauses).every((clause) => clause.status === 'pass'),
        output,
      );
    },
  });

  fixtureSuite('jsdom', 'Vitest + jsdom', () => {
    let dir;
    before(
      async () => {
        dir = await createProject('jsdom', tarball);
        writeSnippets(dir, { 'src/tokens.test.ts': ['docs/hosts.md', 'Unit tests in jsdom (Vitest, Jest)', 'ts'] });
        writeFileSync(
          join(dir, 'src/construct.test.ts'),
          `import { expect, test } from 'vitest';
import 'pat-elements/define';

test('every tag constructs and renders in jsdom', async () => {
  for (const tag of ['pat-token-list', 'pat-generate-dialog', 'pat-token-reveal'] as const) {
    const element = document.createElement(tag);
    document.body.append(element);
    await element.updateComplete;
    expect(element.shadowRoot?.childElementCount, tag).toBeGreaterThan(0);
  }
});
`,
        );
      },
      { timeout: TIMEOUT },
    );

    test(
      'in Vitest with jsdom: every tag renders, and the docs test creates and deletes through pat-elements/testing, with and without <dialog> stubs',
      { timeout: TIMEOUT },
      async () => {
        const result = await runBin(dir, 'vitest', ['run', '--reporter=verbose']);
        assert.equal(result.status, 0, failure('vitest run', result));
        assert.match(result.output, /Tests\s+3 passed/);
        // jsdom reports what it does not implement (`showModal`, `requestSubmit`) as errors.
        assert.doesNotMatch(result.output, /Error|unhandled|not implemented/i);
      },
    );

    test('pat-elements/mock and pat-elements/testing type-check with skipLibCheck off', { timeout: TIMEOUT }, async () => {
      const result = await runBin(dir, 'tsc', ['-p', '.', '--pretty', 'false']);
      assert.equal(result.status, 0, failure('tsc', result));
    });
  });
});
