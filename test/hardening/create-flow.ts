/**
 * Driving the create flow of `<pat-token-list>` (or a standalone `<pat-generate-dialog>`) the way
 * a user does: open, type, submit, then the reveal in the same dialog.
 */
import { waitUntil } from '@open-wc/testing';
import type { PatGenerateDialog } from '../../src/generate-dialog/generate-dialog.js';
import type { PatTokenList } from '../../src/token-list/token-list.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';

/** A secret in the documented format that the test knows, to search the page for afterwards. */
export const KNOWN_SECRET = 'pat_H4rd3n1ngS3cr3tV4lu3Xq9Zk2Lm7Pw0Rt5Yu8';

export function dialogOf(list: PatTokenList): PatGenerateDialog {
  return list.shadowRoot!.querySelector('pat-generate-dialog')!;
}

export function inDialog<E extends Element = HTMLElement>(dialog: PatGenerateDialog, selector: string): E | null {
  return dialog.shadowRoot!.querySelector<E>(selector);
}

export function revealOf(dialog: PatGenerateDialog): PatTokenReveal | null {
  return dialog.shadowRoot!.querySelector('pat-token-reveal');
}

export async function typeInto(control: HTMLInputElement | HTMLTextAreaElement, value: string): Promise<void> {
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Fills the form and submits it; does not wait for the answer. */
export async function submitForm(dialog: PatGenerateDialog, name: string, description = ''): Promise<void> {
  await typeInto(inDialog<HTMLInputElement>(dialog, '#name')!, name);
  if (description) await typeInto(inDialog<HTMLTextAreaElement>(dialog, '#description')!, description);
  await dialog.updateComplete;
  inDialog<HTMLButtonElement>(dialog, '#submit')!.click();
}

export async function waitForReveal(dialog: PatGenerateDialog): Promise<PatTokenReveal> {
  await waitUntil(() => revealOf(dialog)?.hasSecret === true, 'the reveal did not show the secret');
  const reveal = revealOf(dialog)!;
  await reveal.updateComplete;
  return reveal;
}

/** Opens the list's dialog, creates a token and waits for its reveal. */
export async function createThroughList(list: PatTokenList, name: string, description = ''): Promise<PatTokenReveal> {
  list.shadowRoot!.querySelector<HTMLButtonElement>('#generate-button')!.click();
  const dialog = dialogOf(list);
  await waitUntil(() => inDialog<HTMLDialogElement>(dialog, 'dialog')?.open === true, 'the dialog did not open');
  await submitForm(dialog, name, description);
  return waitForReveal(dialog);
}
