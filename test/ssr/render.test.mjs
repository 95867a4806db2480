// The elements' source under Lit SSR in plain Node, with only the DOM shim Lit itself installs
// (`HTMLElement`, `customElements`): constructing and rendering a tag must not touch `document`,
// `window`, `ResizeObserver`, `MutationObserver` or `instanceof Element` (create observers in
// `connectedCallback`/`hostConnected`, read the page in `updated`). The packed package is
// checked the same way, with hydration, in test/consumers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { tsImport } from 'tsx/esm/api';

// Importing the elements starts no timer (the page's minute timer starts when a list connects).
const timersAtImport = [];
const realSetTimeout = globalThis.setTimeout;
const realSetInterval = globalThis.setInterval;
globalThis.setTimeout = (...args) => {
  if (/[/\\]src[/\\]/.test(new Error().stack ?? '')) timersAtImport.push('setTimeout');
  return realSetTimeout(...args);
};
globalThis.setInterval = (...args) => {
  if (/[/\\]src[/\\]/.test(new Error().stack ?? '')) timersAtImport.push('setInterval');
  return realSetInterval(...args);
};
await tsImport('../../src/define.ts', import.meta.url);
globalThis.setTimeout = realSetTimeout;
globalThis.setInterval = realSetInterval;

const DOM_GLOBALS = [
  'document',
  'window',
  'Element',
  'ShadowRoot',
  'ResizeObserver',
  'MutationObserver',
  'IntersectionObserver',
  'navigator',
];
const missingBefore = DOM_GLOBALS.filter((name) => !(name in globalThis));

/** Server-rendered HTML with Lit's markers left out. */
async function serverRender(template) {
  return (await collectResult(render(template))).replace(/<!--[^>]*-->/g, '');
}

test('the list renders on the server as declarative shadow DOM, in its loading state', async () => {
  const output = await serverRender(html`<pat-token-list endpoint="/api/tokens" lang="de"></pat-token-list>`);
  assert.match(output, /<pat-token-list[^>]*><template shadowroot="open" shadowrootmode="open">/);
  assert.match(output, /part="skeleton"/);
  assert.match(output, /aria-busy="true"/);
  // The dialog it composes is rendered on first use, in the browser: not on the server.
  assert.doesNotMatch(output, /<pat-generate-dialog/);
});

test('the dialog and the reveal render on the server', async () => {
  const dialog = await serverRender(html`<pat-generate-dialog endpoint="/api/tokens" max-lifetime-days="90"></pat-generate-dialog>`);
  assert.match(dialog, /<pat-generate-dialog[^>]*><template shadowroot="open"[^>]*>[\s\S]*<dialog[\s\S]*part="dialog/);
  const reveal = await serverRender(html`<pat-token-reveal usage-template="curl -H 'Authorization: Bearer {token}'"></pat-token-reveal>`);
  assert.match(reveal, /<pat-token-reveal[^>]*><template shadowroot="open"/);
});

test('importing the elements started no timer', () => {
  assert.deepEqual(timersAtImport, []);
});

test('rendering defined no DOM global: the elements did not need one', () => {
  assert.deepEqual(
    DOM_GLOBALS.filter((name) => !(name in globalThis)),
    missingBefore,
  );
  assert.ok(missingBefore.includes('document') && missingBefore.includes('ResizeObserver'), 'Node has no DOM of its own here');
});
