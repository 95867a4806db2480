/**
 * Finding a token: the filter (with a visible label) matches the key prefix someone found in a log;
 * the status filter offers the statuses the tokens have (revoked only once a token is), with how
 * many have each; a revoked token says so, and why.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, at, cell, exists, NOW, renderList, row, rowIds, sampleTokens, text, token } from '../support/list-harness.js';

const status = (el: PatTokenList) => $<HTMLSelectElement>(el, 'select[part~=status-filter]');
const options = (el: PatTokenList) => [...status(el).options].map((option) => text(option));

async function choose(el: PatTokenList, value: string): Promise<void> {
  status(el).value = value;
  status(el).dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** The sample account with a replaced token in its grace period. */
function account(): Token[] {
  return [
    ...sampleTokens(),
    token({ id: 'tok_rep', name: 'CI deploy', partialKey: 'pat_0ld1', expiresAt: at(0, 5), replacedBy: 'tok_ci' }),
  ];
}

describe('<pat-token-list> finding a token', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('labels the filter and the status filter visibly', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    for (const control of [$<HTMLInputElement>(el, 'input[part~=filter]'), status(el)]) {
      const label = control.labels![0]!.querySelector('.control-label')!;
      expect(label.getBoundingClientRect().width, `${text(label)} is visible`).to.be.above(20);
    }
    expect(text($(el, 'label.filter .control-label'))).to.equal('Filter tokens');
    expect($<HTMLInputElement>(el, 'input[part~=filter]').placeholder).to.equal('Name, description or key');
  });

  it('finds a token by the key prefix someone found in a log', async () => {
    await useMockBackend({ seed: [...sampleTokens(), token({ id: 'nimbus', name: 'Nimbus', partialKey: 'nimbus_qzS2' })] });
    const el = await renderList();
    $<HTMLInputElement>(el, 'input[part~=filter]').focus();
    await sendKeys({ type: 'nimbus_qzS2' });
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['nimbus']);
    expect(text($(el, '[part~=count]'))).to.equal('Showing 1 of 5');
  });

  it('filters by status, with how many tokens have each, and offers only the statuses some token has', async () => {
    await useMockBackend({ seed: account() });
    const el = await renderList();
    expect(options(el)).to.deep.equal(['All (5)', 'Active (2)', 'Expiring soon (1)', 'Expired (1)', 'Replaced (1)']);

    await choose(el, 'expired');
    expect(rowIds(el)).to.deep.equal(['tok_old']);
    expect(text($(el, '[part~=count]'))).to.equal('Showing 1 of 5');
    await choose(el, 'replaced');
    expect(rowIds(el)).to.deep.equal(['tok_rep']);
    await choose(el, 'expiring');
    expect(rowIds(el)).to.deep.equal(['tok_tf']);
    await choose(el, 'active');
    expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_graf']);

    // With the text filter too; what matches neither says so, and one button clears both.
    const input = $<HTMLInputElement>(el, 'input[part~=filter]');
    input.value = 'terra';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(text($(el, '.no-matches p'))).to.equal('No tokens match “terra, Active”.');
    $(el, 'button[part~=clear-filter-button]').click();
    await el.updateComplete;
    expect(rowIds(el)).to.have.length(5);
    expect(status(el).value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('keeps a chosen status that no token has any more, rather than dropping the choice', async () => {
    const backend = await useMockBackend({ seed: account() });
    const el = await renderList();
    await choose(el, 'replaced');
    backend.reset(sampleTokens());
    await el.refresh();
    await el.updateComplete;
    expect(options(el)).to.include('Replaced (0)');
    expect(status(el).value).to.equal('replaced');
    expect(rowIds(el)).to.deep.equal([]);
  });

  describe('a token the system revoked', () => {
    const revoked = (reason: 'leaked' | 'admin' | 'account', url?: string) =>
      token({ id: `rev_${reason}`, name: `Revoked ${reason}`, revocation: { at: at(-1), reason, ...(url ? { url } : {}) } });

    it('adds "Revoked" to the status filter, says why, links where a leak was found, and offers Delete but no Regenerate', async () => {
      await useMockBackend({
        seed: [
          ...sampleTokens(),
          revoked('leaked', 'https://github.com/acme/app/blob/main/.env'),
          revoked('admin'),
          revoked('account', 'javascript:alert(1)'),
        ],
      });
      const el = await renderList();
      expect(options(el)).to.include('Revoked (3)');
      await choose(el, 'revoked');
      expect(rowIds(el).sort()).to.deep.equal(['rev_account', 'rev_admin', 'rev_leaked']);

      const leaked = cell(el, 'rev_leaked', 'name-cell');
      expect(text(leaked.querySelector('[part~=badge-revoked]')!)).to.equal('Revoked');
      expect(text(leaked)).to.contain('Revoked automatically on Mar 9, 2026: found in public code at github.com/acme/app/blob/main/.env');
      const link = leaked.querySelector('a')!;
      expect(link.href).to.equal('https://github.com/acme/app/blob/main/.env');
      expect(link.rel).to.contain('noopener');
      expect(text(cell(el, 'rev_admin', 'name-cell'))).to.contain('Revoked by an administrator on Mar 9, 2026.');
      expect(text(cell(el, 'rev_account', 'name-cell'))).to.contain(
        'Revoked on Mar 9, 2026 with all of your tokens, to protect your account.',
      );
      expect(exists(cell(el, 'rev_account', 'name-cell'), 'a'), 'only a web address is a link').to.be.false;
      expect(row(el, 'rev_leaked').getAttribute('part')).to.contain('row-revoked');
      expect(exists(row(el, 'rev_leaked'), 'button[data-action=regenerate]'), 'a revoked token cannot be regenerated').to.be.false;
      expect(exists(row(el, 'rev_leaked'), 'button[data-action=delete]'), 'but can be deleted').to.be.true;
      await expect(el).to.be.accessible();
    });

    it('is parsed from the answer: an unknown reason is a broken token, left out and counted', async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList(
        html`<pat-token-list
          .client=${{
            list: async () => [...sampleTokens(), { ...revoked('admin'), revocation: { at: at(-1), reason: 'bored' } }],
            create: async () => Promise.reject(new Error('unused')),
            revoke: async () => undefined,
          }}
        ></pat-token-list>`,
      );
      expect(rowIds(el)).to.have.length(4);
      expect(text($(el, '[part~=alert]'))).to.contain("1 token couldn't be shown");
    });
  });
});
