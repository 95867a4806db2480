/**
 * The harness of `<pat-generate-dialog>` (standalone or inside `<pat-token-list>`): open it from an
 * opener, look things up in its shadow root and its reveal's, and drive the form the way a user
 * does: type, choose, submit, then the reveal in the same dialog.
 */
import { fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { Token } from '../../src/api/schemas.js';
import type { MockBackend, MockRequestRecord } from '../../src/mock/index.js';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';

/** A secret in the documented format that the test knows, to search the page for afterwards. */
export const KNOWN_SECRET = 'pat_H4rd3n1ngS3cr3tV4lu3Xq9Zk2Lm7Pw0Rt5Yu8';
export const ENDPOINT = '/api/tokens';

export function inDialog<E extends Element = HTMLElement>(dialog: PatGenerateDialog, selector: string): E | null {
  return dialog.shadowRoot!.querySelector<E>(selector);
}

/** Like `inDialog`, but throws when it is not rendered. */
export function $<E extends Element = HTMLElement>(dialog: PatGenerateDialog, selector: string): E {
  const found = inDialog<E>(dialog, selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
}

export const nativeDialog = (el: PatGenerateDialog) => $<HTMLDialogElement>(el, 'dialog');
export const nameInput = (el: PatGenerateDialog) => $<HTMLInputElement>(el, '#name');
export const descriptionInput = (el: PatGenerateDialog) => $<HTMLTextAreaElement>(el, '#description');
export const expirationSelect = (el: PatGenerateDialog) => $<HTMLSelectElement>(el, '#expiration');
export const dateInput = (el: PatGenerateDialog) => $<HTMLInputElement>(el, '#expiration-date');
export const submitButton = (el: PatGenerateDialog) => $<HTMLButtonElement>(el, '#submit');
export const expiryText = (el: PatGenerateDialog) => $(el, '#expiry').textContent!.trim();
export const focusedIn = (root: { shadowRoot: ShadowRoot | null }) => root.shadowRoot!.activeElement;

export function revealOf(dialog: PatGenerateDialog): PatTokenReveal | null {
  return dialog.shadowRoot!.querySelector('pat-token-reveal');
}

export function inReveal<E extends Element = HTMLElement>(dialog: PatGenerateDialog, selector: string): E {
  return revealOf(dialog)!.shadowRoot!.querySelector<E>(selector)!;
}

/** Sets a field's value and fires `input`, as typing does. */
export async function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

export async function fill(el: PatGenerateDialog, control: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  await typeInto(control, value);
  await el.updateComplete;
}

/** Picks an option of a select (the expiration one by default) and fires `change`. */
export async function choose(el: PatGenerateDialog, value: string, select = expirationSelect(el)): Promise<void> {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/**
 * A page (`lang`, and `dir` when given) with an opener button and the dialog, opened from that
 * button: the create form, or the regenerate form for `regenerate`.
 */
export async function openDialog(
  dialog: TemplateResult = html`<pat-generate-dialog endpoint=${ENDPOINT}></pat-generate-dialog>`,
  lang = 'en-GB',
  { regenerate, dir }: { regenerate?: Token; dir?: 'ltr' | 'rtl' } = {},
): Promise<{ el: PatGenerateDialog; opener: HTMLButtonElement; page: HTMLDivElement }> {
  // fixtureSync: `fixture` waits a frame for a plain root, and a background test page gets none.
  const page = fixtureSync<HTMLDivElement>(
    html`<div lang=${lang} dir=${dir ?? 'ltr'}><button id="opener">Generate new token</button>${dialog}</div>`,
  );
  const opener = page.querySelector<HTMLButtonElement>('#opener')!;
  const el = page.querySelector('pat-generate-dialog')!;
  opener.addEventListener('click', () => (regenerate ? el.regenerate(regenerate) : el.show()));
  await el.updateComplete;
  opener.focus();
  opener.click();
  await el.updateComplete;
  return { el, opener, page };
}

/** Runs `check` with the page in a dark colour scheme (the elements follow the page's). */
export async function inDarkMode(page: HTMLElement, check: () => Promise<void>): Promise<void> {
  await emulateMedia({ colorScheme: 'dark' });
  page.style.colorScheme = 'light dark';
  try {
    await check();
  } finally {
    page.style.colorScheme = '';
    await emulateMedia({ colorScheme: 'light' });
  }
}

/** Fills the form and submits it; does not wait for the answer. */
export async function submitForm(dialog: PatGenerateDialog, name: string, description = ''): Promise<void> {
  await typeInto(inDialog<HTMLInputElement>(dialog, '#name')!, name);
  if (description) await typeInto(inDialog<HTMLTextAreaElement>(dialog, '#description')!, description);
  await dialog.updateComplete;
  inDialog<HTMLButtonElement>(dialog, '#submit')!.click();
}

export async function waitForReveal(dialog: PatGenerateDialog): Promise<PatTokenReveal> {
  await waitUntil(() => revealOf(dialog)?.hasSecret === true, 'the reveal did not show the secret', { timeout: 5000 });
  const reveal = revealOf(dialog)!;
  await reveal.updateComplete;
  return reveal;
}

/** Creates a token in an open dialog; resolves with `pat-token-created` once the reveal shows it. */
export async function createToken(el: PatGenerateDialog, name = 'CI deploy') {
  const created = oneEvent(el, 'pat-token-created');
  await submitForm(el, name);
  const event = await created;
  await waitForReveal(el);
  return event;
}

export function dialogOf(list: PatTokenList): PatGenerateDialog {
  return list.shadowRoot!.querySelector('pat-generate-dialog')!;
}

/** Opens the list's dialog, creates a token and waits for its reveal. */
export async function createThroughList(list: PatTokenList, name: string, description = ''): Promise<PatTokenReveal> {
  list.shadowRoot!.querySelector<HTMLButtonElement>('#generate-button')!.click();
  const dialog = dialogOf(list);
  await waitUntil(() => inDialog<HTMLDialogElement>(dialog, 'dialog')?.open === true, 'the dialog did not open', { timeout: 5000 });
  await submitForm(dialog, name, description);
  return waitForReveal(dialog);
}

/**
 * What a dialog sent, leaving out the list it asks once when first opened alone (for the server's
 * scope catalogue and policy): the creates and rotates a test is about.
 */
export function sent(backend: MockBackend): MockRequestRecord[] {
  return backend.requests.filter((request) => request.operation !== 'list');
}
