/**
 * The fault matrix, create column, through `<pat-generate-dialog>` with the real client (a short
 * timeout only for the request the `timeout` fault holds): every fault shows a clear message (on
 * the field the server named, or above the form), keeps what the user typed, leaves the dialog
 * open with no secret, and submitting again works. Also: hostile problem titles, details and
 * field errors are shown as text.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend, MockFault } from '../../src/mock/index.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { NOW } from '../support/list-harness.js';
import { inDialog, revealOf, submitForm, waitForReveal } from '../support/dialog-harness.js';
import { elementCounts, nextTask } from '../support/page.js';
import { shortTimeoutClient, type ShortTimeoutClient } from '../support/short-timeout-client.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const FAULTS: readonly { fault: MockFault; message: RegExp }[] = [
  { fault: 'server-error', message: /Something went wrong on our side/ },
  { fault: 'unauthorized', message: /session has expired/ },
  { fault: 'forbidden', message: /do not have permission/ },
  { fault: 'not-found', message: /does not exist/ },
  { fault: 'conflict', message: /Choose a name that is not in use/ },
  { fault: 'validation', message: /This name is not allowed[\s\S]*The description is too long/ },
  { fault: 'timeout', message: /took too long/ },
  { fault: 'network', message: /Couldn't reach the server/ },
  { fault: 'malformed-json', message: /not valid JSON/ },
  { fault: 'schema-violation', message: /answer was not understood \(it does not have the expected shape\)/ },
];

const NAME = 'Deploy bot';
const DESCRIPTION = 'Pushes release builds';

async function openDialog(client: ShortTimeoutClient['client']): Promise<PatGenerateDialog> {
  const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog .client=${client}></pat-generate-dialog>`);
  el.show();
  await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog did not open');
  return el;
}

/** The form's text: the error above it and the messages under its fields. */
function errorsShown(el: PatGenerateDialog): string {
  return [...el.shadowRoot!.querySelectorAll('[part~=error], [part~=field-error]')].map((node) => node.textContent).join(' ');
}

describe('fault matrix through <pat-generate-dialog>', () => {
  let backend: MockBackend;
  let requests: ShortTimeoutClient;
  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ seed: [] });
    requests = shortTimeoutClient();
  });
  afterEach(() => setClock());

  for (const { fault, message } of FAULTS) {
    it(`${fault}: says why, keeps the typed input, and a second submit creates the token`, async () => {
      const el = await openDialog(requests.client);
      backend.failNext(fault, { operation: 'create' });
      if (fault === 'timeout') requests.timeOutNext();
      const failed = oneEvent(el, 'pat-error');
      await submitForm(el, NAME, DESCRIPTION);
      expect((await failed).detail.operation).to.equal('create');
      await el.updateComplete;

      expect(errorsShown(el)).to.match(message);
      expect(inDialog<HTMLInputElement>(el, '#name')!.value, 'name kept').to.equal(NAME);
      expect(inDialog<HTMLTextAreaElement>(el, '#description')!.value, 'description kept').to.equal(DESCRIPTION);
      expect(inDialog<HTMLDialogElement>(el, 'dialog')!.open, 'still open').to.be.true;
      expect(revealOf(el), 'no reveal').to.equal(null);
      await expect(el).to.be.accessible();

      inDialog<HTMLButtonElement>(el, '#submit')!.click();
      const reveal = await waitForReveal(el);
      expect(reveal.hasSecret).to.be.true;
      expect(backend.tokens().map((t) => t.name)).to.include(NAME);
    });
  }

  it(`shows ${XSS_PAYLOADS.length} hostile problem titles, details and field errors as text`, async () => {
    const el = await openDialog(requests.client);
    delete window.__patPwned;
    let payload = '';
    await useHandlers(
      http.post('/api/tokens', () =>
        HttpResponse.json(
          { title: payload, status: 422, detail: payload, errors: { name: payload, description: [payload, payload], other: payload } },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    );
    let expected: Record<string, number> | undefined;
    for (const next of ['Benign message', ...XSS_PAYLOADS]) {
      payload = next;
      const failed = oneEvent(el, 'pat-error');
      if (expected) inDialog<HTMLButtonElement>(el, '#submit')!.click();
      else await submitForm(el, NAME, DESCRIPTION);
      await failed;
      await el.updateComplete;
      const counts = elementCounts(el.parentNode!);
      expected ??= counts;
      expect(counts, `no element injected by ${JSON.stringify(next.slice(0, 40))}`).to.deep.equal(expected);
      expect(inDialog(el, '#name-error')!.textContent).to.contain(next.trim());
      expect(inDialog(el, '#description-error')!.textContent).to.contain(next.trim());
      expect(inDialog(el, '[part~=error]')!.textContent).to.contain(next.trim());
    }
    await nextTask();
    await nextTask();
    expect(window.__patPwned, 'a payload ran').to.equal(undefined);
  });
});
