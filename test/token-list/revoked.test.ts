/**
 * Tokens the system revoked (a leaked secret, an administrator, the whole account): listed with
 * why and when, where a leak was found as a safe link, never offered for regeneration, deletable,
 * in every language.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import '../../src/locales/de.js';
import '../../src/locales/ja.js';
import { $, at, cell, confirmDialog, deleteButton, NOW, renderList, row, rowIds, settled, text, token } from '../support/list-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { html } from 'lit';

const FOUND_AT = 'https://github.com/octo/app/blob/main/.env';
const REVOKED_AT = '2026-03-07T09:30:00.000Z';

const revoked = (id: string, revocation: NonNullable<Token['revocation']>, name = `Token ${id}`) =>
  token({ id, name, createdAt: at(-20), expiresAt: revocation.at, revocation });

const line = (id: string, el: Parameters<typeof row>[0]) => row(el, id).querySelector<HTMLElement>('[part~=revocation]');
const regenerate = (id: string, el: Parameters<typeof row>[0]) => row(el, id).querySelector('button[data-action=regenerate]');

describe('<pat-token-list>: tokens the system revoked', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('says why and when, links to where a leak was found (noopener, noreferrer), offers Delete and no Regenerate', async () => {
    await useMockBackend({
      seed: [
        token({ id: 'live', name: 'Live', createdAt: at(-1) }),
        revoked('leak', { at: REVOKED_AT, reason: 'leaked', url: FOUND_AT }, 'CI deploy'),
        revoked('admin', { at: REVOKED_AT, reason: 'admin' }),
        revoked('account', { at: REVOKED_AT, reason: 'account' }),
        revoked('somewhere', { at: REVOKED_AT, reason: 'leaked' }),
      ],
    });
    const el = await renderList();

    expect(text(line('leak', el)!)).to.equal(
      'Revoked automatically on Mar 7, 2026: found in public code at github.com/octo/app/blob/main/.env',
    );
    const link = line('leak', el)!.querySelector('a')!;
    expect(link.href).to.equal(FOUND_AT);
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.target).to.equal('_blank');
    expect(text(line('admin', el)!)).to.equal('Revoked by an administrator on Mar 7, 2026.');
    expect(text(line('account', el)!)).to.equal('Revoked on Mar 7, 2026 with all of your tokens, to protect your account.');
    expect(text(line('somewhere', el)!)).to.equal('Revoked automatically on Mar 7, 2026: found in public code.');
    expect(line('live', el)).to.equal(null);

    for (const id of ['leak', 'admin', 'account', 'somewhere']) {
      expect(row(el, id).getAttribute('part')).to.contain('row-revoked');
      expect(regenerate(id, el), `${id} offers Regenerate`).to.equal(null);
      expect(deleteButton(el, id)).to.exist;
      expect(cell(el, id, 'expires-cell').querySelector('[part~=badge]'), 'no Expired badge beside the revocation').to.equal(null);
    }
    expect(regenerate('live', el)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('never links anything but http(s), and shows a long address shortened', async () => {
    const long = `https://github.com/octo/${'a'.repeat(80)}/blob/main/.env`;
    await useMockBackend({
      seed: [
        revoked('js', { at: REVOKED_AT, reason: 'leaked', url: 'javascript:alert(document.domain)' }),
        revoked('data', { at: REVOKED_AT, reason: 'leaked', url: 'data:text/html,<script>alert(1)</script>' }),
        revoked('long', { at: REVOKED_AT, reason: 'leaked', url: long }),
      ],
    });
    const el = await renderList();
    for (const id of ['js', 'data']) {
      expect(line(id, el)!.querySelector('a'), id).to.equal(null);
      expect(text(line(id, el)!)).to.equal('Revoked automatically on Mar 7, 2026: found in public code.');
    }
    const shown = text(line('long', el)!.querySelector('a')!);
    expect(shown).to.have.length(48);
    expect(shown.endsWith('…')).to.be.true;
    expect(line('long', el)!.querySelector('a')!.href).to.equal(long);
  });

  it('a token revoked while the page is open shows as revoked on the next load, and its owner can delete it', async () => {
    const backend = await useMockBackend({ now: () => NOW, seed: [token({ id: 'tok_ci', name: 'CI deploy' })] });
    const el = await renderList();
    expect(regenerate('tok_ci', el)).to.exist;

    backend.simulateRevocation({ id: 'tok_ci', url: FOUND_AT });
    await el.refresh();
    await waitUntil(() => line('tok_ci', el), 'the row did not turn revoked');
    expect(text(line('tok_ci', el)!)).to.match(/^Revoked automatically on Mar 10, 2026: found in public code at github\.com\/octo/);
    expect(regenerate('tok_ci', el)).to.equal(null);

    deleteButton(el, 'tok_ci').click();
    const dialog = confirmDialog(el);
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    const deleted = oneEvent(el, 'pat-token-deleted');
    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    await deleted;
    await waitUntil(() => rowIds(el).length === 0, 'the revoked row was not removed');
    expect(backend.tokens()).to.deep.equal([]);
  });

  it('reads in the page’s language, dates included', async () => {
    await useMockBackend({
      seed: [
        revoked('leak', { at: REVOKED_AT, reason: 'leaked', url: FOUND_AT }),
        revoked('account', { at: REVOKED_AT, reason: 'account' }),
      ],
    });
    const de = await renderList(html`<pat-token-list lang="de" endpoint="/api/tokens"></pat-token-list>`);
    await waitUntil(() => settled(de));
    expect(text(line('leak', de)!)).to.equal(
      'Am 07.03.2026 automatisch widerrufen: in öffentlichem Code gefunden unter github.com/octo/app/blob/main/.env',
    );
    expect(text(line('account', de)!)).to.equal('Am 07.03.2026 mit all Ihren Tokens widerrufen, um Ihr Konto zu schützen.');
    const ja = await renderList(html`<pat-token-list lang="ja" endpoint="/api/tokens"></pat-token-list>`);
    await waitUntil(() => settled(ja));
    expect(text(line('leak', ja)!)).to.equal(
      '2026/03/07に自動的に無効化されました: 公開コード内で見つかりました (github.com/octo/app/blob/main/.env)',
    );
    await expect(ja).to.be.accessible();
  });
});
