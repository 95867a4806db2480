/**
 * Tokens the system revoked (a leaked secret, an administrator, the whole account): listed with
 * why and when, where a leak was found as a safe link, never offered for regeneration, deletable,
 * found by the status filter, in every language.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import type { PatStrings } from '../../src/internal/pat-strings.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { ptBR } from '../../src/locales/pt-BR.js';
import { zhCN } from '../../src/locales/zh-CN.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import {
  $,
  at,
  cell,
  confirmDialog,
  deleteButton,
  exists,
  NOW,
  renderList,
  row,
  rowIds,
  settled,
  text,
  token,
} from '../support/list-harness.js';
import { useMockBackend } from '../support/mock-backend.js';

const FOUND_AT = 'https://github.com/octo/app/blob/main/.env';
const SHOWN = 'github.com/octo/app/blob/main/.env';
const REVOKED_AT = '2026-03-07T09:30:00.000Z';

const revoked = (id: string, revocation: NonNullable<Token['revocation']>, name = `Token ${id}`) =>
  token({ id, name, createdAt: at(-20), expiresAt: revocation.at, revocation });

const line = (id: string, el: PatTokenList) => row(el, id).querySelector<HTMLElement>('[part~=revocation]');
const regenerate = (id: string, el: PatTokenList) => row(el, id).querySelector('button[data-action=regenerate]');
const statusFilter = (el: PatTokenList) => $<HTMLSelectElement>(el, 'select[part~=status-filter]');

describe('<pat-token-list>: tokens the system revoked', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('says Revoked, why and when, links to where a leak was found (noopener, noreferrer), offers Delete and no Regenerate', async () => {
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

    expect(text(line('leak', el)!)).to.equal(`Revoked automatically on Mar 7, 2026: found in public code at ${SHOWN}`);
    const link = line('leak', el)!.querySelector('a')!;
    expect(link.href).to.equal(FOUND_AT);
    expect(text(link)).to.equal(SHOWN);
    expect(link.rel).to.equal('noopener noreferrer');
    expect(link.target).to.equal('_blank');
    expect(link.dir, 'an address reads left to right, also in Arabic').to.equal('ltr');
    expect(text(line('admin', el)!)).to.equal('Revoked by an administrator on Mar 7, 2026.');
    expect(text(line('account', el)!)).to.equal('Revoked on Mar 7, 2026 with all of your tokens, to protect your account.');
    expect(text(line('somewhere', el)!)).to.equal('Revoked automatically on Mar 7, 2026: found in public code.');
    expect(line('live', el), 'a live token has no revocation line').to.equal(null);

    for (const id of ['leak', 'admin', 'account', 'somewhere']) {
      const parts = row(el, id).getAttribute('part')!.split(' ');
      expect(parts, id).to.include('row-revoked');
      expect(parts, `${id}: revoked is its one status`).not.to.include('row-expired');
      expect(text(cell(el, id, 'name-cell').querySelector('[part~=badge-revoked]')!)).to.equal('Revoked');
      expect(regenerate(id, el), `${id} offers Regenerate`).to.equal(null);
      expect(deleteButton(el, id)).to.exist;
      expect(cell(el, id, 'expires-cell').querySelector('[part~=badge]'), 'no Expired badge beside the revocation').to.equal(null);
      expect(text(cell(el, id, 'expires-cell'))).to.equal('Mar 7, 2026');
    }
    expect(regenerate('live', el)).to.exist;
    await expect(el).to.be.accessible();
  });

  it('links only a plain http(s) address, shown as its host and path, a long one shortened', async () => {
    const long = `https://github.com/octo/${'a'.repeat(80)}/blob/main/.env`;
    await useMockBackend({
      seed: [
        revoked('js', { at: REVOKED_AT, reason: 'leaked', url: 'javascript:alert(document.domain)' }),
        revoked('data', { at: REVOKED_AT, reason: 'leaked', url: 'data:text/html,<script>alert(1)</script>' }),
        revoked('login', { at: REVOKED_AT, reason: 'leaked', url: 'https://user:hunter2@github.com/octo/app' }),
        revoked('long', { at: REVOKED_AT, reason: 'leaked', url: long }),
        revoked('bidi', { at: REVOKED_AT, reason: 'leaked', url: 'https://github.com/octo/\u202Egpj.exe' }),
        revoked('admin', { at: REVOKED_AT, reason: 'admin', url: FOUND_AT }),
      ],
    });
    const el = await renderList();
    for (const id of ['js', 'data', 'login']) {
      expect(exists(line(id, el)!, 'a'), `${id} is a link`).to.be.false;
      expect(text(line(id, el)!)).to.equal('Revoked automatically on Mar 7, 2026: found in public code.');
    }
    expect(text(line('admin', el)!), 'only a leak says where').to.equal('Revoked by an administrator on Mar 7, 2026.');
    const shown = text(line('long', el)!.querySelector('a')!);
    expect(shown).to.have.length(48);
    expect(shown.endsWith('…')).to.be.true;
    expect(line('long', el)!.querySelector('a')!.href).to.equal(long);
    expect(text(line('bidi', el)!.querySelector('a')!), 'a direction override is shown encoded, not obeyed').to.equal(
      'github.com/octo/%E2%80%AEgpj.exe',
    );
  });

  it('a token revoked while the page is open shows as revoked on the next load, the status filter finds it, and its owner deletes it', async () => {
    const backend = await useMockBackend({
      now: () => NOW,
      seed: [token({ id: 'tok_ci', name: 'CI deploy' }), token({ id: 'tok_tf', name: 'terraform' })],
    });
    const el = await renderList();
    expect(regenerate('tok_ci', el)).to.exist;
    expect([...statusFilter(el).options].map((option) => option.value)).not.to.include('revoked');

    backend.simulateRevocation({ id: 'tok_ci', url: FOUND_AT });
    await el.refresh();
    await waitUntil(() => line('tok_ci', el), 'the row did not turn revoked');
    expect(text(line('tok_ci', el)!)).to.equal(`Revoked automatically on Mar 10, 2026: found in public code at ${SHOWN}`);
    expect(regenerate('tok_ci', el)).to.equal(null);

    const option = [...statusFilter(el).options].find((each) => each.value === 'revoked')!;
    expect(text(option)).to.equal('Revoked (1)');
    statusFilter(el).value = 'revoked';
    statusFilter(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['tok_ci']);

    deleteButton(el, 'tok_ci').click();
    const dialog = confirmDialog(el);
    await waitUntil(() => dialog.open, 'the confirmation did not open');
    const deleted = oneEvent(el, 'pat-token-deleted');
    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    await deleted;
    await waitUntil(() => rowIds(el).length === 0, 'the revoked row was not removed');
    expect(backend.tokens().map((each) => each.id)).to.deep.equal(['tok_tf']);
  });

  it('reads in the page’s language, dates included', async () => {
    await useMockBackend({
      seed: [
        revoked('leak', { at: REVOKED_AT, reason: 'leaked', url: FOUND_AT }),
        revoked('account', { at: REVOKED_AT, reason: 'account' }),
      ],
    });
    const german = await renderList(html`<pat-token-list lang="de" endpoint="/api/tokens"></pat-token-list>`);
    await waitUntil(() => settled(german));
    expect(text(line('leak', german)!)).to.equal(`Am 07.03.2026 automatisch widerrufen: in öffentlichem Code gefunden unter ${SHOWN}`);
    expect(text(line('account', german)!)).to.equal('Am 07.03.2026 zum Schutz Ihres Kontos mit all Ihren Tokens widerrufen.');
    const japanese = await renderList(html`<pat-token-list lang="ja" endpoint="/api/tokens"></pat-token-list>`);
    await waitUntil(() => settled(japanese));
    expect(text(line('leak', japanese)!)).to.equal(`2026/03/07に自動的に失効しました：公開コード内で見つかりました（${SHOWN}）`);
    await expect(japanese).to.be.accessible();
  });

  it('says why, when and where in every shipped language', async () => {
    await useMockBackend({
      seed: [
        revoked('leak', { at: REVOKED_AT, reason: 'leaked', url: FOUND_AT }),
        revoked('nowhere', { at: REVOKED_AT, reason: 'leaked' }),
        revoked('admin', { at: REVOKED_AT, reason: 'admin' }),
        revoked('account', { at: REVOKED_AT, reason: 'account' }),
      ],
    });
    const locales: [string, PatStrings][] = [
      ['ar', ar],
      ['de', de],
      ['es', es],
      ['fr', fr],
      ['ja', ja],
      ['pt-BR', ptBR],
      ['zh-CN', zhCN],
    ];
    for (const [lang, strings] of locales) {
      const el = await renderList(html`<pat-token-list lang=${lang} endpoint="/api/tokens"></pat-token-list>`);
      await waitUntil(() => settled(el));
      const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(new Date(REVOKED_AT));
      const said = (template: string, url = '') => template.replace('{date}', date).replace('{url}', url).replace(/\s+/g, ' ').trim();
      expect(text(line('leak', el)!), lang).to.equal(said(strings.revokedLeaked, SHOWN));
      expect(line('leak', el)!.querySelector('a')!.href, lang).to.equal(FOUND_AT);
      expect(text(line('nowhere', el)!), lang).to.equal(said(strings.revokedLeakedNoUrl));
      expect(text(line('admin', el)!), lang).to.equal(said(strings.revokedAdmin));
      expect(text(line('account', el)!), lang).to.equal(said(strings.revokedAccount));
      expect(text(cell(el, 'leak', 'name-cell').querySelector('[part~=badge-revoked]')!), lang).to.equal(strings.revokedBadge);
    }
  });
});
