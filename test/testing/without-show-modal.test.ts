/**
 * `pat-elements/testing` drives the elements where `showModal()` and `close()` are missing (jsdom,
 * where hosts run their unit tests; the consumers suite runs the same flows there): here in
 * Chromium, with those methods taken off the very `<dialog>` elements.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import { deleteToken, dismissReveal, generateToken, tokenRows, waitForTokens } from '../../src/testing/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import { NOW, sampleTokens } from '../support/list-harness.js';
import '../../src/define.js';

/** Takes `showModal` and `close` off this one dialog, as jsdom has none. */
function withoutModalMethods(dialog: HTMLDialogElement): HTMLDialogElement {
  for (const method of ['showModal', 'close']) Object.defineProperty(dialog, method, { value: undefined, configurable: true });
  return dialog;
}

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
