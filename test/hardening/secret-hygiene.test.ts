/**
 * Secret hygiene, adversarially, through the whole feature: after create → copy → dismiss, and
 * after create → the list removed mid-reveal, the secret is in no attribute, shadow-root markup,
 * field, page text, console call, storage entry, URL, `pat-*` event detail or error message, and
 * no enumerable property of any of the three elements reaches it. The same for a secret found in
 * a log and pasted, typed or dropped into the list's filter: only its key prefix is kept.
 */
import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { Token } from '../../src/api/schemas.js';
import { setClock } from '../../src/internal/clock.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { NOW, renderList, sampleTokens, at } from '../support/list-harness.js';
import { expectNoSecretAnywhere, stubClipboard, watchForSecrets, type SecretWatch } from '../support/secret-hygiene.js';
import { createThroughList, dialogOf, KNOWN_SECRET } from '../support/dialog-harness.js';

const created: Token = {
  id: 'tok_new',
  name: 'Hygiene',
  description: null,
  partialKey: KNOWN_SECRET.slice(0, 8),
  createdAt: at(0),
  expiresAt: at(30),
  lastUsedAt: null,
};

describe('secret hygiene through the whole feature', () => {
  let watch: SecretWatch;
  let clipboard: ReturnType<typeof stubClipboard>;
  beforeEach(async () => {
    setClock(NOW);
    localStorage.clear();
    sessionStorage.clear();
    await useMockBackend({ seed: sampleTokens() });
    await useHandlers(http.post('/api/tokens', () => HttpResponse.json({ token: created, secret: KNOWN_SECRET }, { status: 201 })));
    watch = watchForSecrets();
    clipboard = stubClipboard('succeed');
  });
  afterEach(() => {
    watch.stop();
    clipboard.restore();
    setClock();
  });

  it('create → copy → dismiss leaves the secret nowhere', async () => {
    const list = await renderList();
    const reveal = await createThroughList(list, 'Hygiene');
    const dialog = dialogOf(list);
    reveal.shadowRoot!.querySelector<HTMLButtonElement>('#copy')!.click();
    await waitUntil(() => clipboard.writes.length === 1, 'not copied');
    expect(clipboard.writes[0]).to.equal(KNOWN_SECRET);
    await reveal.updateComplete;
    const dismissed = oneEvent(list, 'pat-reveal-dismissed');
    reveal.shadowRoot!.querySelector<HTMLButtonElement>('#done')!.click();
    await dismissed;
    await dialog.updateComplete;
    await list.updateComplete;

    expect(watch.events.map((e) => e.type)).to.include.members(['pat-token-created', 'pat-secret-copied', 'pat-reveal-dismissed']);
    expectNoSecretAnywhere(KNOWN_SECRET, watch, [list, dialog, reveal]);
  });

  it('create → the list removed mid-reveal leaves the secret nowhere', async () => {
    const list = await renderList();
    const reveal = await createThroughList(list, 'Hygiene');
    const dialog = dialogOf(list);
    expect(reveal.hasSecret).to.be.true;
    list.remove();
    await reveal.updateComplete;
    await dialog.updateComplete;

    expect(reveal.hasSecret, 'the reveal dropped it').to.be.false;
    expectNoSecretAnywhere(KNOWN_SECRET, watch, [list, dialog, reveal]);
  });

  describe('a secret put into the filter, to find its token', () => {
    // A secret of a listed token: its partial key, then the rest.
    const secret = `${sampleTokens()[1]!.partialKey}Xq9Zk2Lm7Pw0Rt5Yu8H4rd3n1ngS3cr3t`;

    it('pasted: the field, the filter and everything else get its key prefix only', async () => {
      const list = await renderList();
      const input = list.shadowRoot!.querySelector<HTMLInputElement>('input[part~=filter]')!;
      input.focus();
      const clipboardData = new DataTransfer();
      clipboardData.setData('text/plain', secret);
      const paste = new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true, composed: true });
      input.dispatchEvent(paste);
      expect(paste.defaultPrevented, 'the secret never reaches the field').to.be.true;
      await list.updateComplete;
      expect(input.value).to.equal('pat_Kx9d');
      expect([...list.shadowRoot!.querySelectorAll<HTMLElement>('tbody tr[data-id]')].map((row) => row.dataset.id)).to.deep.equal([
        'tok_tf',
      ]);
      expectNoSecretAnywhere(secret, watch, [list]);
    });

    it('typed or dropped in (an input event): replaced at once, before the list keeps anything', async () => {
      const list = await renderList();
      const input = list.shadowRoot!.querySelector<HTMLInputElement>('input[part~=filter]')!;
      input.value = secret;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      expect(input.value, 'in the same event').to.equal('pat_Kx9d');
      await list.updateComplete;
      expect(list.shadowRoot!.querySelectorAll('tbody tr[data-id]')).to.have.length(1);
      expectNoSecretAnywhere(secret, watch, [list]);
    });
  });

  it('a broken create answer that carries the secret: the event names the field, the screen says it was not understood, neither shows the value', async () => {
    await useHandlers(
      http.post('/api/tokens', () => HttpResponse.json({ token: { ...created, id: 42 }, secret: KNOWN_SECRET }, { status: 201 })),
    );
    const list = await renderList(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    list.shadowRoot!.querySelector<HTMLButtonElement>('#generate-button')!.click();
    const dialog = dialogOf(list);
    await waitUntil(() => dialog.shadowRoot!.querySelector('dialog')?.open === true);
    const failed = oneEvent(list, 'pat-error');
    const name = dialog.shadowRoot!.querySelector<HTMLInputElement>('#name')!;
    name.value = 'Broken';
    name.dispatchEvent(new Event('input'));
    await dialog.updateComplete;
    dialog.shadowRoot!.querySelector<HTMLButtonElement>('#submit')!.click();
    const { detail } = await failed;
    await dialog.updateComplete;
    expect(detail.error.message).to.contain('token.id');
    expect(dialog.shadowRoot!.querySelector('[part~=error]')!.textContent).to.contain('does not have the expected shape');
    const warned = watch.consoleCalls.map((args) => String(args[0]));
    expect(
      warned.some((line) => line.startsWith('<pat-generate-dialog>: ') && line.includes('token.id')),
      `the console names the field for the developer: ${warned.join(' | ')}`,
    ).to.be.true;
    expectNoSecretAnywhere(KNOWN_SECRET, watch, [list, dialog]);
  });
});
