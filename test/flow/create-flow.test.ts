/**
 * The whole create flow as a user lives it, through `<pat-token-list>`: open the dialog, fill it,
 * submit, copy the secret, dismiss, and find the new token in the list — with the keyboard only,
 * checking where focus is at each step and that the secret is gone afterwards.
 */
import { expect, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { useMockBackend } from '../support/mock-backend.js';
import { describeFocus, focusIs, tabUntil } from '../support/focus.js';
import { expectNoSecretAnywhere, stubClipboard, watchForSecrets, type ClipboardStub } from '../support/secret-hygiene.js';
import { LOAD_TIMEOUT_MS } from '../support/list-harness.js';

const NOW = new Date('2026-11-26T12:00:00Z');
const ENDPOINT = '/api/tokens';

const existing: Token = {
  id: 'tok_existing',
  name: 'Terraform Cloud',
  description: 'State sync',
  partialKey: 'pat_Kx9d',
  createdAt: '2026-10-01T09:00:00Z',
  expiresAt: '2027-01-01T09:00:00Z',
  lastUsedAt: null,
};

const dialogIn = (list: PatTokenList) => list.shadowRoot!.querySelector<PatGenerateDialog>('pat-generate-dialog')!;
const nativeDialog = (list: PatTokenList) => dialogIn(list).shadowRoot!.querySelector('dialog')!;
const revealIn = (list: PatTokenList) => dialogIn(list).shadowRoot!.querySelector<PatTokenReveal>('pat-token-reveal') ?? undefined;
const rowIds = (list: PatTokenList) =>
  [...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id]')].map((row) => row.dataset.id);

async function renderList(): Promise<PatTokenList> {
  // fixtureSync: `fixture` waits a frame for a plain root, and a background test page gets none.
  const page = fixtureSync<HTMLDivElement>(html` <div lang="en-GB"><pat-token-list endpoint=${ENDPOINT}></pat-token-list></div> `);
  const list = page.querySelector('pat-token-list')!;
  await waitUntil(() => rowIds(list).length > 0, 'the list did not load', { timeout: LOAD_TIMEOUT_MS });
  return list;
}

describe('create flow: list → dialog → reveal → list', function () {
  // A flow sends some twenty keys through the test runner and runs axe three times: on a busy
  // machine that takes longer than the default 10 s, though nothing is wrong.
  this.timeout(30_000);
  let backend: MockBackend;
  let clipboard: ClipboardStub;

  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ endpoint: ENDPOINT, now: () => NOW, seed: [existing] });
    clipboard = stubClipboard();
  });

  afterEach(() => {
    clipboard.restore();
    setClock();
  });

  it('works end to end with the keyboard alone, focus where it should be, and leaves no secret behind', async () => {
    const watch = watchForSecrets();
    try {
      const list = await renderList();
      expect(rowIds(list)).to.deep.equal(['tok_existing']);

      // Open: the list's button, then focus in the dialog's name field.
      await tabUntil('[part~="generate-button"]');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => nativeDialog(list).open, 'the dialog did not open');
      expect(nativeDialog(list).matches(':modal')).to.equal(true);
      await waitUntil(() => focusIs('#name'), `focus is on ${describeFocus()}, not the name field`);
      await expect(list).to.be.accessible();

      // Fill and submit.
      await sendKeys({ type: 'Release pipeline' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'Deploys from main' });
      await tabUntil('#submit');
      const created = oneEvent(list, 'pat-token-created');
      await sendKeys({ press: 'Enter' });
      const { token } = (await created).detail;

      // Reveal: focus on Copy, copy with Enter.
      await waitUntil(() => revealIn(list)?.hasSecret, 'the secret was not revealed');
      await waitUntil(() => focusIs('[part~="copy-button"]'), `focus is on ${describeFocus()}, not Copy`);
      await expect(list).to.be.accessible();
      const copiedEvent = oneEvent(list, 'pat-secret-copied');
      await sendKeys({ press: 'Enter' });
      await copiedEvent;
      const [secret] = clipboard.writes;
      expect(secret).to.match(/^pat_[0-9A-Za-z]{40}$/);

      // Dismiss: Done, dialog closed, focus back on the list's button.
      await tabUntil('[part~="done-button"]');
      const dismissed = oneEvent(list, 'pat-reveal-dismissed');
      await sendKeys({ press: 'Enter' });
      expect((await dismissed).detail).to.deep.equal({ tokenId: token.id, copied: true });
      await waitUntil(() => !nativeDialog(list).open, 'the dialog did not close');
      await waitUntil(() => focusIs('[part~="generate-button"]'), `focus is on ${describeFocus()}, not the generate button`);

      // The new token is in the list, with its masked key, and the list never saw the secret.
      await list.updateComplete;
      expect(rowIds(list)).to.include(token.id);
      const row = list.shadowRoot!.querySelector(`tr[data-id="${token.id}"]`)!;
      expect(row.textContent).to.contain('Release pipeline');
      expect(backend.requests.filter((r) => r.operation === 'create').map((r) => r.body)).to.deep.equal([
        { name: 'Release pipeline', description: 'Deploys from main', expiresInDays: 30 },
      ]);
      expect(watch.events.map((e) => e.type)).to.deep.equal([
        'pat-dialog-opened',
        'pat-token-created',
        'pat-secret-copied',
        'pat-reveal-dismissed',
        'pat-dialog-closed',
      ]);
      expectNoSecretAnywhere(secret!, watch, [list]);
      await expect(list).to.be.accessible();
    } finally {
      watch.stop();
    }
  });

  it('keeps the secret on Escape inside the list, then closes after the user confirms storing it', async () => {
    const list = await renderList();
    await tabUntil('[part~="generate-button"]');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusIs('#name'), `focus is on ${describeFocus()}, not the name field`);
    await sendKeys({ type: 'Escape test' });
    const created = oneEvent(list, 'pat-token-created');
    await sendKeys({ press: 'Enter' });
    await created;
    await waitUntil(() => focusIs('[part~="copy-button"]'), `focus is on ${describeFocus()}, not Copy`);

    await sendKeys({ press: 'Escape' });
    await revealIn(list)!.updateComplete;
    expect(nativeDialog(list).open).to.equal(true);
    expect(revealIn(list)!.hasSecret).to.equal(true);
    expect(focusIs('[part~="done-button"]'), `focus is on ${describeFocus()}`).to.equal(true);

    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focusIs('[part="acknowledge"] input'), `focus is on ${describeFocus()}`).to.equal(true);
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !nativeDialog(list).open, 'the dialog did not close');
    await waitUntil(() => focusIs('[part~="generate-button"]'), `focus is on ${describeFocus()}, not the generate button`);
    expect(rowIds(list)).to.have.length(2);
  });
});
