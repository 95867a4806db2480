/**
 * Races a fast user or a host script can cause: a dialog's `close` event arrives a task after it
 * closed, and must not act on a dialog that was opened again in the meantime.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { setClock } from '../../src/internal/clock.js';
import { useMockBackend } from '../support/mock-backend.js';
import { confirmDialog, deleteButton, NOW, renderList, rowIds, sampleTokens } from '../support/list-harness.js';

describe('races', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it('<pat-token-list>: Cancel on one row then, at once, Delete on another: the second confirmation deletes its row', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const el = await renderList();
    deleteButton(el, 'tok_ci').click();
    await waitUntil(() => confirmDialog(el).open);
    confirmDialog(el).querySelector<HTMLButtonElement>('button[value=cancel]')!.click();
    // Before the cancelled dialog's `close` event has been dispatched.
    deleteButton(el, 'tok_tf').click();
    await waitUntil(() => confirmDialog(el).open, 'the second confirmation did not open');
    expect(confirmDialog(el).querySelector('.subject-name')!.textContent).to.contain('terraform');

    const deleted = oneEvent(el, 'pat-token-deleted');
    confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    expect((await deleted).detail.token.id).to.equal('tok_tf');
    await el.updateComplete;
    expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_graf', 'tok_old']);
    expect(backend.requests.filter((r) => r.operation === 'revoke')).to.have.length(1);
  });
});
