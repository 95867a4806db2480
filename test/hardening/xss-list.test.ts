/**
 * XSS through `<pat-token-list>`: hostile names, descriptions, partial keys, problem titles and
 * details, and filter text are shown as text. Nothing runs (`window.__patPwned` stays unset) and
 * no element is injected: every shadow root holds as many elements as in a run with benign
 * strings of the same shape.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setClock } from '../../src/internal/clock.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { $, cell, confirmDialog, deleteButton, NOW, renderList, token } from '../support/list-harness.js';
import { elementCounts, nextTask } from '../support/page.js';
import { XSS_PAYLOADS } from '../support/xss-payloads.js';

const tokensNamed = (names: readonly string[]) =>
  names.map((name, i) => token({ id: `tok_${i}`, name, description: name, partialKey: name }));

const benign = XSS_PAYLOADS.map((_, i) => `Benign token ${i}`);

async function expectNothingRan(): Promise<void> {
  // An injected <img src=x onerror> fires after its load fails: give the page a task to do so.
  await nextTask();
  await nextTask();
  expect(window.__patPwned, 'a payload ran').to.equal(undefined);
}

function problem(status: number, text: string) {
  return HttpResponse.json({ title: text, status, detail: text }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('XSS through <pat-token-list>', () => {
  beforeEach(() => {
    setClock(NOW);
    delete window.__patPwned;
  });
  afterEach(() => setClock());

  it(`shows ${XSS_PAYLOADS.length} hostile names, descriptions and partial keys as text, injecting nothing`, async () => {
    const backend = await useMockBackend({ seed: tokensNamed(benign) });
    const benignList = await renderList();
    const expected = elementCounts(benignList.parentNode!);
    benignList.remove();

    backend.reset(tokensNamed(XSS_PAYLOADS));
    const el = await renderList();
    expect(elementCounts(el.parentNode!)).to.deep.equal(expected);
    XSS_PAYLOADS.forEach((payload, i) => {
      const id = `tok_${i}`;
      expect(cell(el, id, 'name-cell').querySelector('[part~=name]')!.textContent, `name ${i}`).to.equal(payload);
      expect(cell(el, id, 'name-cell').querySelector('[part~=description]')!.textContent, `description ${i}`).to.equal(payload);
      expect(cell(el, id, 'key-cell').querySelector('[part~=key]')!.textContent, `partial key ${i}`).to.equal(payload);
      expect(deleteButton(el, id).getAttribute('aria-label'), `delete label ${i}`).to.contain(payload);
    });
    await expectNothingRan();
  });

  it('names a hostile token as text in the delete confirmation, and shows a hostile failure as text in its row', async () => {
    const payload = XSS_PAYLOADS[0]!;
    const detail = XSS_PAYLOADS[5]!;
    await useMockBackend({ seed: [token({ id: 'tok_x', name: payload })] });
    await useHandlers(http.delete('/api/tokens/:id', () => problem(500, detail)));
    const el = await renderList();
    const before = elementCounts(el.parentNode!);

    deleteButton(el, 'tok_x').click();
    await waitUntil(() => confirmDialog(el).open, 'the confirmation did not open');
    expect(confirmDialog(el).querySelector('.subject-name')!.textContent).to.contain(payload);
    confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    const rowError = () => el.shadowRoot!.querySelector('tr[data-id="tok_x"] [part~=row-error]');
    await waitUntil(() => rowError() !== null, 'the failure was not shown');
    expect(rowError()!.closest('tr')!.querySelector('[part~=name]')!.textContent).to.equal(payload);
    expect(rowError()!.querySelector('[role=alert]')!.textContent).to.contain(detail);
    // The message in the row, its text, Retry and Dismiss are the only new elements.
    const after = elementCounts(el.parentNode!);
    expect(after['pat-token-list']).to.equal(before['pat-token-list']! + 4);
    await expectNothingRan();
  });

  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    it(`shows problem title/detail #${i} of a failed load as text`, async () => {
      await useMockBackend({ seed: [] });
      await useHandlers(http.get('/api/tokens', () => problem(503, payload)));
      const el = await renderList();
      expect($(el, '[part~=error] [role=alert]').textContent).to.contain(payload);
      // Heading and message, the alert and Retry: nothing more.
      expect(el.shadowRoot!.querySelector('[part~=error]')!.querySelectorAll('*').length).to.equal(4);
      await expectNothingRan();
    });
  }

  it('echoes hostile filter text as text in "no matches"', async () => {
    await useMockBackend({ seed: tokensNamed(['Alpha']) });
    const el: PatTokenList = await renderList();
    const filter = $<HTMLInputElement>(el, 'input[part~=filter]');
    for (const payload of XSS_PAYLOADS.slice(0, 12)) {
      filter.value = payload;
      filter.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const noMatches = el.shadowRoot!.querySelector('.no-matches p');
      expect(noMatches?.textContent, 'no matches names the filter').to.contain(payload.trim());
      expect(el.shadowRoot!.querySelectorAll('.no-matches *').length, 'cell, message and button only').to.equal(3);
    }
    await expectNothingRan();
  });
});
