/**
 * The list configures itself from the server's list answer: every token's permissions by the
 * server's labels, in the page's language (the host's catalogue wins), and the per-user maximum
 * before the form: "N of N tokens" beside the count and a generate button that says why it cannot
 * be used, counted as the server counts (a replaced token in its grace period does not count).
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Scope, Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import { setClock } from '../../src/internal/clock.js';
import '../../src/locales/ar.js';
import '../../src/locales/de.js';
import { demoScopes } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { $, $$, at, confirmDialog, deleteButton, exists, NOW, renderList, text, token } from '../support/list-harness.js';

const ENDPOINT = '/api/tokens';

/** Every permission of the token's row, "+N" opened first (the row shows the first one). */
async function chips(el: PatTokenList, id: string) {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`tr[data-id="${id}"] [part~=scopes-button]`)?.click();
  await el.updateComplete;
  return $$(el, `tr[data-id="${id}"] [part~=scope]`).map((chip) => [chip.textContent!.trim(), chip.getAttribute('dir')] as const);
}

const seed = (): Token[] => [
  token({ id: 'ci', name: 'CI', expiresAt: at(30), scopes: ['repo:read', 'packages:write'] }),
  token({ id: 'laptop', name: 'Laptop', expiresAt: at(30) }),
];

const OWN: Scope[] = [{ id: 'repo:read', label: 'Host’s own label' }];

describe('<pat-token-list> with the server’s catalogue and policy', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  describe('permission labels', () => {
    beforeEach(async () => {
      await useMockBackend({ endpoint: ENDPOINT, seed: seed(), scopes: demoScopes });
    });

    const mounted = (lang: string, dir = 'ltr', scopes?: Scope[]) =>
      renderList(html`<pat-token-list lang=${lang} dir=${dir} endpoint=${ENDPOINT} .scopes=${scopes}></pat-token-list>`);

    it('shows every token’s permissions by the server’s labels, in English, German and Arabic', async () => {
      expect(await chips(await mounted('en'), 'ci')).to.deep.equal([
        ['Read repositories', 'auto'],
        ['Publish packages', 'auto'],
      ]);
      expect((await chips(await mounted('de-CH'), 'ci')).map(([label]) => label)).to.deep.equal([
        'Repositorys lesen',
        'Pakete veröffentlichen',
      ]);
      const arabic = await mounted('ar', 'rtl');
      expect((await chips(arabic, 'ci')).map(([label]) => label)).to.deep.equal(['قراءة المستودعات', 'نشر الحزم']);
      await expect(arabic).to.be.accessible();
    });

    it('the host’s catalogue wins over the server’s', async () => {
      expect((await chips(await mounted('en', 'ltr', OWN), 'ci')).map(([label]) => label)).to.deep.equal([
        'Host’s own label',
        'packages:write',
      ]);
    });
  });

  describe('the per-user maximum', () => {
    const full = (): Token[] => [
      token({ id: 'a', name: 'Alpha', expiresAt: at(30) }),
      token({ id: 'b', name: 'Beta', expiresAt: at(-3) }),
      token({ id: 'c', name: 'Gamma', expiresAt: at(0, 5), replacedBy: 'a' }),
    ];

    it('at the maximum: "2 of 2 tokens", and "Generate new token" says why it cannot be used, before any form', async () => {
      // Three rows; the replaced one in its grace period does not count, the expired one does.
      const backend = await useMockBackend({ endpoint: ENDPOINT, seed: full(), maxTokensPerUser: 2 });
      const el = await renderList();
      expect(text($(el, '[part~=count]'))).to.equal('2 of 2 tokens');
      const button = $<HTMLButtonElement>(el, '#generate-button');
      const note = $(el, '#limit-note');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(button.getAttribute('aria-describedby')).to.equal('limit-note');
      expect(text(note)).to.equal('You have reached the limit of 2 tokens. Delete a token you no longer use to generate a new one.');
      expect(note.checkVisibility(), 'said on screen, not only to a screen reader').to.equal(true);
      await expect(el).to.be.accessible();

      button.focus();
      button.click();
      await el.updateComplete;
      expect(exists(el.shadowRoot!, 'pat-generate-dialog[open]'), 'no form to fill in').to.equal(false);
      expect(el.shadowRoot!.activeElement, 'the button keeps focus').to.equal(button);
      expect(backend.requests.filter((r) => r.operation === 'create')).to.have.length(0);

      // A token deleted: the button works again.
      deleteButton(el, 'b').click();
      await waitUntil(() => confirmDialog(el).open);
      confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
      await waitUntil(() => !exists(el.shadowRoot!, 'tr[data-id="b"]'));
      expect(exists(el.shadowRoot!, '#limit-note')).to.equal(false);
      expect(text($(el, '[part~=count]'))).to.equal('2 tokens');
      expect($(el, '#generate-button').hasAttribute('aria-disabled')).to.equal(false);
      $<HTMLButtonElement>(el, '#generate-button').click();
      await waitUntil(() => exists(el.shadowRoot!, 'pat-generate-dialog[open]'), 'the dialog did not open');
    });

    it('below the maximum, or when the server states none: the count alone, and the button works', async () => {
      await useMockBackend({ endpoint: ENDPOINT, seed: full(), maxTokensPerUser: 3 });
      const below = await renderList();
      expect(text($(below, '[part~=count]'))).to.equal('3 tokens');
      expect(exists(below.shadowRoot!, '#limit-note')).to.equal(false);

      await useMockBackend({ endpoint: ENDPOINT, seed: full() });
      const unstated = await renderList();
      expect(exists(unstated.shadowRoot!, '#limit-note')).to.equal(false);
      expect($(unstated, '#generate-button').hasAttribute('aria-disabled')).to.equal(false);
    });

    it('reached by a create: the new token is counted, and the limit shows at once', async () => {
      await useMockBackend({ endpoint: ENDPOINT, seed: [full()[0]!], maxTokensPerUser: 2 });
      const el = await renderList();
      $<HTMLButtonElement>(el, '#generate-button').click();
      const dialog = el.shadowRoot!.querySelector('pat-generate-dialog')!;
      await dialog.updateComplete;
      const name = dialog.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
      name.value = 'Second';
      name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      await dialog.updateComplete;
      dialog.shadowRoot!.querySelector<HTMLButtonElement>('#submit')!.click();
      await waitUntil(() => exists(el.shadowRoot!, '#limit-note'), 'the limit did not show after the create');
      expect(text($(el, '[part~=count]'))).to.equal('2 of 2 tokens');
    });

    it('in German and Arabic', async () => {
      await useHandlers(http.get(ENDPOINT, () => HttpResponse.json({ tokens: [full()[0]], policy: { maxTokensPerUser: 1 } })));
      const de = await renderList(html`<pat-token-list lang="de" endpoint=${ENDPOINT}></pat-token-list>`);
      expect(text($(de, '[part~=count]'))).to.equal('1 von 1 Token');
      expect(text($(de, '#limit-note'))).to.contain('Limit von 1 Token');
      const ar = await renderList(html`<pat-token-list lang="ar" dir="rtl" endpoint=${ENDPOINT}></pat-token-list>`);
      expect(text($(ar, '[part~=count]'))).to.equal('رمز وصول واحد من أصل 1');
      await expect(ar).to.be.accessible();
    });
  });
});
