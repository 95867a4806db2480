/**
 * The elements' dialogs open and close where `showModal()` and `close()` are missing (jsdom, where
 * hosts run their unit tests; the consumers suite runs the same flows there): here in Chromium,
 * with those methods taken off the very `<dialog>` elements.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import { setModalOpen } from '../../src/internal/modal-dialog.js';
import { deleteToken, dismissReveal, generateToken, tokenRows, waitForTokens } from '../../src/testing/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { NOW, sampleTokens } from '../token-list/fixtures.js';
import '../../src/define.js';

/** Takes `showModal` and `close` off this one dialog, as jsdom has none. */
function withoutModalMethods(dialog: HTMLDialogElement): HTMLDialogElement {
  for (const method of ['showModal', 'close']) Object.defineProperty(dialog, method, { value: undefined, configurable: true });
  return dialog;
}

const page = () =>
  fixture<HTMLDialogElement>(
    html`<dialog>
      <form><button value="cancel">Cancel</button><button value="ok" autofocus>OK</button></form>
    </dialog>`,
  );

describe('setModalOpen', () => {
  it('uses the native modal where there is one: the top layer, returnValue and a close event', async () => {
    const dialog = await page();
    setModalOpen(dialog, true);
    expect(dialog.matches(':modal')).to.be.true;
    const closed = oneEvent(dialog, 'close');
    setModalOpen(dialog, false, 'ok');
    expect(dialog.open).to.be.false;
    await closed;
    expect(dialog.returnValue).to.equal('ok');
  });

  it('without showModal and close: opens with [autofocus] focused, closes with the value and a close event a task later', async () => {
    const dialog = withoutModalMethods(await page());
    setModalOpen(dialog, true);
    expect(dialog.open).to.be.true;
    expect(document.activeElement === dialog.querySelector('[autofocus]'), 'the autofocus button has focus').to.be.true;
    setModalOpen(dialog, true);

    let heard = 0;
    dialog.addEventListener('close', () => heard++);
    const closed = oneEvent(dialog, 'close');
    setModalOpen(dialog, false, 'ok');
    expect(dialog.open).to.be.false;
    expect(heard, 'not yet: browsers fire close a task later').to.equal(0);
    await closed;
    expect(dialog.returnValue).to.equal('ok');
    setModalOpen(dialog, false, 'again');
    expect(dialog.returnValue, 'closing a closed dialog does nothing').to.equal('ok');
  });
});

describe('the elements without showModal and close', () => {
  beforeEach(() => setClock(NOW));
  afterEach(() => setClock());

  it("the list's delete confirmation asks and deletes", async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const list = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    await waitForTokens(list);
    const confirm = withoutModalMethods(list.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part~=confirm-dialog]')!);

    expect((await deleteToken(list, 'Grafana')).id).to.equal('tok_graf');
    expect(confirm.open).to.be.false;
    expect(tokenRows(list).map((row) => row.id)).to.deep.equal(['tok_ci', 'tok_tf', 'tok_old']);
    expect(backend.requests.filter((request) => request.operation === 'revoke')).to.have.length(1);
  });

  it('the generate dialog opens, creates, reveals and closes', async () => {
    await useMockBackend({ seed: [] });
    const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog endpoint="/api/tokens"></pat-generate-dialog>`);
    const dialog = withoutModalMethods(el.shadowRoot!.querySelector('dialog')!);

    const { token, secret } = await generateToken(el, { name: 'No modal' });
    expect(dialog.open).to.be.true;
    expect(secret.startsWith(token.partialKey)).to.be.true;
    await dismissReveal(el);
    expect(el.open).to.be.false;
    expect(dialog.open).to.be.false;
  });
});
