/**
 * Leaving the page mid-request: the connection is really closed (the fetch's signal aborts), no
 * error is shown or dispatched, nothing is left pending, and coming back loads again.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { confirmDialog, deleteButton, exists, NOW, renderList, row, rowIds, sampleTokens, settled } from '../support/list-harness.js';

/** Records the signal of every fetch the page makes; the real fetch still runs. */
function watchFetches() {
  const original = window.fetch;
  const calls: { url: string; method: string; signal: AbortSignal | undefined; settled: Promise<unknown> }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const response = original(input, init);
    const settled = response.then(
      () => undefined,
      () => undefined,
    );
    calls.push({ url: String(input), method: init?.method ?? 'GET', signal: init?.signal ?? undefined, settled });
    return response;
  };
  return { calls, restore: () => (window.fetch = original) };
}

/**
 * Resolves after the current task: every microtask queued so far (an aborted request's promise
 * chain) has run. A task boundary, not a sleep.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Collects what must never happen: pat-error events and unhandled rejections. */
function watchFailures(el: PatTokenList) {
  const failures: string[] = [];
  const onError = (event: Event) => failures.push(`pat-error ${(event as CustomEvent).detail.error}`);
  const onRejection = (event: PromiseRejectionEvent) => failures.push(`unhandled ${event.reason}`);
  el.addEventListener('pat-error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    failures,
    stop() {
      el.removeEventListener('pat-error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

describe('<pat-token-list> lifecycle', () => {
  let fetches: ReturnType<typeof watchFetches>;
  beforeEach(() => {
    setClock(NOW);
    fetches = watchFetches();
  });
  afterEach(() => {
    setClock();
    fetches.restore();
  });

  it('aborts the list request when removed, with no error and nothing pending', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    backend.failNext('timeout', { operation: 'list' });
    const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    const watch = watchFailures(el);
    await waitUntil(() => fetches.calls.length === 1 && backend.requests.length === 1, 'the list request was not sent');

    el.remove();
    expect(fetches.calls[0]!.signal?.aborted, 'the fetch was aborted').to.be.true;
    // The aborted load runs to its end (one last render request), then nothing is scheduled any more.
    await fetches.calls[0]!.settled;
    await nextTask();
    await el.updateComplete;
    expect(el.isUpdatePending).to.be.false;
    expect(watch.failures).to.deep.equal([]);
    expect(exists(el.shadowRoot!, '[part~=error], [part~=alert]'), '[part~=error], [part~=alert] is rendered').to.be.false;
    watch.stop();
  });

  it('loads again when put back after an interrupted load', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    backend.failNext('timeout', { operation: 'list' });
    const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    await waitUntil(() => backend.requests.length === 1);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => settled(el), 'the list did not load after coming back');
    expect(rowIds(el)).to.have.length(4);
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(2);
  });

  it('does not reload when moved after it has loaded', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(4);
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(1);
  });

  it('aborts a delete in flight when removed: no event, no error, the row is not left busy', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const watch = watchFailures(el);
    let deletedEvents = 0;
    el.addEventListener('pat-token-deleted', () => deletedEvents++);
    backend.failNext('timeout', { operation: 'revoke' });

    deleteButton(el, 'tok_tf').click();
    await waitUntil(() => confirmDialog(el).open);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[part~=confirm-delete-button]')!.click();
    await waitUntil(() => backend.requests.some((r) => r.operation === 'revoke'), 'the DELETE was not sent');
    const deleteFetch = fetches.calls.find((call) => call.method === 'DELETE')!;

    const parent = el.parentElement!;
    el.remove();
    expect(deleteFetch.signal?.aborted, 'the DELETE was aborted').to.be.true;
    await deleteFetch.settled;
    await nextTask();
    await el.updateComplete;
    expect(row(el, 'tok_tf').getAttribute('aria-busy'), 'the row is not left busy').to.equal(null);
    expect(deletedEvents).to.equal(0);
    expect(watch.failures).to.deep.equal([]);
    expect(rowIds(el)).to.include('tok_tf');
    parent.append(el);
    await el.updateComplete;
    expect(deleteButton(el, 'tok_tf').hasAttribute('aria-disabled')).to.be.false;
    watch.stop();
  });

  it("stops observing the page's lang when removed", async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const original = document.documentElement.getAttribute('lang');
    el.remove();
    document.documentElement.lang = 'de';
    await nextTask();
    try {
      expect(el.isUpdatePending, 'no update scheduled by a detached element').to.be.false;
    } finally {
      if (original === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.lang = original;
    }
  });
});
