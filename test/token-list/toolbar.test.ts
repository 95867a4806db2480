/**
 * The toolbar and headers: count, filter, sorting, the generate button (hidden, replaced by a
 * slot), the composed dialog's configuration, and a created token appearing without a reload.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import {
  $,
  $$,
  at,
  exists,
  generateDialog,
  NOW,
  renderList,
  row,
  rowIds,
  sampleTokens,
  text,
  token,
  waitForFocusOn,
} from '../support/list-harness.js';

function header(el: PatTokenList, label: string): HTMLTableCellElement {
  const found = $$<HTMLTableCellElement>(el, 'thead th').find((th) => text(th) === label);
  if (!found) throw new Error(`No header ${label}`);
  return found;
}

async function clickHeader(el: PatTokenList, label: string) {
  header(el, label).querySelector('button')!.click();
  await el.updateComplete;
}

async function created(el: PatTokenList, token: Token) {
  (await generateDialog(el)).dispatchEvent(new CustomEvent('pat-token-created', { detail: { token }, bubbles: true, composed: true }));
  return el.updateComplete;
}

describe('<pat-token-list> toolbar', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  describe('sorting', () => {
    it('starts newest first, marked with aria-sort on the Created header only', async () => {
      await useMockBackend({ seed: [...sampleTokens()].reverse() });
      const el = await renderList();
      expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
      expect(header(el, 'Created').getAttribute('aria-sort')).to.equal('descending');
      expect($$(el, 'thead th[aria-sort]')).to.have.length(1);
    });

    it('sorts by name A–Z regardless of case, then Z–A on a second click', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      await clickHeader(el, 'Name');
      expect(rowIds(el)).to.deep.equal(['tok_old', 'tok_ci', 'tok_graf', 'tok_tf']);
      expect(header(el, 'Name').getAttribute('aria-sort')).to.equal('ascending');
      expect(header(el, 'Created').hasAttribute('aria-sort')).to.be.false;
      await clickHeader(el, 'Name');
      expect(rowIds(el)).to.deep.equal(['tok_tf', 'tok_graf', 'tok_ci', 'tok_old']);
      expect(header(el, 'Name').getAttribute('aria-sort')).to.equal('descending');
      await expect(el).to.be.accessible();
    });

    it('sorts by expiry soonest first with "Never" last, and by last use most recent first with never-used ones last', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      await clickHeader(el, 'Expires');
      expect(rowIds(el)).to.deep.equal(['tok_old', 'tok_tf', 'tok_ci', 'tok_graf']);
      await clickHeader(el, 'Expires');
      expect(rowIds(el)).to.deep.equal(['tok_graf', 'tok_ci', 'tok_tf', 'tok_old']);
      await clickHeader(el, 'Last used');
      expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_old', 'tok_graf']);
      await clickHeader(el, 'Created');
      expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
    });

    it('is operable from the keyboard', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      header(el, 'Name').querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(header(el, 'Name').getAttribute('aria-sort')).to.equal('ascending');
    });
  });

  describe('filter', () => {
    it('filters by name and description, ignoring case and accents, and updates the count', async () => {
      await useMockBackend({ seed: [...sampleTokens(), token({ id: 'cafe', name: 'Café sync', createdAt: at(-1) })] });
      const el = await renderList();
      const input = $<HTMLInputElement>(el, 'input[type=search]');
      expect(input.labels?.[0] && text(input.labels[0])).to.equal('Filter tokens');

      input.focus();
      await sendKeys({ type: 'TERRA' });
      await el.updateComplete;
      expect(rowIds(el)).to.deep.equal(['tok_tf']);
      expect(text($(el, '[part~=count]'))).to.equal('Showing 1 of 5');

      input.value = 'release';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(rowIds(el), 'matches the description').to.deep.equal(['tok_ci']);

      input.value = 'cafe';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(rowIds(el)).to.deep.equal(['cafe']);
    });

    it('says when nothing matches and clears the filter from there', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      const input = $<HTMLInputElement>(el, 'input[type=search]');
      input.focus();
      await sendKeys({ type: 'zzz' });
      await el.updateComplete;

      expect(rowIds(el)).to.deep.equal([]);
      expect(text($(el, '.no-matches'))).to.contain('No tokens match “zzz”.');
      await expect(el).to.be.accessible();

      $(el, 'button[part~=clear-filter-button]').click();
      await waitUntil(() => rowIds(el).length === 4);
      expect(input.value).to.equal('');
      await waitForFocusOn(el, () => input, 'focus returns to the filter');
    });
  });

  describe('generate button', () => {
    it('opens the composed dialog', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      $(el, 'button[part~=generate-button]').click();
      const dialog = $<PatGenerateDialog>(el, 'pat-generate-dialog');
      await dialog.updateComplete;
      expect(dialog.open).to.be.true;
      dialog.close();
      await dialog.updateComplete;
    });

    it('is hidden by no-generate; the dialog stays only while it can regenerate', async () => {
      const backend = await useMockBackend({ seed: [] });
      const el = await renderList(html`<pat-token-list endpoint="/api/tokens" no-generate></pat-token-list>`);
      expect(exists(el.shadowRoot!, '[part~=generate-button], slot[name=generate-button]'), 'a generate button is rendered').to.be.false;
      expect(text($(el, '[part~=empty]'))).to.contain('No tokens yet');
      await expect(el).to.be.accessible();

      backend.reset([token({ id: 'a', name: 'A' })]);
      await el.refresh();
      await el.updateComplete;
      $(el, 'button[data-action=regenerate]').click();
      const dialog = $<PatGenerateDialog>(el, 'pat-generate-dialog');
      expect(dialog.open, 'the dialog, for Regenerate').to.be.true;
      dialog.close();
      await dialog.updateComplete;

      el.noRegenerate = true;
      await el.updateComplete;
      expect(exists(el.shadowRoot!, 'pat-generate-dialog'), 'nothing left to open the dialog for').to.be.false;
    });

    it('can be replaced through the generate-button slot, which still opens the dialog', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList(
        html`<pat-token-list endpoint="/api/tokens"><button slot="generate-button">New token</button></pat-token-list>`,
      );
      const slot = $<HTMLSlotElement>(el, 'slot[name=generate-button]');
      expect(slot.assignedElements().map(text)).to.deep.equal(['New token']);

      const hostButton = el.querySelector('button')!;
      hostButton.addEventListener('click', (event) => event.preventDefault(), { once: true });
      hostButton.click();
      await el.updateComplete;
      expect(exists(el.shadowRoot!, 'pat-generate-dialog'), 'a host that prevents the click handles it itself').to.be.false;

      hostButton.click();
      const dialog = $<PatGenerateDialog>(el, 'pat-generate-dialog');
      await dialog.updateComplete;
      expect(dialog.open).to.be.true;
      dialog.close();
      await dialog.updateComplete;
    });

    it('forwards the client configuration, strings and create policy to the dialog', async () => {
      await useMockBackend({ seed: [] });
      const headers = { 'X-CSRF-Token': 'abc' };
      const el = await renderList(
        html`<pat-token-list
          endpoint="/api/tokens"
          credentials="include"
          allow-no-expiration
          max-lifetime-days="90"
          usage-template="curl -H 'Authorization: Bearer {token}' https://api.example.test/me"
          .headers=${headers}
          .presets=${[1, 14]}
        ></pat-token-list>`,
      );
      const dialog = await generateDialog(el);
      expect(dialog.endpoint).to.equal('/api/tokens');
      expect(dialog.credentials).to.equal('include');
      expect(dialog.headers).to.equal(headers);
      expect(dialog.presets).to.deep.equal([1, 14]);
      expect(dialog.allowNoExpiration).to.be.true;
      expect(dialog.maxLifetimeDays).to.equal(90);
      expect(dialog.usageTemplate).to.equal("curl -H 'Authorization: Bearer {token}' https://api.example.test/me");
      expect(dialog.getAttribute('exportparts')).to.contain('submit-button');

      el.allowNoExpiration = false;
      el.maxLifetimeDays = undefined;
      await el.updateComplete;
      await dialog.updateComplete;
      expect(dialog.allowNoExpiration).to.be.false;
      expect(dialog.hasAttribute('max-lifetime-days')).to.be.false;
    });
  });

  describe('a token created through the dialog', () => {
    const fresh = token({
      id: 'tok_new',
      name: 'Fresh token',
      partialKey: 'pat_N3w0',
      createdAt: NOW.toISOString(),
      expiresAt: at(30),
      lastUsedAt: null,
    });

    it('appears at the top, marked new, without reloading the list or re-mounting the table', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      const table = $(el, 'table');
      const firstRow = row(el, 'tok_ci');

      await created(el, fresh);

      expect(rowIds(el)).to.deep.equal(['tok_new', 'tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
      expect(row(el, 'tok_new').getAttribute('part')).to.contain('row-new');
      expect(text(row(el, 'tok_new').querySelector('[part~=badge-new]')!)).to.equal('New');
      expect(
        backend.requests.filter((r) => r.operation === 'list'),
        'no reload',
      ).to.have.length(1);
      expect($(el, 'table') === table, 'the same table').to.be.true;
      expect(row(el, 'tok_ci') === firstRow, 'existing rows are kept, not re-rendered from scratch').to.be.true;
      expect(text($(el, '[part~=count]'))).to.equal('5 tokens');
      await expect(el).to.be.accessible();
    });

    it('stays on top whatever the sort, and clears a filter that would hide it', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      await clickHeader(el, 'Name');
      const input = $<HTMLInputElement>(el, 'input[type=search]');
      input.value = 'grafana';
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;

      await created(el, fresh);
      expect(input.value).to.equal('');
      expect(rowIds(el)).to.deep.equal(['tok_new', 'tok_old', 'tok_ci', 'tok_graf', 'tok_tf']);
    });

    it('replaces the empty state with the table', async () => {
      await useMockBackend({ seed: [] });
      const el = await renderList();
      await created(el, fresh);
      expect(exists(el.shadowRoot!, '[part~=empty]'), '[part~=empty] is rendered').to.be.false;
      expect(rowIds(el)).to.deep.equal(['tok_new']);
    });

    it('loads the list when it was showing a load failure', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      backend.failNext('server-error', { operation: 'list' });
      const el = await renderList();
      expect(exists(el.shadowRoot!, '[part~=error]'), 'the load failed').to.be.true;
      backend.reset([fresh, ...sampleTokens()]);
      await created(el, fresh);
      await waitUntil(() => rowIds(el).length === 5, 'the list was not loaded');
      expect(rowIds(el)[0]).to.equal('tok_new');
      expect(row(el, 'tok_new').getAttribute('part')).to.contain('row-new');
    });

    it('is no longer marked new after the next load', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      await created(el, fresh);
      backend.reset([fresh, ...sampleTokens()]);
      await el.refresh();
      await el.updateComplete;
      expect(rowIds(el)[0]).to.equal('tok_new');
      expect(row(el, 'tok_new').getAttribute('part')).to.not.contain('row-new');
    });

    it('survives a load that was in flight when it was created', async () => {
      const backend = await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      backend.setLatency(200);
      const reload = el.refresh();
      await created(el, fresh);
      await reload;
      await el.updateComplete;
      expect(rowIds(el)[0], 'the older answer does not drop it').to.equal('tok_new');
      expect(row(el, 'tok_new').getAttribute('part')).to.contain('row-new');
    });
  });
});
