/**
 * The fault matrix, rotate column, through `<pat-generate-dialog>` in regenerate mode with the
 * real client (short timeout): every fault the mock has says why (on the field the server named,
 * or above the form), keeps the user's choices, leaves the dialog open with no secret, and
 * submitting again regenerates the token. Faults that still answer correctly (slow, extra fields)
 * regenerate at once. (A 404 has its own behaviour: see regenerate.test.ts.)
 */
import { expect, html, oneEvent } from '@open-wc/testing';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import { MOCK_FAULTS, type MockBackend, type MockFault } from '../../src/mock/index.js';
import {
  $,
  ENDPOINT,
  choose,
  expirationSelect,
  inDialog,
  openDialog,
  revealOf,
  submitButton,
  waitForReveal,
  sent,
} from '../support/dialog-harness.js';
import { useMockBackend } from '../support/mock-backend.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const DAY = 86_400_000;

const FAILING: Partial<Record<MockFault, RegExp>> = {
  'server-error': /Something went wrong on our side/,
  unauthorized: /session has expired/,
  forbidden: /do not have permission/,
  conflict: /already been regenerated/,
  validation: /This lifetime is not allowed[\s\S]*This grace period is not allowed/,
  'non-json-error': /HTTP 502/,
  network: /Couldn't reach the server/,
  timeout: /took too long/,
  'malformed-json': /not valid JSON/,
  'schema-violation': /answer was not understood \(it does not have the expected shape\)/,
};
/** Faults after which the answer is still a valid rotation. */
const SUCCEEDING: readonly MockFault[] = ['slow', 'extra-fields'];
/** Not a fault of rotate (`empty-list`), or one with its own behaviour (`not-found`). */
const ELSEWHERE: readonly MockFault[] = ['empty-list', 'not-found'];

const token: Token = {
  id: 'tok_ci',
  name: 'CI deploy',
  partialKey: 'pat_7Qm2',
  createdAt: new Date(NOW.getTime() - 30 * DAY).toISOString(),
  expiresAt: new Date(NOW.getTime() + 60 * DAY).toISOString(),
  lastUsedAt: null,
};

async function regenerate(): Promise<PatGenerateDialog> {
  const client = new RestTokenClient({ endpoint: ENDPOINT, timeoutMs: 1500 });
  const { el } = await openDialog(html`<pat-generate-dialog .client=${client}></pat-generate-dialog>`, 'en-US', { regenerate: token });
  // The user's choices, which a failure must not undo.
  await choose(el, '60');
  await choose(el, '24', $<HTMLSelectElement>(el, '#grace'));
  return el;
}

/** The form's text: the error above it and the messages under its fields. */
function errorsShown(el: PatGenerateDialog): string {
  return [...el.shadowRoot!.querySelectorAll('[part~=error], [part~=field-error]')].map((node) => node.textContent).join(' ');
}

const rotations = (backend: MockBackend) =>
  sent(backend)
    .filter((r) => r.operation === 'rotate')
    .map((r) => r.body);

describe('fault matrix through <pat-generate-dialog> regenerating a token', () => {
  let backend: MockBackend;
  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, seed: [token], slowMs: 200 });
  });
  afterEach(() => setClock());

  it('covers every fault the mock has', () => {
    expect([...Object.keys(FAILING), ...SUCCEEDING, ...ELSEWHERE].sort()).to.deep.equal([...MOCK_FAULTS].sort());
  });

  for (const [fault, message] of Object.entries(FAILING) as [MockFault, RegExp][]) {
    it(`${fault}: says why, keeps the choices, and a second submit regenerates the token`, async () => {
      const el = await regenerate();
      backend.failNext(fault, { operation: 'rotate' });
      const failed = oneEvent(el, 'pat-error');
      submitButton(el).click();
      expect((await failed).detail.operation).to.equal('rotate');
      await el.updateComplete;

      expect(errorsShown(el)).to.match(message);
      expect(expirationSelect(el).value, 'lifetime kept').to.equal('60');
      expect($<HTMLSelectElement>(el, '#grace').value, 'grace period kept').to.equal('24');
      expect(inDialog<HTMLDialogElement>(el, 'dialog')!.open, 'still open').to.equal(true);
      expect(revealOf(el) === null, 'no reveal').to.equal(true);
      await expect(el).to.be.accessible();

      const rotated = oneEvent(el, 'pat-token-rotated');
      submitButton(el).click();
      expect((await rotated).detail.previous?.id).to.equal('tok_ci');
      expect((await waitForReveal(el)).hasSecret).to.equal(true);
      const request = { expiresInDays: 60, gracePeriodHours: 24 };
      expect(rotations(backend)).to.deep.equal([request, request]);
    });
  }

  for (const fault of SUCCEEDING) {
    it(`${fault}: regenerates the token at once`, async () => {
      const el = await regenerate();
      backend.failNext(fault, { operation: 'rotate' });
      const rotated = oneEvent(el, 'pat-token-rotated');
      submitButton(el).click();
      const { token: created, previous } = (await rotated).detail;
      expect(created.name).to.equal('CI deploy');
      expect(previous?.replacedBy).to.equal(created.id);
      // Unknown extra fields are dropped, not passed on.
      expect(Object.keys(created)).not.to.include('owner');
      await waitForReveal(el);
      expect(rotations(backend)).to.have.length(1);
    });
  }
});
