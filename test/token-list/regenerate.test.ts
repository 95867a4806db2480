/**
 * Regenerate, the list's side: the action beside Delete where the client can rotate (and the host
 * allows it), on expired tokens too; after `pat-token-rotated` the new token first and marked new,
 * the old one replaced with when it stops working (or gone); a 404 from a rotate reloads the list;
 * the catalogue reaches the dialog. Then the whole flow through the real
 * dialog, by keyboard alone and by mouse, with where focus lands and no trace of the secret.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HttpError } from '../../src/api/errors.js';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { Token } from '../../src/api/schemas.js';
import type { TokenClient } from '../../src/api/token-client.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { nativeDialog, revealOf, submitButton } from '../support/dialog-harness.js';
import { deepActive, describeFocus, tabUntil } from '../support/focus.js';
import { useMockBackend } from '../support/mock-backend.js';
import { findSecretInPage, stubClipboard } from '../support/secret-hygiene.js';
import { secretField } from '../support/reveal-harness.js';
import { $, $$, cell, exists, NOW, renderList, row, rowIds, sampleTokens, text, token, generateDialog } from '../support/list-harness.js';

const regenerateButtons = (el: PatTokenList) => $$(el, 'button[data-action=regenerate]');

/** What the dialog dispatches after a regenerate: metadata only. */
async function rotated(el: PatTokenList, detail: { token: Token; previous: Token | null }) {
  (await generateDialog(el)).dispatchEvent(new CustomEvent('pat-token-rotated', { detail, bubbles: true, composed: true }));
  return el.updateComplete;
}

async function rotate(id: string, gracePeriodHours: number) {
  return new RestTokenClient({ endpoint: '/api/tokens' }).rotate(id, { expiresInDays: 30, gracePeriodHours }, new AbortController().signal);
}

describe('<pat-token-list> regenerate', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('offers Regenerate beside Delete on every row, expired ones too, when the client can rotate', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    expect(regenerateButtons(el)).to.have.length(4);
    const actions = cell(el, 'tok_old', 'actions-cell');
    expect([...actions.querySelectorAll('button')].map((button) => button.dataset.action)).to.deep.equal(['regenerate', 'delete']);
    expect(row(el, 'tok_old').getAttribute('part')).to.contain('row-expired');
    await expect(el).to.be.accessible();
  });

  it('has no Regenerate with an adapter that cannot rotate, or with no-regenerate', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const rest = new RestTokenClient({ endpoint: '/api/tokens' });
    const withoutRotate: TokenClient = {
      list: (signal) => rest.list(signal),
      create: (request, signal) => rest.create(request, signal),
      revoke: (id, signal) => rest.revoke(id, signal),
    };
    const el = await renderList(html`<pat-token-list .client=${withoutRotate}></pat-token-list>`);
    expect(regenerateButtons(el)).to.have.length(0);

    el.client = rest;
    await waitUntil(() => regenerateButtons(el).length === 4, 'an adapter that can rotate gets the action');
    el.noRegenerate = true;
    await el.updateComplete;
    expect(regenerateButtons(el)).to.have.length(0);
    expect(el.hasAttribute('no-regenerate'), 'reflected').to.be.true;
  });

  it('after a regenerate with a grace period: the new token first and new, the old one replaced, with when it stops working', async () => {
    await useMockBackend({ seed: sampleTokens(), now: () => NOW });
    const el = await renderList();
    const input = $<HTMLInputElement>(el, 'input[part~=filter]');
    input.value = 'grafana';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;

    const { token: fresh, previous } = await rotate('tok_tf', 24);
    await rotated(el, { token: fresh, previous });

    expect(input.value, 'a filter that would hide the new token is cleared').to.equal('');
    // The replaced token follows the one that replaced it, whatever the sort: the two read as a pair.
    expect(rowIds(el)).to.deep.equal([fresh.id, 'tok_tf', 'tok_ci', 'tok_graf', 'tok_old']);
    expect(text(cell(el, fresh.id, 'name-cell'))).to.contain('New');
    expect(text(cell(el, 'tok_tf', 'name-cell'))).to.contain('Replaced');
    expect(text(cell(el, 'tok_tf', 'name-cell'))).to.contain(`Replaced by ${fresh.partialKey}••••`);
    expect(row(el, 'tok_tf').getAttribute('part')).to.contain('row-replaced');
    expect(text(cell(el, 'tok_tf', 'expires-cell'))).to.contain('Stops working tomorrow');
    expect(cell(el, 'tok_tf', 'expires-cell').querySelector('time')!.getAttribute('datetime')).to.equal(previous!.expiresAt);
    expect(exists(row(el, 'tok_tf'), 'button[data-action=regenerate]'), 'a replaced token is not regenerated again').to.be.false;
    expect(exists(row(el, 'tok_tf'), 'button[data-action=delete]'), 'it can be deleted at once').to.be.true;
    await expect(el).to.be.accessible();
  });

  it('reloads the list when a regenerate finds the token gone (404)', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    backend.reset(sampleTokens().filter((t) => t.id !== 'tok_tf')); // (and forgets the requests so far)
    const error = new HttpError({ status: 404, title: 'Not Found' });
    const dialog = await generateDialog(el);
    dialog.dispatchEvent(new CustomEvent('pat-error', { detail: { operation: 'rotate', error }, bubbles: true, composed: true }));
    await waitUntil(() => !rowIds(el).includes('tok_tf'), 'the list was not reloaded');
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(1);

    // Other failures of a regenerate are the dialog's to show: no reload.
    dialog.dispatchEvent(
      new CustomEvent('pat-error', {
        detail: { operation: 'rotate', error: new HttpError({ status: 500 }) },
        bubbles: true,
        composed: true,
      }),
    );
    await el.updateComplete;
    expect($(el, 'table').getAttribute('aria-busy'), 'no reload started').to.equal('false');
    expect(backend.requests.filter((r) => r.operation === 'list')).to.have.length(1);
  });

  describe('through the dialog', () => {
    const dialogOf = (el: PatTokenList) => $<PatGenerateDialog>(el, 'pat-generate-dialog');
    const regenerateButton = (el: PatTokenList, id: string) =>
      row(el, id).querySelector<HTMLButtonElement>('button[data-action=regenerate]');

    it('keyboard only: Regenerate on a row, a grace period, the reveal, Done; focus comes back to the new token', async () => {
      const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW });
      const clipboard = stubClipboard('succeed');
      try {
        const el = await renderList();
        await tabUntil('tr[data-id="tok_tf"] button[data-action=regenerate]', { limit: 40 });
        await sendKeys({ press: 'Enter' });
        const dialog = dialogOf(el);
        await waitUntil(() => nativeDialog(dialog).open, 'the dialog did not open');
        expect(dialog.shadowRoot!.querySelector('[part~=summary] .name')!.textContent).to.equal('terraform');
        await expect(el).to.be.accessible();

        await tabUntil('#grace');
        expect(dialog.shadowRoot!.querySelector<HTMLSelectElement>('#grace')!.value, 'a day by default').to.equal('24');
        await sendKeys({ press: 'ArrowUp' }); // In 24 hours → in 1 hour
        await dialog.updateComplete;
        expect(dialog.shadowRoot!.querySelector<HTMLSelectElement>('#grace')!.value).to.equal('1');
        await tabUntil('#submit');
        const rotated = oneEvent(el, 'pat-token-rotated');
        await sendKeys({ press: 'Enter' });
        const { detail } = await rotated;
        expect(Object.keys(detail).sort()).to.deep.equal(['previous', 'token']);
        await waitUntil(() => revealOf(dialog)?.hasSecret === true, 'no reveal');
        const secret = secretField(revealOf(dialog)!).value;
        expect(secret).to.match(/^pat_/);

        await waitUntil(() => deepActive()?.matches('#copy') === true, `the copy button did not take focus (${describeFocus()})`);
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => clipboard.writes.length === 1, 'not copied');
        await tabUntil('#done');
        const dismissed = oneEvent(el, 'pat-reveal-dismissed');
        await sendKeys({ press: 'Enter' });
        await dismissed;

        const fresh = detail.token.id;
        await waitUntil(
          () => deepActive() === regenerateButton(el, fresh),
          `focus went to ${describeFocus()}, not the new token's Regenerate`,
        );
        expect(rowIds(el)[0]).to.equal(fresh);
        expect(text(cell(el, fresh, 'name-cell'))).to.contain('New');
        expect(text(cell(el, 'tok_tf', 'name-cell'))).to.contain('Replaced');
        expect(text(cell(el, 'tok_tf', 'expires-cell'))).to.contain('Stops working in 1 hour');
        const bodies = backend.requests.filter((r) => r.operation === 'rotate').map((r) => r.body as { gracePeriodHours: number });
        expect(bodies.map((body) => body.gracePeriodHours)).to.deep.equal([1]);
        expect(findSecretInPage(secret), 'the secret left the page').to.deep.equal([]);
        await expect(el).to.be.accessible();
      } finally {
        clipboard.restore();
      }
    });

    it('by mouse, without grace: the old row goes, and focus lands on the new token', async () => {
      await useMockBackend({ seed: sampleTokens(), now: () => NOW });
      const el = await renderList(html`<pat-token-list endpoint="/api/tokens" grace-periods="0 24"></pat-token-list>`);
      regenerateButton(el, 'tok_ci')!.focus();
      regenerateButton(el, 'tok_ci')!.click();
      const dialog = dialogOf(el);
      // Rendered by the click, on first use: its own first render is the next microtask.
      await dialog.updateComplete;
      await waitUntil(() => nativeDialog(dialog).open, 'the dialog did not open');
      // "Immediately" is last, never the default: it is chosen, and says what it breaks.
      expect([...dialog.shadowRoot!.querySelectorAll<HTMLOptionElement>('#grace option')].map((option) => option.value)).to.deep.equal([
        '24',
        '0',
      ]);
      const grace = dialog.shadowRoot!.querySelector<HTMLSelectElement>('#grace')!;
      expect(grace.value).to.equal('24');
      grace.value = '0';
      grace.dispatchEvent(new Event('change'));
      await dialog.updateComplete;
      expect(text(dialog.shadowRoot!.querySelector('#grace-summary')!)).to.equal(
        'Anything still using pat_7Qm2•••• fails the moment you regenerate.',
      );
      const rotated = oneEvent(el, 'pat-token-rotated');
      submitButton(dialog).click();
      const { detail } = await rotated;
      expect(detail.previous).to.equal(null);
      await el.updateComplete;
      expect(rowIds(el)).to.not.include('tok_ci');
      expect(rowIds(el)[0]).to.equal(detail.token.id);

      await waitUntil(() => revealOf(dialog)?.hasSecret === true, 'no reveal');
      const reveal = revealOf(dialog)!;
      await reveal.updateComplete;
      reveal.shadowRoot!.querySelector<HTMLInputElement>('[part="acknowledge"] input')!.click();
      await reveal.updateComplete;
      reveal.shadowRoot!.querySelector<HTMLButtonElement>('#done')!.click();
      await waitUntil(() => deepActive() === regenerateButton(el, detail.token.id), `focus went to ${describeFocus()}`);
    });

    it('a token gone meanwhile (404): the dialog says so, the list reloads without it, focus lands in the list', async () => {
      const backend = await useMockBackend({ seed: sampleTokens(), now: () => NOW });
      const el = await renderList();
      backend.reset(sampleTokens().filter((t) => t.id !== 'tok_graf'));
      regenerateButton(el, 'tok_graf')!.focus();
      regenerateButton(el, 'tok_graf')!.click();
      const dialog = dialogOf(el);
      // Rendered by the click, on first use: its own first render is the next microtask.
      await dialog.updateComplete;
      await waitUntil(() => nativeDialog(dialog).open);
      const failed = oneEvent(el, 'pat-error');
      submitButton(dialog).click();
      const { detail } = await failed;
      expect(detail.operation).to.equal('rotate');
      await waitUntil(() => !rowIds(el).includes('tok_graf'), 'the list did not reload');
      await waitUntil(() => dialog.shadowRoot!.querySelector('#gone-close'), 'no way to close');
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('#gone-close')!.click();
      // The row that opened the dialog is gone: focus goes to the generate button, not to nothing.
      await waitUntil(() => deepActive() === $(el, 'button[part~=generate-button]'), `focus went to ${describeFocus()}`);
    });

    it('reports a scope catalogue with invalid entries once, and uses the valid ones', async () => {
      await useMockBackend({ seed: [token({ id: 'a', name: 'A', scopes: ['read', 'dup'] })] });
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const errors: string[] = [];
        const listener = (event: Event) => errors.push((event as CustomEvent).detail.operation);
        window.addEventListener('pat-error', listener);
        const catalogue = [
          { id: 'read', label: 'Read' },
          { id: 'dup', label: 'First' },
          { id: 'dup', label: 'Second' },
          { id: 'empty', label: ' ' },
        ];
        const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${catalogue}></pat-token-list>`);
        window.removeEventListener('pat-error', listener);
        expect(errors).to.deep.equal(['config']);
        expect(warnings).to.have.length(1);
        cell(el, 'a', 'scopes-cell').querySelector<HTMLButtonElement>('[part~=scopes-button]')!.click();
        await el.updateComplete;
        expect([...cell(el, 'a', 'scopes-cell').querySelectorAll('[part~=scope]')].map(text)).to.deep.equal(['Read', 'First']);
      } finally {
        console.warn = warn;
      }
    });
  });
});
