/**
 * Deleting many tokens at once: a checkbox per row (pointer and keyboard), select-all over what the
 * filters show, the bar that stands in for the generate button, one confirmation that lists the
 * tokens, one DELETE per token with a failure kept in its row, "Delete all expired", and all of it
 * over 10,000 windowed tokens.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import { BULK_CONCURRENCY, BULK_LISTED } from '../../src/token-list/delete-flow.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import {
  $,
  $$,
  at,
  confirmDialog,
  deleteButton,
  exists,
  expectFocusOn,
  LOAD_TIMEOUT_MS,
  NOW,
  renderList,
  row,
  rowIds,
  sampleTokens,
  text,
  token,
  waitForFocusOn,
} from '../support/list-harness.js';

const box = (el: PatTokenList, id: string) => row(el, id).querySelector<HTMLInputElement>('input[part~=select]')!;
const selectAll = (el: PatTokenList) => $<HTMLInputElement>(el, 'thead input[part~=select-all]');
const count = (el: PatTokenList) => text($(el, '[part~=count]'));
const button = (el: PatTokenList, part: string) => $<HTMLButtonElement>(el, `button[part~=${part}]`);
const revokes = (backend: MockBackend) => backend.requests.filter((r) => r.operation === 'revoke');
const announced = (el: PatTokenList) => text($(el, '[part~=notice] [role=status]'));

async function confirmBulk(el: PatTokenList, part: string): Promise<HTMLDialogElement> {
  button(el, part).focus();
  button(el, part).click();
  const dialog = confirmDialog(el);
  await waitUntil(() => dialog.open, 'the confirmation did not open');
  return dialog;
}

async function filterBy(el: PatTokenList, value: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[part~=filter]');
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

async function chooseStatus(el: PatTokenList, value: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, 'select[part~=status-filter]');
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<pat-token-list> bulk delete', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('selects with the pointer: a labelled checkbox per row, the bar in place of the generate button, Clear selection', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    expect(box(el, 'tok_tf').getAttribute('aria-label')).to.equal('Select “terraform”');
    expect(exists(el.shadowRoot!, '[part~=bulk-delete-button]')).to.be.false;
    const top = row(el, 'tok_ci').getBoundingClientRect().top;

    box(el, 'tok_tf').click();
    box(el, 'tok_graf').click();
    await el.updateComplete;
    expect(count(el)).to.equal('2 selected');
    expect(text(button(el, 'bulk-delete-button'))).to.equal('Delete selected');
    expect(exists(el.shadowRoot!, '[part~=generate-button]'), 'the bar stands in for the generate button').to.be.false;
    expect(row(el, 'tok_ci').getBoundingClientRect().top, 'the rows do not move').to.equal(top);
    expect(selectAll(el).indeterminate, 'some are selected').to.be.true;
    await expect(el).to.be.accessible();

    box(el, 'tok_tf').click();
    await el.updateComplete;
    expect(count(el)).to.equal('1 selected');

    button(el, 'clear-selection-button').focus();
    button(el, 'clear-selection-button').click();
    await el.updateComplete;
    expect(count(el)).to.equal('4 tokens');
    expect($$<HTMLInputElement>(el, 'input[part~=select]').some((input) => input.checked)).to.be.false;
    await waitForFocusOn(el, () => $(el, 'button[part~=generate-button]'), 'focus goes back to the toolbar');
  });

  it('selects with the keyboard: the checkbox is no Tab stop, Left from the name reaches it, Space toggles, Down goes to the next row', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    expect(box(el, 'tok_ci').tabIndex, 'a row costs Tab only its actions').to.equal(-1);

    row(el, 'tok_ci').querySelector<HTMLElement>('[part~=created-cell] time')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    expectFocusOn(el, row(el, 'tok_ci').querySelector('button[data-action=activity]'), 'Left from the first date: the name');
    await sendKeys({ press: 'ArrowLeft' });
    expectFocusOn(el, box(el, 'tok_ci'), 'Left from the name: the checkbox');
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expectFocusOn(el, box(el, 'tok_tf'), 'Down to the next row');
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(count(el)).to.equal('2 selected');
    expect(box(el, 'tok_ci').checked && box(el, 'tok_tf').checked).to.be.true;

    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(count(el)).to.equal('1 selected');
  });

  it('selects exactly what the filters show with select-all; the selection survives the filter and a token deleted leaves it', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    await filterBy(el, 'ra');
    expect(rowIds(el)).to.deep.equal(['tok_tf', 'tok_graf']);
    selectAll(el).click();
    await el.updateComplete;
    expect(count(el)).to.equal('2 selected');
    expect(selectAll(el).checked).to.be.true;

    await filterBy(el, '');
    expect(box(el, 'tok_tf').checked && box(el, 'tok_graf').checked).to.be.true;
    expect(box(el, 'tok_ci').checked).to.be.false;
    expect(selectAll(el).indeterminate).to.be.true;
    expect(count(el)).to.equal('2 selected');

    // Filtered away: not counted, not deleted.
    await chooseStatus(el, 'expiring');
    expect(rowIds(el)).to.deep.equal(['tok_tf']);
    expect(count(el)).to.equal('1 selected');
    await chooseStatus(el, '');

    deleteButton(el, 'tok_graf').click();
    await waitUntil(() => confirmDialog(el).open);
    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    await waitUntil(() => !rowIds(el).includes('tok_graf'), 'the token was not deleted');
    await el.updateComplete;
    expect(count(el)).to.equal('1 selected');
  });

  it('asks once, listing what breaks, sends one DELETE per token; a failure stays in its row with Retry, the summary is announced', async () => {
    const backend = await useMockBackend({
      seed: [
        ...sampleTokens(),
        token({ id: 'tok_rep', name: 'CI deploy', partialKey: 'pat_0ld1', expiresAt: at(0, 5), replacedBy: 'tok_ci' }),
      ],
    });
    let failing = 0;
    await useHandlers(
      http.delete('/api/tokens/tok_tf', () => {
        failing++;
        return HttpResponse.json({ title: 'Nope' }, { status: 500 });
      }),
    );
    const el = await renderList();
    const deleted: string[] = [];
    el.addEventListener('pat-token-deleted', (event) => deleted.push((event as CustomEvent<{ token: Token }>).detail.token.id));
    selectAll(el).click();
    await el.updateComplete;
    const dialog = await confirmBulk(el, 'bulk-delete-button');

    expect(text(dialog.querySelector('h2')!)).to.equal('Delete 5 tokens?');
    const items = [...dialog.querySelectorAll('[part~=confirm-list] li')].map(text);
    expect(items).to.have.length(5);
    expect(items).to.include('Backup script pat_Ue8s•••• Expired');
    expect(
      items.find((item) => item.startsWith('CI deploy pat_0ld1')),
      'the replaced token says why',
    ).to.contain('stops working');
    expect(text(dialog.querySelector('#confirm-body')!)).to.equal("Anything using them stops working immediately. This can't be undone.");
    await expect(el).to.be.accessible();

    const confirm = $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]');
    confirm.click();
    confirm.click();
    await waitUntil(() => announced(el) !== '', 'the result was not announced', { timeout: LOAD_TIMEOUT_MS });
    expect(announced(el)).to.equal('Deleted 4 tokens. 1 could not be deleted.');
    expect(revokes(backend).length + failing, 'one DELETE per token, a double click sends nothing more').to.equal(5);
    expect(deleted.sort()).to.deep.equal(['tok_ci', 'tok_graf', 'tok_old', 'tok_rep']);
    expect(rowIds(el)).to.deep.equal(['tok_tf']);
    expect(text(row(el, 'tok_tf').querySelector('[part~=row-error] [role=alert]')!)).to.contain("Couldn't delete this token.");
    expect(count(el), 'the selection is over').to.equal('1 token');
    await waitForFocusOn(el, () => row(el, 'tok_tf').querySelector('[part~=retry-button]'), "focus goes to the failure's Retry");
    await expect(el).to.be.accessible();

    await useMockBackend({ seed: [token({ id: 'tok_tf', name: 'terraform' })] });
    row(el, 'tok_tf').querySelector<HTMLButtonElement>('[part~=retry-button]')!.click();
    await waitUntil(() => !rowIds(el).includes('tok_tf'), 'Retry did not delete the token');
  });

  it('keeps at most four DELETEs in flight', async () => {
    const total = 10;
    await useMockBackend({ seed: Array.from({ length: total }, (_, i) => token({ id: `t${i}`, name: `T${i}` })) });
    let inFlight = 0;
    let most = 0;
    const waiting: (() => void)[] = [];
    await useHandlers(
      http.delete('/api/tokens/:id', async () => {
        most = Math.max(most, ++inFlight);
        await new Promise<void>((resolve) => waiting.push(resolve));
        inFlight--;
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const el = await renderList();
    selectAll(el).click();
    await el.updateComplete;
    await confirmBulk(el, 'bulk-delete-button');
    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    // Answered a full pool at a time: the next requests go out only as earlier ones are answered.
    for (let answered = 0; answered < total;) {
      await waitUntil(() => waiting.length === Math.min(BULK_CONCURRENCY, total - answered), 'the next DELETEs were not sent');
      const pool = waiting.splice(0);
      answered += pool.length;
      for (const answer of pool) answer();
    }
    await waitUntil(() => announced(el) === 'Deleted 10 tokens.', 'the result was not announced');
    expect(most).to.equal(BULK_CONCURRENCY);
    expect(rowIds(el)).to.deep.equal([]);
  });

  it('deletes every expired token with "Delete all expired", whatever is selected', async () => {
    const backend = await useMockBackend({
      seed: [...sampleTokens(), token({ id: 'tok_gone', name: 'Old CI', partialKey: 'pat_G0ne', expiresAt: at(-2) })],
    });
    const el = await renderList();
    box(el, 'tok_ci').click();
    await el.updateComplete;
    const dialog = await confirmBulk(el, 'delete-expired-button');
    expect(text(dialog.querySelector('h2')!)).to.equal('Delete 2 tokens?');
    expect([...dialog.querySelectorAll('.subject-name')].map(text).sort()).to.deep.equal(['Backup script', 'Old CI']);

    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    await waitUntil(() => announced(el) === 'Deleted 2 tokens.', 'the result was not announced');
    expect(
      revokes(backend)
        .map((r) => r.url.split('/').pop())
        .sort(),
    ).to.deep.equal(['tok_gone', 'tok_old']);
    expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_graf']);
    expect(exists(el.shadowRoot!, '[part~=delete-expired-button]'), 'no expired token is left').to.be.false;
    expect(count(el), 'the selection stays').to.equal('1 selected');
    await waitForFocusOn(el, () => $(el, 'button[part~=bulk-delete-button]'), 'focus goes to the toolbar');
  });

  it('selects all of 10,000 windowed tokens, lists the first few, and deletes the filtered ones with one DELETE each', async () => {
    const tokens = Array.from({ length: 10_000 }, (_, i) =>
      token({ id: `tok_${i}`, name: `Token ${i}`, createdAt: at(0, -i - 1), expiresAt: i % 500 ? at(30) : at(-1) }),
    );
    const backend = await useMockBackend({ seed: tokens });
    const el = await renderList();
    expect(rowIds(el).length, 'windowed').to.be.below(200);

    selectAll(el).click();
    await el.updateComplete;
    expect(count(el)).to.equal('10,000 selected');
    expect(
      $$<HTMLInputElement>(el, 'input[part~=select]').every((input) => input.checked),
      'every rendered row is checked',
    ).to.be.true;
    let dialog = await confirmBulk(el, 'bulk-delete-button');
    const items = [...dialog.querySelectorAll('[part~=confirm-list] li')];
    expect(items).to.have.length(BULK_LISTED + 1);
    expect(text(items.at(-1)!)).to.equal(`and ${(10_000 - BULK_LISTED).toLocaleString('en')} more`);
    $<HTMLButtonElement>(el, 'button[part~=confirm-cancel-button]').click();
    await waitUntil(() => !dialog.open);

    // Scrolled to the end: the rows rendered there are selected too.
    window.scrollTo(0, document.documentElement.scrollHeight);
    await waitUntil(() => rowIds(el).includes('tok_9999'), 'the last row was not rendered');
    expect(box(el, 'tok_9999').checked).to.be.true;
    window.scrollTo(0, 0);

    await chooseStatus(el, 'expired');
    expect(count(el)).to.equal('20 selected');
    dialog = await confirmBulk(el, 'bulk-delete-button');
    $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]').click();
    await waitUntil(() => announced(el) === 'Deleted 20 tokens.', 'the result was not announced', { timeout: LOAD_TIMEOUT_MS });
    expect(revokes(backend)).to.have.length(20);
    await chooseStatus(el, '');
    expect(count(el)).to.equal('9,980 tokens');
  });
});
