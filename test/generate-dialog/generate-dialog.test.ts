import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { HttpError } from '../../src/api/errors.js';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import {
  $,
  ENDPOINT,
  choose,
  createToken,
  dateInput,
  descriptionInput,
  expirationSelect,
  expiryText,
  fill,
  focusedIn,
  inReveal,
  nameInput,
  nativeDialog as dialogOf,
  openDialog,
  revealOf as maybeRevealOf,
  submitButton,
  sent,
} from '../support/dialog-harness.js';
import {
  captureEvents,
  containsSecret,
  expectNoSecretAnywhere,
  findSecretInPage,
  stubClipboard,
  watchForSecrets,
  type ClipboardStub,
} from '../support/secret-hygiene.js';
import { expectSame, tabUntil } from '../support/focus.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const revealOf = (el: PatGenerateDialog) => maybeRevealOf(el)!;
/** The text of what `selector` finds in the dialog, or '' when nothing is rendered there. */
const inDialogText = (el: PatGenerateDialog, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent ?? '';
const EXPIRY_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const DAY = 86_400_000;

function expiresOn(days: number, locale = 'en-GB'): string {
  return `Expires on ${new Intl.DateTimeFormat(locale, EXPIRY_FORMAT).format(new Date(NOW.getTime() + days * DAY))}`;
}

/**
 * Observes (does not replace) `fetch`, to see the requests and signals our client sends: the
 * writes (the list a dialog asks when first opened alone is left out).
 */
function watchFetch() {
  const original = window.fetch;
  const calls: { method: string; signal: AbortSignal | null | undefined; settled: Promise<unknown> }[] = [];
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const response = original(input, init);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') calls.push({ method, signal: init?.signal, settled: response.catch(() => undefined) });
    return response;
  };
  return { calls, restore: () => (window.fetch = original) };
}

describe('<pat-generate-dialog>', () => {
  let backend: MockBackend;
  let clipboard: ClipboardStub | undefined;

  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW });
  });

  afterEach(() => {
    setClock();
    clipboard?.restore();
    clipboard = undefined;
  });

  describe('opening and closing', () => {
    it('opens as a modal labelled by its heading, with focus on the name field', async () => {
      const { el } = await openDialog();
      const dialog = dialogOf(el);
      expect(dialog.open).to.equal(true);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(el.open).to.equal(true);
      expect(el.hasAttribute('open')).to.equal(true);
      expect($(el, `#${dialog.getAttribute('aria-labelledby')}`).textContent!.trim()).to.equal('Generate new token');
      expectSame(focusedIn(el), nameInput(el));
      expect(nameInput(el).labels![0]!.textContent!.trim()).to.equal('Name');
      expect($(el, '[part="note"]').textContent).to.contain('everything your account can do');
      await expect(el).to.be.accessible();
    });

    it('opens from the `open` attribute', async () => {
      const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog open endpoint=${ENDPOINT}></pat-generate-dialog>`);
      expect(dialogOf(el).matches(':modal')).to.equal(true);
    });

    it('Cancel closes it and returns focus to the opener', async () => {
      const { el, opener } = await openDialog();
      $<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
      await waitUntil(() => !dialogOf(el).open);
      await el.updateComplete;
      expect(el.open).to.equal(false);
      expect(el.hasAttribute('open')).to.equal(false);
      expectSame(document.activeElement, opener);
    });

    it('the close button in the corner closes the form and returns focus to the opener', async () => {
      const { el, opener } = await openDialog();
      const close = $<HTMLButtonElement>(el, '[part~="close-button"]');
      expect(close.getAttribute('aria-label')).to.equal('Close');
      close.click();
      await waitUntil(() => !dialogOf(el).open, 'the close button did not close the dialog');
      expectSame(document.activeElement, opener);
    });

    it('Escape closes the form and returns focus to the opener', async () => {
      const { el, opener } = await openDialog();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !el.open, 'Escape did not close the dialog');
      expect(dialogOf(el).open).to.equal(false);
      expectSame(document.activeElement, opener);
    });

    it('is accessible in a dark colour scheme, form and reveal', async () => {
      await emulateMedia({ colorScheme: 'dark' });
      try {
        const { el, page } = await openDialog();
        page.style.colorScheme = 'light dark';
        expect(getComputedStyle(dialogOf(el)).backgroundColor).not.to.equal('rgb(255, 255, 255)');
        submitButton(el).click();
        await el.updateComplete;
        await expect(el).to.be.accessible();
        await createToken(el);
        await expect(el).to.be.accessible();
      } finally {
        await emulateMedia({ colorScheme: 'light' });
      }
    });

    it('does not close on a backdrop click', async () => {
      const { el } = await openDialog();
      await sendMouse({ type: 'click', position: [3, 3] });
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(true);
    });

    it('stays open when it is closed and opened again at once', async () => {
      const { el } = await openDialog();
      el.close();
      await el.updateComplete;
      el.show();
      await el.updateComplete;
      // The close event of the first close arrives after the reopen; it must not close it again.
      await oneEvent(dialogOf(el), 'close');
      await el.updateComplete;
      expect(el.open).to.equal(true);
      expect(dialogOf(el).open).to.equal(true);
    });

    it('starts with an empty form each time it opens', async () => {
      const { el } = await openDialog();
      await fill(el, nameInput(el), 'Half typed');
      await choose(el, '90');
      el.close();
      await waitUntil(() => !dialogOf(el).open);
      el.show();
      await el.updateComplete;
      expect(nameInput(el).value).to.equal('');
      expect(expirationSelect(el).value).to.equal('30');
    });
  });

  describe('validation', () => {
    it('requires a name, says so on the field and sends nothing', async () => {
      const { el } = await openDialog();
      await fill(el, nameInput(el), '   ');
      submitButton(el).click();
      await el.updateComplete;
      const name = nameInput(el);
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect(name.getAttribute('aria-describedby')!.split(' ')).to.include.members(['name-hint', 'name-error']);
      expect($(el, '#name-error').textContent!.trim()).to.equal('Enter a name for the token.');
      expectSame(focusedIn(el), name);
      expect(sent(backend)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('limits the name to 100 and the description to 500 characters', async () => {
      const { el } = await openDialog();
      await fill(el, nameInput(el), 'n'.repeat(101));
      await fill(el, descriptionInput(el), 'd'.repeat(501));
      submitButton(el).click();
      await el.updateComplete;
      expect($(el, '#name-error').textContent).to.contain('at most 100 characters (this is 101)');
      expect($(el, '#description-error').textContent).to.contain('at most 500 characters (this is 501)');
      expect(descriptionInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(descriptionInput(el).getAttribute('aria-describedby')).to.equal('description-error');
      expectSame(focusedIn(el), nameInput(el));
      expect(sent(backend)).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('clears an error as soon as the field is fixed', async () => {
      const { el } = await openDialog();
      submitButton(el).click();
      await el.updateComplete;
      expect(nameInput(el).getAttribute('aria-invalid')).to.equal('true');
      await fill(el, nameInput(el), 'Fixed');
      expect(nameInput(el).getAttribute('aria-invalid')).to.equal('false');
      expect(el.shadowRoot!.querySelector('#name-error')).to.equal(null);
      expect(nameInput(el).getAttribute('aria-describedby')).to.equal('name-hint');
    });

    it('honours max-name-length', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-name-length="10"></pat-generate-dialog>`);
      await fill(el, nameInput(el), 'Eleven char');
      submitButton(el).click();
      await el.updateComplete;
      expect($(el, '#name-error').textContent).to.contain('at most 10 characters');
    });

    it('keeps the contract’s limits when max-name-length or max-description-length is not a number', async () => {
      const { el } = await openDialog(
        html`<pat-generate-dialog endpoint=${ENDPOINT} max-name-length="ten" max-description-length=""></pat-generate-dialog>`,
      );
      await fill(el, nameInput(el), 'n'.repeat(101));
      await fill(el, descriptionInput(el), 'd'.repeat(501));
      submitButton(el).click();
      await el.updateComplete;
      expect(inDialogText(el, '#name-error')).to.contain('at most 100 characters (this is 101)');
      expect(inDialogText(el, '#description-error')).to.contain('at most 500 characters (this is 501)');
      expect(sent(backend)).to.have.length(0);
    });
  });

  describe('the request', () => {
    it('sends the contract body: trimmed name, description and 30 days by default', async () => {
      const { el } = await openDialog();
      await fill(el, descriptionInput(el), '  Pushes release builds  ');
      await createToken(el, '  CI deploy  ');
      expect(sent(backend)).to.have.length(1);
      const [request] = sent(backend);
      expect(request!.method).to.equal('POST');
      expect(new URL(request!.url).pathname).to.equal(ENDPOINT);
      expect(request!.body).to.deep.equal({ name: 'CI deploy', description: 'Pushes release builds', expiresInDays: 30 });
    });

    it('leaves out an empty description', async () => {
      const { el } = await openDialog();
      await createToken(el);
      expect(sent(backend)[0]!.body).to.deep.equal({ name: 'CI deploy', expiresInDays: 30 });
    });

    it('sends the configured headers and credentials', async () => {
      const { el } = await openDialog(html`
        <pat-generate-dialog
          endpoint=${ENDPOINT}
          credentials="include"
          .headers=${() => ({ 'X-CSRF-Token': 'csrf-123' })}
        ></pat-generate-dialog>
      `);
      await createToken(el);
      expect(sent(backend)[0]!.headers['x-csrf-token']).to.equal('csrf-123');
      expect(sent(backend)[0]!.credentials).to.equal('include');
    });
  });

  describe('expiration policy', () => {
    it('offers 7, 30, 60 and 90 days and a custom date, with 30 chosen', async () => {
      const { el } = await openDialog();
      const options = [...expirationSelect(el).options].map((option) => [option.value, option.textContent!.trim()]);
      expect(options).to.deep.equal([
        ['7', '7 days'],
        ['30', '30 days'],
        ['60', '60 days'],
        ['90', '90 days'],
        ['custom', 'Custom date…'],
      ]);
      expect(expirationSelect(el).value).to.equal('30');
    });

    it('shows the exact expiry date in the user locale and follows the choice', async () => {
      const { el } = await openDialog();
      expect(expiryText(el)).to.equal(expiresOn(30));
      expect(expiryText(el)).to.match(/^Expires on Sat,? 26 Dec 2026$/);
      expect(expirationSelect(el).getAttribute('aria-describedby')).to.equal('expiry');
      await choose(el, '7');
      expect(expiryText(el)).to.match(/^Expires on Thu,? 3 Dec 2026$/);
      await createToken(el);
      expect(sent(backend)[0]!.body).to.include({ expiresInDays: 7 });
    });

    it('formats the expiry date for the nearest lang', async () => {
      const { el } = await openDialog(undefined, 'de-DE');
      expect(expiryText(el)).to.equal(expiresOn(30, 'de-DE'));
      expect(expiryText(el)).to.contain('Dez');
    });

    it('offers "No expiration" only when allowed, warns about it and sends null', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} allow-no-expiration></pat-generate-dialog>`);
      expect([...expirationSelect(el).options].map((o) => o.value)).to.include('never');
      await choose(el, 'never');
      expect(expiryText(el)).to.contain('never expires');
      await expect(el).to.be.accessible();
      await createToken(el);
      expect(sent(backend)[0]!.body).to.deep.equal({ name: 'CI deploy', expiresInDays: null });
    });

    it('does not offer "No expiration" when a maximum lifetime is set, even if allowed', async () => {
      const { el } = await openDialog(
        html`<pat-generate-dialog endpoint=${ENDPOINT} allow-no-expiration max-lifetime-days="90"></pat-generate-dialog>`,
      );
      expect([...expirationSelect(el).options].map((o) => o.value)).to.deep.equal(['7', '30', '60', '90', 'custom']);
    });

    it('limits presets and the date picker with max-lifetime-days', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="45"></pat-generate-dialog>`);
      expect([...expirationSelect(el).options].map((o) => o.value)).to.deep.equal(['7', '30', 'custom']);
      await choose(el, 'custom');
      expect(dateInput(el).min).to.equal('2026-11-27');
      expect(dateInput(el).max).to.equal('2027-01-10');
    });

    it('starts from the allowed preset nearest to 30 days', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="20"></pat-generate-dialog>`);
      expect(expirationSelect(el).value).to.equal('7');
      expect(expiryText(el)).to.equal(expiresOn(7));
    });

    it('offers the maximum itself when it is shorter than every preset', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="5"></pat-generate-dialog>`);
      expect([...expirationSelect(el).options].map((o) => o.textContent!.trim())).to.deep.equal(['5 days', 'Custom date…']);
      await createToken(el);
      expect(sent(backend)[0]!.body).to.include({ expiresInDays: 5 });
    });

    it('takes its presets from the `presets` property', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} .presets=${[1, 14, 365]}></pat-generate-dialog>`);
      expect([...expirationSelect(el).options].map((o) => o.textContent!.trim())).to.deep.equal([
        '1 day',
        '14 days',
        '365 days',
        'Custom date…',
      ]);
      expect(expirationSelect(el).value).to.equal('14');
    });

    it('sends a custom date as whole days from today', async () => {
      const { el } = await openDialog();
      await choose(el, 'custom');
      expect(dateInput(el).value).to.equal('2026-12-26');
      expect(dateInput(el).labels![0]!.textContent!.trim()).to.equal('Expiration date');
      await fill(el, dateInput(el), '2027-01-15');
      expect(expiryText(el)).to.equal(expiresOn(50));
      await expect(el).to.be.accessible();
      await createToken(el);
      expect(sent(backend)[0]!.body).to.include({ expiresInDays: 50 });
    });

    it('rejects a custom date outside the allowed range, on the date field', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="45"></pat-generate-dialog>`);
      await fill(el, nameInput(el), 'CI deploy');
      await choose(el, 'custom');
      await fill(el, dateInput(el), '2027-02-01');
      submitButton(el).click();
      await el.updateComplete;
      expect(dateInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(dateInput(el).getAttribute('aria-describedby')).to.equal('expiry expiration-error');
      expect($(el, '#expiration-error').textContent!.trim()).to.equal('Pick a date from 27 Nov 2026 to 10 Jan 2027.');
      expectSame(focusedIn(el), dateInput(el));
      await expect(el).to.be.accessible();
      await fill(el, dateInput(el), '');
      expect($(el, '#expiration-error').textContent!.trim()).to.equal('Pick an expiration date.');
      expect(sent(backend)).to.have.length(0);
    });

    it('shows no error on the date picker before it was used, even after a failed submit', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} allow-no-expiration></pat-generate-dialog>`);
      await choose(el, 'never');
      submitButton(el).click(); // no name
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#name-error') !== null, 'the name error').to.equal(true);
      await choose(el, 'custom');
      expect(dateInput(el).value, 'nothing picked yet').to.equal('');
      expect(el.shadowRoot!.querySelector('#expiration-error') === null, 'no error before the date was used').to.equal(true);
      expect(dateInput(el).getAttribute('aria-invalid')).to.equal('false');
      await fill(el, dateInput(el), '2026-11-26');
      expect($(el, '#expiration-error').textContent!.trim(), 'an error once it was').to.equal('Pick a date after today.');
    });

    it('bounds the date picker by the policy, and never promises a date beyond it', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog endpoint=${ENDPOINT} max-lifetime-days="366"></pat-generate-dialog>`);
      await choose(el, 'custom');
      expect([dateInput(el).min, dateInput(el).max]).to.deep.equal(['2026-11-27', '2027-11-27']);
      await fill(el, dateInput(el), '2028-12-01');
      expect(expiryText(el)).to.equal('Pick the date the token should stop working.');
    });

    it('keeps the date left to right on a right-to-left page', async () => {
      const { el } = await openDialog(undefined, 'ar', { dir: 'rtl' });
      await choose(el, 'custom');
      expect(getComputedStyle(dialogOf(el)).direction).to.equal('rtl');
      expect(getComputedStyle(dateInput(el)).direction).to.equal('ltr');
      await expect(el).to.be.accessible();
    });

    it('rejects today as a custom date when there is no maximum', async () => {
      const { el } = await openDialog();
      await fill(el, nameInput(el), 'CI deploy');
      await choose(el, 'custom');
      await fill(el, dateInput(el), '2026-11-26');
      submitButton(el).click();
      await el.updateComplete;
      expect($(el, '#expiration-error').textContent!.trim()).to.equal('Pick a date after today.');
      expect(sent(backend)).to.have.length(0);
    });
  });

  describe('server answers', () => {
    it('puts problem+json field errors on their fields and keeps the input', async () => {
      const { el } = await openDialog();
      backend.failNext('validation', { operation: 'create' });
      await fill(el, nameInput(el), 'Bad name');
      await fill(el, descriptionInput(el), 'Some words');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      const event = await failed;
      await el.updateComplete;
      expect(event.detail.operation).to.equal('create');
      expect(event.detail.error).to.be.instanceOf(HttpError);
      expect($(el, '#name-error').textContent!.trim()).to.equal('This name is not allowed.');
      expect($(el, '#description-error').textContent!.trim()).to.equal('The description is too long.');
      expect(nameInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      expect(nameInput(el).value).to.equal('Bad name');
      expect(descriptionInput(el).value).to.equal('Some words');
      await waitUntil(() => focusedIn(el) === nameInput(el), 'focus did not move to the first invalid field');
      await expect(el).to.be.accessible();
    });

    it('puts a server error on expiresInDays on the expiration field', async () => {
      const { el } = await openDialog();
      await fill(el, nameInput(el), 'Long lived');
      await choose(el, 'custom');
      await fill(el, dateInput(el), '2028-06-01');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      await failed;
      await el.updateComplete;
      expect($(el, '#expiration-error').textContent!.trim()).to.equal('Tokens can live at most 366 days.');
      expect(dateInput(el).getAttribute('aria-invalid')).to.equal('true');
    });

    it('shows a name conflict on the name field', async () => {
      backend.reset([
        {
          id: 'tok_1',
          name: 'CI deploy',
          partialKey: 'pat_AAAA',
          createdAt: '2026-11-01T00:00:00Z',
          expiresAt: null,
        } satisfies Token,
      ]);
      const { el } = await openDialog();
      await fill(el, nameInput(el), 'ci deploy');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      expect(((await failed).detail.error as HttpError).status).to.equal(409);
      await el.updateComplete;
      expect($(el, '#name-error').textContent!.trim()).to.equal('Choose a name that is not in use.');
      expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('shows any other failure at the top in an alert, keeps everything typed, and retries', async () => {
      const { el } = await openDialog();
      backend.failNext('server-error', { operation: 'create' });
      await fill(el, nameInput(el), 'CI deploy');
      await fill(el, descriptionInput(el), 'Deploys');
      await choose(el, '60');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      const event = await failed;
      await el.updateComplete;
      expect((event.detail.error as HttpError).status).to.equal(500);
      const alert = $(el, '[role="alert"]');
      expect(alert.textContent!.trim()).to.equal('Something went wrong on our side. Please try again.');
      expect(nameInput(el).value).to.equal('CI deploy');
      expect(descriptionInput(el).value).to.equal('Deploys');
      expect(expirationSelect(el).value).to.equal('60');
      expect(nameInput(el).disabled).to.equal(false);
      await expect(el).to.be.accessible();

      const created = oneEvent(el, 'pat-token-created');
      submitButton(el).click();
      await created;
      expect(sent(backend).map((r) => r.body)).to.deep.equal([
        { name: 'CI deploy', description: 'Deploys', expiresInDays: 60 },
        { name: 'CI deploy', description: 'Deploys', expiresInDays: 60 },
      ]);
    });

    it('says in plain words when the server cannot be reached', async () => {
      const { el } = await openDialog();
      backend.failNext('network', { operation: 'create' });
      await fill(el, nameInput(el), 'CI deploy');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      await failed;
      await el.updateComplete;
      expect($(el, '[role="alert"]').textContent!.trim()).to.equal("Couldn't reach the server. Check your connection and try again.");
    });

    it('lists field errors it cannot place at the top', async () => {
      await useHandlers(
        http.post(ENDPOINT, () =>
          HttpResponse.json(
            { title: 'Unprocessable Entity', status: 422, errors: { scopes: 'Pick at least one scope.' } },
            { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
          ),
        ),
      );
      const { el } = await openDialog();
      await fill(el, nameInput(el), 'CI deploy');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      await failed;
      await el.updateComplete;
      const alert = $(el, '[role="alert"]');
      expect(alert.querySelector('p')!.textContent!.trim()).to.equal('Unprocessable Entity');
      expect([...alert.querySelectorAll('li')].map((li) => li.textContent!.trim())).to.deep.equal(['Pick at least one scope.']);
    });

    it('shows a response that breaks the contract as not understood, names the field to the developer only, and no secret', async () => {
      const { el } = await openDialog();
      backend.failNext('schema-violation', { operation: 'create' });
      await fill(el, nameInput(el), 'CI deploy');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      const event = await failed;
      await el.updateComplete;
      expect($(el, '[role="alert"]').textContent).to.contain(
        "The server's answer was not understood (it does not have the expected shape).",
      );
      expect($(el, '[role="alert"]').textContent, 'no field path on the screen').not.to.contain('token.id');
      expect(event.detail.error.message, 'the event names the field').to.contain('token.id');
      expect(el.shadowRoot!.querySelector('pat-token-reveal')).to.equal(null);
      expect(event.detail.error.message).not.to.match(/pat_[0-9A-Za-z]{40}/);
      expect(el.shadowRoot!.innerHTML).not.to.match(/pat_[0-9A-Za-z]{40}/);
    });

    it('says so when it has neither endpoint nor client', async () => {
      const { el } = await openDialog(html`<pat-generate-dialog></pat-generate-dialog>`);
      await fill(el, nameInput(el), 'CI deploy');
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      await failed;
      await el.updateComplete;
      expect($(el, '[role="alert"]').textContent).to.contain('not connected to a token service');
    });
  });

  describe('while the request is in flight', () => {
    it('shows progress, disables the fields and sets aria-busy', async () => {
      const { el } = await openDialog();
      backend.failNext('timeout', { operation: 'create' });
      await fill(el, nameInput(el), 'CI deploy');
      nameInput(el).focus();
      await sendKeys({ press: 'Enter' });
      // In flight at this backend (not delivered late to the next test's).
      await waitUntil(() => sent(backend).length === 1, 'no request was sent');
      await el.updateComplete;
      const form = $(el, 'form');
      expect(form.getAttribute('aria-busy')).to.equal('true');
      expect([nameInput(el), descriptionInput(el), expirationSelect(el)].map((f) => f.disabled)).to.deep.equal([true, true, true]);
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(submitButton(el).textContent!.trim()).to.equal('Generating…');
      expectSame(focusedIn(el), submitButton(el));
      await expect(el).to.be.accessible();
    });

    it('sends one POST however often the form is submitted', async () => {
      const fetches = watchFetch();
      try {
        const { el } = await openDialog();
        backend.setLatency(150);
        await fill(el, nameInput(el), 'CI deploy');
        const created = oneEvent(el, 'pat-token-created');
        submitButton(el).click();
        submitButton(el).click();
        $<HTMLFormElement>(el, 'form').requestSubmit();
        await el.updateComplete;
        submitButton(el).click();
        await created;
        expect(fetches.calls.filter((call) => call.method === 'POST')).to.have.length(1);
        expect(sent(backend)).to.have.length(1);
        expect(backend.tokens()).to.have.length(1);
      } finally {
        fetches.restore();
      }
    });

    it('aborts the request when the element is removed, and reports nothing', async () => {
      const fetches = watchFetch();
      const events = captureEvents();
      try {
        const { el } = await openDialog();
        backend.failNext('timeout', { operation: 'create' });
        await fill(el, nameInput(el), 'CI deploy');
        submitButton(el).click();
        await waitUntil(() => fetches.calls.length === 1, 'no request was sent');
        const [call] = fetches.calls;
        expect(call!.signal!.aborted).to.equal(false);
        el.remove();
        expect(call!.signal!.aborted).to.equal(true);
        await call!.settled;
        await el.updateComplete;
        expect(
          events.events.map((event) => event.type),
          'no error, and no close for a removal',
        ).to.deep.equal(['pat-dialog-opened']);
        expect(dialogOf(el).open).to.equal(false);
      } finally {
        events.stop();
        fetches.restore();
      }
    });

    it('aborts the request when the user cancels', async () => {
      const fetches = watchFetch();
      try {
        const { el, opener } = await openDialog();
        backend.failNext('timeout', { operation: 'create' });
        await fill(el, nameInput(el), 'CI deploy');
        submitButton(el).click();
        await waitUntil(() => fetches.calls.length === 1, 'no request was sent');
        $<HTMLButtonElement>(el, '[part~="cancel-button"]').click();
        expect(fetches.calls[0]!.signal!.aborted).to.equal(true);
        await waitUntil(() => !dialogOf(el).open);
        expectSame(document.activeElement, opener);
      } finally {
        fetches.restore();
      }
    });
  });

  describe('after a successful create', () => {
    it('fires pat-token-created with metadata only, then reveals the secret with focus on Copy', async () => {
      const { el } = await openDialog();
      const event = await createToken(el);
      const reveal = revealOf(el);
      const secret = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
      expect(secret).to.match(/^pat_[0-9A-Za-z]{40}$/);
      expect(event.detail.token).to.deep.equal(backend.tokens()[0]);
      expect(containsSecret(event.detail, secret)).to.equal(false);
      expect(dialogOf(el).open).to.equal(true);
      expect(dialogOf(el).contains(reveal)).to.equal(true);
      expect(dialogOf(el).getAttribute('aria-label')).to.equal('Copy your new token “CI deploy” now');
      expectSame(focusedIn(reveal), inReveal(el, '[part~="copy-button"]'));
      await expect(el).to.be.accessible();
    });

    it('keeps the secret on Escape and points the user to Done, with one message that moves nothing', async () => {
      const { el } = await openDialog();
      await createToken(el);
      let closes = 0;
      dialogOf(el).addEventListener('close', () => (closes += 1));
      const height = dialogOf(el).getBoundingClientRect().height;
      await sendKeys({ press: 'Escape' });
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      const reveal = revealOf(el);
      expect(dialogOf(el).open).to.equal(true);
      // Not even briefly closed: the close request was stopped before it began.
      expect(closes).to.equal(0);
      expect(reveal.hasSecret).to.equal(true);
      expectSame(focusedIn(reveal), inReveal(el, '[part~="done-button"]'));
      expect(inReveal(el, '[role="status"]').textContent, 'announced').to.contain('then choose Done');
      // On screen, the one message is the hint by Done, now in the danger colour; the dialog did not grow.
      const shown = [...reveal.shadowRoot!.querySelectorAll<HTMLElement>('p[id]')].filter(
        (p) => p.textContent!.trim() && p.getBoundingClientRect().width > 1 && getComputedStyle(p).visibility !== 'hidden',
      );
      expect(shown.map((p) => p.id)).to.deep.equal(['warning', 'done-hint']);
      expect(inReveal(el, '#done-hint').classList.contains('nudged')).to.equal(true);
      expect(dialogOf(el).getBoundingClientRect().height).to.equal(height);
    });

    it('closes on Escape once the user confirmed storing the token', async () => {
      const { el, opener } = await openDialog();
      await createToken(el);
      inReveal<HTMLInputElement>(el, '[part="acknowledge"] input').click();
      await revealOf(el).updateComplete;
      const dismissed = oneEvent(el, 'pat-reveal-dismissed');
      await sendKeys({ press: 'Escape' });
      expect((await dismissed).detail.copied).to.equal(false);
      await waitUntil(() => !dialogOf(el).open);
      expectSame(document.activeElement, opener);
    });

    it('reopens instead of losing the secret when a close request cannot be cancelled', async () => {
      const { el } = await openDialog();
      await createToken(el);
      dialogOf(el).close();
      await waitUntil(() => dialogOf(el).open, 'the dialog stayed closed');
      expect(dialogOf(el).matches(':modal')).to.equal(true);
      expect(revealOf(el).hasSecret).to.equal(true);
      expect(el.open).to.equal(true);
    });

    it('ignores backdrop clicks while the secret is shown', async () => {
      const { el } = await openDialog();
      await createToken(el);
      await sendMouse({ type: 'click', position: [3, 3] });
      await el.updateComplete;
      expect(dialogOf(el).open).to.equal(true);
      expect(revealOf(el).hasSecret).to.equal(true);
    });

    it('closes on Done, returns focus to the opener and leaves no trace of the secret', async () => {
      const watch = watchForSecrets();
      try {
        clipboard = stubClipboard();
        const { el, opener } = await openDialog(html`
          <pat-generate-dialog endpoint=${ENDPOINT} usage-template="curl -H 'Authorization: Bearer {token}' /api/me"></pat-generate-dialog>
        `);
        await createToken(el);
        const secret = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
        expect(inReveal<HTMLTextAreaElement>(el, '[part="usage"]').value).to.equal(`curl -H 'Authorization: Bearer ${secret}' /api/me`);
        const copied = oneEvent(el, 'pat-secret-copied');
        inReveal<HTMLButtonElement>(el, '[part~="copy-button"]').click();
        await copied;
        await revealOf(el).updateComplete;
        const dismissed = oneEvent(el, 'pat-reveal-dismissed');
        inReveal<HTMLButtonElement>(el, '[part~="done-button"]').click();
        await dismissed;
        await waitUntil(() => !dialogOf(el).open);
        await el.updateComplete;

        expect(el.open).to.equal(false);
        expectSame(document.activeElement, opener);
        expect(clipboard.writes).to.deep.equal([secret]);
        expect(el.shadowRoot!.querySelector('pat-token-reveal')).to.equal(null);
        expect(watch.events.map((e) => e.type)).to.deep.equal([
          'pat-dialog-opened',
          'pat-token-created',
          'pat-secret-copied',
          'pat-reveal-dismissed',
          'pat-dialog-closed',
        ]);
        expectNoSecretAnywhere(secret, watch, [el]);
      } finally {
        watch.stop();
      }
    });

    it('wipes the secret when the host closes it or removes it', async () => {
      const { el } = await openDialog();
      await createToken(el);
      const secret = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
      const reveal = revealOf(el);
      el.close();
      await waitUntil(() => !dialogOf(el).open);
      await el.updateComplete;
      expect(reveal.hasSecret).to.equal(false);
      expect(findSecretInPage(secret)).to.deep.equal([]);

      el.show();
      await el.updateComplete;
      await createToken(el, 'Second');
      const second = inReveal<HTMLTextAreaElement>(el, '[part="secret"]').value;
      const secondReveal = revealOf(el);
      el.remove();
      await el.updateComplete;
      expect(secondReveal.hasSecret).to.equal(false);
      expect(el.shadowRoot!.innerHTML).not.to.contain(second);
      expect(findSecretInPage(second)).to.deep.equal([]);
    });

    it('passes strings to the reveal and exports its parts', async () => {
      const style = document.createElement('style');
      style.textContent = 'pat-generate-dialog::part(secret) { border-top-color: rgb(1, 2, 3); }';
      document.head.append(style);
      try {
        const { el } = await openDialog(html`
          <pat-generate-dialog
            endpoint=${ENDPOINT}
            .strings=${{ dialogHeading: 'Neues Token', revealDone: 'Fertig' }}
          ></pat-generate-dialog>
        `);
        expect($(el, 'h2').textContent!.trim()).to.equal('Neues Token');
        await createToken(el);
        expect(inReveal(el, '[part~="done-button"]').textContent!.trim()).to.equal('Fertig');
        expect(getComputedStyle(inReveal(el, '[part="secret"]')).borderTopColor).to.equal('rgb(1, 2, 3)');
      } finally {
        style.remove();
      }
    });
  });

  it('works with the keyboard alone, from the opener to the opener', async () => {
    clipboard = stubClipboard();
    const page = fixtureSync<HTMLDivElement>(html`
      <div lang="en-GB">
        <button id="opener" @click=${() => page.querySelector('pat-generate-dialog')!.show()}>Generate new token</button>
        <pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>
      </div>
    `);
    const opener = page.querySelector<HTMLButtonElement>('#opener')!;
    const el = page.querySelector('pat-generate-dialog')!;
    await el.updateComplete;
    opener.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedIn(el) === nameInput(el), 'focus did not reach the name field');
    await sendKeys({ type: 'Keyboard token' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Typed, not clicked' });
    await sendKeys({ press: 'Tab' });
    expectSame(focusedIn(el), expirationSelect(el));
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(expirationSelect(el).value).to.equal('60');
    const created = oneEvent(el, 'pat-token-created');
    nameInput(el).focus();
    await sendKeys({ press: 'Enter' });
    await created;
    await waitUntil(
      () => el.shadowRoot!.querySelector('pat-token-reveal')?.shadowRoot?.activeElement?.matches('[part~="copy-button"]'),
      'focus did not reach Copy',
    );
    const copied = oneEvent(el, 'pat-secret-copied');
    await sendKeys({ press: 'Enter' });
    await copied;
    await revealOf(el).updateComplete;
    // Past the acknowledgement checkbox, whose Tab stop comes first.
    await tabUntil('[part~="done-button"]', { limit: 2 });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => !dialogOf(el).open, 'Done did not close the dialog');
    expectSame(document.activeElement, opener);
    expect(sent(backend)[0]!.body).to.deep.equal({
      name: 'Keyboard token',
      description: 'Typed, not clicked',
      expiresInDays: 60,
    });
  });
});
