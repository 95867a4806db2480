/**
 * `<pat-generate-dialog>` opening and closing as a host sees it: `pat-dialog-opened` and
 * `pat-dialog-closed` (typed, bubbling out to `window`, fired for the user's actions and the
 * methods, not for setting `open`), what `show()` and `regenerate()` do on a dialog that is open
 * already, and the dialog where the platform has no `showModal()` (jsdom).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { DialogClosedDetail, DialogOpenedDetail } from '../../src/events/index.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import {
  $,
  ENDPOINT,
  createToken,
  focusedIn,
  inReveal,
  nameInput,
  nativeDialog,
  openDialog,
  submitForm,
  waitForReveal,
  sent,
} from '../support/dialog-harness.js';
import { deepActive, describeFocus, expectSame } from '../support/focus.js';
import { useMockBackend } from '../support/mock-backend.js';
import { withoutShowModal } from '../support/platform.js';
import { containsSecret } from '../support/secret-hygiene.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

const ci: Token = {
  id: 'tok_ci',
  name: 'CI deploy',
  description: null,
  partialKey: 'pat_7Qm2',
  createdAt: new Date(NOW.getTime() - 30 * DAY).toISOString(),
  expiresAt: new Date(NOW.getTime() + 60 * DAY).toISOString(),
  lastUsedAt: null,
};

/** Every `pat-dialog-*` event that reaches `window`, in order. */
function recordDialogEvents() {
  const events: { type: string; detail: DialogOpenedDetail | DialogClosedDetail; focus: Element | null }[] = [];
  const listener = (event: Event) => events.push({ type: event.type, detail: (event as CustomEvent).detail, focus: deepActive() });
  window.addEventListener('pat-dialog-opened', listener);
  window.addEventListener('pat-dialog-closed', listener);
  return {
    events,
    types: () => events.map((event) => event.type),
    stop: () => {
      window.removeEventListener('pat-dialog-opened', listener);
      window.removeEventListener('pat-dialog-closed', listener);
    },
  };
}

const heading = (el: PatGenerateDialog) => $(el, '#heading').textContent!.trim();

describe('<pat-generate-dialog> opening and closing', () => {
  let backend: MockBackend;
  let record: ReturnType<typeof recordDialogEvents>;

  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, seed: [ci], slowMs: 400 });
    record = recordDialogEvents();
  });

  afterEach(() => {
    record.stop();
    setClock();
  });

  describe('pat-dialog-opened and pat-dialog-closed', () => {
    it('show(): opened with focus inside; Cancel: closed, with focus back on the opener first', async () => {
      const { el, opener } = await openDialog();
      expect(record.types()).to.deep.equal(['pat-dialog-opened']);
      expect(record.events[0]!.detail).to.deep.equal({ mode: 'create', token: undefined });
      expect(el.shadowRoot!.contains(record.events[0]!.focus), `focus was on ${describeFocus()}`).to.be.true;

      const closed = oneEvent(el, 'pat-dialog-closed');
      $<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      const event = await closed;
      expect(event.bubbles && event.composed, 'bubbles out of shadow roots').to.be.true;
      expect(event.detail).to.deep.equal({ mode: 'create', created: undefined });
      expect(record.events[1]!.focus === opener, 'focus was back on the opener').to.be.true;
      expect(record.types()).to.deep.equal(['pat-dialog-opened', 'pat-dialog-closed']);
    });

    it('regenerate(): opened with the token; Escape after a regenerate: closed with the new token, never the secret', async () => {
      const { el } = await openDialog(undefined, 'en-GB', { regenerate: ci });
      expect(record.events[0]!.detail).to.deep.equal({ mode: 'regenerate', token: ci });
      const rotated = oneEvent(el, 'pat-token-rotated');
      $<HTMLButtonElement>(el, '#submit').click();
      const { detail } = await rotated;
      await waitForReveal(el);
      const secret = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
      inReveal<HTMLInputElement>(el, '[part="acknowledge"] input').click();
      const closed = oneEvent(el, 'pat-dialog-closed');
      await sendKeys({ press: 'Escape' });
      const event = await closed;
      expect(event.detail).to.deep.equal({ mode: 'regenerate', created: detail.token });
      expect(containsSecret(event.detail, secret)).to.be.false;
    });

    it('Escape, the corner’s close button and close() fire closed once each', async () => {
      const { el } = await openDialog();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => record.types().length === 2, 'Escape');
      el.show();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~="close-button"]').click();
      await waitUntil(() => record.types().length === 4, 'the close button');
      el.show();
      await el.updateComplete;
      el.close();
      await el.updateComplete;
      el.close();
      await el.updateComplete;
      expect(record.types()).to.deep.equal([
        'pat-dialog-opened',
        'pat-dialog-closed',
        'pat-dialog-opened',
        'pat-dialog-closed',
        'pat-dialog-opened',
        'pat-dialog-closed',
      ]);
    });

    it('fires nothing for setting `open`, the attribute, or removing the element', async () => {
      const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`);
      el.open = true;
      await el.updateComplete;
      expect(nativeDialog(el).open).to.be.true;
      el.open = false;
      await el.updateComplete;
      el.setAttribute('open', '');
      await el.updateComplete;
      expect(nativeDialog(el).open).to.be.true;
      el.remove();
      await el.updateComplete;
      expect(record.types()).to.deep.equal([]);
    });
  });

  describe('show() and regenerate() on an open dialog', () => {
    it('show() on a regenerate form switches to an empty create form, focused on the name, which creates', async () => {
      const { el } = await openDialog(undefined, 'en-GB', { regenerate: ci });
      expect(heading(el)).to.equal('Regenerate token');
      el.show();
      await el.updateComplete;
      expect(heading(el)).to.equal('Generate new token');
      await waitUntil(() => focusedIn(el) === nameInput(el), `focus is on ${describeFocus()}`);
      await createToken(el, 'Laptop');
      expect(sent(backend).map((request) => request.operation)).to.deep.equal(['create']);
    });

    it('regenerate() on a create form switches to that token; show() on a create form keeps what was typed', async () => {
      const { el } = await openDialog();
      nameInput(el).value = 'Half typed';
      nameInput(el).dispatchEvent(new Event('input'));
      el.show();
      await el.updateComplete;
      expect(nameInput(el).value).to.equal('Half typed');
      el.regenerate(ci);
      await el.updateComplete;
      expect(heading(el)).to.equal('Regenerate token');
      expect($(el, '.summary .name').textContent).to.equal('CI deploy');
      expect(record.types(), 'still the one session').to.deep.equal(['pat-dialog-opened']);
    });

    it('switches nothing while a request is in flight or a secret is shown', async () => {
      backend.failNext('slow', { operation: 'rotate' });
      const { el } = await openDialog(undefined, 'en-GB', { regenerate: ci });
      $<HTMLButtonElement>(el, '#submit').click();
      await el.updateComplete;
      el.show();
      await el.updateComplete;
      expect(heading(el), 'in flight').to.equal('Regenerate token');
      await waitForReveal(el);
      el.show();
      await el.updateComplete;
      expect(inReveal(el, '[part="secret"]'), 'the secret is still shown').to.exist;
      expect(el.shadowRoot!.querySelector('form'), 'no form instead of it').to.equal(null);
    });
  });

  describe('without showModal() (as in jsdom)', () => {
    it('opens, focuses the name, closes on Cancel and on Escape, and creates a token', async () => {
      await withoutShowModal(async () => {
        const { el, opener } = await openDialog();
        expect(nativeDialog(el).open).to.be.true;
        expectSame(focusedIn(el), nameInput(el));
        $<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
        await el.updateComplete;
        expect(nativeDialog(el).open).to.be.false;
        expectSame(document.activeElement, opener);
        el.show();
        await el.updateComplete;
        nameInput(el).dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
        await el.updateComplete;
        expect(el.open).to.be.false;
        el.show();
        await el.updateComplete;
        const created = oneEvent(el, 'pat-token-created');
        await submitForm(el, 'Laptop');
        await created;
        expect(record.types()).to.deep.equal([
          'pat-dialog-opened',
          'pat-dialog-closed',
          'pat-dialog-opened',
          'pat-dialog-closed',
          'pat-dialog-opened',
        ]);
      });
    });
  });
});
