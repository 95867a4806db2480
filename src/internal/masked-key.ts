/**
 * A key as the list shows it: the part the server sent, then a mask. The mask is the same four
 * dots for every key, so the page never tells how long a secret is (docs/architecture.md, security
 * rule 4); it is hidden from assistive technology, which reads the key alone.
 */
import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from './localize.js';
import type { TextKey } from './pat-strings.js';

export function maskedKey(partialKey: string): TemplateResult {
  return html`<span class="key"><code part="key">${partialKey}</code><span part="mask" class="mask" aria-hidden="true">••••</span></span>`;
}

/** A sentence whose `{key}` is a masked key; its other placeholders filled from `values`. */
export function withKey(
  localize: Pick<LocalizeController, 'term'>,
  key: TextKey,
  partialKey: string,
  values?: Record<string, string | number>,
): TemplateResult {
  const [before, after = ''] = localize.term(key, values).split('{key}');
  return html`${before}${maskedKey(partialKey)}${after}`;
}
