/**
 * What a change of the backend configuration does: `headers` apply to the next request and never
 * reload (a React parent passes a new, equal object on every render), while a new `endpoint`,
 * `client` or `credentials` is another backend, so the list loads from it.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import type { TokenClient } from '../../src/api/token-client.js';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { createToken } from '../support/dialog-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { generateDialog, NOW, renderList, rowIds, sampleTokens, settled } from '../support/list-harness.js';

/** Counts the page's fetches as they are made (before the service worker sees them). */
function countFetches() {
  const original = window.fetch;
  const calls: { method: string; url: string }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ method: init?.method ?? 'GET', url: String(input) });
    return original(input, init);
  };
  return { calls, restore: () => (window.fetch = original) };
}

const lists = (calls: { method: string }[]) => calls.filter((call) => call.method === 'GET').length;

describe('<pat-token-list> backend configuration changes', () => {
  let fetches: ReturnType<typeof countFetches>;
  beforeEach(() => {
    setClock(NOW);
    fetches = countFetches();
  });
  afterEach(() => {
    setClock();
    fetches.restore();
  });

  it('new headers objects, equal or not, start no request; the next request carries the latest', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .headers=${{ 'X-CSRF-Token': 'csrf-0' }}></pat-token-list>`);
    expect(lists(fetches.calls)).to.equal(1);

    // What a parent re-rendering with an inline object does, thirty times.
    for (let render = 1; render <= 30; render++) {
      el.headers = { 'X-CSRF-Token': render < 30 ? 'csrf-0' : 'csrf-30' };
      await el.updateComplete;
    }
    el.headers = () => ({ 'X-CSRF-Token': 'csrf-fn' });
    await el.updateComplete;
    expect(lists(fetches.calls), 'a headers change reloaded the list').to.equal(1);
    expect(rowIds(el)).to.have.length(4);

    await el.refresh();
    expect(backend.requests.map((r) => [r.operation, r.headers['x-csrf-token']])).to.deep.equal([
      ['list', 'csrf-0'],
      ['list', 'csrf-fn'],
    ]);
  });

  it("the dialog's create sends the list's latest headers", async () => {
    const backend = await useMockBackend({ seed: [] });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .headers=${{ 'X-CSRF-Token': 'before' }}></pat-token-list>`);
    const dialog = await generateDialog(el);
    el.headers = { 'X-CSRF-Token': 'after' };
    await el.updateComplete;
    dialog.show();
    await dialog.updateComplete;
    await createToken(dialog, 'deploy');
    expect(backend.requests.map((r) => [r.operation, r.headers['x-csrf-token']])).to.deep.equal([
      ['list', 'before'],
      ['create', 'after'],
    ]);
    dialog.close();
  });

  it('a new endpoint, credentials or client loads the list again', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el: PatTokenList = await renderList();
    const reloaded = async (change: () => void, message: string) => {
      const before = fetches.calls.length;
      change();
      await el.updateComplete;
      await waitUntil(() => settled(el), `${message}: the list did not settle`);
      return fetches.calls.length - before;
    };

    expect(await reloaded(() => (el.endpoint = `${location.origin}/api/tokens`), 'endpoint')).to.equal(1);
    expect(await reloaded(() => (el.credentials = 'include'), 'credentials')).to.equal(1);
    const client: TokenClient = {
      list: async () => [sampleTokens()[0]!],
      create: () => Promise.reject(new Error('not used')),
      revoke: async () => undefined,
    };
    el.client = client;
    await el.updateComplete;
    await waitUntil(() => rowIds(el).length === 1, 'the list did not load from the new client');
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(3);
  });
});
