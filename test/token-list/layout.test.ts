/**
 * Layout: a table on wide screens, stacked cards below 600 px of the element's own width (a
 * container query, so a narrow sidebar on a wide screen gets cards too), no horizontal overflow at
 * 320 px, and readable colours in light and dark pages.
 */
import { expect, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, NOW, cell, renderList, row, sampleTokens } from './fixtures.js';

function isCard(el: PatTokenList, id: string): boolean {
  return getComputedStyle(row(el, id)).display !== 'table-row';
}

describe('<pat-token-list> layout', () => {
  beforeEach(() => setClock(NOW));
  afterEach(async () => {
    setClock();
    await setViewport({ width: 1024, height: 768 });
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is a table on a wide screen', async () => {
    await setViewport({ width: 1024, height: 768 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    expect(isCard(el, 'tok_ci')).to.be.false;
    expect(getComputedStyle($(el, 'thead')).display).to.equal('table-header-group');
  });

  it('stacks rows as labelled cards at 320 px, without horizontal overflow', async () => {
    await setViewport({ width: 320, height: 640 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();

    expect(isCard(el, 'tok_ci')).to.be.true;
    expect(getComputedStyle(cell(el, 'tok_ci', 'created-cell'), '::before').content).to.contain('Created');
    expect(el.scrollWidth, 'nothing sticks out sideways').to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    // The sort buttons stay reachable above the cards.
    const sortButton = $(el, 'th[aria-sort] button');
    expect(sortButton.getBoundingClientRect().width).to.be.above(10);
    await expect(el).to.be.accessible();
  });

  it('follows its own width, not the viewport\'s', async () => {
    await setViewport({ width: 1280, height: 800 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    el.style.width = '400px';
    await el.updateComplete;
    expect(isCard(el, 'tok_ci')).to.be.true;
    el.style.width = '700px';
    expect(isCard(el, 'tok_ci')).to.be.false;
  });

  it('inherits the host page\'s font and text colour', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    el.style.fontFamily = 'Georgia, serif';
    el.style.color = 'rgb(10, 20, 30)';
    const name = row(el, 'tok_ci').querySelector('[part~=name]')!;
    expect(getComputedStyle(name).fontFamily).to.equal('Georgia, serif');
    expect(getComputedStyle(name).color).to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle($(el, 'button[data-action=delete]')).fontFamily).to.equal('Georgia, serif');
  });

  it('stays readable on a light page when the system prefers dark', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    await expect(el).to.be.accessible();
  });

  it('uses its dark defaults on a dark page', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    await useMockBackend({ seed: sampleTokens() });
    const page = document.documentElement;
    page.style.colorScheme = 'dark';
    page.style.background = 'Canvas';
    page.style.color = 'CanvasText';
    try {
      const el = await renderList();
      const badge = cell(el, 'tok_old', 'expires-cell').querySelector('[part~=badge]')!;
      expect(getComputedStyle(badge).color, 'the dark variant of the danger colour').to.equal('rgb(248, 81, 73)');
      await expect(el).to.be.accessible();

      row(el, 'tok_old').querySelector<HTMLButtonElement>('button[data-action=delete]')!.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog').open);
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, 'button[part~=confirm-cancel-button]').click();
    } finally {
      page.style.removeProperty('color-scheme');
      page.style.removeProperty('background');
      page.style.removeProperty('color');
    }
  });
});
