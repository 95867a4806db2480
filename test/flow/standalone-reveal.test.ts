/** `<pat-token-reveal>` registered on its own: its whole flow, copy then Done, with nothing else on the page. */
import { expect, oneEvent } from '@open-wc/testing';
import { defineElement } from '../../src/internal/define-element.js';
import { generateSecret } from '../../src/mock/secret.js';
import { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { copyButton, doneButton, revealWith, secretField } from '../support/reveal-harness.js';
import { expectNoSecretAnywhere, stubClipboard, watchForSecrets } from '../support/secret-hygiene.js';

defineElement('pat-token-reveal', PatTokenReveal);

describe('<pat-token-reveal> registered alone', () => {
  it('shows the secret, copies it, and drops it on Done', async () => {
    expect(['pat-generate-dialog', 'pat-token-list'].filter((tag) => customElements.get(tag))).to.deep.equal([]);
    const clipboard = stubClipboard();
    const watch = watchForSecrets();
    try {
      const secret = generateSecret();
      const el = await revealWith(secret);
      expect(secretField(el).value).to.equal(secret);
      await expect(el).to.be.accessible();
      copyButton(el).click();
      await oneEvent(el, 'pat-secret-copied');
      await el.updateComplete;
      const dismissed = oneEvent(el, 'pat-reveal-dismissed');
      doneButton(el).click();
      expect((await dismissed).detail).to.deep.equal({ tokenId: undefined, copied: true });
      expect(clipboard.writes).to.deep.equal([secret]);
      expectNoSecretAnywhere(secret, watch, [el]);
    } finally {
      watch.stop();
      clipboard.restore();
    }
  });
});
