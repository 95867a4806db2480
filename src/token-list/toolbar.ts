/**
 * The bar above the table: how many tokens there are (or how many the filters show), the
 * "Generate new token" button (or the host's replacement, slotted), then the filter and the status
 * filter, each with a visible label. At the server's maximum, the count says so and the button says
 * why it cannot be used.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Token } from '../api/schemas.js';
import type { LocalizeController } from '../internal/localize.js';
import type { TokenLimit } from './token-limit.js';

export interface ToolbarInput {
  localize: LocalizeController;
  /** Undefined until the first load answered. */
  tokens: readonly Token[] | undefined;
  /** The tokens the filter shows. */
  view: readonly Token[] | undefined;
  /** The last load failed. */
  failed: boolean;
  filter: string;
  /** A status is chosen: the count says how many of all are shown. */
  filtered: boolean;
  /** The status filter, once there are tokens to count. */
  statusFilter: TemplateResult | typeof nothing;
  noGenerate: boolean;
  /** Set once the user has as many tokens as the server allows. */
  limit: TokenLimit | undefined;
  onFilterInput: (event: Event) => void;
  onFilterPaste: (event: ClipboardEvent) => void;
  onGenerate: (event: Event) => void;
}

export function toolbar(input: ToolbarInput): TemplateResult {
  const { tokens, failed } = input;
  return html`<div part="toolbar" class="toolbar">
    <p part="count" class="count" aria-live="polite">${count(input)}</p>
    ${generateButton(input)}${limitNote(input)}
    ${(tokens ? tokens.length : !failed) ? html`<div class="controls">${filterInput(input)}${input.statusFilter}</div>` : nothing}
  </div>`;
}

function count({ localize, tokens, view, failed, filter, filtered, limit }: ToolbarInput) {
  if (!tokens) return failed ? nothing : localize.strings.loadingTokens;
  if (!tokens.length) return nothing;
  if (filtered || filter.trim()) return localize.term('filteredCount', { shown: view!.length, total: tokens.length });
  if (limit) return localize.plural('tokenCountOfMax', limit.count, { max: limit.max });
  return localize.plural('tokenCount', tokens.length);
}

/** Why "Generate new token" cannot be used, said before anything is typed (the button is described by it). */
function limitNote({ localize, limit, noGenerate }: ToolbarInput) {
  if (!limit || noGenerate) return nothing;
  return html`<p id="limit-note" part="limit-note" class="limit-note">${localize.plural('tokenLimitReached', limit.max)}</p>`;
}

function filterInput({ localize, filter, onFilterInput, onFilterPaste }: ToolbarInput) {
  const s = localize.strings;
  return html`<label class="control filter">
    <span class="control-label">${s.filterLabel}</span>
    <input
      part="filter"
      type="search"
      autocomplete="off"
      spellcheck="false"
      placeholder=${s.filterPlaceholder}
      .value=${filter}
      @input=${onFilterInput}
      @paste=${onFilterPaste}
    />
  </label>`;
}

/**
 * A click on the slot (the button, or the host's replacement) opens the dialog unless its handler
 * called `preventDefault()`, or the limit is reached: then the button stays focusable and says why.
 */
function generateButton({ localize, noGenerate, onGenerate, limit }: ToolbarInput) {
  if (noGenerate) return nothing;
  return html`<slot name="generate-button" @click=${onGenerate}>
    <button
      type="button"
      part="button generate-button"
      class=${limit ? 'primary unavailable' : 'primary'}
      id="generate-button"
      aria-disabled=${limit ? 'true' : nothing}
      aria-describedby=${limit ? 'limit-note' : nothing}
    >
      ${localize.strings.generateButton}
    </button>
  </slot>`;
}
