/**
 * `<pat-generate-dialog>` registered on its own (no `pat-elements/define`): it registers the
 * reveal it renders, so the whole create flow works and the secret reaches a real, upgraded
 * reveal, never a plain element where it would be a readable property.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { defineElement } from '../../src/internal/define-element.js';
import { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { createToken, inReveal, nativeDialog, openDialog, revealOf } from '../support/dialog-harness.js';
import { useMockBackend } from '../support/mock-backend.js';
import { expectNoSecretAnywhere, stubClipboard, watchForSecrets } from '../support/secret-hygiene.js';

defineElement('pat-generate-dialog', PatGenerateDialog);

describe('<pat-generate-dialog> registered alone', () => {
  it('creates a token and reveals it in an upgraded <pat-token-reveal>, then leaves no trace', async () => {
    expect(customElements.get('pat-token-reveal') === undefined, 'nothing else was registered up front').to.equal(true);
    await useMockBackend();
    const clipboard = stubClipboard();
    const watch = watchForSecrets();
    try {
      const { el } = await openDialog();
      expect(customElements.get('pat-token-reveal') === PatTokenReveal, 'the dialog registered the reveal').to.equal(true);
      await createToken(el, 'Standalone');
      const reveal = revealOf(el)!;
      expect(reveal instanceof PatTokenReveal, 'the reveal is upgraded').to.equal(true);
      expect(reveal.hasSecret).to.equal(true);
      // The write-only setter, not a plain property that would hand the secret back.
      expect((reveal as unknown as { secret: unknown }).secret).to.equal(undefined);
      expect(Object.getOwnPropertyNames(reveal)).not.to.include('secret');
      const secret = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
      expect(secret).to.match(/^pat_\w{40}$/);
      await expect(el).to.be.accessible();

      const copied = oneEvent(el, 'pat-secret-copied');
      inReveal<HTMLButtonElement>(el, '[part~="copy-button"]').click();
      await copied;
      await reveal.updateComplete;
      inReveal<HTMLButtonElement>(el, '[part~="done-button"]').click();
      await waitUntil(() => !nativeDialog(el).open, 'the dialog did not close');
      expect(clipboard.writes).to.deep.equal([secret]);
      expectNoSecretAnywhere(secret, watch, [el, reveal]);
    } finally {
      watch.stop();
      clipboard.restore();
    }
  });
});
