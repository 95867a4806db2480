/**
 * The harness of `<pat-token-list>`: tokens dated relative to a fixed clock, a fixture that waits
 * until the list has settled, and small DOM lookups into its shadow root.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Token } from '../../src/api/schemas.js';
import '../../src/define.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';

/** Noon UTC, so calendar days are the same in every time zone from UTC−11 to UTC+11. */
export const NOW = new Date('2026-03-10T12:00:00Z');
const DAY = 86_400_000;

export const at = (days: number, hours = 0): string => new Date(NOW.getTime() + days * DAY + hours * 3_600_000).toISOString();

export function token(overrides: Partial<Token> & Pick<Token, 'id' | 'name'>): Token {
  return {
    description: null,
    partialKey: 'pat_AbCd',
    createdAt: at(-10),
    expiresAt: at(30),
    lastUsedAt: null,
    ...overrides,
  };
}

/** A realistic account relative to `NOW`, newest first. */
export function sampleTokens(): Token[] {
  return [
    token({
      id: 'tok_ci',
      name: 'CI deploy',
      description: 'Release builds',
      partialKey: 'pat_7Qm2',
      createdAt: at(-5),
      expiresAt: at(25),
      lastUsedAt: at(0, -2),
    }),
    token({
      id: 'tok_tf',
      name: 'terraform',
      description: 'Infrastructure state sync',
      partialKey: 'pat_Kx9d',
      createdAt: at(-20),
      expiresAt: at(3),
      lastUsedAt: at(-3),
    }),
    token({
      id: 'tok_graf',
      name: 'Grafana',
      description: null,
      partialKey: 'x7Q1',
      createdAt: at(-40),
      expiresAt: null,
      lastUsedAt: null,
    }),
    token({
      id: 'tok_old',
      name: 'Backup script',
      description: 'Replaced',
      partialKey: 'pat_Ue8s',
      createdAt: at(-120),
      expiresAt: at(-30),
      lastUsedAt: at(-31),
    }),
  ];
}

/** True once the list left its loading state (filled, empty or failed). */
export function settled(el: PatTokenList): boolean {
  const root = el.shadowRoot!;
  return !!(root.querySelector('tbody tr[data-id], .no-matches, [part~=empty], [part~=error]') && !root.querySelector('[part~=skeleton]'));
}

/**
 * Time a first load may take before a test gives up on it: waitUntil's default of 1 s is shorter
 * than loading 10,000 tokens through the mock's service worker takes on a busy machine.
 */
export const LOAD_TIMEOUT_MS = 8_000;

export async function renderList(template = html`<pat-token-list endpoint="/api/tokens"></pat-token-list>`): Promise<PatTokenList> {
  const el = await fixture<PatTokenList>(template);
  await waitUntil(() => settled(el), 'the list did not settle', { timeout: LOAD_TIMEOUT_MS });
  await el.updateComplete;
  return el;
}

export function $<E extends Element = HTMLElement>(el: PatTokenList, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  if (!found) throw new Error(`No ${selector} in the list`);
  return found;
}

export function $$<E extends Element = HTMLElement>(el: PatTokenList, selector: string): E[] {
  return [...el.shadowRoot!.querySelectorAll<E>(selector)];
}

/** Whether `selector` matches inside `root`: a boolean, so a failing assertion never prints an element. */
/**
 * The list's `<pat-generate-dialog>`, closed. The list renders it on first use only, so the first
 * call uses it as a user would (the generate button opens it) and closes it again: tests that stand
 * in for the dialog dispatch its events from the real element.
 */
export async function generateDialog(el: PatTokenList): Promise<PatGenerateDialog> {
  if (!exists(el.shadowRoot!, 'pat-generate-dialog')) {
    $(el, 'button[part~=generate-button]').click();
    const opened = $<PatGenerateDialog>(el, 'pat-generate-dialog');
    await opened.updateComplete;
    opened.close();
    await opened.updateComplete;
  }
  return $<PatGenerateDialog>(el, 'pat-generate-dialog');
}

export function exists(root: ParentNode, selector: string): boolean {
  return root.querySelector(selector) !== null;
}

export function rowIds(el: PatTokenList): string[] {
  return $$(el, 'tbody tr[data-id]').map((row) => row.dataset.id!);
}

export function row(el: PatTokenList, id: string): HTMLTableRowElement {
  return $<HTMLTableRowElement>(el, `tbody tr[data-id="${id}"]`);
}

/** A cell's visible text with whitespace collapsed. */
export function text(node: Element): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function cell(el: PatTokenList, id: string, part: string): HTMLElement {
  return row(el, id).querySelector<HTMLElement>(`[part~="${part}"]`)!;
}

export function deleteButton(el: PatTokenList, id: string): HTMLButtonElement {
  return row(el, id).querySelector<HTMLButtonElement>('button[data-action=delete]')!;
}

export function confirmDialog(el: PatTokenList): HTMLDialogElement {
  return $<HTMLDialogElement>(el, 'dialog[part~=confirm-dialog]');
}

/** What has focus inside the list, described for a failure message. */
function describeFocus(el: PatTokenList): string {
  const active = el.shadowRoot!.activeElement;
  return active ? `focus is on ${active.outerHTML.slice(0, 120)}` : `focus is outside the list (${document.activeElement?.tagName})`;
}

/**
 * Asserts where focus is without handing elements to chai: a failing comparison of two elements
 * makes the reporter serialise them, which can take the browser down.
 */
export function expectFocusOn(el: PatTokenList, target: Element | null, message = 'focus'): void {
  expect(target !== null && el.shadowRoot!.activeElement === target, `${message}: ${describeFocus(el)}`).to.be.true;
}

export async function waitForFocusOn(el: PatTokenList, target: () => Element | null, message = 'focus'): Promise<void> {
  await waitUntil(() => el.shadowRoot!.activeElement === target(), `${message}: ${describeFocus(el)}`);
}
