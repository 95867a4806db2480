/**
 * The four states a user meets — loading, empty, error, filled — each rendered and axe-clean,
 * and the way between them (Retry, refresh).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { http, HttpResponse } from 'msw';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { $, $$, exists, expectFocusOn, NOW, renderList, rowIds, sampleTokens, settled, text } from '../support/list-harness.js';

describe('<pat-token-list> states', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('shows skeleton rows with aria-busy while loading, then the tokens', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), slowMs: 400 });
    backend.failNext('slow', { operation: 'list' });
    const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);

    expect($(el, 'table').getAttribute('aria-busy')).to.equal('true');
    expect($$(el, '[part~=skeleton]')).to.have.length(3);
    expect($$(el, '[part~=skeleton]').every((row) => row.getAttribute('aria-hidden') === 'true')).to.be.true;
    expect(text($(el, '[part~=count]'))).to.equal('Loading tokens…');
    await expect(el).to.be.accessible();

    await waitUntil(() => settled(el), 'the list did not load', { timeout: 3000 });
    expect($(el, 'table').getAttribute('aria-busy')).to.equal('false');
    expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
  });

  it('renders the filled table with a caption, scoped headers and one row per token', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();

    const table = $<HTMLTableElement>(el, 'table');
    expect(text(table.caption!)).to.equal('Personal access tokens');
    const headers = $$(el, 'thead th');
    expect(headers.every((th) => th.getAttribute('scope') === 'col')).to.be.true;
    expect(headers.map(text)).to.deep.equal(['Name', 'Key', 'Created', 'Expires', 'Last used', 'Actions']);
    expect(
      $$(el, 'tbody th[scope=row]')
        .map(text)
        .map((t) => t.split(' ')[0]),
    ).to.deep.equal(['CI', 'terraform', 'Grafana', 'Backup']);
    expect(text($(el, '[part~=count]'))).to.equal('4 tokens');
    await expect(el).to.be.accessible();
  });

  it('says "1 token" for one token', async () => {
    await useMockBackend({ seed: sampleTokens().slice(0, 1) });
    const el = await renderList();
    expect(text($(el, '[part~=count]'))).to.equal('1 token');
  });

  it('shows a friendly empty state with the generate button and no table', async () => {
    await useMockBackend({ seed: [] });
    const el = await renderList();

    expect(exists(el.shadowRoot!, 'table'), 'table is rendered').to.be.false;
    expect(text($(el, '[part~=empty]'))).to.contain('No tokens yet');
    expect($(el, 'button[part~=generate-button]').offsetParent !== null, 'visible generate button').to.be.true;
    expect(exists(el.shadowRoot!, 'input[type=search]'), 'nothing to filter').to.be.false;
    await expect(el).to.be.accessible();
  });

  it('shows a server error in plain words with Retry, fires pat-error, and recovers', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    backend.failNext('server-error', { operation: 'list' });
    const el = document.createElement('pat-token-list');
    el.endpoint = '/api/tokens';
    const failed = oneEvent(el, 'pat-error');
    await fixture(el);
    const { detail } = await failed;
    expect(detail.operation).to.equal('list');
    expect(detail.error).to.have.property('status', 500);
    await waitUntil(() => settled(el));

    const error = $(el, '[part~=error]');
    expect(text(error)).to.contain("Couldn't load your tokens.");
    expect(text(error)).to.contain('Something went wrong on our side. Please try again.');
    expect(exists(error, '[role=alert]'), '[role=alert] is rendered').to.be.true;
    await expect(el).to.be.accessible();

    backend.setLatency(200);
    $(el, 'button[part~=retry-button]').click();
    await el.updateComplete;
    expect(text($(el, '[part~=error] button[part~=retry-button]')), 'the failure stays, its Retry working').to.equal('Retrying…');
    await waitUntil(() => rowIds(el).length === 4, 'Retry did not load the list');
    expect(exists(el.shadowRoot!, '[part~=error]'), '[part~=error] is rendered').to.be.false;
    expectFocusOn(el, $(el, 'table'), 'focus moves to the table, not to the body');
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(2);
  });

  it('says in user words that the answer was not understood; the field goes to pat-error and the console', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    backend.failNext('schema-violation', { operation: 'list' });
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      const el = document.createElement('pat-token-list');
      el.endpoint = '/api/tokens';
      const failed = oneEvent(el, 'pat-error');
      await fixture(el);
      const { detail } = await failed;
      await waitUntil(() => settled(el));
      const message = text($(el, '[part~=error] [role=alert]'));
      expect(message).to.contain("The server's answer was not understood");
      expect(message).not.to.contain('tokens[0]');
      expect(detail.error.message).to.contain('tokens[0].createdAt');
      expect(warnings.join('\n')).to.contain('tokens[0].createdAt');
    } finally {
      console.warn = warn;
    }
  });

  it('shows the valid tokens of an answer with a broken one, and says how many were left out', async () => {
    await useMockBackend({ seed: sampleTokens() });
    await useHandlers(
      http.get(
        '/api/tokens',
        () => HttpResponse.json({ tokens: [sampleTokens()[0], { ...sampleTokens()[1], expiresAt: 'soon' }, sampleTokens()[2]] }),
        { once: true },
      ),
    );
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = document.createElement('pat-token-list');
      el.endpoint = '/api/tokens';
      const failed = oneEvent(el, 'pat-error');
      await fixture(el);
      expect((await failed).detail.error.message).to.contain('tokens[1].expiresAt');
      await waitUntil(() => settled(el));
      expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_graf']);
      const alert = $(el, '[part~=alert]');
      expect(text(alert.querySelector('[role=alert]')!)).to.equal(
        "1 token couldn't be shown: the server's answer for it was not understood.",
      );
      expect(text(alert)).not.to.contain('expiresAt');
      await expect(el).to.be.accessible();

      // Retry loads the whole list, and the notice goes.
      alert.querySelector<HTMLButtonElement>('button[part~=retry-button]')!.click();
      await waitUntil(() => rowIds(el).length === 4, 'Retry did not load the list');
      expect(exists(el.shadowRoot!, '[part~=alert]'), 'the notice is gone').to.be.false;
    } finally {
      console.warn = warn;
    }
  });

  it('explains a network failure', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    backend.failNext('network', { operation: 'list' });
    const el = await renderList();
    expect(text($(el, '[part~=error]'))).to.contain("Couldn't reach the server");
  });

  it('refresh() reloads in place: no skeleton over existing rows, aria-busy while loading', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const table = $(el, 'table');
    backend.reset(sampleTokens().slice(1));
    backend.setLatency(150);

    const done = el.refresh();
    await el.updateComplete;
    expect(table.getAttribute('aria-busy')).to.equal('true');
    expect(exists(el.shadowRoot!, '[part~=skeleton]'), '[part~=skeleton] is rendered').to.be.false;
    expect(rowIds(el)).to.have.length(4);
    await done;
    await el.updateComplete;
    expect($(el, 'table') === table, 'the same table, not a re-mount').to.be.true;
    expect(rowIds(el)).to.deep.equal(['tok_tf', 'tok_graf', 'tok_old']);
  });

  it('keeps the rows and offers Retry when a refresh fails; Retry shows its progress in place', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    backend.failNext('unauthorized', { operation: 'list' });
    await el.refresh();
    await el.updateComplete;

    expect(rowIds(el)).to.have.length(4);
    const alert = $(el, '[part~=alert]');
    expect(text(alert.querySelector('[role=alert]')!)).to.equal("Couldn't refresh the list. Your session has expired. Sign in again.");
    await expect(el).to.be.accessible();

    backend.setLatency(300);
    const retry = alert.querySelector<HTMLButtonElement>('button')!;
    retry.focus();
    retry.click();
    await el.updateComplete;
    expect(retry.isConnected, 'the button stays while it works').to.be.true;
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    expect(text(retry)).to.equal('Retrying…');
    expect(exists(retry, '.spinner'), 'a spinner').to.be.true;
    expectFocusOn(el, retry, 'focus stays on Retry');
    await expect(el).to.be.accessible();
    await waitUntil(() => !el.shadowRoot!.querySelector('[part~=alert]'), 'Retry did not clear the alert');
    expectFocusOn(el, $(el, 'table'), 'the table takes focus when the alert goes');
  });

  it('a failed refresh of an empty list says only that: not "No tokens yet"', async () => {
    const backend = await useMockBackend({ seed: [] });
    const el = await renderList();
    expect(exists(el.shadowRoot!, '[part~=empty]'), 'empty at first').to.be.true;
    backend.failNext('network', { operation: 'list' });
    await el.refresh();
    await el.updateComplete;
    expect(exists(el.shadowRoot!, '[part~=alert]'), 'the failure is shown').to.be.true;
    expect(exists(el.shadowRoot!, '[part~=empty]'), 'no claim that there are no tokens').to.be.false;
    await expect(el).to.be.accessible();
  });

  it('draws skeleton rows shaped like real rows, so the page does not jump when tokens arrive', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), slowMs: 400 });
    backend.failNext('slow', { operation: 'list' });
    const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    await el.updateComplete;
    const skeletonHeight = $(el, 'tbody').getBoundingClientRect().height;
    const skeletonCells = $$(el, '[part~=skeleton]')[0]!.children.length;
    await waitUntil(() => settled(el), 'the list did not load', { timeout: 3000 });
    const rows = $$(el, 'tbody tr[data-id]').slice(0, 3);
    const realHeight = rows.reduce((sum, row) => sum + row.getBoundingClientRect().height, 0);
    expect(skeletonCells, 'the same cells as a row').to.equal(rows[0]!.children.length);
    expect(skeletonHeight).to.be.within(realHeight * 0.75, realHeight * 1.25);
  });

  it("reloads when the endpoint changes and forgets the other endpoint's tokens", async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    backend.failNext('empty-list', { operation: 'list' });
    el.endpoint = '/api/tokens?account=2';
    await el.updateComplete;
    expect(exists(el.shadowRoot!, '[part~=skeleton]'), 'the old rows are not shown for the new endpoint').to.be.true;
    await waitUntil(() => settled(el));
    expect(exists(el.shadowRoot!, '[part~=empty]'), '[part~=empty] is rendered').to.be.true;
  });
});
