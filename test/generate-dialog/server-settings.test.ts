/**
 * The dialog configures itself from the server's list answer: used alone with nothing but an
 * endpoint, it asks the list once when first opened and offers the server's permissions (in the
 * page's language, each text in its own direction) and lifetimes; what the host sets wins, field
 * by field; a list gives its dialog its own answer, so the dialog asks nothing.
 */
import { expect, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Scope } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import { demoScopes, type MockBackend } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import '../../src/locales/ar.js';
import '../../src/locales/de.js';
import {
  $,
  choose,
  dateInput,
  ENDPOINT,
  expirationSelect,
  fill,
  focusedIn,
  nameInput,
  openDialog,
  sent,
  submitButton,
  typeInto,
  waitForReveal,
} from '../support/dialog-harness.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { settled } from '../support/list-harness.js';
import { toDateInputValue } from '../../src/generate-dialog/expiration.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

const lists = (backend: MockBackend) => backend.requests.filter((request) => request.operation === 'list');
const options = (el: PatGenerateDialog, select = expirationSelect(el)) => [...select.options].map((option) => option.value);
const scopeLabels = (el: PatGenerateDialog) =>
  [...el.shadowRoot!.querySelectorAll('.scope:not(.select-all) label')].map((label) => label.textContent!.trim());
const checkedIds = (el: PatGenerateDialog) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.scope:not(.select-all) input')]
    .map((box, index) => [box.checked, demoScopes[index]!.id] as const)
    .filter(([checked]) => checked)
    .map(([, id]) => id);
const standalone = () => openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`);

describe('<pat-generate-dialog> with the server’s catalogue and policy', () => {
  let backend: MockBackend;
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  describe('used alone, with nothing but an endpoint', () => {
    beforeEach(async () => {
      backend = await useMockBackend({
        endpoint: ENDPOINT,
        now: () => NOW,
        scopes: demoScopes,
        maxLifetimeDays: 90,
        allowNoExpiration: false,
        maxGracePeriodHours: 24,
        presets: [7, 30, 90, 180],
      });
    });

    it('asks the list once when first opened, and offers the server’s permissions and lifetimes', async () => {
      const { el } = await standalone();
      expect(lists(backend)).to.have.length(1);
      expect($(el, '[part~=note]').textContent).to.contain('only what you allow below');
      expect(scopeLabels(el)).to.deep.equal(demoScopes.map((scope) => (scope.label as Record<string, string>).en));
      expect(checkedIds(el)).to.deep.equal(['repo:read', 'issues:read', 'account:read']);
      // 180 is past the server's maximum; "No expiration" is not allowed.
      expect(options(el)).to.deep.equal(['7', '30', '90', 'custom']);
      await choose(el, 'custom');
      expect(dateInput(el).max).to.equal(toDateInputValue(new Date(NOW.getTime() + 90 * DAY)));
      await expect(el).to.be.accessible();

      el.close();
      el.show();
      await el.updateComplete;
      expect(lists(backend), 'opened again: nothing more to ask').to.have.length(1);

      await fill(el, nameInput(el), 'CI');
      const created = oneEvent(el, 'pat-token-created');
      submitButton(el).click();
      await created;
      expect(sent(backend)[0]!.body).to.deep.equal({ name: 'CI', expiresInDays: 30, scopes: ['repo:read', 'issues:read', 'account:read'] });
    });

    it('offers only the grace periods within the server’s maximum when regenerating', async () => {
      const target = {
        id: 'tok_1',
        name: 'CI',
        partialKey: 'pat_AbCd',
        createdAt: new Date(NOW.getTime() - 10 * DAY).toISOString(),
        expiresAt: new Date(NOW.getTime() + 20 * DAY).toISOString(),
      };
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`, 'en-GB', {
        regenerate: target,
      });
      // "Immediately" is offered last: a choice, never the default.
      expect(options(el, $<HTMLSelectElement>(el, '#grace'))).to.deep.equal(['1', '24', '0']);
      expect(lists(backend)).to.have.length(1);
    });

    it('shows the permissions in the page’s language: German, Arabic (each text in its own direction), else English', async () => {
      const { el: german } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`, 'de-AT');
      expect(scopeLabels(german).slice(0, 2)).to.deep.equal(['Repositorys lesen', 'In Repositorys schreiben']);
      expect($(german, '.scope-group legend').textContent!.trim()).to.equal('Repositorys');
      german.close();

      const { el: arabic } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`, 'ar', { dir: 'rtl' });
      expect(scopeLabels(arabic)[0]).to.equal('قراءة المستودعات');
      const description = $(arabic, '.scope:not(.select-all) .hint span');
      expect(description.getAttribute('dir')).to.equal('auto');
      expect(description.textContent).to.equal('استنساخ الشيفرة وسحبها، وقراءة الإيداعات والفروع والوسوم.');
      for (const text of arabic.shadowRoot!.querySelectorAll('.scope label span, .scope-group legend span, .scope .hint span')) {
        expect(text.getAttribute('dir'), 'every text of the catalogue').to.equal('auto');
      }
      await expect(arabic).to.be.accessible();
      arabic.close();

      const { el: french } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`, 'fr');
      expect(scopeLabels(french)[0], 'no French: English').to.equal('Read repositories');
    });

    it('an English description on a right-to-left page reads left to right, its full stop at its end', async () => {
      const scopes: Scope[] = [{ id: 'a', label: 'Read', description: 'Clone and pull code.', default: true }];
      await useMockBackend({ endpoint: ENDPOINT, scopes });
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`, 'ar', { dir: 'rtl' });
      const text = $(el, '.scope .hint span');
      expect(getComputedStyle(text).direction).to.equal('ltr');
      expect(getComputedStyle(text.parentElement!).direction, 'the line is aligned as the page').to.equal('rtl');
      // The full stop is drawn right of the words: at the end of an English sentence.
      const words = [...text.childNodes].find((node): node is Text => node.nodeType === Node.TEXT_NODE)!;
      const range = document.createRange();
      range.setStart(words, words.length - 1);
      range.setEnd(words, words.length);
      const stop = range.getBoundingClientRect();
      range.setStart(words, 0);
      range.setEnd(words, 5);
      expect(stop.left).to.be.greaterThan(range.getBoundingClientRect().right);
    });

    it('what the host sets wins, field by field', async () => {
      const own: Scope[] = [{ id: 'own', label: 'Own permission', default: true }];
      const { el } = await openDialog(
        html`<pat-generate-dialog endpoint=${ENDPOINT} .scopes=${own} .presets=${[14, 60, 120]}></pat-generate-dialog>`,
      );
      expect(scopeLabels(el)).to.deep.equal(['Own permission']);
      // The host's presets, within the server's maximum (the host did not set one).
      expect(options(el)).to.deep.equal(['14', '60', 'custom']);

      const { el: longer } = await openDialog(
        html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="120" .presets=${[14, 60, 120]}></pat-generate-dialog>`,
      );
      expect(options(longer), 'the host’s maximum wins over the server’s').to.deep.equal(['14', '60', '120', 'custom']);
      expect(scopeLabels(longer), 'the catalogue is still the server’s').to.have.length(demoScopes.length);
    });

    it('a submit made before the answer arrives waits for it, and sends nothing the user has not seen', async () => {
      let answer: () => void = () => {};
      await useHandlers(
        http.get(ENDPOINT, async () => {
          await new Promise<void>((resolve) => (answer = resolve));
          return HttpResponse.json({ tokens: [], scopes: demoScopes });
        }),
      );
      const page = fixtureSync<HTMLDivElement>(html`<div><pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog></div>`);
      const el = page.querySelector('pat-generate-dialog')!;
      el.show();
      await waitUntil(() => el.open && el.shadowRoot!.querySelector('#name'));
      await typeInto(nameInput(el), 'Too fast');
      submitButton(el).click();
      await waitUntil(() => submitButton(el).getAttribute('aria-disabled') === 'true', 'the submit did not wait visibly');
      answer();
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=scopes]'), 'the permissions did not appear');
      await el.updateComplete;
      expect(sent(backend), 'nothing sent: a permissions field appeared').to.have.length(0);
      expect(focusedIn(el)).to.equal(el.shadowRoot!.querySelector('.scopes input'));
      submitButton(el).click();
      await waitForReveal(el);
      expect(sent(backend)[0]!.body).to.deep.include({ scopes: ['repo:read', 'issues:read', 'account:read'] });
    });
  });

  it('with a server that allows no expiration alongside a maximum, offers both', async () => {
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, maxLifetimeDays: 366, allowNoExpiration: true });
    const { el } = await standalone();
    expect(options(el)).to.deep.equal(['7', '30', '60', '90', 'custom', 'never']);
    await choose(el, 'custom');
    expect(dateInput(el).max).to.equal(toDateInputValue(new Date(NOW.getTime() + 366 * DAY)));

    const { el: hostMax } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="60"></pat-generate-dialog>`);
    expect(options(hostMax), 'the host’s maximum rules "No expiration" out').to.deep.equal(['7', '30', '60', 'custom']);
  });

  it('a list answer that cannot be read is reported; the form goes on with the host’s settings', async () => {
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, scopes: demoScopes });
    backend.failNext('server-error', { operation: 'list' });
    const page = document.createElement('div');
    document.body.append(page);
    try {
      const el = document.createElement('pat-generate-dialog');
      el.endpoint = ENDPOINT;
      page.append(el);
      const reported = oneEvent(el, 'pat-error');
      el.show();
      const { detail } = await reported;
      expect(detail.operation).to.equal('list');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part~=scopes]')).to.equal(null);
      await fill(el, nameInput(el), 'Still works');
      submitButton(el).click();
      await waitForReveal(el);
      // Asked again at the next opening, the failure being no answer.
      el.close();
      await el.updateComplete;
      el.show();
      await el.updateComplete;
      expect(lists(backend)).to.have.length(2);
      expect(el.shadowRoot!.querySelector('[part~=scopes]')).not.to.equal(null);
    } finally {
      page.remove();
    }
  });

  it('in a list, gets the list’s answer and asks nothing itself', async () => {
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, scopes: demoScopes, maxLifetimeDays: 90 });
    const page = document.createElement('div');
    page.lang = 'de';
    document.body.append(page);
    try {
      const list = document.createElement('pat-token-list') as PatTokenList;
      list.endpoint = ENDPOINT;
      page.append(list);
      await waitUntil(() => settled(list));
      list.shadowRoot!.querySelector<HTMLButtonElement>('#generate-button')!.click();
      const dialog = list.shadowRoot!.querySelector('pat-generate-dialog')!;
      await dialog.updateComplete;
      expect(scopeLabels(dialog)[0]).to.equal('Repositorys lesen');
      expect(options(dialog)).to.deep.equal(['7', '30', '60', '90', 'custom']);
      expect(lists(backend), 'the list’s one load').to.have.length(1);
    } finally {
      page.remove();
    }
  });
});
