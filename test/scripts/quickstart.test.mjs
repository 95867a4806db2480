// The README's quick start, run as it stands: its files are written into a fresh folder beside
// the package as `npm run build` makes it (`node_modules/pat-elements`), `node server.mjs`
// starts on PGlite, and in Chromium the page generates a token, Copy puts it on the clipboard,
// and that token opens the protected route until the page deletes it. The README's plain-HTML
// example loads from the same server, its CDN URL answered with the built bundle. Then the
// login is swapped for one that lets nobody in: the token API refuses, and the tokens kept in
// ./tokens-db still verify.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from '../../scripts/build.mjs';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { codeBlocks, readDoc, root, section } from '../support/markdown.mjs';

const TIMEOUT = 5 * 60_000;
const readme = readDoc('README.md');
const quickStart = section(readme, 'Quick start', 'README.md');
const [install, curl] = codeBlocks(quickStart, 'sh');
const [serverJs, sessionJs] = codeBlocks(quickStart, 'js');
const [indexHtml] = codeBlocks(quickStart, 'html');
const plainHtml = codeBlocks(section(readme, 'Plain HTML', 'README.md'), 'html')[0];
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

mkdirSync(join(root, '.scratch'), { recursive: true });
const dir = mkdtempSync(join(root, '.scratch/quickstart-'));
const packageDir = join(dir, 'node_modules/pat-elements');
let server;
let browser;

/** Starts `node server.mjs` in the folder, as the README says, and resolves with its origin once it listens. */
async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, ['server.mjs'], { cwd: dir, env: { ...process.env, PORT: String(port) } });
  let output = '';
  const listening = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes(`Listening on http://localhost:${port}`)) resolve();
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => reject(new Error(`node server.mjs exited (${code}) before listening:\n${output}`)));
  });
  await listening;
  server = child;
  return `http://localhost:${port}`;
}

/** Stops the server by its PID and waits until it is gone (PGlite's folder is one process's at a time). */
async function stopServer() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
}

let origin;

before(
  async () => {
    // The package as a host installs it: the build's output under node_modules/pat-elements, with
    // the package.json that maps `pat-elements/server` to it. PGlite and zod resolve from the
    // repository's node_modules, as an installed dependency would.
    await build({ outDir: join(packageDir, 'dist'), log: () => {} });
    writeFileSync(join(packageDir, 'package.json'), JSON.stringify(pkg));
    // What `npm install` leaves in the empty folder (without it, Node would resolve
    // `pat-elements` to the repository around the folder, by its own name).
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { 'pat-elements': pkg.version } }));
    writeFileSync(join(dir, 'server.mjs'), serverJs);
    writeFileSync(join(dir, 'index.html'), indexHtml);
    writeFileSync(join(dir, 'session.js'), sessionJs);
    origin = await startServer();
  },
  { timeout: TIMEOUT },
);

after(async () => {
  await browser?.close();
  await stopServer();
  rmSync(dir, { recursive: true, force: true });
});

test('the install command names every package the server imports', () => {
  const installed = install
    .match(/npm install ([^\n#]+)/)[1]
    .trim()
    .split(/\s+/);
  const imported = [...serverJs.matchAll(/from '([^'.][^']*)'/g)]
    .map((match) => match[1])
    .filter((name) => !name.startsWith('node:'))
    .map((name) => (name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]));
  assert.ok(imported.length >= 2, `found ${imported}`);
  assert.deepEqual([...new Set(imported)].sort(), [...installed].sort());
});

test('the page, the bundle and the token API answer; an unknown path is a 404', async () => {
  const page = await fetch(`${origin}/`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<pat-token-list endpoint="\/api\/tokens"><\/pat-token-list>/);
  const bundle = await fetch(`${origin}/pat-elements.bundle.js`);
  assert.equal(bundle.headers.get('content-type'), 'text/javascript');
  assert.equal(await bundle.text(), readFileSync(join(packageDir, 'dist/pat-elements.bundle.js'), 'utf8'));
  const list = await fetch(`${origin}/api/tokens`);
  assert.equal(list.status, 200);
  // The list answer tells the page the server's policy (the quick start states no catalogue).
  const answer = await list.json();
  assert.deepEqual(answer.tokens, []);
  assert.equal(answer.policy.maxTokensPerUser, 100);
  assert.equal((await fetch(`${origin}/elsewhere`)).status, 404);
});

test(
  'in Chromium: Generate new token, Copy, and the copied token opens /api/me as the README shows, until the page deletes it',
  { timeout: TIMEOUT },
  async () => {
    browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    // The browser's own request for /favicon.ico, which the quick start does not serve, is no problem of the page's.
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`console.error: ${message.text()}`);
    });

    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: 'Generate new token' }).click();
    const dialog = page.locator('pat-token-list pat-generate-dialog [part~=dialog]');
    await dialog.getByLabel('Name').fill('deploy');
    await dialog.getByRole('button', { name: 'Generate token' }).click();
    const reveal = page.locator('pat-token-list pat-token-reveal');
    await reveal.getByRole('button', { name: 'Copy token' }).click();
    await reveal.locator('[part~=status]').getByText('Token copied').waitFor();
    const secret = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(secret, /^acme_[A-Za-z0-9]{36}$/, 'the secret has the prefix the quick start chose');
    await reveal.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The README's curl, with the copied token in place of `acme_…`, answers what its comment says.
    const [, path, expected] = /curl -H "Authorization: Bearer acme_…" http:\/\/localhost:3000(\S+)\s+#\s*(\S+)/.exec(curl);
    const me = await fetch(`${origin}${path}`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200);
    assert.deepEqual(await me.json(), JSON.parse(expected));
    for (const refused of [
      {},
      { Authorization: `Bearer ${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}` },
      { Authorization: secret },
    ]) {
      assert.equal((await fetch(`${origin}${path}`, { headers: refused })).status, 401, JSON.stringify(Object.keys(refused)));
    }

    await page.getByRole('button', { name: 'Delete token “deploy”' }).click();
    await page.locator('pat-token-list [part~=confirm-dialog]').getByRole('button', { name: 'Delete token' }).click();
    await page.locator('pat-token-list tbody tr[data-id]').first().waitFor({ state: 'detached' });
    assert.equal((await fetch(`${origin}${path}`, { headers: { Authorization: `Bearer ${secret}` } })).status, 401);
    assert.deepEqual(problems, []);
    await context.close();
  },
);

test(
  "the README's plain-HTML example, its CDN URL answered with the built bundle, lists the tokens and sends its CSRF header",
  {
    timeout: TIMEOUT,
  },
  async () => {
    const created = await fetch(`${origin}/api/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'from the CDN page', expiresInDays: 30 }),
    });
    assert.equal(created.status, 201);

    const cdn =
      /<script type="module" src="(https:\/\/cdn\.jsdelivr\.net\/npm\/pat-elements@([\d.]+)\/dist\/pat-elements\.bundle\.js)">/.exec(
        plainHtml,
      );
    assert.ok(cdn, 'the plain-HTML example loads the bundle from jsDelivr');
    assert.ok(`${pkg.version}.`.startsWith(`${cdn[2]}.`), `the CDN URL pins ${cdn[2]}, which is not this version (${pkg.version})`);

    browser ??= await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    page.setDefaultTimeout(20_000);
    const problems = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const csrfHeaders = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/tokens') csrfHeaders.push(request.headers()['x-csrf-token']);
    });
    await page.route(
      (url) => url.href === cdn[1],
      (route) =>
        route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(packageDir, 'dist/pat-elements.bundle.js'), 'utf8') }),
    );
    // The host's page around the example: the CSRF token it reads from a meta tag.
    await page.route(`${origin}/plain.html`, (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><meta name="csrf-token" content="csrf-from-host">\n${plainHtml}` }),
    );
    await page.goto(`${origin}/plain.html`);
    await page.locator('pat-token-list tbody tr[data-id]').getByText('from the CDN page').waitFor();
    assert.deepEqual(csrfHeaders, ['csrf-from-host']);
    assert.deepEqual(problems, []);
    await page.close();
  },
);

test(
  'with a login that lets nobody in, the token API answers 401; the tokens kept in ./tokens-db still verify',
  {
    timeout: TIMEOUT,
  },
  async () => {
    const created = await fetch(`${origin}/api/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'kept', expiresInDays: 7 }),
    });
    const { secret } = await created.json();
    await stopServer();
    writeFileSync(join(dir, 'session.js'), 'export const currentUserId = () => null;\n');
    origin = await startServer();
    assert.equal((await fetch(`${origin}/api/tokens`)).status, 401);
    const me = await fetch(`${origin}/api/me`, { headers: { Authorization: `Bearer ${secret}` } });
    assert.equal(me.status, 200);
    assert.equal((await me.json()).userId, 'me');
  },
);
