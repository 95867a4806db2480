/**
 * The Scopes column: shown when the host sets a catalogue or any token has scopes, labels as
 * compact chips (an id the catalogue does not know shown as itself), three at most and then
 * "+N more", which shows the rest and is operable by keyboard; the filter finds tokens by their
 * scopes' labels; server strings stay text.
 */
import { expect, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { setClock } from '../../src/internal/clock.js';
import { demoScopes } from '../../src/mock/seed.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, $$, cell, exists, expectFocusOn, NOW, renderList, rowIds, text, token, generateDialog } from '../support/list-harness.js';

const seed = [
  token({ id: 'ci', name: 'CI deploy', scopes: ['repo:read', 'repo:write', 'packages:write', 'issues:read', 'ext:billing'] }),
  token({ id: 'cli', name: 'Laptop CLI' }),
  token({ id: 'metrics', name: 'Grafana', scopes: ['metrics:read'] }),
];

const chips = (el: PatTokenList, id: string) => [...cell(el, id, 'scopes-cell').querySelectorAll('[part~=scope]')].map(text);

function filterBy(el: PatTokenList, value: string) {
  const input = $<HTMLInputElement>(el, 'input[part~=filter]');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  return el.updateComplete;
}

describe('<pat-token-list> scopes', () => {
  beforeEach(() => setClock(NOW));
  afterEach(async () => {
    setClock();
    await emulateMedia({ colorScheme: 'light' });
  });

  it("styles its chips with ::part(scope) and the dialog's permissions with ::part(dialog-scope), never one for the other", async () => {
    await useMockBackend({ seed });
    const style = document.createElement('style');
    style.textContent = `
      pat-token-list::part(scope) { outline: 3px solid rgb(1, 2, 3); }
      pat-token-list::part(dialog-scope) { outline: 5px dotted rgb(4, 5, 6); }`;
    document.head.append(style);
    try {
      const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
      const chip = cell(el, 'ci', 'scopes-cell').querySelector('[part~=scope]')!;
      const dialog = await generateDialog(el);
      const permission = dialog.shadowRoot!.querySelector('[part~=scope]')!;
      expect(permission, 'the dialog has permission rows').to.exist;
      expect(getComputedStyle(chip).outline).to.equal('rgb(1, 2, 3) solid 3px');
      expect(getComputedStyle(permission).outline).to.equal('rgb(4, 5, 6) dotted 5px');
    } finally {
      style.remove();
    }
  });

  it('has no Permissions column without a catalogue and without scoped tokens', async () => {
    await useMockBackend({ seed: [token({ id: 'a', name: 'A' })] });
    const el = await renderList();
    expect($$(el, 'thead th').map(text)).to.not.include('Permissions');
    expect(exists(el.shadowRoot!, '[part~=scopes-cell]'), 'a scopes cell').to.be.false;
  });

  it('shows the column for a catalogue alone: a token without scopes has all permissions', async () => {
    await useMockBackend({ seed: [token({ id: 'a', name: 'A' })] });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
    expect($$(el, 'thead th').map(text)).to.include('Permissions');
    expect(text(cell(el, 'a', 'scopes-cell'))).to.equal('All permissions');
  });

  it('shows labels from the catalogue, an unknown id as itself, the first one and then "+N", on one line', async () => {
    await useMockBackend({ seed });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
    expect(chips(el, 'ci')).to.deep.equal(['Read repositories']);
    expect(chips(el, 'metrics'), 'unknown to the catalogue').to.deep.equal(['metrics:read']);
    expect(text(cell(el, 'cli', 'scopes-cell'))).to.equal('All permissions');
    const more = cell(el, 'ci', 'scopes-cell').querySelector<HTMLButtonElement>('[part~=scopes-button]')!;
    expect(text(cell(el, 'ci', 'scopes-cell'))).to.equal('Read repositories +4');
    expect(more.getAttribute('aria-label')).to.equal('+4 more permissions of “CI deploy”');
    const chip = cell(el, 'ci', 'scopes-cell').querySelector('[part~=scope]')!;
    expect(Math.abs(chip.getBoundingClientRect().top - more.getBoundingClientRect().top), 'one line').to.be.below(8);
    await expect(el).to.be.accessible();
  });

  it('without a catalogue, still shows the column when tokens have scopes, with their ids', async () => {
    await useMockBackend({ seed });
    const el = await renderList();
    expect(chips(el, 'ci')).to.deep.equal(['repo:read']);
  });

  it('"+N more" shows every scope and "Show fewer" hides them again, by keyboard, focus staying on the button', async () => {
    await useMockBackend({ seed });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
    const button = () => cell(el, 'ci', 'scopes-cell').querySelector<HTMLButtonElement>('[part~=scopes-button]')!;
    const first = button();
    first.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chips(el, 'ci')).to.deep.equal(['Read repositories', 'Write repositories', 'Publish packages', 'Read issues', 'ext:billing']);
    expect(button() === first, 'the same button').to.be.true;
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    expect(text(button())).to.equal('Show fewer');
    expectFocusOn(el, button(), 'focus stays');
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(chips(el, 'ci')).to.have.length(1);
    expect(button().getAttribute('aria-expanded')).to.equal('false');
  });

  it('filters by scope label, and by an id the catalogue does not know', async () => {
    await useMockBackend({ seed });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
    await filterBy(el, 'publish packages');
    expect(rowIds(el)).to.deep.equal(['ci']);
    await filterBy(el, 'metrics:read');
    expect(rowIds(el)).to.deep.equal(['metrics']);
    // A label from a new catalogue is found at once.
    el.scopes = [{ id: 'metrics:read', label: 'Read dashboards' }];
    await filterBy(el, 'dashboards');
    expect(rowIds(el)).to.deep.equal(['metrics']);
  });

  it('passes the catalogue to the dialog', async () => {
    await useMockBackend({ seed });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
    expect((await generateDialog(el)).scopes).to.equal(demoScopes);
  });

  it('stays readable with scopes in a dark page', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await useMockBackend({ seed });
    const page = document.documentElement;
    page.style.colorScheme = 'dark';
    page.style.background = 'Canvas';
    page.style.color = 'CanvasText';
    try {
      const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
      await expect(el).to.be.accessible();
    } finally {
      page.style.removeProperty('color-scheme');
      page.style.removeProperty('background');
      page.style.removeProperty('color');
    }
  });
});
