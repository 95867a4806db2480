/**
 * `<pat-token-list>` registered on its own: it registers the dialog it renders, which registers
 * the reveal, so creating a token works end to end with one tag registered by the host.
 */
import { expect, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { defineElement } from '../../src/internal/define-element.js';
import { PatTokenList } from '../../src/token-list/token-list.js';
import { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { createThroughList, dialogOf, inDialog, ENDPOINT } from '../support/dialog-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { expectNoSecretAnywhere, stubClipboard, watchForSecrets } from '../support/secret-hygiene.js';

defineElement('pat-token-list', PatTokenList);

describe('<pat-token-list> registered alone', () => {
  it('lists, creates through an upgraded dialog and reveal, and shows the new token', async () => {
    const backend = await useMockBackend({ endpoint: ENDPOINT });
    const clipboard = stubClipboard();
    const watch = watchForSecrets();
    try {
      const list = fixtureSync<PatTokenList>(html`<pat-token-list endpoint=${ENDPOINT}></pat-token-list>`);
      await waitUntil(() => list.shadowRoot!.querySelector('[part~=empty]'), 'the empty list did not render');
      expect(customElements.get('pat-generate-dialog') === PatGenerateDialog, 'the list registered the dialog').to.equal(true);

      // The list renders the dialog when the generate button is first used.
      const reveal = await createThroughList(list, 'Alone');
      expect(dialogOf(list) instanceof PatGenerateDialog, 'the dialog is upgraded').to.equal(true);
      expect(reveal instanceof PatTokenReveal, 'the reveal is upgraded').to.equal(true);
      expect((reveal as unknown as { secret: unknown }).secret).to.equal(undefined);
      const secret = reveal.shadowRoot!.querySelector<HTMLTextAreaElement>('[part="secret"]')!.value;
      reveal.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
      await oneEvent(list, 'pat-secret-copied');
      await reveal.updateComplete;
      reveal.shadowRoot!.querySelector<HTMLButtonElement>('[part~="done-button"]')!.click();
      await waitUntil(() => !inDialog<HTMLDialogElement>(dialogOf(list), 'dialog')!.open, 'the dialog did not close');
      await list.updateComplete;
      const [token] = backend.tokens();
      expect(list.shadowRoot!.querySelector(`tr[data-id="${token!.id}"]`)?.textContent).to.contain('Alone');
      expectNoSecretAnywhere(secret, watch, [list, reveal]);
      await expect(list).to.be.accessible();
    } finally {
      watch.stop();
      clipboard.restore();
    }
  });
});
