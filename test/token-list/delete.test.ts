/**
 * Deleting a token: the native confirmation, one request per confirmation, the row's progress,
 * 404 as success, a failure that keeps the row, the event, the announcement and where focus goes.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import { NOTICE_MS } from '../../src/token-list/delete-flow.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { withoutShowModal } from '../support/platform.js';
import {
  $,
  at,
  confirmDialog,
  deleteButton,
  exists,
  expectFocusOn,
  NOW,
  renderList,
  row,
  rowIds,
  sampleTokens,
  text,
  token,
  waitForFocusOn,
} from '../support/list-harness.js';

async function askToDelete(el: PatTokenList, id: string): Promise<HTMLDialogElement> {
  deleteButton(el, id).focus();
  deleteButton(el, id).click();
  const dialog = confirmDialog(el);
  await waitUntil(() => dialog.open, 'the confirmation did not open');
  return dialog;
}

function confirmButton(el: PatTokenList): HTMLButtonElement {
  return $<HTMLButtonElement>(el, 'button[part~=confirm-delete-button]');
}

function cancelButton(el: PatTokenList): HTMLButtonElement {
  return $<HTMLButtonElement>(el, 'button[part~=confirm-cancel-button]');
}

const revokes = (backend: MockBackend) => backend.requests.filter((r) => r.operation === 'revoke');

describe('<pat-token-list> delete', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('asks in a native modal dialog that names the token and its key and says what breaks, with Cancel focused', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const dialog = await askToDelete(el, 'tok_tf');

    expect(dialog.matches(':modal')).to.be.true;
    expect(text(dialog.querySelector('h2')!), 'the heading is the same for every token').to.equal('Delete this token?');
    expect(text(dialog.querySelector('.subject-name')!), 'the name on a line of its own').to.equal('terraform');
    expect(text(dialog.querySelector('.subject-key')!)).to.equal('pat_Kx9d••••');
    expect(text(dialog.querySelector('#confirm-body')!)).to.equal("Anything using it stops working immediately. This can't be undone.");
    expect(dialog.getAttribute('aria-labelledby'), 'named by the heading and the token').to.equal('confirm-heading confirm-subject');
    expectFocusOn(el, cancelButton(el), 'Cancel has initial focus');
    await expect(el).to.be.accessible();
  });

  it('keeps its heading on one line whatever the name, the name on a line of its own', async () => {
    const long = 'Nightly integration test runner for the payments service staging environment in eu-west region';
    await useMockBackend({ seed: [...sampleTokens(), token({ id: 'long', name: long })] });
    const el = await renderList();
    const dialog = await askToDelete(el, 'long');
    const heading = dialog.querySelector('h2')!;
    expect(heading.getBoundingClientRect().height, 'one line').to.be.below(parseFloat(getComputedStyle(heading).fontSize) * 2);
    expect(text(dialog.querySelector('.subject-name')!)).to.equal(long);
  });

  describe('a regenerated token and the one it replaced', () => {
    const pair = () => [
      token({ id: 'new', name: 'CI deploy', partialKey: 'pat_N3w0', createdAt: at(0, -3), expiresAt: at(90) }),
      token({ id: 'old', name: 'CI deploy', partialKey: 'pat_0ld1', createdAt: at(-60), expiresAt: at(0, 21), replacedBy: 'new' }),
      ...sampleTokens(),
    ];

    it('are told apart before either is deleted: the key, the state, and what else stops', async () => {
      await useMockBackend({ seed: pair() });
      const el = await renderList();
      let dialog = await askToDelete(el, 'old');
      expect(text(dialog.querySelector('.subject')!)).to.equal('CI deploy pat_0ld1•••• Replaced');
      expect(text(dialog.querySelector('#confirm-body')!)).to.equal(
        "It was replaced by pat_N3w0•••• and stops working in 21 hours anyway. Anything using it stops working immediately. This can't be undone.",
      );
      cancelButton(el).click();
      await waitUntil(() => !dialog.open);

      dialog = await askToDelete(el, 'new');
      expect(text(dialog.querySelector('.subject')!)).to.equal('CI deploy pat_N3w0••••');
      expect(text(dialog.querySelector('#confirm-body')!)).to.contain('It replaced pat_0ld1••••: deleting it stops that token too.');
      await expect(el).to.be.accessible();
      cancelButton(el).click();
      await waitUntil(() => !dialog.open);
    });

    it('deleting the replacement asks the server again what is left (it ends its predecessor too)', async () => {
      const backend = await useMockBackend({ seed: pair() });
      const el = await renderList();
      await askToDelete(el, 'new');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      await deleted;
      await waitUntil(() => backend.requests.filter((r) => r.operation === 'list').length === 2, 'the list was not loaded again');

      await askToDelete(el, 'tok_tf');
      confirmButton(el).click();
      await waitUntil(() => !rowIds(el).includes('tok_tf'));
      expect(
        backend.requests.filter((r) => r.operation === 'list'),
        'an ordinary delete reloads nothing',
      ).to.have.length(2);
    });
  });

  it("sends nothing on Cancel or Escape, and returns focus to the row's delete button", async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();

    let dialog = await askToDelete(el, 'tok_tf');
    cancelButton(el).click();
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    expectFocusOn(el, deleteButton(el, 'tok_tf'));

    dialog = await askToDelete(el, 'tok_ci');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await el.updateComplete;
    expectFocusOn(el, deleteButton(el, 'tok_ci'));

    expect(revokes(backend)).to.have.length(0);
    expect(rowIds(el)).to.have.length(4);
  });

  it('on confirm sends one DELETE, shows progress, removes the row, announces it and fires pat-token-deleted', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), latency: 100 });
    const el = await renderList();
    await askToDelete(el, 'tok_tf');
    const deleted = oneEvent(el, 'pat-token-deleted');

    confirmButton(el).click();
    await waitUntil(() => row(el, 'tok_tf').getAttribute('aria-busy') === 'true', 'no progress shown');
    const button = deleteButton(el, 'tok_tf');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text(button)).to.equal('Deleting…');
    expect(row(el, 'tok_tf').getAttribute('part')).to.contain('row-deleting');
    await expect(el).to.be.accessible();

    const { detail } = await deleted;
    expect(detail.token).to.deep.equal(sampleTokens()[1]);
    expect(Object.keys(detail.token)).to.not.include('secret');
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_graf', 'tok_old']);
    const requests = revokes(backend);
    expect(requests).to.have.length(1);
    expect(requests[0]!.method).to.equal('DELETE');
    expect(requests[0]!.url).to.match(/\/api\/tokens\/tok_tf$/);
    await waitUntil(() => text($(el, '[role=status]')) === 'Deleted token “terraform”.', 'not announced');
    expect(text($(el, '[part~=count]'))).to.equal('3 tokens');
  });

  it('asks and deletes without showModal() or requestSubmit(), as in jsdom; Cancel and Escape still send nothing', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    await withoutShowModal(async () => {
      let dialog = await askToDelete(el, 'tok_ci');
      expectFocusOn(el, cancelButton(el), 'Cancel has initial focus');
      cancelButton(el).click();
      expect(dialog.open).to.be.false;
      expectFocusOn(el, deleteButton(el, 'tok_ci'));

      dialog = await askToDelete(el, 'tok_ci');
      cancelButton(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      expect(dialog.open).to.be.false;

      await askToDelete(el, 'tok_tf');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      expect((await deleted).detail.token.id).to.equal('tok_tf');
      await el.updateComplete;
      expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_graf', 'tok_old']);
      expect(revokes(backend)).to.have.length(1);
      await waitForFocusOn(el, () => deleteButton(el, 'tok_graf'), 'focus moves to the next row');
    });
  });

  it('sends one request for a double click on confirm and for clicks on the busy row', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), latency: 100 });
    const el = await renderList();
    await askToDelete(el, 'tok_tf');
    const deleted = oneEvent(el, 'pat-token-deleted');

    confirmButton(el).click();
    confirmButton(el).click();
    await waitUntil(() => row(el, 'tok_tf').getAttribute('aria-busy') === 'true');
    deleteButton(el, 'tok_tf').click();
    await el.updateComplete;
    expect(confirmDialog(el).open, 'a busy row does not ask again').to.be.false;

    await deleted;
    expect(revokes(backend)).to.have.length(1);
  });

  it('treats 404 as deleted', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    backend.reset(sampleTokens().filter((t) => t.id !== 'tok_tf'));
    await askToDelete(el, 'tok_tf');
    const deleted = oneEvent(el, 'pat-token-deleted');
    confirmButton(el).click();
    await deleted;
    await el.updateComplete;
    expect(rowIds(el)).to.not.include('tok_tf');
    expect(exists(el.shadowRoot!, '[part~=alert]'), '[part~=alert] is rendered').to.be.false;
  });

  it('keeps the row and says why in it on a 500, fires pat-error, and Retry deletes without asking again', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    backend.failNext('server-error', { operation: 'revoke' });
    await askToDelete(el, 'tok_tf');
    const failed = oneEvent(el, 'pat-error');
    confirmButton(el).click();

    const { detail } = await failed;
    expect(detail.operation).to.equal('revoke');
    expect(detail.error).to.have.property('status', 500);
    await el.updateComplete;
    expect(rowIds(el)).to.include('tok_tf');
    expect(deleteButton(el, 'tok_tf').hasAttribute('aria-disabled')).to.be.false;
    const rowError = row(el, 'tok_tf').querySelector('[part~=row-error]')!;
    expect(text(rowError.querySelector('[role=alert]')!)).to.equal(
      "Couldn't delete this token. Something went wrong on our side. Please try again.",
    );
    expect(exists(el.shadowRoot!, '[part~=alert]'), 'no message far from the row').to.be.false;
    expectFocusOn(el, deleteButton(el, 'tok_tf'), 'focus stays on the row');
    await expect(el).to.be.accessible();

    const deleted = oneEvent(el, 'pat-token-deleted');
    const retry = rowError.querySelector<HTMLButtonElement>('button[part~=retry-button]')!;
    retry.focus();
    retry.click();
    await deleted;
    expect(confirmDialog(el).open, 'Retry does not ask again').to.be.false;
    expect(revokes(backend)).to.have.length(2);
    await el.updateComplete;
    expect(rowIds(el)).to.not.include('tok_tf');
    await waitForFocusOn(el, () => deleteButton(el, 'tok_graf'), 'focus goes on to the next row');
  });

  it('lets the user dismiss a failed delete, back to the row, and delete again later', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    backend.failNext('network', { operation: 'revoke' });
    await askToDelete(el, 'tok_tf');
    const failed = oneEvent(el, 'pat-error');
    confirmButton(el).click();
    await failed;
    await el.updateComplete;
    expect(text(row(el, 'tok_tf').querySelector('[part~=row-error] [role=alert]')!)).to.contain("Couldn't reach the server");

    row(el, 'tok_tf').querySelector<HTMLButtonElement>('[part~=row-error] button[part~=dismiss-button]')!.click();
    await el.updateComplete;
    expect(exists(row(el, 'tok_tf'), '[part~=row-error]'), 'the message is gone').to.be.false;
    await waitForFocusOn(el, () => deleteButton(el, 'tok_tf'), 'back to the row after dismissing');

    await askToDelete(el, 'tok_tf');
    const deleted = oneEvent(el, 'pat-token-deleted');
    confirmButton(el).click();
    await deleted;
    expect(revokes(backend)).to.have.length(2);
  });

  it('confirms a delete visibly and to screen readers, without moving the rows, and the notice leaves by itself', async function () {
    this.timeout(NOTICE_MS + 10_000);
    await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    const top = () => row(el, 'tok_ci').getBoundingClientRect().top;
    const before = top();
    await askToDelete(el, 'tok_tf');
    const deleted = oneEvent(el, 'pat-token-deleted');
    confirmButton(el).click();
    await deleted;
    await el.updateComplete;

    const notice = $(el, '[part~=notice]');
    await waitUntil(() => text(notice.querySelector('[role=status]')!) === 'Deleted token “terraform”.', 'no confirmation');
    const box = notice.getBoundingClientRect();
    expect(box.height, 'the confirmation is shown').to.be.above(20);
    expect(box.bottom, 'in the window').to.be.at.most(window.innerHeight);
    expect(top(), 'the rows above did not move').to.equal(before);
    expect(exists(notice, 'button'), 'nothing to dismiss: no Tab stop').to.be.false;
    await expect(el).to.be.accessible();

    await waitUntil(() => text(notice) === '', 'the notice stayed', { timeout: NOTICE_MS + 5000 });
    expect(notice.getBoundingClientRect().height, 'nothing left on screen').to.be.at.most(1);
    expect(top(), 'still nothing moved').to.equal(before);
  });

  describe('focus after the row is gone', () => {
    it("moves to the next row's delete button", async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      await askToDelete(el, 'tok_tf');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      await deleted;
      await waitForFocusOn(el, () => deleteButton(el, 'tok_graf'), 'the next row');
    });

    it("moves to the previous row's delete button when the last row goes", async () => {
      await useMockBackend({ seed: sampleTokens() });
      const el = await renderList();
      await askToDelete(el, 'tok_old');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      await deleted;
      await waitForFocusOn(el, () => deleteButton(el, 'tok_graf'), 'the previous row');
    });

    it('moves to the generate button when no token is left', async () => {
      await useMockBackend({ seed: sampleTokens().slice(0, 1) });
      const el = await renderList();
      await askToDelete(el, 'tok_ci');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      await deleted;
      await waitForFocusOn(el, () => $(el, 'button[part~=generate-button]'), 'the generate button');
      expect(exists(el.shadowRoot!, '[part~=empty]'), '[part~=empty] is rendered').to.be.true;
    });

    it("moves to the empty state's heading without a generate button", async () => {
      await useMockBackend({ seed: sampleTokens().slice(0, 1) });
      const el = await renderList(html`<pat-token-list endpoint="/api/tokens" no-generate></pat-token-list>`);
      await askToDelete(el, 'tok_ci');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      await deleted;
      await waitForFocusOn(el, () => $(el, '.empty-heading'), 'the empty state');
    });

    it('stays where the user moved it while the request was in flight', async () => {
      await useMockBackend({ seed: sampleTokens(), latency: 100 });
      const el = await renderList();
      await askToDelete(el, 'tok_tf');
      const deleted = oneEvent(el, 'pat-token-deleted');
      confirmButton(el).click();
      await waitUntil(() => row(el, 'tok_tf').getAttribute('aria-busy') === 'true');
      expectFocusOn(el, deleteButton(el, 'tok_tf'), 'focus stays on the busy row');
      const filter = $<HTMLInputElement>(el, 'input[type=search]');
      filter.focus();
      await deleted;
      await el.updateComplete;
      expectFocusOn(el, filter, 'focus stays on the filter');
    });
  });
});
