/**
 * Property-based fuzzing through the elements: generated answers travel through msw (the real
 * network path) into `<pat-token-list>`. Each case must end in a valid render (a row per token,
 * or the empty state) or the error state with a message, with no uncaught error and no
 * `undefined`, `NaN` or `Invalid Date` on screen.
 *
 * Fewer runs than fuzz-client.test.ts (which does 1,500 per operation on the parse layer): a
 * rendered case costs a fixture, a request through the service worker and a settle (~20 ms), so
 * 150 list, 100 delete and 100 create cases keep this file near half a minute while still covering
 * every shape the generators make (each weighted branch is hit dozens of times).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import { http } from 'msw';
import { PartialListError } from '../../src/api/errors.js';
import { parseCreateResponse, parseJson, parseListResponse } from '../../src/api/parse.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { confirmDialog, deleteButton, NOW, renderList, rowIds, settled, token } from '../support/list-harness.js';
import { createResponse, listResponse, revokeResponse, toResponse, type GeneratedResponse } from '../support/arbitraries.js';
import { inDialog, revealOf, submitForm } from '../support/dialog-harness.js';
import { allText, watchUncaught } from '../support/page.js';

const BAD_WORDS = /undefined|NaN|Invalid Date|\[object /;

/** What the contract says this answer is: the tokens (the valid ones of a partly broken list), or undefined for a failure. */
function expectedTokens(answer: GeneratedResponse): unknown[] | undefined {
  if (answer.status !== 200) return undefined;
  try {
    return parseListResponse(parseJson(answer.body, answer.contentType)).tokens;
  } catch (error) {
    return error instanceof PartialListError ? error.tokens : undefined;
  }
}

describe('fuzzing the rendering', () => {
  let uncaught: ReturnType<typeof watchUncaught>;
  beforeEach(() => {
    setClock(NOW);
    uncaught = watchUncaught();
  });
  afterEach(() => {
    setClock();
    uncaught.stop();
  });

  it('<pat-token-list>: 150 generated list answers end in rows, the empty state or a clear error', async function () {
    this.timeout(120_000);
    let answer: GeneratedResponse | undefined;
    await useMockBackend({ endpoint: '/api/unused' });
    await useHandlers(http.get('/api/fuzz', () => toResponse(answer!)));
    await fc.assert(
      fc.asyncProperty(listResponse, async (generated) => {
        answer = generated;
        const el = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/fuzz" no-generate></pat-token-list>`);
        try {
          await waitUntil(() => settled(el), 'the list did not settle', { interval: 5 });
          await el.updateComplete;
          const tokens = expectedTokens(generated);
          const root = el.shadowRoot!;
          if (tokens === undefined) {
            const alert = root.querySelector('[part~=error] [role=alert]');
            expect(alert !== null, 'the error state is shown').to.be.true;
            expect(alert!.textContent!.trim()).to.not.equal('');
          } else if (tokens.length === 0) {
            expect(root.querySelector('[part~=empty]') !== null, 'the empty state is shown').to.be.true;
          } else {
            expect(rowIds(el)).to.have.length(tokens.length);
          }
          const shown = allText(root);
          if (!BAD_WORDS.test(generated.body))
            expect(BAD_WORDS.test(shown), `nothing garbled on screen: ${shown.slice(0, 300)}`).to.be.false;
          expect(uncaught.errors).to.deep.equal([]);
        } finally {
          el.remove();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('<pat-token-list>: 100 generated delete answers remove the row or keep it with a clear message', async function () {
    this.timeout(120_000);
    let answer: GeneratedResponse | undefined;
    const backend = await useMockBackend({ seed: [] });
    await useHandlers(http.delete('/api/tokens/:id', () => toResponse(answer!)));
    await fc.assert(
      fc.asyncProperty(revokeResponse, async (generated) => {
        answer = generated;
        backend.reset([token({ id: 'tok_a', name: 'Alpha' }), token({ id: 'tok_b', name: 'Beta' })]);
        const el = await renderList(html`<pat-token-list endpoint="/api/tokens" no-generate></pat-token-list>`);
        try {
          deleteButton(el, 'tok_a').click();
          await waitUntil(() => confirmDialog(el).open, 'the confirmation did not open');
          confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
          const deleted = (generated.status >= 200 && generated.status < 300) || generated.status === 404;
          const rowError = () => el.shadowRoot!.querySelector('tr[data-id="tok_a"] [part~=row-error] [role=alert]');
          await waitUntil(
            () => (deleted ? !rowIds(el).includes('tok_a') : rowError() !== null),
            `the delete did not settle as expected for HTTP ${generated.status}`,
            { interval: 5 },
          );
          if (!deleted) {
            expect(rowIds(el), 'a failed delete keeps its row').to.deep.equal(['tok_a', 'tok_b']);
            expect(rowError()!.textContent).to.contain("Couldn't delete this token.");
          }
          const shown = allText(el.shadowRoot!);
          if (!BAD_WORDS.test(generated.body))
            expect(BAD_WORDS.test(shown), `nothing garbled on screen: ${shown.slice(0, 300)}`).to.be.false;
          expect(uncaught.errors).to.deep.equal([]);
        } finally {
          el.remove();
        }
      }),
      { numRuns: 100 },
    );
  });

  it('<pat-generate-dialog>: 100 generated create answers end in the reveal or a clear error with the input kept', async function () {
    this.timeout(120_000);
    let answer: GeneratedResponse | undefined;
    await useMockBackend({ seed: [] });
    await useHandlers(http.post('/api/tokens', () => toResponse(answer!)));
    await fc.assert(
      fc.asyncProperty(createResponse, async (generated) => {
        answer = generated;
        const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog endpoint="/api/tokens"></pat-generate-dialog>`);
        try {
          el.show();
          await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog did not open', { interval: 5 });
          await submitForm(el, 'Fuzzed');
          let valid = generated.status >= 200 && generated.status < 300;
          try {
            if (valid) parseCreateResponse(parseJson(generated.body, generated.contentType));
          } catch {
            valid = false;
          }
          await waitUntil(
            () => (valid ? revealOf(el)?.hasSecret === true : el.shadowRoot!.querySelector('[part~=error], [part~=field-error]') !== null),
            `the create did not settle as expected for HTTP ${generated.status}`,
            { interval: 5 },
          );
          if (!valid) {
            expect(inDialog<HTMLInputElement>(el, '#name')!.value, 'the name is kept').to.equal('Fuzzed');
            expect(revealOf(el), 'no reveal').to.equal(null);
          }
          const shown = allText(el.shadowRoot!);
          if (!BAD_WORDS.test(generated.body))
            expect(BAD_WORDS.test(shown), `nothing garbled on screen: ${shown.slice(0, 300)}`).to.be.false;
          expect(uncaught.errors).to.deep.equal([]);
        } finally {
          el.remove();
        }
      }),
      { numRuns: 100 },
    );
  });
});
