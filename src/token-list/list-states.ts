/**
 * What the list says instead of, or above, its rows: nothing yet (the empty state), a failed first
 * load or refresh, tokens left out of a broken answer — each failure with a Retry that stays in
 * place while the list reloads and shows that it is working.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/localize.js';
import { describeError } from '../internal/strings.js';

/** The Retry of a message: busy while the list reloads. */
export interface Retry {
  busy: boolean;
  onClick: (event: Event) => void;
}

export function emptyState(localize: LocalizeController): TemplateResult {
  const s = localize.strings;
  return html`<div part="empty" class="empty">
    <p class="empty-heading" tabindex="-1">${s.emptyHeading}</p>
    <p>${s.emptyBody}</p>
  </div>`;
}

/** A failed first load (`error`) or a failed refresh above the rows still shown (`alert`). */
export function failureMessage(
  localize: LocalizeController,
  part: 'error' | 'alert',
  heading: string,
  error: unknown,
  retry: Retry,
): TemplateResult {
  // Literal part names: the styling surface is read from the source.
  return html`<div part=${part === 'error' ? 'error' : 'alert'} class="alert">
    <div role="alert">
      <p class="failure-heading">${heading}</p>
      <p>${describeError(error, localize.strings)}</p>
    </div>
    ${retryButton(localize, retry)}
  </div>`;
}

/** The answer had tokens that break the contract: the valid ones are shown, and how many are not. */
export function leftOutMessage(localize: LocalizeController, count: number, retry: Retry): TemplateResult {
  return html`<div part="alert" class="alert">
    <p role="alert">${localize.plural('tokensLeftOut', count)}</p>
    ${retryButton(localize, retry)}
  </div>`;
}

function retryButton(localize: LocalizeController, { busy, onClick }: Retry): TemplateResult {
  const s = localize.strings;
  return html`<button type="button" part="button retry-button" aria-disabled=${busy ? 'true' : nothing} @click=${onClick}>
    ${busy ? html`<span class="spinner" aria-hidden="true"></span>${s.retryingButton}` : s.retryButton}
  </button>`;
}
