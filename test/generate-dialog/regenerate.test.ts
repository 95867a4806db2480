/**
 * `<pat-generate-dialog>` in regenerate mode: which token (read-only), the lifetime it starts
 * from, every grace period and the sentence saying what happens (en and de), the request, the
 * event, the one-time reveal with the create flow's hygiene, the keyboard and the mouse, a token
 * that is gone (404), and one request for a double submit.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { HttpError } from '../../src/api/errors.js';
import type { Token } from '../../src/api/schemas.js';
import type { Scope } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import '../../src/locales/de.js';
import type { MockBackend } from '../../src/mock/index.js';
import {
  $,
  ENDPOINT,
  choose,
  expirationSelect,
  focusedIn,
  inDarkMode,
  inDialog,
  inReveal,
  nativeDialog,
  openDialog,
  revealOf,
  submitButton,
  waitForReveal,
  sent,
} from '../support/dialog-harness.js';
import { deepActive, describeFocus, focusIs, tabUntil, expectSame } from '../support/focus.js';
import { useMockBackend } from '../support/mock-backend.js';
import { expectNoSecretAnywhere, stubClipboard, watchForSecrets, type ClipboardStub } from '../support/secret-hygiene.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
/** When the grace period ends, to the minute, with the time zone. */
const GRACE_END: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

const CATALOGUE: Scope[] = [
  { id: 'repo:read', label: 'Read repositories', group: 'Repositories' },
  { id: 'repo:write', label: 'Write repositories', group: 'Repositories' },
];

/** Created 30 days ago for 90 days; limited to two catalogue scopes and one the catalogue does not know. */
const ci: Token = {
  id: 'tok_ci',
  name: 'CI deploy',
  description: 'Release builds',
  partialKey: 'pat_7Qm2',
  createdAt: at(-30 * DAY),
  expiresAt: at(60 * DAY),
  lastUsedAt: null,
  scopes: ['repo:read', 'repo:write', 'legacy:admin'],
};

const graceSentence = (el: PatGenerateDialog) => $(el, '#grace-summary').textContent!.trim();
const graceSelect = (el: PatGenerateDialog) => $<HTMLSelectElement>(el, '#grace');
const optionLabels = (select: HTMLSelectElement) => [...select.options].map((option) => option.textContent!.trim());
const rotateBodies = (backend: MockBackend) =>
  sent(backend)
    .filter((r) => r.operation === 'rotate')
    .map((r) => r.body);

function regenerateDialog(token: Token, lang = 'en-US') {
  return openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} .scopes=${CATALOGUE} allow-no-expiration></pat-generate-dialog>`, lang, {
    regenerate: token,
  });
}

describe('<pat-generate-dialog> regenerating a token', () => {
  let backend: MockBackend;
  let clipboard: ClipboardStub | undefined;

  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, seed: [ci] });
  });

  afterEach(() => {
    setClock();
    clipboard?.restore();
    clipboard = undefined;
  });

  it('shows which token, read-only: its name and its permissions by label (an unknown id as itself)', async () => {
    const { el } = await regenerateDialog(ci);
    expect(nativeDialog(el).matches(':modal')).to.equal(true);
    expect($(el, '#heading').textContent!.trim()).to.equal('Regenerate token');
    expect(inDialog(el, '#name') === null, 'no name field').to.equal(true);
    expect(inDialog(el, '#description') === null, 'no description field').to.equal(true);
    expect(inDialog(el, '[part~=scopes]') === null, 'no scope picker').to.equal(true);
    const summary = $(el, '[part~=summary]');
    expect(summary.querySelector('.name')!.textContent).to.equal('CI deploy');
    expect([...summary.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'Read repositories',
      'Write repositories',
      'legacy:admin',
    ]);
    expectSame(focusedIn(el), expirationSelect(el));
    expect(submitButton(el).textContent!.trim()).to.equal('Regenerate token');
    await expect(el).to.be.accessible();
  });

  it('can regenerate with a client that has rotate, and says so without rendering anything', async () => {
    const dialog = document.createElement('pat-generate-dialog');
    expect(dialog.canRegenerate, 'no client yet').to.equal(false);
    dialog.endpoint = ENDPOINT;
    expect(dialog.canRegenerate, 'the REST client').to.equal(true);
    const { rotate: _rotate, ...withoutRotate } = {
      list: async () => [],
      create: async () => Promise.reject(new Error('unused')),
      revoke: async () => undefined,
      rotate: async () => Promise.reject(new Error('unused')),
    };
    dialog.client = withoutRotate;
    expect(dialog.canRegenerate, 'an adapter without rotate').to.equal(false);
  });

  it("says a token without scopes has all of the user's permissions", async () => {
    const unscoped = { ...ci, id: 'tok_all', scopes: null };
    const { el } = await regenerateDialog(unscoped);
    expect($(el, '[part~=summary]').textContent).to.contain('All of your permissions');
  });

  it("keeps the old token's own lifetime, offered beside the presets, where the policy allows it", async () => {
    const cases: [Partial<Token>, string][] = [
      [{ createdAt: at(-30 * DAY), expiresAt: at(60 * DAY) }, '90'],
      [{ createdAt: at(-10 * DAY), expiresAt: at(88 * DAY) }, '98'],
      [{ createdAt: at(-5 * DAY), expiresAt: at(40 * DAY) }, '45'],
      [{ createdAt: at(-1 * DAY), expiresAt: at(2 * DAY) }, '3'],
      [{ expiresAt: null }, 'never'],
    ];
    for (const [fields, expected] of cases) {
      const { el } = await regenerateDialog({ ...ci, ...fields });
      expect(expirationSelect(el).value, JSON.stringify(fields)).to.equal(expected);
      el.close();
    }
    const { el } = await regenerateDialog({ ...ci, createdAt: at(-10 * DAY), expiresAt: at(88 * DAY) });
    expect(optionLabels(expirationSelect(el)).slice(0, 5)).to.deep.equal(['7 days', '30 days', '60 days', '90 days', '98 days']);
    const rotated = oneEvent(el, 'pat-token-rotated');
    submitButton(el).click();
    await rotated;
    expect(rotateBodies(backend)).to.deep.equal([{ expiresInDays: 98, gracePeriodHours: 24 }]);
  });

  it('keeps the lifetime only within the policy: past the maximum, the nearest preset allowed; "never" only where allowed', async () => {
    const policy = html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="60"></pat-generate-dialog>`;
    let { el } = await openDialog(policy, 'en-US', { regenerate: { ...ci, createdAt: at(-10 * DAY), expiresAt: at(88 * DAY) } });
    expect(expirationSelect(el).value, 'a 98-day token, 60 days at most').to.equal('60');
    expect(optionLabels(expirationSelect(el))).to.not.include('98 days');
    el.close();
    ({ el } = await openDialog(policy, 'en-US', { regenerate: { ...ci, expiresAt: null } }));
    expect(expirationSelect(el).value, 'no "never" under a maximum: the longest allowed').to.equal('60');
  });

  it('starts from a day of grace; "Immediately" comes last, as a choice that says what it breaks', async () => {
    const { el } = await regenerateDialog(ci);
    expect($(el, 'label[for=grace]').textContent!.trim()).to.equal('Current token stops working');
    expect(optionLabels(graceSelect(el))).to.deep.equal(['In 1 hour', 'In 24 hours', 'In 7 days', 'Immediately']);
    expect(graceSelect(el).value).to.equal('24');
    expect($(el, '#grace-summary').classList.contains('warning')).to.equal(false);
    await choose(el, '0', graceSelect(el));
    expect(graceSentence(el)).to.equal('Anything still using pat_7Qm2•••• fails the moment you regenerate.');
    expect($(el, '#grace-summary').classList.contains('warning'), 'a warning').to.equal(true);
    // A grace period within the offered ones: where a day is not offered, the nearest is.
    el.gracePeriods = [0, 1, 168];
    await el.updateComplete;
    el.close();
    el.regenerate(ci);
    await el.updateComplete;
    expect(graceSelect(el).value).to.equal('1');
    el.gracePeriods = [0];
    await el.updateComplete;
    expect(graceSelect(el).value, 'only when nothing else is offered').to.equal('0');
  });

  for (const [hours, label] of [
    [0, 'Immediately'],
    [1, 'In 1 hour'],
    [24, 'In 24 hours'],
    [168, 'In 7 days'],
  ] as const) {
    it(`grace "${label}": says what happens, sends ${hours} hours, and reports the old token as the server answered`, async () => {
      backend.reset([ci]);
      const { el } = await regenerateDialog(ci);
      await choose(el, String(hours), graceSelect(el));
      const until = new Intl.DateTimeFormat('en-US', GRACE_END).format(new Date(NOW.getTime() + hours * HOUR));
      expect(graceSentence(el)).to.equal(
        hours === 0
          ? 'Anything still using pat_7Qm2•••• fails the moment you regenerate.'
          : `The current token keeps working until ${until}.`,
      );
      await expect(el).to.be.accessible();

      const rotated = oneEvent(el, 'pat-token-rotated');
      submitButton(el).click();
      const { token, previous } = (await rotated).detail;
      expect(rotateBodies(backend)).to.deep.equal([{ expiresInDays: 90, gracePeriodHours: hours }]);
      expect(token.name).to.equal('CI deploy');
      expect(token.scopes).to.deep.equal(ci.scopes);
      if (hours === 0) expect(previous === null).to.equal(true);
      else
        expect(previous).to.include({
          id: 'tok_ci',
          replacedBy: token.id,
          expiresAt: new Date(NOW.getTime() + hours * HOUR).toISOString(),
        });
      await waitForReveal(el);
      expect($(el, 'pat-token-reveal').shadowRoot!.querySelector('.subject')!.textContent).to.equal('CI deploy');
    });
  }

  it('never promises more than the old token had: a token expiring in 2 hours keeps working until then', async () => {
    const soon = { ...ci, expiresAt: at(2 * HOUR) };
    backend.reset([soon]);
    const { el } = await regenerateDialog(soon);
    await choose(el, '24', graceSelect(el));
    const until = new Intl.DateTimeFormat('en-US', GRACE_END).format(new Date(NOW.getTime() + 2 * HOUR));
    expect(graceSentence(el)).to.equal(`The current token keeps working until ${until}.`);
  });

  it('offers no grace period for an expired token, and replaces it at once', async () => {
    const expired = { ...ci, expiresAt: at(-DAY) };
    backend.reset([expired]);
    const { el } = await regenerateDialog(expired);
    expect(inDialog(el, '#grace') === null).to.equal(true);
    await expect(el).to.be.accessible();
    submitButton(el).click();
    await waitForReveal(el);
    expect(rotateBodies(backend), 'its own lifetime, 29 days').to.deep.equal([{ expiresInDays: 29, gracePeriodHours: 0 }]);
  });

  it('takes its grace periods from the grace-periods attribute, ignoring what is not 0–168 whole hours', async () => {
    const { el } = await regenerateDialog(ci, 'en-US');
    el.setAttribute('grace-periods', '48, 2 abc 500 -1 1.5 2');
    await el.updateComplete;
    expect(el.gracePeriods).to.deep.equal([48, 2, NaN, 500, -1, 1.5, 2]);
    expect(optionLabels(graceSelect(el))).to.deep.equal(['In 2 hours', 'In 2 days']);
    expect(graceSelect(el).value).to.equal('2');
  });

  it('reads German, with German dates, under lang="de"', async () => {
    const { el } = await regenerateDialog(ci, 'de');
    expect($(el, '#heading').textContent!.trim()).to.equal('Token neu generieren');
    expect(optionLabels(graceSelect(el))).to.deep.equal(['In 1 Stunde', 'In 24 Stunden', 'In 7 Tagen', 'Sofort']);
    const until = new Intl.DateTimeFormat('de', GRACE_END).format(new Date(NOW.getTime() + DAY));
    expect(graceSentence(el)).to.equal(`Das bisherige Token funktioniert noch bis ${until}.`);
    await choose(el, '0', graceSelect(el));
    expect(graceSentence(el)).to.equal('Alles, was pat_7Qm2•••• noch verwendet, funktioniert nicht mehr, sobald Sie neu generieren.');
    expect(expirationSelect(el).selectedOptions[0]!.textContent!.trim()).to.equal('90 Tage');
    await expect(el).to.be.accessible();
  });

  it('works with the keyboard alone: choose, regenerate, copy, done, and focus returns to the opener', async () => {
    clipboard = stubClipboard();
    const { el, opener } = await regenerateDialog(ci);
    await waitUntil(() => focusIs('#expiration'), `focus is on ${describeFocus()}`);
    await sendKeys({ press: 'Tab' });
    expect(focusIs('#grace'), `focus is on ${describeFocus()}`).to.equal(true);
    await sendKeys({ press: 'ArrowUp' }); // In 24 hours → in 1 hour
    await el.updateComplete;
    expect(graceSelect(el).value).to.equal('1');
    expect(graceSentence(el)).to.contain('keeps working until');
    await tabUntil('#submit');
    const rotated = oneEvent(el, 'pat-token-rotated');
    await sendKeys({ press: 'Enter' });
    await rotated;
    await waitUntil(() => focusIs('[part~="copy-button"]'), `focus is on ${describeFocus()}, not Copy`);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => clipboard!.writes.length === 1, 'not copied');
    await tabUntil('[part~="done-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !nativeDialog(el).open, 'the dialog did not close');
    await waitUntil(() => deepActive() === opener, `focus is on ${describeFocus()}, not the opener`);
    expect(rotateBodies(backend)).to.deep.equal([{ expiresInDays: 90, gracePeriodHours: 1 }]);
  });

  it('works with the mouse: regenerate, copy, done — and leaves the secret nowhere', async () => {
    clipboard = stubClipboard();
    const watch = watchForSecrets();
    try {
      const { el } = await regenerateDialog(ci);
      await choose(el, '168', graceSelect(el));
      const rotated = oneEvent(el, 'pat-token-rotated');
      await clickOn(submitButton(el));
      await rotated;
      const reveal = await waitForReveal(el);
      await expect(el).to.be.accessible();
      const secret = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
      await clickOn(inReveal(el, '[part~="copy-button"]'));
      await waitUntil(() => clipboard!.writes.length === 1, 'not copied');
      await reveal.updateComplete;
      await clickOn(inReveal(el, '[part~="done-button"]'));
      await waitUntil(() => !nativeDialog(el).open, 'the dialog did not close');
      expect(clipboard.writes).to.deep.equal([secret]);
      expect(watch.events.map((e) => e.type)).to.deep.equal([
        'pat-dialog-opened',
        'pat-token-rotated',
        'pat-secret-copied',
        'pat-reveal-dismissed',
        'pat-dialog-closed',
      ]);
      expectNoSecretAnywhere(secret, watch, [el, reveal]);
    } finally {
      watch.stop();
    }
  });

  it('keeps the secret when closed from the corner before it was copied', async () => {
    const { el } = await regenerateDialog(ci);
    submitButton(el).click();
    const reveal = await waitForReveal(el);
    $<HTMLButtonElement>(el, '[part~=close-button]').click();
    await reveal.updateComplete;
    expect(nativeDialog(el).open).to.equal(true);
    expect(reveal.hasSecret).to.equal(true);
    expect(inReveal(el, '[part~=status]').textContent).to.contain('still on screen');
  });

  describe('a token that no longer exists (404)', () => {
    for (const how of ['deleted meanwhile', 'the not-found fault'] as const) {
      it(`${how}: says so in the form, offers only Close, and reports the HttpError 404`, async () => {
        if (how === 'deleted meanwhile') backend.reset([]);
        else backend.failNext('not-found', { operation: 'rotate' });
        const { el, opener } = await regenerateDialog(ci);
        const failed = oneEvent(el, 'pat-error');
        submitButton(el).click();
        const { detail } = await failed;
        expect(detail.operation).to.equal('rotate');
        expect(detail.error instanceof HttpError && detail.error.status === 404, 'an HttpError with status 404').to.equal(true);
        await el.updateComplete;
        expect($(el, '[part~=error]').textContent).to.contain('This token no longer exists.');
        expect(inDialog(el, '#submit') === null, 'no submit button').to.equal(true);
        expect(revealOf(el) === null).to.equal(true);
        const close = $<HTMLButtonElement>(el, '#gone-close');
        expectSame(focusedIn(el), close);
        await expect(el).to.be.accessible();
        close.click();
        await waitUntil(() => !nativeDialog(el).open, 'the dialog did not close');
        expect(deepActive() === opener).to.equal(true);
      });
    }
  });

  it('sends one request when submitted twice', async () => {
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, seed: [ci], slowMs: 300 });
    backend.failNext('slow', { operation: 'rotate' });
    const { el } = await regenerateDialog(ci);
    submitButton(el).click();
    submitButton(el).click();
    await el.updateComplete;
    submitButton(el).click();
    await waitForReveal(el);
    expect(rotateBodies(backend)).to.have.length(1);
  });

  it('is accessible in a dark colour scheme, form and reveal', async () => {
    const { el, page } = await regenerateDialog(ci);
    await inDarkMode(page, async () => {
      await expect(el).to.be.accessible();
      submitButton(el).click();
      await waitForReveal(el);
      await expect(el).to.be.accessible();
    });
  });
});

/** A real mouse click at the centre of `element`. */
async function clickOn(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}
