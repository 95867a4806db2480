import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import { generateSecret } from '../../src/mock/secret.js';
import { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import {
  captureEvents,
  containsSecret,
  expectNoSecretAnywhere,
  findSecretInPage,
  stubClipboard,
  watchForSecrets,
  type ClipboardStub,
} from '../support/secret-hygiene.js';
import { expectSame } from '../support/focus.js';
import {
  acknowledgeBox,
  copyButton,
  doneButton,
  part,
  revealWith,
  secretField,
  statusText,
  toggleButton,
  usageCopyButton,
  usageField,
} from '../support/reveal-harness.js';

const token: Token = {
  id: 'tok_new',
  name: 'CI deploy',
  description: null,
  partialKey: 'pat_AbCd',
  createdAt: '2026-11-26T12:00:00.000Z',
  expiresAt: '2026-12-26T12:00:00.000Z',
  lastUsedAt: null,
};

const USAGE = 'curl -H "Authorization: Bearer {token}" https://api.example.com/v1/me';

describe('<pat-token-reveal>', () => {
  let secret: string;
  let clipboard: ClipboardStub | undefined;

  beforeEach(() => {
    secret = generateSecret();
  });

  afterEach(() => {
    clipboard?.restore();
    clipboard = undefined;
  });

  describe('showing the secret', () => {
    it('renders nothing until a secret is set', async () => {
      const el = await fixture<PatTokenReveal>(html`<pat-token-reveal></pat-token-reveal>`);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      expect(el.hasSecret).to.equal(false);
    });

    it('shows the secret in a read-only monospace field with the heading and warning', async () => {
      const el = await revealWith(secret, { token });
      expect(part(el, 'h2').textContent!.trim(), 'the same heading for every token').to.equal('Copy your new token now');
      expect(part(el, '.subject').textContent, 'the name on a line of its own').to.equal('CI deploy');
      expect(part(el, '[part="warning"]').textContent).to.contain("You won't be able to see it again.");
      const field = secretField(el);
      expect(field.value).to.equal(secret);
      expect(field.readOnly).to.equal(true);
      expect(field.getAttribute('spellcheck')).to.equal('false');
      expect(field.getAttribute('autocomplete')).to.equal('off');
      expect(field.getAttribute('autocapitalize')).to.equal('off');
      expect(getComputedStyle(field).fontFamily).to.match(/mono|Menlo|Consolas/i);
      expect(field.labels![0]!.textContent!.trim()).to.equal('Token');
      await expect(el).to.be.accessible();
    });

    it('uses the generic heading when it has no token metadata', async () => {
      const el = await revealWith(secret);
      expect(part(el, 'h2').textContent!.trim()).to.equal('Copy your new token now');
    });

    it('keeps the secret out of markup even while it is shown (a property of the field, not text)', async () => {
      const el = await revealWith(secret, { token, usage: USAGE });
      expect(el.shadowRoot!.innerHTML).not.to.contain(secret);
      expect(findSecretInPage(secret).filter((place) => !place.endsWith('.value'))).to.deep.equal([]);
    });

    it('wraps a token of 255+ characters instead of scrolling sideways', async () => {
      const long = generateSecret(300);
      const el = await fixture<PatTokenReveal>(html`<pat-token-reveal></pat-token-reveal>`);
      el.style.width = '24rem';
      el.secret = long;
      await el.updateComplete;
      const field = secretField(el);
      const lineHeight = parseFloat(getComputedStyle(field).lineHeight);
      expect(field.scrollWidth).to.be.at.most(field.clientWidth);
      expect(field.clientHeight).to.be.greaterThan(lineHeight * 2);
      expect(field.scrollHeight).to.be.at.most(field.clientHeight + 1);
    });

    it('selects the whole token on click', async () => {
      const el = await revealWith(secret);
      const field = secretField(el);
      const box = field.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 10), Math.round(box.top + box.height / 2)] });
      await waitUntil(() => field.selectionEnd === secret.length, 'the token was not selected');
      expect(field.selectionStart).to.equal(0);
      expectSame(el.shadowRoot!.activeElement, field);
    });
  });

  describe('the secret property', () => {
    it('is a property only: never reflected, not observed as an attribute, not readable back', async () => {
      const el = await revealWith(secret, { token });
      expect(el.hasAttribute('secret')).to.equal(false);
      expect(el.getAttributeNames().some((name) => el.getAttribute(name)!.includes(secret))).to.equal(false);
      expect((PatTokenReveal as unknown as { observedAttributes: string[] }).observedAttributes).not.to.include('secret');
      expect(el.secret).to.equal(undefined);
      expect(el.hasSecret).to.equal(true);
    });

    it('ignores a `secret` attribute', async () => {
      const el = await fixture<PatTokenReveal>(html`<pat-token-reveal secret="pat_fromAnAttribute"></pat-token-reveal>`);
      expect(el.hasSecret).to.equal(false);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    });

    it('starts over when a different secret is set', async () => {
      const el = await revealWith(secret);
      acknowledgeBox(el).click();
      await el.updateComplete;
      expect(el.canDismiss).to.equal(true);
      const next = generateSecret();
      el.secret = next;
      await el.updateComplete;
      expect(secretField(el).value).to.equal(next);
      expect(el.canDismiss).to.equal(false);
      expect(acknowledgeBox(el).checked).to.equal(false);
    });
  });

  describe('copy', () => {
    it('awaits the clipboard, then says "Copied", announces it and fires pat-secret-copied', async () => {
      clipboard = stubClipboard();
      const el = await revealWith(secret, { token });
      const copied = oneEvent(el, 'pat-secret-copied');
      copyButton(el).click();
      const event = await copied;
      expect(clipboard.writes).to.deep.equal([secret]);
      expect(event.detail).to.deep.equal({ tokenId: 'tok_new', what: 'secret' });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(copyButton(el).textContent!.trim()).to.equal('Copied');
      expect(statusText(el)).to.equal('Token copied to the clipboard.');
      expect(doneButton(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('says nothing until the write has finished', async () => {
      clipboard = stubClipboard('pending');
      const el = await revealWith(secret);
      let fired = false;
      el.addEventListener('pat-secret-copied', () => (fired = true));
      copyButton(el).click();
      await el.updateComplete;
      expect(copyButton(el).textContent!.trim()).to.equal('Copy token');
      expect(statusText(el)).to.equal('');
      expect(fired).to.equal(false);
      const copied = oneEvent(el, 'pat-secret-copied');
      await clipboard.settle(true);
      await copied;
      await el.updateComplete;
      expect(copyButton(el).textContent!.trim()).to.equal('Copied');
    });

    it('on failure says so, selects the token for a manual copy and claims no success', async () => {
      clipboard = stubClipboard('fail');
      const el = await revealWith(secret, { token });
      const events = captureEvents();
      const failed = oneEvent(el, 'pat-error');
      copyButton(el).click();
      const event = await failed;
      await el.updateComplete;
      events.stop();
      expect(event.detail.operation).to.equal('copy');
      expect(event.detail.error.name).to.equal('NotAllowedError');
      expect(containsSecret(event.detail, secret)).to.equal(false);
      expect(events.events.map((e) => e.type)).to.deep.equal(['pat-error']);
      expect(statusText(el)).to.contain("Couldn't copy to the clipboard");
      expect(copyButton(el).textContent!.trim()).to.equal('Copy token');
      const field = secretField(el);
      expectSame(el.shadowRoot!.activeElement, field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, secret.length]);
      expect(doneButton(el).getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('on failure while hidden shows the token again before selecting it', async () => {
      clipboard = stubClipboard('fail');
      const el = await revealWith(secret);
      toggleButton(el).click();
      await el.updateComplete;
      const failed = oneEvent(el, 'pat-error');
      copyButton(el).click();
      await failed;
      await el.updateComplete;
      expect(toggleButton(el).getAttribute('aria-pressed')).to.equal('true');
      const field = secretField(el);
      expect(field.value).to.equal(secret);
      expect(field.value.slice(field.selectionStart, field.selectionEnd)).to.equal(secret);
    });

    it('fires nothing for a copy that finishes after dismissal', async () => {
      clipboard = stubClipboard('pending');
      const el = await revealWith(secret);
      const events = captureEvents();
      copyButton(el).click();
      acknowledgeBox(el).click();
      await el.updateComplete;
      expect(el.requestDismiss()).to.equal(true);
      await clipboard.settle(true);
      await el.updateComplete;
      events.stop();
      expect(events.events.map((e) => e.type)).to.deep.equal(['pat-reveal-dismissed']);
      expect(el.shadowRoot!.querySelector('[role="status"]')).to.equal(null);
    });
  });

  describe('show/hide', () => {
    it('is a real toggle button with aria-pressed that masks the secret without giving away its length', async () => {
      clipboard = stubClipboard();
      const el = await revealWith(secret, { usage: USAGE });
      const toggle = toggleButton(el);
      expect(toggle.localName).to.equal('button');
      expect(toggle.tabIndex).to.equal(0);
      // Its label says what a press does; aria-pressed says whether the token is shown.
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(toggle.textContent!.trim()).to.equal('Hide');
      const width = toggle.getBoundingClientRect().width;
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.textContent!.trim()).to.equal('Show');
      expect(toggle.getBoundingClientRect().width, 'Show and Hide take the same room').to.equal(width);
      expect(secretField(el).value).not.to.contain(secret);
      expect(usageField(el).value).not.to.contain(secret);
      const masked = secretField(el).value;
      el.secret = generateSecret(200);
      await el.updateComplete;
      toggleButton(el).click();
      await el.updateComplete;
      expect(secretField(el).value).to.equal(masked);
      await expect(el).to.be.accessible();
    });

    it('copies the real secret while hidden', async () => {
      clipboard = stubClipboard();
      const el = await revealWith(secret);
      toggleButton(el).click();
      await el.updateComplete;
      const copied = oneEvent(el, 'pat-secret-copied');
      copyButton(el).click();
      await copied;
      expect(clipboard.writes).to.deep.equal([secret]);
    });
  });

  describe('dismissal', () => {
    it('keeps Done unavailable until the secret is copied or stored, and points to it', async () => {
      const el = await revealWith(secret, { token });
      let dismissed = false;
      el.addEventListener('pat-reveal-dismissed', () => (dismissed = true));
      const done = doneButton(el);
      expect(done.getAttribute('aria-disabled')).to.equal('true');
      expect(part(el, `#${done.getAttribute('aria-describedby')}`).textContent).to.contain('tick the box');
      done.click();
      await el.updateComplete;
      expect(dismissed).to.equal(false);
      expect(el.hasSecret).to.equal(true);
      expectSame(el.shadowRoot!.activeElement, done);
      expect(statusText(el)).to.contain('Copy it or confirm that you stored it');
      expect(el.requestDismiss()).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('allows Done after ticking "I have stored this token somewhere safe"', async () => {
      const el = await revealWith(secret, { token });
      const box = acknowledgeBox(el);
      expect(box.labels![0]!.textContent!.trim()).to.equal('I have stored this token somewhere safe');
      box.click();
      await el.updateComplete;
      expect(doneButton(el).getAttribute('aria-disabled')).to.equal('false');
      const dismissed = oneEvent(el, 'pat-reveal-dismissed');
      doneButton(el).click();
      const event = await dismissed;
      expect(event.detail).to.deep.equal({ tokenId: 'tok_new', copied: false });
      expect(el.hasSecret).to.equal(false);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
    });

    it('reports that the secret was copied', async () => {
      clipboard = stubClipboard();
      const el = await revealWith(secret, { token });
      const copied = oneEvent(el, 'pat-secret-copied');
      copyButton(el).click();
      await copied;
      await el.updateComplete;
      const dismissed = oneEvent(el, 'pat-reveal-dismissed');
      doneButton(el).click();
      expect((await dismissed).detail).to.deep.equal({ tokenId: 'tok_new', copied: true });
    });

    it('has taken the secret out of the DOM by the time pat-reveal-dismissed fires', async () => {
      const el = await revealWith(secret, { usage: USAGE });
      acknowledgeBox(el).click();
      await el.updateComplete;
      let leftInPage: string[] | undefined;
      el.addEventListener('pat-reveal-dismissed', () => (leftInPage = findSecretInPage(secret)));
      doneButton(el).click();
      expect(leftInPage).to.deep.equal([]);
    });

    it('works with the keyboard alone', async () => {
      clipboard = stubClipboard();
      const el = await revealWith(secret, { token });
      el.focus();
      expectSame(el.shadowRoot!.activeElement, copyButton(el));
      const copied = oneEvent(el, 'pat-secret-copied');
      await sendKeys({ press: 'Enter' });
      await copied;
      await el.updateComplete;
      // Show/Hide comes before the field, beside its label, as they are drawn.
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expectSame(el.shadowRoot!.activeElement, toggleButton(el));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expectSame(el.shadowRoot!.activeElement, acknowledgeBox(el));
      await sendKeys({ press: 'Tab' });
      expectSame(el.shadowRoot!.activeElement, doneButton(el));
      const dismissed = oneEvent(el, 'pat-reveal-dismissed');
      await sendKeys({ press: 'Enter' });
      expect((await dismissed).detail.copied).to.equal(true);
    });
  });

  describe('usage template', () => {
    it('fills in the secret and copies the example with its own button', async () => {
      clipboard = stubClipboard();
      const el = await revealWith(secret, { token, usage: USAGE });
      const expected = USAGE.replace('{token}', secret);
      expect(usageField(el).value).to.equal(expected);
      expect(usageField(el).labels![0]!.textContent!.trim()).to.equal('Example usage');
      const copied = oneEvent(el, 'pat-secret-copied');
      usageCopyButton(el).click();
      const event = await copied;
      expect(clipboard.writes).to.deep.equal([expected]);
      expect(event.detail).to.deep.equal({ tokenId: 'tok_new', what: 'usage' });
      await el.updateComplete;
      expect(usageCopyButton(el).textContent!.trim()).to.equal('Copied');
      expect(copyButton(el).textContent!.trim()).to.equal('Copy token');
      expect(statusText(el)).to.equal('Example copied to the clipboard.');
      await expect(el).to.be.accessible();
    });

    it('is wiped with the secret', async () => {
      const el = await revealWith(secret, { usage: USAGE });
      acknowledgeBox(el).click();
      await el.updateComplete;
      el.requestDismiss();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="usage"]')).to.equal(null);
      expect(findSecretInPage(secret)).to.deep.equal([]);
    });
  });

  describe('secret hygiene', () => {
    it('after dismissal leaves the secret in no markup, attribute, field, event detail, console output or storage', async () => {
      const watch = watchForSecrets();
      try {
        clipboard = stubClipboard();
        const el = await revealWith(secret, { token, usage: USAGE });
        const copiedSecret = oneEvent(el, 'pat-secret-copied');
        copyButton(el).click();
        await copiedSecret;
        const copiedUsage = oneEvent(el, 'pat-secret-copied');
        usageCopyButton(el).click();
        await copiedUsage;
        toggleButton(el).click();
        await el.updateComplete;
        const dismissed = oneEvent(el, 'pat-reveal-dismissed');
        doneButton(el).click();
        await dismissed;
        await el.updateComplete;

        expect(watch.events.map((e) => e.type)).to.deep.equal(['pat-secret-copied', 'pat-secret-copied', 'pat-reveal-dismissed']);
        expectNoSecretAnywhere(secret, watch, [el]);
        expect(el.secret).to.equal(undefined);
        expect(el.hasSecret).to.equal(false);
      } finally {
        watch.stop();
      }
    });

    it('drops the secret when removed from the page, without claiming a dismissal', async () => {
      const el = await revealWith(secret, { token, usage: USAGE });
      const events = captureEvents();
      const parent = el.parentNode!;
      el.remove();
      await el.updateComplete;
      expect(el.hasSecret).to.equal(false);
      expect(el.shadowRoot!.innerHTML).not.to.contain(secret);
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      parent.appendChild(el);
      await el.updateComplete;
      events.stop();
      expect(el.shadowRoot!.querySelector('textarea')).to.equal(null);
      expect(findSecretInPage(secret)).to.deep.equal([]);
      expect(events.events).to.deep.equal([]);
    });
  });

  it('takes every string from `strings`', async () => {
    const el = await fixture<PatTokenReveal>(html`
      <pat-token-reveal
        .token=${token}
        .strings=${{ revealHeading: 'Neues Token', revealDone: 'Fertig', revealCopy: 'Kopieren' }}
      ></pat-token-reveal>
    `);
    el.secret = secret;
    await el.updateComplete;
    expect(part(el, 'h2').textContent!.trim()).to.equal('Neues Token');
    expect(doneButton(el).textContent!.trim()).to.equal('Fertig');
    expect(copyButton(el).textContent!.trim()).to.equal('Kopieren');
  });
});
