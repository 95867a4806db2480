/**
 * No leaks: once an element is removed (and the aborted requests have unwound), nothing it started
 * is left on the page: no listener on `window`/`document`, no timer or animation frame, no
 * observer, no open connection.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import type { MockBackend } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { useMockBackend } from '../support/mock-backend.js';
import { stubClipboard } from '../support/secret-hygiene.js';
import { $, confirmDialog, deleteButton, NOW, renderList, sampleTokens, settled } from '../support/list-harness.js';
import { createThroughList, inDialog, submitForm } from '../support/dialog-harness.js';
import { spyOnLeaks, type LeakSpies } from '../support/leak-spies.js';
import { nextTask } from '../support/page.js';

async function expectNothingLeft(spies: LeakSpies): Promise<void> {
  const open = await spies.openFetches();
  // The aborted requests' rejection handlers (which clear the client's timers) have run by now.
  await nextTask();
  expect(open, 'open connections').to.deep.equal([]);
  expect(spies.liveListeners(), 'listeners on window/document').to.deep.equal([]);
  expect(spies.pendingTimers(), 'timers').to.deep.equal([]);
  expect(spies.liveObservers(), 'observers').to.deep.equal([]);
}

describe('no leaks after removal', () => {
  let spies: LeakSpies;
  let backend: MockBackend;
  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ seed: sampleTokens() });
    spies = spyOnLeaks();
  });
  afterEach(() => {
    spies.restore();
    setClock();
  });

  it('<pat-token-list> removed while its list request hangs', async () => {
    backend.failNext('timeout', { operation: 'list' });
    const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    await waitUntil(() => spies.fetches.length === 1, 'the list request was not sent');
    expect(spies.pendingTimers().sort(), "the request's timeout, and the page's one minute timer").to.deep.equal([
      'setTimeout(30000)',
      'setTimeout(60000)',
    ]);
    el.remove();
    expect(spies.fetches[0]!.signal?.aborted, 'the fetch was aborted').to.be.true;
    await expectNothingLeft(spies);
  });

  it('<pat-token-list> removed with a delete in flight and after filtering, sorting and a cancelled confirmation', async () => {
    const el = await renderList();
    const filter = $<HTMLInputElement>(el, 'input[part~=filter]');
    filter.value = 'e';
    filter.dispatchEvent(new Event('input'));
    $(el, 'button[data-sort-key=name]').click();
    deleteButton(el, 'tok_ci').click();
    await waitUntil(() => confirmDialog(el).open);
    const closed = oneEvent(confirmDialog(el), 'close');
    confirmDialog(el).querySelector<HTMLButtonElement>('button[value=cancel]')!.click();
    await closed;

    backend.failNext('timeout', { operation: 'revoke' });
    deleteButton(el, 'tok_tf').click();
    await waitUntil(() => confirmDialog(el).open);
    confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    await waitUntil(() => spies.fetches.some((f) => f.url.includes('tok_tf')), 'the DELETE was not sent');

    el.remove();
    await expectNothingLeft(spies);
  });

  it('<pat-token-list> removed after it settled in every state (empty, error, filled)', async () => {
    for (const prepare of [() => backend.reset([]), () => backend.failNext('server-error'), () => backend.reset(sampleTokens())]) {
      prepare();
      const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
      await waitUntil(() => settled(el));
      el.remove();
    }
    await expectNothingLeft(spies);
  });

  it('<pat-token-reveal> removed after a copy and with a copy pending', async () => {
    const clipboard = stubClipboard('pending');
    try {
      const el = await fixture<PatTokenReveal>(
        html`<pat-token-reveal .secret=${'pat_LeakTestSecret0123456789abcdefghijklm'}></pat-token-reveal>`,
      );
      el.shadowRoot!.querySelector<HTMLButtonElement>('#copy')!.click();
      await clipboard.settle(true);
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('#copy')!.click();
      el.remove();
      await clipboard.settle(true);
      await expectNothingLeft(spies);
    } finally {
      clipboard.restore();
    }
  });

  it('<pat-generate-dialog> removed while its create request hangs, and after opening and closing', async () => {
    const idle = await fixture<PatGenerateDialog>(html`<pat-generate-dialog endpoint="/api/tokens"></pat-generate-dialog>`);
    idle.show();
    await waitUntil(() => inDialog<HTMLDialogElement>(idle, 'dialog')?.open === true);
    idle.close();
    await idle.updateComplete;
    idle.remove();

    backend.failNext('timeout', { operation: 'create' });
    const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog endpoint="/api/tokens"></pat-generate-dialog>`);
    el.show();
    await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open === true);
    await submitForm(el, 'Never answered');
    await waitUntil(
      () => spies.fetches.some((f) => f.url.endsWith('/api/tokens') && backend.requests.some((r) => r.operation === 'create')),
      'the POST was not sent',
    );
    el.remove();
    expect(spies.fetches.at(-1)!.signal?.aborted, 'the POST was aborted').to.be.true;
    await expectNothingLeft(spies);
  });

  it('<pat-token-list> removed mid-reveal, with the dialog and reveal inside it', async () => {
    const clipboard = stubClipboard('succeed');
    try {
      const el = await renderList();
      await createThroughList(el, 'Removed mid-reveal');
      el.remove();
      await expectNothingLeft(spies);
    } finally {
      clipboard.restore();
    }
  });
});
