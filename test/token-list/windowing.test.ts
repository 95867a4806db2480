/**
 * Windowing: with more than 100 tokens in the view, only the rows near the visible part of the
 * page are in the DOM, with spacer rows standing in for the others so the page is as tall as the
 * whole list (no inner scroll box); the table still says how many rows it has and where each
 * rendered one is (`aria-rowcount`, `aria-rowindex`), filter and sort work on every token, and the
 * keyboard is never lost: the focused row and its neighbours stay rendered, and Home, End,
 * PageUp and PageDown move focus through the whole list.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import { WINDOWING_THRESHOLD, type PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import {
  $,
  $$,
  confirmDialog,
  deleteButton,
  expectFocusOn,
  LOAD_TIMEOUT_MS,
  NOW,
  at,
  renderList,
  row,
  rowIds,
  settled,
  text,
  token,
  waitForFocusOn,
} from '../support/list-harness.js';

/** `tok_0` … newest first, so the default sort puts `tok_i` at index i (aria-rowindex i + 2). */
function manyTokens(count: number): Token[] {
  return Array.from({ length: count }, (_, i) =>
    token({ id: `tok_${i}`, name: `Token ${i}`, description: i % 3 ? null : `Service ${i}`, createdAt: at(0, -i - 1) }),
  );
}

/** The rendered data rows' `aria-rowindex` values, in DOM order. */
function rowIndices(el: PatTokenList): number[] {
  return $$(el, 'tbody tr[data-id]').map((tr) => Number(tr.getAttribute('aria-rowindex')));
}

/** Whether every rendered row's index matches its token's place in the default (newest first) order. */
function indicesMatchTokens(el: PatTokenList): boolean {
  return $$(el, 'tbody tr[data-id]').every((tr) => tr.getAttribute('aria-rowindex') === String(Number(tr.dataset.id!.slice(4)) + 2));
}

/** A row's height as the list estimates it: what its spacer rows stand for, per row. */
function estimatedPitch(el: PatTokenList): number {
  const spacer = $$(el, 'tr.spacer').at(-1)!;
  const [from, to] = spacer.dataset.gap!.split('-').map(Number);
  return spacer.getBoundingClientRect().height / (to! - from!);
}

/**
 * Scrolls the page until the row at `index` (0-based) is rendered near the top of the viewport,
 * as a person would: aim by the list's own estimate, then correct from the rows that came into
 * view (each measurement refines the estimate, and scroll anchoring keeps the rows on screen in
 * place, so the first aim can land a few rows off). The browser sends `scroll` on the next frame;
 * sending it now keeps the test independent of frame timing in a background page.
 */
async function scrollToRow(el: PatTokenList, index: number): Promise<void> {
  for (let attempt = 0; attempt < 5 && !rowIds(el).includes(`tok_${index}`); attempt++) {
    const rendered = $$(el, 'tbody tr[data-id]').map((tr) => ({
      index: Number(tr.dataset.id!.slice(4)),
      top: tr.getBoundingClientRect().top,
    }));
    const nearest = rendered.reduce((best, r) => (Math.abs(r.index - index) < Math.abs(best.index - index) ? r : best));
    window.scrollBy(0, nearest.top + (index - nearest.index) * estimatedPitch(el));
    window.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    await el.updateComplete;
  }
  expect(rowIds(el), `row ${index} rendered after scrolling`).to.include(`tok_${index}`);
}

/** Whether rendered rows, not spacers, fill the viewport wherever the list is in it. */
function rowsFillTheViewport(el: PatTokenList): boolean {
  const body = $(el, 'tbody').getBoundingClientRect();
  const top = Math.max(0, body.top);
  const bottom = Math.min(window.innerHeight, body.bottom);
  const rows = $$(el, 'tbody tr[data-id]').map((tr) => tr.getBoundingClientRect());
  const covering = rows.filter((r) => r.bottom > top && r.top < bottom);
  if (!covering.length) return false;
  return covering[0]!.top <= top + 1 && covering.at(-1)!.bottom >= bottom - 1;
}

/** The index of the token whose row has focus (`tok_i` is at index i). */
function focusedIndex(el: PatTokenList): number {
  return Number(el.shadowRoot!.activeElement?.closest<HTMLElement>('tr[data-id]')?.dataset.id?.slice(4));
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

describe('<pat-token-list> windowing', () => {
  beforeEach(() => setClock(NOW));
  afterEach(async () => {
    setClock();
    window.scrollTo(0, 0);
    await setViewport({ width: 1024, height: 768 });
  });

  it('renders every row, without row counts, up to the threshold', async () => {
    await useMockBackend({ seed: manyTokens(WINDOWING_THRESHOLD) });
    const el = await renderList();
    expect(rowIds(el)).to.have.length(WINDOWING_THRESHOLD);
    expect($(el, 'table').hasAttribute('aria-rowcount')).to.be.false;
    expect($$(el, 'tr.spacer')).to.have.length(0);
  });

  it('mounts 10,000 tokens with a few dozen rows in the DOM, and says there are 10,000', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();

    const rendered = rowIds(el).length;
    expect(rendered).to.be.within(5, 60);
    // The header row is row 1 of 10,001.
    expect($(el, 'table').getAttribute('aria-rowcount')).to.equal('10001');
    expect($(el, 'thead tr').getAttribute('aria-rowindex')).to.equal('1');
    expect(rowIndices(el).slice(0, 3)).to.deep.equal([2, 3, 4]);
    expect(indicesMatchTokens(el)).to.be.true;
    expect(text($(el, '[part~=count]'))).to.equal('10,000 tokens');
    // Spacer rows make the page as tall as all rows would be: there is no scroll box inside it.
    expect(document.documentElement.scrollHeight).to.be.above(10_000 * 40);
    expect(getComputedStyle($(el, '.frame')).overflowY).to.equal('visible');
    await expect(el).to.be.accessible();
  });

  it('brings later rows, with their aria-rowindex, into the DOM as the page scrolls', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();

    await scrollToRow(el, 5_000);
    expect(rowIds(el)).to.not.include('tok_0');
    expect(rowIds(el).length).to.be.below(80);
    expect(indicesMatchTokens(el)).to.be.true;
    expect(rowsFillTheViewport(el), 'rows fill the viewport').to.be.true;

    await scrollToRow(el, 9_999);
    expect(row(el, 'tok_9999').getAttribute('aria-rowindex')).to.equal('10001');
    await expect(el).to.be.accessible();
  });

  it('filters and sorts all 10,000 tokens, and counts them all', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();
    await scrollToRow(el, 3_000);

    const input = $<HTMLInputElement>(el, 'input[type=search]');
    input.value = 'token 99';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    // 99, 990–999 and 9900–9999: still more than the threshold, so still windowed.
    expect(text($(el, '[part~=count]'))).to.equal('Showing 111 of 10,000');
    expect($(el, 'table').getAttribute('aria-rowcount')).to.equal('112');
    window.scrollTo(0, 0);
    window.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    expect(rowIds(el).slice(0, 3)).to.deep.equal(['tok_99', 'tok_990', 'tok_991']);
    expect(rowIds(el).every((id) => id.startsWith('tok_99'))).to.be.true;

    input.value = 'Service 9999';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['tok_9999']);
    expect($(el, 'table').hasAttribute('aria-rowcount'), 'one row: a plain table again').to.be.false;

    input.value = '';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $(el, 'thead th button').click(); // Name, A–Z over all 10,000 names
    await el.updateComplete;
    expect(rowIds(el).slice(0, 3)).to.deep.equal(['tok_0', 'tok_1', 'tok_2']);
    $(el, 'thead th button').click(); // Z–A
    await el.updateComplete;
    expect(rowIds(el)[0]).to.equal('tok_9999');
  });

  it('keeps the focused row rendered, and focused, when it scrolls far away', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();
    const button = deleteButton(el, 'tok_2');
    button.focus();

    await scrollToRow(el, 6_000);
    expectFocusOn(el, button, 'the focused button stays');
    expect(button.isConnected, 'the same button, still in the DOM').to.be.true;
    expect(row(el, 'tok_2').getAttribute('aria-rowindex')).to.equal('4');
    expect(rowIds(el).length).to.be.below(80);
    // Its neighbours too, so Tab and Shift+Tab go on from it; beyond them, a spacer.
    expect(rowIds(el)).to.include.members(['tok_1', 'tok_3']);
    expect(rowIds(el)).to.not.include('tok_4');
    await expect(el).to.be.accessible();
  });

  it('lets Tab walk every row past the rows first rendered, in order', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();
    const firstRendered = rowIds(el).length;
    deleteButton(el, 'tok_0').focus();

    let reached = 0;
    for (let presses = 0; reached < firstRendered + 5; presses++) {
      expect(presses, 'Tab presses').to.be.below((firstRendered + 5) * 6);
      await sendKeys({ press: 'Tab' });
      const focusedRow = el.shadowRoot!.activeElement?.closest<HTMLElement>('tr[data-id]');
      const index = Number(focusedRow?.dataset.id?.slice(4));
      expect(index === reached || index === reached + 1, `Tab ${presses + 1} went to row ${index} from row ${reached}`).to.be.true;
      reached = index;
      // A person presses keys frames apart: the scroll that focusing caused is handled by then.
      await new Promise(requestAnimationFrame);
      await el.updateComplete;
    }
    expect(rowIds(el)).to.not.include('tok_0');
  });

  it('End, Home, PageDown and PageUp move focus through the whole list; Tab goes on from there', async () => {
    await useMockBackend({ seed: manyTokens(300) });
    const el = await renderList();
    deleteButton(el, 'tok_0').focus();

    await sendKeys({ press: 'End' });
    await waitForFocusOn(el, () => deleteButton(el, 'tok_299'), 'End: the last row');
    expect(row(el, 'tok_299').getBoundingClientRect().bottom, 'scrolled into view').to.be.at.most(window.innerHeight + 1);
    await shiftTab();
    await shiftTab();
    const before = el.shadowRoot!.activeElement?.closest<HTMLElement>('tr[data-id]')?.dataset.id;
    expect(before === 'tok_299' || before === 'tok_298', `Shift+Tab stays near the end (${before})`).to.be.true;

    // To a date (the arrow keys reach it; Tab does not), then Home: the same date in the first row.
    // The row's name (its activity) comes before its dates: from there, the dates are to the right.
    while (el.shadowRoot!.activeElement?.localName !== 'time') {
      await sendKeys({ press: (el.shadowRoot!.activeElement as HTMLElement).dataset.action === 'activity' ? 'ArrowRight' : 'ArrowLeft' });
    }
    const focusedCell = el.shadowRoot!.activeElement!.closest('[part~=cell]')!.getAttribute('part');
    await sendKeys({ press: 'Home' });
    await waitForFocusOn(el, () => row(el, 'tok_0').querySelector(`[part="${focusedCell}"] time`), 'Home: the same date in the first row');

    deleteButton(el, 'tok_0').focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(
      () => Number(el.shadowRoot!.activeElement?.closest<HTMLElement>('tr[data-id]')?.dataset.id?.slice(4)) > 3,
      'PageDown moved a page',
    );
    const paged = Number(el.shadowRoot!.activeElement!.closest<HTMLElement>('tr[data-id]')!.dataset.id!.slice(4));
    expect(el.shadowRoot!.activeElement!.getAttribute('data-action')).to.equal('delete');
    await sendKeys({ press: 'Tab' });
    const after = Number(el.shadowRoot!.activeElement?.closest<HTMLElement>('tr[data-id]')?.dataset.id?.slice(4));
    expect(after, 'Tab goes on to the next row').to.equal(paged + 1);
    await sendKeys({ press: 'PageUp' });
    await waitUntil(
      () => Number(el.shadowRoot!.activeElement?.closest<HTMLElement>('tr[data-id]')?.dataset.id?.slice(4)) < paged,
      'PageUp moved back',
    );
  });

  it("PageDown and PageUp in a host's scrolling panel move by the panel's height, not the window's", async () => {
    await useMockBackend({ seed: manyTokens(40) });
    const panel = await fixture<HTMLDivElement>(
      html`<div style="height: 260px; overflow-y: auto"><pat-token-list endpoint="/api/tokens"></pat-token-list></div>`,
    );
    const el = panel.querySelector('pat-token-list')!;
    await waitUntil(() => settled(el), 'the list did not settle', { timeout: LOAD_TIMEOUT_MS });
    await el.updateComplete;
    const rowHeight = row(el, 'tok_0').getBoundingClientRect().height;
    const fitInPanel = Math.floor(panel.clientHeight / rowHeight);
    expect(fitInPanel, 'the window would fit many more rows than the panel').to.be.below(Math.floor(window.innerHeight / rowHeight) - 2);

    deleteButton(el, 'tok_0').focus();
    await sendKeys({ press: 'PageDown' });
    await waitUntil(() => focusedIndex(el) > 0, 'PageDown moved focus');
    const paged = focusedIndex(el);
    expect(paged, `PageDown moved ${paged} rows; ${fitInPanel} fit in the panel`).to.be.at.most(Math.max(1, fitInPanel - 1));
    await sendKeys({ press: 'PageUp' });
    await waitUntil(() => focusedIndex(el) === 0, 'PageUp moved back by as much');
  });

  it('deletes a row far down the list and moves focus to its neighbour', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();
    await scrollToRow(el, 7_000);

    deleteButton(el, 'tok_7001').focus();
    deleteButton(el, 'tok_7001').click();
    await waitUntil(() => confirmDialog(el).open, 'the confirmation did not open');
    const deleted = oneEvent(el, 'pat-token-deleted');
    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    await deleted;

    await waitForFocusOn(el, () => deleteButton(el, 'tok_7002'), 'focus moves to the next row');
    expect(rowIds(el)).to.not.include('tok_7001');
    expect($(el, 'table').getAttribute('aria-rowcount')).to.equal('10000');
    expect(row(el, 'tok_7002').getAttribute('aria-rowindex')).to.equal('7003');
  });

  it('windows the cards on a narrow screen too', async () => {
    await setViewport({ width: 400, height: 700 });
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();

    expect(getComputedStyle(row(el, 'tok_0')).display).to.not.equal('table-row');
    expect(rowIds(el).length).to.be.below(60);
    await scrollToRow(el, 4_000);
    expect(indicesMatchTokens(el)).to.be.true;
    expect(rowsFillTheViewport(el), 'cards fill the viewport').to.be.true;
    expect(el.scrollWidth, 'nothing sticks out sideways').to.be.at.most(el.clientWidth);
    await expect(el).to.be.accessible();
  });
});
