/**
 * The harness of `<pat-token-reveal>`: a reveal showing a known secret, and lookups of its parts.
 */
import { fixture, html } from '@open-wc/testing';
import type { Token } from '../../src/api/schemas.js';
import type { PatTokenReveal } from '../../src/token-reveal/token-reveal.js';

export function part<T extends Element = HTMLElement>(el: PatTokenReveal, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
}

export const secretField = (el: PatTokenReveal) => part<HTMLTextAreaElement>(el, '[part="secret"]');
export const usageField = (el: PatTokenReveal) => part<HTMLTextAreaElement>(el, '[part="usage"]');
export const copyButton = (el: PatTokenReveal) => part<HTMLButtonElement>(el, '[part~="copy-button"]');
export const usageCopyButton = (el: PatTokenReveal) => part<HTMLButtonElement>(el, '[part~="usage-copy-button"]');
export const toggleButton = (el: PatTokenReveal) => part<HTMLButtonElement>(el, '[part~="toggle-button"]');
export const doneButton = (el: PatTokenReveal) => part<HTMLButtonElement>(el, '[part~="done-button"]');
export const acknowledgeBox = (el: PatTokenReveal) => part<HTMLInputElement>(el, '[part="acknowledge"] input');
export const statusText = (el: PatTokenReveal) => part(el, '[role="status"]').textContent!.trim();

export async function revealWith(secret: string, options: { token?: Token; usage?: string } = {}): Promise<PatTokenReveal> {
  const el = await fixture<PatTokenReveal>(html`
    <pat-token-reveal .token=${options.token} usage-template=${options.usage ?? ''}></pat-token-reveal>
  `);
  // Set imperatively, as the dialog does: a `.secret=${…}` binding would keep it in the test's template.
  el.secret = secret;
  await el.updateComplete;
  return el;
}
