/**
 * Accessibility, proven: axe in every state of every element in light and dark; a keyboard-only
 * create → copy → dismiss → delete with focus order, focus return and live announcements; targets
 * of at least 24 × 24 px; reduced motion honoured; mirrored in `dir="rtl"`. Forced colours are
 * checked in test/scripts/csp.test.mjs: this runner's Chromium launcher cannot emulate them.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import { setClock } from '../../src/internal/clock.js';
import type { MockBackend } from '../../src/mock/index.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';
import { http, HttpResponse } from 'msw';
import { demoScopes } from '../../src/mock/seed.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { $, confirmDialog, deleteButton, generateDialog, NOW, renderList, rowIds, sampleTokens, settled } from '../support/list-harness.js';
import { deepActive } from '../support/focus.js';
import { allElements, stubClipboard } from '../support/secret-hygiene.js';
import { createThroughList, dialogOf, inDialog, revealOf, submitForm } from '../support/dialog-harness.js';

const SECRET = 'pat_A11yTestSecret0123456789abcdefghijklmnop';

function describe_(element: Element | null): string {
  if (!element) return 'nothing';
  const part = element.getAttribute('part');
  return `${element.localName}${element.id ? `#${element.id}` : ''}${part ? `[part="${part}"]` : ''} "${(element.textContent ?? '').trim().slice(0, 30)}"`;
}

/** Presses Tab until `matches(focused)`, recording the focus order; fails after `limit` presses. */
async function tabUntil(matches: (el: Element | null) => boolean, limit = 40): Promise<string[]> {
  const order: string[] = [];
  for (let i = 0; i < limit; i += 1) {
    await sendKeys({ press: 'Tab' });
    order.push(describe_(deepActive()));
    if (matches(deepActive())) return order;
  }
  throw new Error(`never reached the target; focus went ${order.join(' → ')}`);
}

/** Interactive elements of the page (through shadow roots) that are rendered. */
function targets(): Element[] {
  return allElements().filter((element) => {
    if (!element.matches('button, a[href], input, select, textarea, summary')) return false;
    const rect = element.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0;
  });
}

function expectTargetsAtLeast24px(label: string): void {
  const small = targets()
    .map((element) => ({ element, rect: element.getBoundingClientRect() }))
    .filter(({ rect }) => rect.width < 24 || rect.height < 24)
    .map(({ element, rect }) => `${describe_(element)} ${rect.width.toFixed(1)}×${rect.height.toFixed(1)}`);
  expect(small, `${label}: targets under 24 × 24 px`).to.deep.equal([]);
}

async function openStandaloneDialog(): Promise<PatGenerateDialog> {
  const client = new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: 5_000 });
  const el = await fixture<PatGenerateDialog>(html`<pat-generate-dialog .client=${client}></pat-generate-dialog>`);
  el.show();
  await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open === true);
  return el;
}

async function revealWith(state: 'shown' | 'hidden' | 'copied' | 'blocked' | 'copy-failed'): Promise<PatTokenReveal> {
  const clipboard = stubClipboard(state === 'copy-failed' ? 'fail' : 'succeed');
  const token = sampleTokens()[0];
  const el = await fixture<PatTokenReveal>(
    html`<pat-token-reveal .token=${token} .secret=${SECRET} usage-template="curl -H 'Authorization: Bearer {token}'"></pat-token-reveal>`,
  );
  const button = (selector: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(selector)!;
  if (state === 'hidden') button('[part~=toggle-button]').click();
  if (state === 'copied' || state === 'copy-failed') {
    const settled = oneEvent(el, state === 'copied' ? 'pat-secret-copied' : 'pat-error');
    button('#copy').click();
    await settled;
  }
  if (state === 'blocked') el.requestDismiss();
  await el.updateComplete;
  clipboard.restore();
  return el;
}

describe('accessibility, proven', function () {
  // Many axe runs and real key presses per test: slow when the machine is busy with other files.
  this.timeout(60_000);
  let backend: MockBackend;
  beforeEach(async () => {
    setClock(NOW);
    backend = await useMockBackend({ seed: sampleTokens() });
    await setViewport({ width: 1024, height: 768 });
  });
  afterEach(async () => {
    setClock();
    for (const property of ['color-scheme', 'background', 'color']) document.documentElement.style.removeProperty(property);
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  });

  for (const scheme of ['light', 'dark'] as const) {
    describe(`axe in every state, ${scheme}`, () => {
      beforeEach(async () => {
        // The elements follow the page's colour scheme: a host page that offers both, with its own
        // background (axe assumes white where no element paints one).
        document.documentElement.style.setProperty('color-scheme', 'light dark');
        document.documentElement.style.setProperty('background', 'Canvas');
        document.documentElement.style.setProperty('color', 'CanvasText');
        await emulateMedia({ colorScheme: scheme });
      });

      it('<pat-token-list>: loading, filled, filtered to nothing, empty, failed, refresh failed, confirming, delete failed', async () => {
        backend.failNext('timeout', { operation: 'list' });
        const loading = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
        await waitUntil(() => backend.requests.length === 1);
        await expect(loading, 'loading').to.be.accessible();
        loading.remove();

        const el = await renderList();
        await expect(el, 'filled').to.be.accessible();
        const filter = $<HTMLInputElement>(el, 'input[part~=filter]');
        filter.value = 'zzz';
        filter.dispatchEvent(new Event('input'));
        await el.updateComplete;
        await expect(el, 'no matches').to.be.accessible();
        filter.value = '';
        filter.dispatchEvent(new Event('input'));
        await el.updateComplete;

        backend.failNext('server-error', { operation: 'list' });
        await el.refresh();
        await el.updateComplete;
        await expect(el, 'refresh failed').to.be.accessible();

        deleteButton(el, 'tok_tf').click();
        await waitUntil(() => confirmDialog(el).open);
        await expect(el, 'confirming').to.be.accessible();
        backend.failNext('forbidden', { operation: 'revoke' });
        const failed = oneEvent(el, 'pat-error');
        confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
        await failed;
        await el.updateComplete;
        await expect(el, 'delete failed').to.be.accessible();
        el.remove();

        backend.reset([]);
        const empty = await renderList();
        await expect(empty, 'empty').to.be.accessible();
        empty.remove();

        backend.failNext('network', { operation: 'list' });
        const failedList = await renderList();
        await expect(failedList, 'failed').to.be.accessible();
      });

      it('<pat-token-list>: retrying, tokens left out, deleted, replaced, scopes shown and expanded, cards, windowed', async () => {
        const el = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
        backend.failNext('server-error', { operation: 'list' });
        await el.refresh();
        backend.failNext('slow', { operation: 'list' });
        $(el, '[part~=alert] button[part~=retry-button]').click();
        await el.updateComplete;
        await expect(el, 'retrying').to.be.accessible();
        await waitUntil(() => !el.shadowRoot!.querySelector('[part~=alert]'), 'the retry did not end', { timeout: 5000 });

        const { token: fresh, previous } = await new RestTokenClient({ endpoint: '/api/tokens' }).rotate(
          'tok_tf',
          { expiresInDays: 30, gracePeriodHours: 24 },
          new AbortController().signal,
        );
        (await generateDialog(el)).dispatchEvent(
          new CustomEvent('pat-token-rotated', { detail: { token: fresh, previous }, bubbles: true, composed: true }),
        );
        await el.updateComplete;
        await expect(el, 'regenerated, the old token replaced').to.be.accessible();

        const deleted = oneEvent(el, 'pat-token-deleted');
        deleteButton(el, 'tok_graf').click();
        await waitUntil(() => confirmDialog(el).open);
        confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
        await deleted;
        await waitUntil(() => $(el, '[part~=notice] [role=status]').textContent!.trim() !== '');
        await expect(el, 'deleted, confirmed').to.be.accessible();
        el.remove();

        backend.reset([
          ...sampleTokens().map((token, i) => ({
            ...token,
            scopes: i % 2 ? ['repo:read', 'repo:write', 'issues:read', 'packages:read', 'unknown:scope'] : null,
          })),
        ]);
        await useHandlers(
          http.get(
            '/api/tokens',
            () => HttpResponse.json({ tokens: [...backend.tokens(), { ...sampleTokens()[0], id: 'broken', createdAt: 'soon' }] }),
            { once: true },
          ),
        );
        const warn = console.warn;
        console.warn = () => undefined;
        let scoped: PatTokenList;
        try {
          scoped = await renderList(html`<pat-token-list endpoint="/api/tokens" .scopes=${demoScopes}></pat-token-list>`);
        } finally {
          console.warn = warn;
        }
        await expect(scoped, 'tokens left out, scopes shown').to.be.accessible();
        $(scoped, 'button[part~=scopes-button]').click();
        await scoped.updateComplete;
        await expect(scoped, 'scopes expanded').to.be.accessible();
        scoped.style.width = '360px';
        await waitUntil(() => getComputedStyle(scoped.shadowRoot!.querySelector('tbody tr[data-id]')!).display !== 'table-row', 'no cards');
        await expect(scoped, 'cards').to.be.accessible();
        scoped.remove();

        backend.reset(Array.from({ length: 300 }, (_, i) => ({ ...sampleTokens()[i % 4]!, id: `tok_${i}`, name: `Token ${i}` })));
        const windowed = await renderList();
        await expect(windowed, 'windowed').to.be.accessible();
      });

      it('<pat-generate-dialog>: form, invalid, pending, server error, reveal', async () => {
        const el = await openStandaloneDialog();
        await expect(el, 'form').to.be.accessible();
        inDialog<HTMLButtonElement>(el, '#submit')!.click();
        await el.updateComplete;
        await expect(el, 'invalid').to.be.accessible();

        backend.failNext('timeout', { operation: 'create' });
        await submitForm(el, 'Pending');
        await waitUntil(() => inDialog(el, 'form')?.getAttribute('aria-busy') === 'true', 'the form did not show progress');
        await expect(el, 'pending').to.be.accessible();
        el.close();
        await el.updateComplete;

        el.show();
        await waitUntil(() => inDialog<HTMLDialogElement>(el, 'dialog')?.open === true, 'the dialog did not open again');
        backend.failNext('validation', { operation: 'create' });
        const failed = oneEvent(el, 'pat-error');
        await submitForm(el, 'Invalid on the server');
        await failed;
        await el.updateComplete;
        await expect(el, 'server error').to.be.accessible();

        inDialog<HTMLButtonElement>(el, '#submit')!.click();
        await waitUntil(() => revealOf(el)?.hasSecret === true, 'no reveal');
        await revealOf(el)!.updateComplete;
        await expect(el, 'reveal').to.be.accessible();
      });

      for (const state of ['shown', 'hidden', 'copied', 'blocked', 'copy-failed'] as const) {
        it(`<pat-token-reveal>: ${state}`, async () => {
          const el = await revealWith(state);
          await expect(el).to.be.accessible();
        });
      }
    });
  }

  it('keyboard only: create → copy → dismiss → delete, with focus order, focus return and announcements', async () => {
    const clipboard = stubClipboard('succeed');
    try {
      const el = await renderList();
      const generate = $(el, '#generate-button');
      const order = await tabUntil((active) => active === generate);
      expect(order.at(-1)).to.contain('generate-button');
      // The generate button comes before the filter, as they are drawn (the filter on the line below).
      expect(order.some((step) => step.includes('filter'))).to.be.false;

      await sendKeys({ press: 'Enter' });
      const dialog = dialogOf(el);
      await waitUntil(() => deepActive() === inDialog(dialog, '#name'), 'the name field did not take focus');
      await sendKeys({ type: 'Keyboard bot' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => revealOf(dialog)?.hasSecret === true, 'no reveal');
      const reveal = revealOf(dialog)!;
      await waitUntil(() => deepActive() === reveal.shadowRoot!.querySelector('#copy'), 'the copy button did not take focus');

      const copied = oneEvent(reveal, 'pat-secret-copied');
      await sendKeys({ press: 'Enter' });
      await copied;
      await reveal.updateComplete;
      expect(reveal.shadowRoot!.querySelector('[role=status]')!.textContent!.trim(), 'copy announced').to.match(/copied/i);
      expect(clipboard.writes).to.have.length(1);

      const done = reveal.shadowRoot!.querySelector('#done');
      await tabUntil((active) => active === done, 10);
      const dismissed = oneEvent(el, 'pat-reveal-dismissed');
      await sendKeys({ press: 'Enter' });
      await dismissed;
      await waitUntil(() => deepActive() === generate, `focus did not return to the generate button: ${describe_(deepActive())}`);

      const newId = backend.tokens().find((t) => t.name === 'Keyboard bot')!.id;
      await waitUntil(() => rowIds(el).includes(newId));
      await tabUntil((active) => active === deleteButton(el, newId));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => confirmDialog(el).open, 'the confirmation did not open');
      expect(describe_(deepActive()), 'Cancel is focused first').to.contain('confirm-cancel-button');
      await sendKeys({ press: 'Tab' });
      expect(describe_(deepActive())).to.contain('confirm-delete-button');
      const deleted = oneEvent(el, 'pat-token-deleted');
      await sendKeys({ press: 'Enter' });
      await deleted;
      await waitUntil(() => $(el, '[role=status]').textContent!.includes('Keyboard bot'), 'the deletion was not announced');
      expect(rowIds(el)).to.not.include(newId);
      await waitUntil(() => deepActive()?.matches('button[data-action=delete]') === true, `focus went to ${describe_(deepActive())}`);
      expect(deepActive() === deleteButton(el, rowIds(el)[0]!), "focus is on the next row's delete button").to.be.true;
    } finally {
      clipboard.restore();
    }
  });

  it('every button, link and field is at least 24 × 24 px, wide and narrow', async () => {
    for (const width of [1024, 320]) {
      await setViewport({ width, height: 800 });
      const el = await renderList();
      expectTargetsAtLeast24px(`list at ${width}px`);
      await createThroughList(el, `Target size ${width}`);
      const dialog = dialogOf(el);
      expectTargetsAtLeast24px(`reveal at ${width}px`);
      dialog.close();
      await dialog.updateComplete;
      dialog.show();
      await waitUntil(() => inDialog<HTMLDialogElement>(dialog, 'dialog')?.open === true);
      expectTargetsAtLeast24px(`dialog at ${width}px`);
      dialog.close();
      el.remove();
    }
  });

  it('prefers-reduced-motion: nothing animates or transitions', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    backend.setLatency(60_000);
    const loading = await fixture<PatTokenList>(html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`);
    await loading.updateComplete;
    backend.setLatency(0);
    const el = await renderList();
    await createThroughList(el, 'Motion').then(() => dialogOf(el).close());
    backend.setLatency(60_000);
    const dialog = await openStandaloneDialog();
    await submitForm(dialog, 'Spinning');
    await waitUntil(() => inDialog(dialog, '.spinner') !== null, 'no spinner while creating', { timeout: 5_000 });
    deleteButton(el, 'tok_tf').click();
    await waitUntil(() => confirmDialog(el).open);
    confirmDialog(el).querySelector<HTMLButtonElement>('button[value=confirm]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('.spinner') !== null, 'no spinner while deleting', { timeout: 5_000 });

    const moving = allElements()
      .filter((element) => element.getRootNode() instanceof ShadowRoot)
      .flatMap((element) =>
        [element, '::before', '::after'].map((pseudo) => {
          const style = typeof pseudo === 'string' ? getComputedStyle(element, pseudo) : getComputedStyle(element);
          const animated = style.animationName !== 'none' && parseFloat(style.animationDuration) > 0.01;
          const transitioned = style.transitionDuration.split(',').some((d) => parseFloat(d) > 0.01);
          return animated || transitioned
            ? `${describe_(element)}${typeof pseudo === 'string' ? pseudo : ''} ${style.animationName} ${style.transitionProperty}`
            : '';
        }),
      )
      .filter(Boolean);
    expect(moving, 'animated or transitioned elements').to.deep.equal([]);
    backend.setLatency(0);
  });

  it('dir="rtl": the table and toolbar are mirrored', async () => {
    const ltr = await renderList();
    const position = (list: PatTokenList) => ({
      name: $(list, 'tr[data-id=tok_ci] [part~=name-cell]').getBoundingClientRect().left,
      actions: $(list, 'tr[data-id=tok_ci] [part~=actions-cell]').getBoundingClientRect().left,
      generate: $(list, '#generate-button').getBoundingClientRect().left,
      count: $(list, '[part~=count]').getBoundingClientRect().left,
    });
    const left = position(ltr);
    ltr.remove();
    const wrapper = await fixture<HTMLDivElement>(html`<div dir="rtl"><pat-token-list endpoint="/api/tokens"></pat-token-list></div>`);
    const rtl = wrapper.querySelector('pat-token-list')!;
    await waitUntil(() => settled(rtl));
    const right = position(rtl);
    expect(left.name < left.actions && left.count < left.generate, 'left to right').to.be.true;
    expect(right.name > right.actions, 'the name column is on the right').to.be.true;
    expect(right.count > right.generate, 'the count is on the right, the button on the left').to.be.true;
  });
});
