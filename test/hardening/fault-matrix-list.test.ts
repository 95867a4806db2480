/**
 * The fault matrix, list and delete columns, through `<pat-token-list>`: every fault kind shows a
 * clear message, loses nothing (rows shown before a failed refresh stay, a failed delete keeps its
 * row) and can be retried. Requests go through real `RestTokenClient`s; only the one that the
 * `timeout` fault holds gets a short timeout (see `test/support/short-timeout-client.ts`).
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TokenOperation } from '../../src/api/token-client.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend, MockFault } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import { useMockBackend } from '../support/mock-backend.js';
import {
  $,
  confirmDialog,
  deleteButton,
  exists,
  NOW,
  renderList,
  row,
  rowIds,
  sampleTokens,
  settled,
  text,
} from '../support/list-harness.js';
import { shortTimeoutClient, type ShortTimeoutClient } from '../support/short-timeout-client.js';

/** Each fault kind, and what the user reads for it on a list or delete request. */
const FAULTS: readonly { fault: MockFault; message: RegExp }[] = [
  { fault: 'server-error', message: /Something went wrong on our side/ },
  { fault: 'unauthorized', message: /session has expired/ },
  { fault: 'forbidden', message: /do not have permission/ },
  { fault: 'not-found', message: /does not exist/ },
  { fault: 'conflict', message: /already exists/ },
  { fault: 'validation', message: /Some fields are invalid/ },
  { fault: 'timeout', message: /took too long/ },
  { fault: 'network', message: /Couldn't reach the server/ },
  { fault: 'malformed-json', message: /not valid JSON/ },
  { fault: 'schema-violation', message: /answer was not understood \(it does not have the expected shape\)/ },
];

/** A DELETE's success is its status: these faults delete and then send a bad body, or say "already gone". */
const DELETE_SUCCEEDS: readonly MockFault[] = ['not-found', 'malformed-json', 'schema-violation'];

async function confirmDelete(el: PatTokenList, id: string): Promise<void> {
  deleteButton(el, id).click();
  await waitUntil(() => confirmDialog(el).open, 'the confirmation did not open');
  confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
}

describe('fault matrix through <pat-token-list>', () => {
  let backend: MockBackend;
  let requests: ShortTimeoutClient;
  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ seed: sampleTokens() });
    requests = shortTimeoutClient();
  });
  afterEach(() => setClock());

  /** The next request of `operation` meets `fault` (with the short timeout when it never answers). */
  function failNext(fault: MockFault, operation: TokenOperation): void {
    backend.failNext(fault, { operation });
    if (fault === 'timeout') requests.timeOutNext();
  }

  function renderWithClient(): Promise<PatTokenList> {
    return renderList(html`<pat-token-list .client=${requests.client}></pat-token-list>`);
  }

  /** The list with the 4 sample tokens loaded; a failed first load is named, not taken for rows. */
  async function renderLoaded(): Promise<PatTokenList> {
    const el = await renderWithClient();
    expect(exists(el.shadowRoot!, '[part~=error]'), `the first load failed: ${text(el.shadowRoot!.querySelector('[part~=error]') ?? el)}`)
      .to.be.false;
    expect(rowIds(el), 'the first load shows the tokens').to.have.length(4);
    return el;
  }

  for (const { fault, message } of FAULTS) {
    describe(fault, () => {
      it('list: the first load shows the message with Retry, and Retry loads the tokens', async () => {
        failNext(fault, 'list');
        const failed = new Promise<CustomEvent>((resolve) =>
          document.addEventListener('pat-error', (e) => resolve(e as CustomEvent), { once: true }),
        );
        const el = await renderWithClient();
        expect((await failed).detail.operation).to.equal('list');
        const alert = $(el, '[part~=error] [role=alert]');
        expect(text(alert)).to.match(message);
        await expect(el).to.be.accessible();

        $(el, '[part~=error] button[part~=retry-button]').click();
        await waitUntil(() => rowIds(el).length === 4, 'Retry did not load the tokens');
        expect(exists(el.shadowRoot!, '[part~=error]'), 'the error is gone').to.be.false;
      });

      it('list: a failed refresh keeps the rows, says why, and Retry refreshes', async () => {
        const el = await renderLoaded();
        failNext(fault, 'list');
        await el.refresh();
        await el.updateComplete;
        expect(rowIds(el), 'rows kept').to.have.length(4);
        expect(text($(el, '[part~=alert] [role=alert]'))).to.match(message);
        await expect(el).to.be.accessible();

        backend.reset(sampleTokens().slice(0, 2));
        $(el, '[part~=alert] button[part~=retry-button]').click();
        await waitUntil(() => rowIds(el).length === 2 && settled(el), 'Retry did not refresh');
        expect(exists(el.shadowRoot!, '[part~=alert]'), 'the alert is gone').to.be.false;
      });

      if (DELETE_SUCCEEDS.includes(fault)) {
        it('delete: the token is gone on the server, so the row goes and no error shows', async () => {
          const el = await renderLoaded();
          failNext(fault, 'revoke');
          const deleted = oneEvent(el, 'pat-token-deleted');
          await confirmDelete(el, 'tok_tf');
          await deleted;
          await el.updateComplete;
          expect(rowIds(el)).to.not.include('tok_tf');
          expect(exists(el.shadowRoot!, '[part~=alert]'), 'no error shown').to.be.false;
        });
      } else {
        it('delete: the row stays with the reason in it, and deleting again works', async () => {
          const el = await renderLoaded();
          failNext(fault, 'revoke');
          const failed = oneEvent(el, 'pat-error');
          await confirmDelete(el, 'tok_tf');
          expect((await failed).detail.operation).to.equal('revoke');
          await el.updateComplete;
          expect(rowIds(el), 'every row kept').to.deep.equal(['tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
          expect(deleteButton(el, 'tok_tf').hasAttribute('aria-disabled'), 'the row can be deleted again').to.be.false;
          const reason = text(row(el, 'tok_tf').querySelector('[part~=row-error] [role=alert]')!);
          expect(reason).to.match(/^Couldn't delete this token\. /);
          expect(reason).to.match(message);
          expect(backend.tokens().map((t) => t.id)).to.include('tok_tf');
          await expect(el).to.be.accessible();

          const deleted = oneEvent(el, 'pat-token-deleted');
          await confirmDelete(el, 'tok_tf');
          await deleted;
          await el.updateComplete;
          expect(rowIds(el)).to.deep.equal(['tok_ci', 'tok_graf', 'tok_old']);
          expect(backend.tokens().map((t) => t.id)).to.not.include('tok_tf');
        });
      }
    });
  }
});
