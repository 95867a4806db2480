/**
 * Layout: a table wherever the table fits the element's own width, cards everywhere else — decided
 * by measuring (the language, the names and the columns decide how wide the table must be), not by
 * a breakpoint; no horizontal overflow at 320 px; readable colours in light and dark pages.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { setClock } from '../../src/internal/clock.js';
import { de } from '../../src/locales/de.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, NOW, at, cell, renderList, row, sampleTokens, token } from '../support/list-harness.js';

function isCard(el: PatTokenList, id: string): boolean {
  return getComputedStyle(row(el, id)).display !== 'table-row';
}

/**
 * Three frames: the resize is observed after the first frame's layout, and the element checks
 * the new width in the next frame's callbacks, which may run after ours.
 */
async function frames(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
}

async function widthTo(el: PatTokenList, width: number): Promise<void> {
  el.style.width = `${width}px`;
  await frames();
  await el.updateComplete;
}

/** The narrowest width, found by bisection, at which the list is a table. */
async function narrowestTable(el: PatTokenList, id: string): Promise<number> {
  let cards = 200;
  let table = 1400;
  await widthTo(el, table);
  expect(isCard(el, id), `a table at ${table} px`).to.be.false;
  while (table - cards > 1) {
    const middle = Math.round((table + cards) / 2);
    await widthTo(el, middle);
    if (isCard(el, id)) cards = middle;
    else table = middle;
  }
  return table;
}

describe('<pat-token-list> layout', () => {
  beforeEach(() => setClock(NOW));
  afterEach(async () => {
    setClock();
    await setViewport({ width: 1024, height: 768 });
    await emulateMedia({ colorScheme: 'light' });
  });

  it('is a table where the table fits', async () => {
    await setViewport({ width: 1280, height: 768 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    expect(isCard(el, 'tok_ci')).to.be.false;
    expect(getComputedStyle($(el, 'thead')).display).to.equal('table-header-group');
    expect($(el, 'table').getBoundingClientRect().width).to.be.at.most(el.clientWidth);
  });

  it('stacks rows as labelled cards at 320 px, without horizontal overflow', async () => {
    await setViewport({ width: 320, height: 640 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();

    expect(isCard(el, 'tok_ci')).to.be.true;
    expect(getComputedStyle(cell(el, 'tok_ci', 'created-cell'), '::before').content).to.contain('Created');
    expect(el.scrollWidth, 'nothing sticks out sideways').to.be.at.most(el.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    // One sort control above the cards, with its label, instead of a bar of header buttons.
    const sort = $<HTMLSelectElement>(el, '.sort-control select');
    expect(sort.getBoundingClientRect().width).to.be.above(10);
    expect(sort.labels?.[0]?.textContent).to.contain('Sort by');
    expect($(el, 'thead').getBoundingClientRect().height, 'no header buttons').to.equal(0);
    await expect(el).to.be.accessible();
  });

  for (const width of [390, 728]) {
    it(`lays cards out on one grid at ${width} px: labels above values, every card's details in the same columns, the actions in one place`, async () => {
      await setViewport({ width, height: 900 });
      await useMockBackend({
        seed: [...sampleTokens(), token({ id: 'long', name: 'A rather long name that wraps', lastUsedAt: at(0, -1) })],
      });
      const el = await renderList();
      el.style.width = `${width - 40}px`;
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
      await new Promise(requestAnimationFrame);
      expect(isCard(el, 'tok_ci')).to.be.true;
      const ids = ['tok_ci', 'tok_tf', 'tok_graf', 'tok_old', 'long'];
      for (const part of ['key-cell', 'created-cell', 'expires-cell', 'last-used-cell']) {
        const lefts = new Set(ids.map((id) => Math.round(cell(el, id, part).getBoundingClientRect().left)));
        expect(lefts.size, `${part} in the same column in every card`).to.equal(1);
        const label = getComputedStyle(cell(el, 'tok_ci', part), '::before');
        expect(label.display, `${part}: the label on a line of its own, above the value`).to.equal('block');
      }
      for (const id of ids) {
        const card = row(el, id).getBoundingClientRect();
        const actions = cell(el, id, 'actions-cell').getBoundingClientRect();
        const others = [...row(el, id).cells].filter((c) => !c.matches('[part~=actions-cell]'));
        expect(actions.top, `${id}: the actions after every detail`).to.be.at.least(
          Math.max(...others.map((c) => c.getBoundingClientRect().bottom)),
        );
        const last = row(el, id).querySelector('button[data-action=delete]')!.getBoundingClientRect();
        expect(Math.round(card.right - last.right), `${id}: Delete at the end of the card`).to.equal(
          Math.round(
            row(el, 'tok_ci').getBoundingClientRect().right -
              row(el, 'tok_ci').querySelector('button[data-action=delete]')!.getBoundingClientRect().right,
          ),
        );
      }
      await expect(el).to.be.accessible();
    });
  }

  it('becomes cards exactly where the table stops fitting its own width, whatever the viewport', async () => {
    await setViewport({ width: 1400, height: 800 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const boundary = await narrowestTable(el, 'tok_ci');

    await widthTo(el, boundary);
    expect(isCard(el, 'tok_ci')).to.be.false;
    expect($(el, 'table').getBoundingClientRect().width, 'the table fits at the boundary').to.be.at.most(boundary + 0.5);
    await widthTo(el, boundary - 2);
    expect(isCard(el, 'tok_ci'), 'cards 2 px narrower').to.be.true;
    expect(el.scrollWidth).to.be.at.most(el.clientWidth);
  });

  it('needs more width for the table in German, and for a name with a long word: measured, not guessed', async () => {
    await setViewport({ width: 1400, height: 800 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const english = await narrowestTable(el, 'tok_ci');

    el.strings = de;
    await el.updateComplete;
    const german = await narrowestTable(el, 'tok_ci');
    expect(german, 'German labels are longer').to.be.above(english);

    el.strings = undefined;
    await useMockBackend({ seed: [...sampleTokens(), token({ id: 'long', name: 'KubernetesClusterAutoscalerProductionEuCentral' })] });
    await el.refresh();
    await el.updateComplete;
    const longWord = await narrowestTable(el, 'long');
    expect(longWord, 'a name is never broken inside a word to fit a table').to.be.above(english);
  });

  it("inherits the host page's font and text colour", async () => {
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

  it('keeps keys left to right and mirrors the rest in a right-to-left page', async () => {
    await setViewport({ width: 1280, height: 800 });
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    el.dir = 'rtl';
    await el.updateComplete;
    const target = el;
    const key = cell(target, 'tok_ci', 'key-cell').querySelector<HTMLElement>('.key')!;
    const [visible, mask] = [key.querySelector('code')!, key.querySelector('[part~=mask]')!];
    expect(getComputedStyle(key).direction).to.equal('ltr');
    expect(visible.getBoundingClientRect().left, 'pat_… before the dots').to.be.below(mask.getBoundingClientRect().left);
    const name = cell(target, 'tok_ci', 'name-cell');
    const actions = cell(target, 'tok_ci', 'actions-cell');
    expect(name.getBoundingClientRect().left, 'the name on the right').to.be.above(actions.getBoundingClientRect().left);
  });
});
