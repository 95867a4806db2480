// The whole feature under a strict Content Security Policy with Trusted Types enforced, exactly as
// docs/security.md states it. The test runner's own page has inline scripts (which this policy blocks), so
// a tiny node:http server serves a page, the production bundle and the REST API, and playwright
// drives the system's Chromium: list, create, reveal (and copy), dismiss and delete must work, and
// no `securitypolicyviolation` fires. A classic script that loads first records violations from the
// very start of the page. The API is the mock backend's own msw handlers, answered in Node.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { getResponse } from 'msw';
import { chromium } from 'playwright-core';
import { bundleOptions } from '../../scripts/build.mjs';
import { codeBlocks, readDoc, section } from '../support/markdown.mjs';
import { CHROMIUM_ARGS, findBrowser } from '../../scripts/find-browser.mjs';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html pat-elements";

const root = new URL('../..', import.meta.url).pathname;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>pat-elements under a strict CSP</title>
    <script src="/violations.js"></script>
    <script type="module" src="/pat-elements.bundle.js"></script>
  </head>
  <body>
    <pat-token-list endpoint="/api/tokens"></pat-token-list>
  </body>
</html>`;

const VIOLATIONS_JS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.violatedDirective + ' ' + event.blockedURI + ' ' + (event.sample || ''));
});`;

let server;
let origin;
let browser;
let backend;
let scratch;

before(async () => {
  // Inside the project, so the compiled mock resolves `msw` from node_modules.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
  scratch = mkdtempSync(join(root, 'node_modules/.cache/pat-csp-'));
  // Exactly what `npm run build` ships, built in memory.
  const built = await esbuild.build({ ...bundleOptions(), write: false, logLevel: 'silent' });
  const bundle = built.outputFiles[0].text;
  // The mock backend, compiled for Node with msw left as an import (one msw instance).
  const mockFile = join(scratch, 'mock.mjs');
  await esbuild.build({
    entryPoints: [join(root, 'src/mock/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    external: ['msw'],
    outfile: mockFile,
    logLevel: 'silent',
  });
  const { createMockBackend } = await import(pathToFileURL(mockFile).href);

  server = createServer(async (req, res) => {
    const url = new URL(req.url, origin);
    if (url.pathname === '/') return send(res, 200, 'text/html', PAGE, { 'Content-Security-Policy': CSP });
    if (url.pathname === '/violations.js') return send(res, 200, 'text/javascript', VIOLATIONS_JS);
    if (url.pathname === '/pat-elements.bundle.js') return send(res, 200, 'text/javascript', bundle);
    if (url.pathname === '/favicon.ico') return send(res, 204, 'image/x-icon', '');
    if (url.pathname.startsWith('/api/tokens')) {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      const body = chunks.length ? Buffer.concat(chunks) : undefined;
      const request = new Request(url, { method: req.method, headers: req.headers, body });
      const response = await getResponse(backend.handlers, request);
      if (!response) return send(res, 404, 'text/plain', '');
      res.writeHead(response.status, Object.fromEntries(response.headers));
      return res.end(Buffer.from(await response.arrayBuffer()));
    }
    return send(res, 404, 'text/plain', '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  // msw matches an absolute URL in Node; the page still calls the relative `/api/tokens`.
  backend = createMockBackend({ endpoint: `${origin}/api/tokens`, seed: 'demo' });
  browser = await chromium.launch({ executablePath: findBrowser(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
  rmSync(scratch, { recursive: true, force: true });
});

function send(res, status, type, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': type, ...headers });
  res.end(body);
}

test('docs/security.md states the policy this test enforces', () => {
  const stated = codeBlocks(section(readDoc('docs/security.md'), 'Security model', 'docs/security.md')).find((block) =>
    block.startsWith('Content-Security-Policy:'),
  );
  assert.ok(stated, 'docs/security.md shows a Content-Security-Policy');
  assert.equal(stated.replace(/\s+/g, ' ').trim(), `Content-Security-Policy: ${CSP}`);
});

test('list, create, reveal, copy, dismiss and delete work under a strict CSP with Trusted Types, with no violation', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });

  const response = await page.goto(`${origin}/`);
  assert.equal(response.headers()['content-security-policy'], CSP);

  // List (playwright's CSS locators pierce open shadow roots).
  const rows = page.locator('pat-token-list tbody tr[data-id]');
  await rows.first().waitFor();
  const listed = await rows.count();
  assert.equal(listed, backend.tokens().length);

  // Create, then the reveal in the same dialog.
  await page.locator('pat-token-list [part~="generate-button"]').click();
  await page.locator('pat-generate-dialog [part~="name-input"]').fill('CSP smoke test');
  await page.locator('pat-generate-dialog [part~="submit-button"]').click();
  const secretField = page.locator('pat-token-reveal [part~="secret"]');
  await secretField.waitFor();
  const secret = await secretField.inputValue();
  assert.match(secret, /^pat_[0-9A-Za-z]{40}$/);

  // Copy (the clipboard really holds it), then dismiss.
  await page.locator('pat-token-reveal [part~="copy-button"]').click();
  await page.locator('pat-token-reveal [part~="status"]', { hasText: /copied/i }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secret);
  await page.locator('pat-token-reveal [part~="done-button"]').click();
  await secretField.waitFor({ state: 'detached' });
  await page.locator('pat-token-list tbody tr[data-id]', { hasText: 'CSP smoke test' }).waitFor();
  assert.equal(await rows.count(), listed + 1);
  assert.ok(!(await page.content()).includes(secret), 'the secret left the page');

  // Delete it again.
  const created = backend.tokens().find((t) => t.name === 'CSP smoke test');
  await page.locator(`pat-token-list tr[data-id="${created.id}"] button[data-action="delete"]`).click();
  await page.locator('pat-token-list [part~="confirm-delete-button"]').click();
  await page.locator(`pat-token-list tr[data-id="${created.id}"]`).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), listed);
  assert.ok(!backend.tokens().some((t) => t.id === created.id), 'deleted on the server');

  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await context.close();
});

// Here rather than in the browser tests: only playwright can emulate forced colours.
test('forced colours: every button keeps a visible border, and the keyboard focus ring shows', async () => {
  const page = await browser.newPage();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${origin}/`);
  assert.ok(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), 'forced colours are emulated');
  await page.locator('pat-token-list tbody tr[data-id]').first().waitFor();
  await page.locator('pat-token-list [part~="generate-button"]').click();
  await page.locator('pat-generate-dialog [part~="name-input"]').waitFor();

  const unbordered = await page.evaluate(() => {
    const all = (root) => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    return all(document)
      .filter((el) => el.localName === 'button' && el.getBoundingClientRect().width > 0)
      .filter((el) => {
        const style = getComputedStyle(el);
        return style.borderTopStyle === 'none' || parseFloat(style.borderTopWidth) === 0;
      })
      .map((el) => `${el.getAttribute('part')} "${el.textContent.trim()}"`);
  });
  assert.deepEqual(unbordered, [], 'buttons drawn without a border in forced colours');

  for (const target of ['pat-generate-dialog [part~="name-input"]', 'pat-generate-dialog [part~="submit-button"]']) {
    await page.locator(target).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      const style = getComputedStyle(active);
      return { part: active.getAttribute('part'), style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.ok(ring.style !== 'none' && ring.width >= 1, `focus ring on ${ring.part}: ${ring.style} ${ring.width}px`);
  }
  await page.close();
});
