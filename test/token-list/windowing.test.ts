/**
 * Windowing: with more than 100 tokens in the view, only the rows near the scroll box's visible
 * part are in the DOM, the table still says how many rows it has and where each rendered one is
 * (`aria-rowcount`, `aria-rowindex`), filter and sort work on every token, and focus is never lost
 * to a row that scrolled away.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import { WINDOWING_THRESHOLD, type PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { $, $$, confirmDialog, deleteButton, expectFocusOn, NOW, at, renderList, row, rowIds, text, token, waitForFocusOn } from './fixtures.js';

/** `tok_0` … newest first, so the default sort puts `tok_i` at index i (aria-rowindex i + 2). */
function manyTokens(count: number): Token[] {
  return Array.from({ length: count }, (_, i) =>
    token({ id: `tok_${i}`, name: `Token ${i}`, description: i % 3 ? null : `Service ${i}`, createdAt: at(0, -i - 1) }),
  );
}

function scroller(el: PatTokenList): HTMLElement {
  return $(el, '[part=scroller]');
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
  return parseFloat(spacer.style.height) / Number(spacer.dataset.rows);
}

/**
 * Scrolls the box to where the list places the row at `index` (0-based). The browser sends
 * `scroll` on the next frame; sending it now keeps the test independent of frame timing in a
 * background page.
 */
async function scrollToRow(el: PatTokenList, index: number): Promise<void> {
  const box = scroller(el);
  const rowsTop = $(el, 'tbody').getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTop = rowsTop + index * estimatedPitch(el);
  box.dispatchEvent(new Event('scroll'));
  await waitUntil(() => rowIds(el).includes(`tok_${index}`), `row ${index} was not rendered after scrolling`);
  await el.updateComplete;
}

/**
 * Whether rendered rows, not spacers, fill the visible part of the box below its (sticky) header.
 * Cards have a gap between them, hence the tolerance.
 */
function rowsFillTheBox(el: PatTokenList): boolean {
  const box = scroller(el).getBoundingClientRect();
  const top = Math.max(box.top, $(el, 'thead').getBoundingClientRect().bottom);
  const rows = $$(el, 'tbody tr[data-id]').map((tr) => tr.getBoundingClientRect());
  const covering = rows.filter((r) => r.bottom > top && r.top < box.bottom);
  if (!covering.length) return false;
  return covering[0]!.top <= top + 16 && covering.at(-1)!.bottom >= box.bottom - 16;
}

describe('<pat-token-list> windowing', () => {
  beforeEach(() => setClock(NOW));
  afterEach(async () => {
    setClock();
    await setViewport({ width: 1024, height: 768 });
  });

  it('renders every row, without row counts, up to the threshold', async () => {
    await useMockBackend({ seed: manyTokens(WINDOWING_THRESHOLD) });
    const el = await renderList();
    expect(rowIds(el)).to.have.length(WINDOWING_THRESHOLD);
    expect($(el, 'table').hasAttribute('aria-rowcount')).to.be.false;
    expect(scroller(el).classList.contains('windowed')).to.be.false;
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
    // Spacer rows make the scroll box as tall as all rows would be.
    expect(scroller(el).scrollHeight).to.be.above(rendered * 20 * 50);
    await expect(el).to.be.accessible();
  });

  it('brings later rows, with their aria-rowindex, into the DOM as the box scrolls', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();

    await scrollToRow(el, 5_000);
    expect(rowIds(el)).to.not.include('tok_0');
    expect(rowIds(el).length).to.be.below(80);
    expect(indicesMatchTokens(el)).to.be.true;
    expect(rowsFillTheBox(el), 'rows fill the visible part of the box').to.be.true;

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
    // 99, 990–999 and 9900–9999: still more than the threshold, so still windowed, from the top.
    expect(text($(el, '[part~=count]'))).to.equal('Showing 111 of 10,000');
    expect($(el, 'table').getAttribute('aria-rowcount')).to.equal('112');
    expect(scroller(el).scrollTop).to.equal(0);
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
    // The rows between it and the window are a spacer, not rows.
    expect(rowIds(el)).to.not.include('tok_3');
    await expect(el).to.be.accessible();
  });

  it('lets Tab walk the delete buttons past the rows first rendered', async () => {
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();
    const firstRendered = rowIds(el).length;
    deleteButton(el, 'tok_0').focus();

    for (let i = 1; i <= firstRendered + 10; i++) {
      await sendKeys({ press: 'Tab' });
      expectFocusOn(el, deleteButton(el, `tok_${i}`), `Tab ${i}`);
      // A person presses keys frames apart: the scroll that focusing caused is handled by then.
      await new Promise(requestAnimationFrame);
      await el.updateComplete;
    }
    expect(rowIds(el)).to.not.include('tok_0');
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

  it('windows the stacked cards below 600 px too', async () => {
    await setViewport({ width: 400, height: 700 });
    await useMockBackend({ seed: manyTokens(10_000) });
    const el = await renderList();

    expect(getComputedStyle(row(el, 'tok_0')).display).to.not.equal('table-row');
    expect(rowIds(el).length).to.be.below(60);
    await scrollToRow(el, 4_000);
    expect(indicesMatchTokens(el)).to.be.true;
    expect(rowsFillTheBox(el), 'cards fill the visible part of the box').to.be.true;
    expect(el.scrollWidth, 'nothing sticks out sideways').to.be.at.most(el.clientWidth);
    await expect(el).to.be.accessible();
  });
});
