import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PatError } from '../api/errors.js';
import type { Token } from '../api/schemas.js';
import { DEFAULT_PRESETS } from '../generate-dialog/expiration.js';
import { PatGenerateDialog } from '../generate-dialog/generate-dialog.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { now } from '../internal/clock.js';
import { PatElement } from '../internal/pat-element.js';
import { describeError } from '../internal/strings.js';
import { DEFAULT_EXPIRING_SOON_DAYS, expiryStatus } from './expiry-status.js';
import { maskPartialKey } from './mask-partial-key.js';
import { tokenListStyles } from './token-list.styles.js';
import { DEFAULT_SORT, memoizedTokenView, nextSort, type SortKey, type TokenSort } from './token-view.js';
import { TokensController } from './tokens-controller.js';

const DATE: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const TIME: Intl.DateTimeFormatOptions = { timeStyle: 'short' };

/**
 * Above this many rows in the view, only the rows in and near the scrolled-to part of the table are
 * in the DOM (windowing), inside a scroll box; below it, the table is plain and grows with the page.
 */
export const WINDOWING_THRESHOLD = 100;
/** Rows rendered past each edge of the visible part, so a scroll or a Tab finds them ready. */
const OVERSCAN = 8;
/** First guesses (px) of a row's height and the scroll box's, until they are measured. */
const ESTIMATED_ROW_PITCH = 56;
const ESTIMATED_VIEWPORT = 640;

/** The rows of the view that are rendered: indices into it, and gaps drawn as spacer rows. */
type RowSlot = { index: number } | { gap: number; key: number };

/**
 * The composed `<pat-generate-dialog>`'s parts (and the reveal's, which it exports), re-exported
 * under their own names so a host styles the whole feature through the list. Its `error` becomes
 * `dialog-error`, apart from the list's own error message; `button` is shared on purpose.
 */
const DIALOG_EXPORTPARTS = [
  'dialog', 'close-button', 'form', 'heading', 'note', 'summary', 'field', 'label', 'input', 'name-input',
  'description-input', 'select', 'date-input', 'hint', 'expiry', 'scopes', 'scope-group', 'scope', 'field-error',
  'error: dialog-error', 'actions', 'button', 'cancel-button', 'submit-button', 'reveal', 'secret-field', 'secret',
  'copy-button', 'toggle-button', 'usage-field', 'usage', 'usage-copy-button', 'warning', 'status', 'acknowledge',
  'done-button',
].join(', ');

interface DeleteFailure {
  token: Token;
  message: string;
}

/**
 * The whole Personal Access Token section of a settings page: a table of the user's tokens with
 * masked keys, dates and expiry badges, a filter, sortable columns, deletion with confirmation, and
 * the "Generate new token" button that opens `<pat-generate-dialog>`. Strings and dates follow the
 * nearest `lang` attribute (through shadow roots), and a `lang` change is picked up at once. Below 600 px of its own width the rows become stacked cards. It
 * inherits the page's font, colours and `color-scheme` (light and dark defaults built in); set
 * `color-scheme` on the element to pin one.
 *
 * @summary Lists tokens with masked keys and lets the user generate and delete them.
 *
 * @fires pat-token-created - A token was created through the dialog (`{ token }`, metadata only; bubbles out of the dialog).
 * @fires pat-token-deleted - A token was deleted, or was already gone (`{ token }`).
 * @fires pat-error - Loading or deleting failed (`{ operation: 'list' | 'revoke', error }`); the user sees the message too.
 *
 * @slot generate-button - Replaces the "Generate new token" button. A click on it opens the dialog unless its handler calls `preventDefault()`.
 *
 * @csspart toolbar - The bar with the count, filter and generate button.
 * @csspart count - The number of tokens.
 * @csspart filter - The filter's search input.
 * @csspart scroller - The box around the table; it scrolls (up to `--pat-max-height`) once the view holds more than 100 tokens, and then only the rows near its visible part are rendered.
 * @csspart table - The `<table>`.
 * @csspart caption - The table's caption (visually hidden by default).
 * @csspart header-row - The row of column headers (a row of sort buttons in the card layout).
 * @csspart header - Each column header.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart row - Each token's row.
 * @csspart row-new - A row created in this session.
 * @csspart row-expired - The row of an expired token.
 * @csspart row-deleting - A row whose delete is in flight.
 * @csspart cell - Every cell.
 * @csspart name-cell - The cell with the name and description.
 * @csspart key-cell - The cell with the partial key.
 * @csspart created-cell - The cell with the creation date.
 * @csspart expires-cell - The cell with the expiry date and badge.
 * @csspart last-used-cell - The cell with when the token was last used.
 * @csspart actions-cell - The cell with the row's actions.
 * @csspart name - The token's name.
 * @csspart description - The token's description.
 * @csspart key - The visible part of the key, as the server sent it.
 * @csspart mask - The fixed-length mask drawn after it.
 * @csspart badge - Every badge.
 * @csspart badge-new - The New badge.
 * @csspart badge-expired - The Expired badge.
 * @csspart badge-expiring - The expiring-soon badge.
 * @csspart button - Every button.
 * @csspart generate-button - The "Generate new token" button.
 * @csspart delete-button - Each row's Delete button.
 * @csspart retry-button - Retry after a failed load.
 * @csspart dismiss-button - Dismisses a message above the table.
 * @csspart clear-filter-button - Clears the filter when nothing matches.
 * @csspart confirm-cancel-button - The confirmation's Cancel button.
 * @csspart confirm-delete-button - The confirmation's Delete button.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart empty - The message shown when there are no tokens.
 * @csspart error - The message shown when the list could not be loaded.
 * @csspart alert - A dismissible message above the table (failed delete or refresh).
 * @csspart confirm-dialog - The delete confirmation `<dialog>`.
 * @csspart generate-dialog - The composed `<pat-generate-dialog>`. Its parts are exported under their own names (`dialog`, `form`, `input`, `submit-button`, `secret`, `copy-button`, …), its `error` as `dialog-error`.
 *
 * @cssprop --pat-accent-color - Primary buttons, focus rings and the new-row highlight.
 * @cssprop --pat-accent-text-color - Text on primary buttons.
 * @cssprop --pat-danger-color - Delete buttons and the expired badge.
 * @cssprop --pat-danger-text-color - Text on the confirmation's delete button.
 * @cssprop --pat-warning-color - The expiring-soon badge.
 * @cssprop --pat-border-color - Table rules, card and button borders.
 * @cssprop --pat-field-border-color - The filter input's border.
 * @cssprop --pat-field-background - The filter input's background.
 * @cssprop --pat-field-color - The filter input's text colour.
 * @cssprop --pat-button-background - Background of secondary buttons.
 * @cssprop --pat-muted-color - Secondary text.
 * @cssprop --pat-surface-color - Background of the confirmation dialog.
 * @cssprop --pat-surface-text-color - Text of the confirmation dialog.
 * @cssprop --pat-radius - Corner radius of buttons, inputs, badges and cards.
 * @cssprop --pat-spacing - The base gap; cells and cards scale from it.
 * @cssprop [--pat-max-height=40rem] - The height of the table's scroll box when it holds more than 100 tokens.
 * @cssprop --pat-font-mono - The partial key's font.
 */
export class PatTokenList extends ClientConfigMixin(PatElement) {
  static override styles = tokenListStyles;
  static override dependencies = { 'pat-generate-dialog': PatGenerateDialog };

  /** A token expiring within this many days gets an "Expires in N days" badge. */
  @property({ type: Number, attribute: 'expiring-soon-days' }) expiringSoonDays = DEFAULT_EXPIRING_SOON_DAYS;

  /** Hides the generate button (and the dialog), for hosts that create tokens elsewhere. */
  @property({ type: Boolean, attribute: 'no-generate', reflect: true }) noGenerate = false;

  /** Duration presets offered by the dialog, in days. */
  @property({ attribute: false }) presets: readonly number[] = DEFAULT_PRESETS;

  /** Whether the dialog offers "no expiration". */
  @property({ type: Boolean, attribute: 'allow-no-expiration' }) allowNoExpiration = false;

  /** The longest lifetime the dialog allows, in days; unset leaves the dialog's default. */
  @property({ type: Number, attribute: 'max-lifetime-days' }) maxLifetimeDays: number | undefined = undefined;

  /**
   * Passed to the dialog's reveal: a ready-to-paste example with `{token}` where the new secret
   * goes, e.g. `curl -H "Authorization: Bearer {token}" https://api.example.com/me`.
   */
  @property({ attribute: 'usage-template' }) usageTemplate: string | undefined = undefined;

  @state() private filter = '';
  @state() private sort: TokenSort = DEFAULT_SORT;
  /** The token the confirmation dialog asks about. */
  @state() private confirming: Token | undefined = undefined;
  @state() private deleteFailure: DeleteFailure | undefined = undefined;
  @state() private announcement = '';

  readonly #tokens = new TokensController(this, {
    client: () => this.tokenClient,
    onLoadError: (error) => this.emit('pat-error', { operation: 'list', error: asError(error) }),
  });
  readonly #view = memoizedTokenView();
  #locale = 'en';
  #now = new Date();
  /** This render's date formatters, looked up once rather than per row. */
  #dateFormat!: Intl.DateTimeFormat;
  #timeFormat!: Intl.DateTimeFormat;

  // Windowing: where the scroll box is, and what a row measures.
  #scrollTop = 0;
  #viewportHeight = ESTIMATED_VIEWPORT;
  #rowPitch = ESTIMATED_ROW_PITCH;
  /** Offset of the first row from the top of the scroll box's content (the header's height). */
  #rowsTop = 0;
  /** The first and last+1 index of the contiguous rows last rendered. */
  #renderedRange: readonly [number, number] = [0, 0];
  /** Set when the filter or sort changed: the scroll box goes back to the top. */
  #scrollToTop = false;
  /** The row that last had focus: kept rendered wherever the scroll box is, so focus is never lost. */
  #focusedRowId: string | undefined;
  // Created by the first update with a scroll box, never in the constructor: a server renderer
  // (Lit SSR) constructs and renders the element where there is no ResizeObserver. jsdom (hosts'
  // unit tests) has none either: there the windowed rows keep their estimated heights.
  #resizeObserver: ResizeObserver | undefined;
  #observedScroller: Element | undefined;

  /** Loads the list again. Resolves when the load has settled. */
  async refresh(): Promise<void> {
    await this.#tokens.reload();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Observe the scroll box again after a reconnection.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#observedScroller = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#locale = this.localize.lang;
    this.#dateFormat = this.localize.dateFormat(DATE);
    this.#timeFormat = this.localize.dateFormat(TIME);
    this.#now = now();
    const changedState = changed as Map<PropertyKey, unknown>;
    if (changedState.has('filter') || changedState.has('sort')) {
      this.#scrollTop = 0;
      this.#scrollToTop = true;
    }
  }

  protected override updated(): void {
    const scroller = this.#scroller;
    // Observed again after a reconnection too: `connectedCallback` asks for an update.
    // An update can still run after removal (an aborted load's last render): observe nothing then.
    const observable = this.isConnected ? scroller : null;
    if (observable !== (this.#observedScroller ?? null) && typeof ResizeObserver === 'function') {
      this.#resizeObserver ??= new ResizeObserver(() => this.#onResize());
      this.#resizeObserver.disconnect();
      if (observable) this.#resizeObserver.observe(observable);
      this.#observedScroller = observable ?? undefined;
    }
    if (this.#scrollToTop && scroller) scroller.scrollTop = 0;
    this.#scrollToTop = false;
    this.#sizeSpacers();
  }

  override render() {
    const tokens = this.#tokens.tokens;
    const loadError = this.#tokens.loadError;
    const failedFirstLoad = !tokens && loadError !== undefined;
    const view = tokens && this.#currentView(tokens);
    return html`
      <div part="toolbar" class="toolbar">
        <p part="count" class="count" aria-live="polite">${this.#renderCount(tokens, view)}</p>
        ${tokens?.length ? this.#renderFilter() : nothing} ${this.#renderGenerateButton()}
      </div>
      ${tokens && loadError !== undefined ? this.#renderRefreshFailure(loadError) : nothing}
      ${this.deleteFailure ? this.#renderDeleteFailure(this.deleteFailure) : nothing}
      ${failedFirstLoad
        ? this.#renderLoadFailure(loadError)
        : tokens?.length === 0
          ? this.#renderEmpty()
          : this.#renderTable(tokens, view)}
      <div role="status" class="visually-hidden">${this.announcement}</div>
      ${this.#renderConfirmDialog()} ${this.#renderGenerateDialog()}
    `;
  }

  #currentView(tokens: readonly Token[]): readonly Token[] {
    return this.#view({ tokens, filter: this.filter, sort: this.sort, locale: this.#locale, pinned: this.#tokens.newIds });
  }

  #renderCount(tokens: readonly Token[] | undefined, view: readonly Token[] | undefined) {
    const strings = this.localize.strings;
    if (!tokens) return this.#tokens.loadError === undefined ? strings.loadingTokens : nothing;
    if (!tokens.length) return nothing;
    if (this.filter.trim()) return this.localize.term('filteredCount', { shown: view!.length, total: tokens.length });
    return this.localize.plural('tokenCount', tokens.length);
  }

  #renderFilter() {
    const strings = this.localize.strings;
    return html`<label class="filter">
      <span class="visually-hidden">${strings.filterLabel}</span>
      <input
        part="filter"
        type="search"
        autocomplete="off"
        spellcheck="false"
        placeholder=${strings.filterPlaceholder}
        .value=${this.filter}
        @input=${this.#onFilterInput}
      />
    </label>`;
  }

  #renderGenerateButton() {
    if (this.noGenerate) return nothing;
    return html`<slot name="generate-button" @click=${this.#openGenerateDialog}>
      <button type="button" part="button generate-button" class="button primary" id="generate-button">
        ${this.localize.strings.generateButton}
      </button>
    </slot>`;
  }

  #renderTable(tokens: readonly Token[] | undefined, view: readonly Token[] | undefined) {
    const strings = this.localize.strings;
    const showLastUsed = !tokens || tokens.some((token) => token.lastUsedAt !== undefined);
    const columns = showLastUsed ? 6 : 5;
    const busy = this.#tokens.loading || this.#tokens.idle;
    const windowed = !!view && view.length > WINDOWING_THRESHOLD;
    return html`<div part="scroller" class=${windowed ? 'scroller windowed' : 'scroller'} @scroll=${this.#onScroll}>
      <table
        part="table"
        tabindex="-1"
        aria-busy=${busy ? 'true' : 'false'}
        aria-rowcount=${windowed ? view.length + 1 : nothing}
        @click=${this.#onTableClick}
        @focusin=${this.#onTableFocus}
      >
      <caption part="caption" class="visually-hidden">${strings.tableCaption}</caption>
      <thead>
        <tr part="header-row" data-label=${strings.sortBy} aria-rowindex=${windowed ? 1 : nothing}>
          ${this.#renderSortHeader('name', strings.columnName)}
          <th scope="col" part="header">${strings.columnKey}</th>
          ${this.#renderSortHeader('createdAt', strings.columnCreated)}
          ${this.#renderSortHeader('expiresAt', strings.columnExpires)}
          ${showLastUsed ? this.#renderSortHeader('lastUsedAt', strings.columnLastUsed) : nothing}
          <th scope="col" part="header"><span class="visually-hidden">${strings.columnActions}</span></th>
        </tr>
      </thead>
      <tbody>
        ${!tokens || !view
          ? this.#renderSkeleton(columns)
          : windowed
            ? this.#renderWindow(view, showLastUsed)
            : view.length
              ? repeat(view, (token) => token.id, (token) => this.#renderRow(token, showLastUsed))
              : this.#renderNoMatches(columns)}
      </tbody>
    </table></div>`;
  }

  /**
   * The rows near the scroll position, plus the focused row and the one the confirmation asks about
   * wherever they are, with spacer rows standing in for the rest so the scrollbar stays true.
   * Spacers have no cells: they are not rows of data, for assistive technology or anything else.
   */
  #renderWindow(view: readonly Token[], showLastUsed: boolean) {
    const [start, end] = this.#windowRange(view.length);
    this.#renderedRange = [start, end];
    const indices = new Set<number>();
    for (let index = start; index < end; index++) indices.add(index);
    for (const id of [this.#focusedRowId, this.confirming?.id]) {
      if (id === undefined) continue;
      const index = view.findIndex((token) => token.id === id);
      if (index >= 0) indices.add(index);
    }
    const slots: RowSlot[] = [];
    let next = 0;
    for (const index of [...indices].sort((a, b) => a - b)) {
      if (index > next) slots.push({ gap: index - next, key: slots.length });
      slots.push({ index });
      next = index + 1;
    }
    if (view.length > next) slots.push({ gap: view.length - next, key: slots.length });
    return repeat(
      slots,
      (slot) => ('index' in slot ? view[slot.index]!.id : slot.key),
      (slot) =>
        'index' in slot
          ? this.#renderRow(view[slot.index]!, showLastUsed, slot.index + 2)
          : html`<tr class="spacer" aria-hidden="true" data-rows=${slot.gap}></tr>`,
    );
  }

  /** The contiguous rows to render for the current scroll position: the visible ones and an overscan. */
  #windowRange(length: number): [number, number] {
    const first = Math.floor(Math.max(0, this.#scrollTop - this.#rowsTop) / this.#rowPitch);
    const visible = Math.ceil(this.#viewportHeight / this.#rowPitch) + 1;
    const start = Math.max(0, Math.min(first, length - visible) - OVERSCAN);
    return [start, Math.min(length, first + visible + OVERSCAN)];
  }

  #onScroll() {
    const scroller = this.#scroller;
    if (!scroller?.classList.contains('windowed')) return;
    this.#scrollTop = scroller.scrollTop;
    this.#viewportHeight = scroller.clientHeight || ESTIMATED_VIEWPORT;
    const view = this.#tokens.tokens && this.#currentView(this.#tokens.tokens);
    const [start, end] = view ? this.#windowRange(view.length) : [0, 0];
    if (start !== this.#renderedRange[0] || end !== this.#renderedRange[1]) this.requestUpdate();
  }

  /**
   * Measures a row's average height from rows rendered next to each other, when the scroll box
   * appears or changes size (a narrower box wraps more, the card layout is taller). Not on every
   * scroll: spacers sized by a changing estimate would move the rows under the user's eyes.
   */
  #onResize() {
    const scroller = this.#scroller;
    if (!scroller?.classList.contains('windowed')) return;
    let span = 0;
    let pairs = 0;
    let previous: { index: number; top: number } | undefined;
    for (const row of scroller.querySelectorAll<HTMLElement>('tbody tr[aria-rowindex]')) {
      const current = { index: Number(row.getAttribute('aria-rowindex')), top: row.getBoundingClientRect().top };
      if (previous && current.index === previous.index + 1) {
        span += current.top - previous.top;
        pairs++;
      }
      previous = current;
    }
    const scrollerTop = scroller.getBoundingClientRect().top;
    this.#rowsTop = (scroller.querySelector('tbody')?.getBoundingClientRect().top ?? scrollerTop) - scrollerTop + scroller.scrollTop;
    const pitch = pairs ? span / pairs : this.#rowPitch;
    if (pitch > 0 && Math.abs(pitch - this.#rowPitch) >= 0.5) {
      // Keep the row at the top of the box where it is.
      const topRow = Math.max(0, scroller.scrollTop - this.#rowsTop) / this.#rowPitch;
      this.#rowPitch = pitch;
      this.#sizeSpacers();
      if (topRow > 0) scroller.scrollTop = this.#rowsTop + topRow * pitch;
    }
    this.#onScroll();
  }

  /** Spacer heights are set through the CSSOM: a `style` attribute would break a strict CSP. */
  #sizeSpacers() {
    for (const spacer of this.renderRoot.querySelectorAll<HTMLElement>('tr.spacer')) {
      spacer.style.height = `${Number(spacer.dataset.rows) * this.#rowPitch}px`;
    }
  }

  #onTableFocus(event: FocusEvent) {
    const row = (event.target as Element).closest<HTMLElement>('tr[data-id]');
    if (row) this.#focusedRowId = row.dataset.id;
  }

  #renderSortHeader(key: SortKey, label: string) {
    const sorted = this.sort.key === key ? this.sort.direction : undefined;
    return html`<th scope="col" part="header" class="sortable" aria-sort=${sorted ?? nothing}>
      <button type="button" part="button sort-button" class="sort-button" data-action="sort" data-sort-key=${key}>
        ${label}<span class="sort-indicator" aria-hidden="true"></span>
      </button>
    </th>`;
  }

  #renderSkeleton(columns: number) {
    const row = html`<tr part="skeleton" class="skeleton" aria-hidden="true">
      ${Array.from({ length: columns }, () => html`<td><span class="bone"></span></td>`)}
    </tr>`;
    return [row, row, row];
  }

  #renderNoMatches(columns: number) {
    const strings = this.localize.strings;
    return html`<tr class="no-matches">
      <td colspan=${columns}>
        <p>${this.localize.term('noMatches', { filter: this.filter.trim() })}</p>
        <button type="button" part="button clear-filter-button" class="button" data-action="clear-filter">
          ${strings.clearFilter}
        </button>
      </td>
    </tr>`;
  }

  /**
   * One token's row. Rendered again only when something it shows changed (the token, its state,
   * strings, locale, the minute), so a delete or a scroll does not re-render every other row.
   */
  #renderRow(token: Token, showLastUsed: boolean, rowIndex?: number) {
    const deleting = this.#tokens.isRevoking(token.id);
    const isNew = this.#tokens.newIds.includes(token.id);
    const minute = Math.floor(this.#now.getTime() / 60_000);
    return guard(
      [token, deleting, isNew, showLastUsed, rowIndex, this.localize.strings, this.#locale, minute, this.#expiringSoonDays],
      () => this.#renderRowContent(token, showLastUsed, deleting, isNew, rowIndex),
    );
  }

  #renderRowContent(token: Token, showLastUsed: boolean, deleting: boolean, isNew: boolean, rowIndex: number | undefined) {
    const strings = this.localize.strings;
    const expiry = expiryStatus(token.expiresAt, this.#now, this.#expiringSoonDays);
    const key = maskPartialKey(token.partialKey);
    const rowParts = ['row', isNew ? 'row-new' : '', expiry.kind === 'expired' ? 'row-expired' : '', deleting ? 'row-deleting' : '']
      .filter(Boolean)
      .join(' ');
    const created = new Date(token.createdAt);
    return html`<tr
      data-id=${token.id}
      part=${rowParts}
      class=${isNew ? 'new' : ''}
      aria-busy=${deleting ? 'true' : nothing}
      aria-rowindex=${rowIndex ?? nothing}
    >
      <th scope="row" part="cell name-cell" class="name-cell">
        <span part="name" class="name">${token.name}</span>
        ${isNew ? html`<span part="badge badge-new" class="badge new-badge">${strings.newBadge}</span>` : nothing}
        ${token.description ? html`<span part="description" class="description">${token.description}</span>` : nothing}
      </th>
      <td part="cell key-cell" data-label=${strings.columnKey}>
        <span class="visually-hidden"
          >${key.visible ? this.localize.term('keyStartingWith', { partialKey: key.visible }) : strings.keyHidden}</span
        >
        <span class="key" aria-hidden="true"><code part="key">${key.visible}</code><span part="mask" class="mask">${key.mask}</span></span>
      </td>
      <td part="cell created-cell" data-label=${strings.columnCreated}>
        <time datetime=${token.createdAt}
          ><span class="date">${this.#dateFormat.format(created)}</span>
          <span class="secondary">${this.#timeFormat.format(created)}</span></time
        >
      </td>
      <td part="cell expires-cell" data-label=${strings.columnExpires}>
        ${token.expiresAt === null
          ? html`<span class="never">${strings.expiresNever}</span>`
          : html`<time datetime=${token.expiresAt}>${this.#dateFormat.format(new Date(token.expiresAt))}</time>`}
        ${expiry.kind === 'expired'
          ? html`<span part="badge badge-expired" class="badge expired-badge">${strings.expiredBadge}</span>`
          : expiry.kind === 'expiring'
            ? html`<span part="badge badge-expiring" class="badge expiring-badge">${this.#expiringText(expiry.days)}</span>`
            : nothing}
      </td>
      ${showLastUsed ? this.#renderLastUsed(token) : nothing}
      <td part="cell actions-cell" class="actions-cell">
        <button
          type="button"
          part="button delete-button"
          class="button danger delete-button"
          data-action="delete"
          aria-label=${this.localize.fill(deleting ? strings.deletingButtonLabel : strings.deleteButtonLabel, { name: token.name })}
          aria-disabled=${deleting ? 'true' : nothing}
        >
          ${deleting ? html`<span class="spinner" aria-hidden="true"></span>${strings.deletingButton}` : strings.deleteButton}
        </button>
      </td>
    </tr>`;
  }

  #renderLastUsed(token: Token) {
    const strings = this.localize.strings;
    const lastUsed = token.lastUsedAt ? new Date(token.lastUsedAt) : undefined;
    return html`<td part="cell last-used-cell" data-label=${strings.columnLastUsed}>
      ${lastUsed
        ? html`<time datetime=${token.lastUsedAt!}
            >${this.localize.relative(lastUsed.getTime() > this.#now.getTime() ? this.#now : lastUsed, this.#now)}</time
          >`
        : html`<span class="never">${strings.lastUsedNever}</span>`}
    </td>`;
  }

  #expiringText(days: number): string {
    const strings = this.localize.strings;
    if (days === 0) return strings.expiresTodayBadge;
    return this.localize.plural('expiresInDays', days, { days });
  }

  get #expiringSoonDays(): number {
    const days = this.expiringSoonDays;
    return Number.isFinite(days) && days >= 0 ? days : DEFAULT_EXPIRING_SOON_DAYS;
  }

  #renderEmpty() {
    const strings = this.localize.strings;
    return html`<div part="empty" class="empty">
      <p class="empty-heading" tabindex="-1">${strings.emptyHeading}</p>
      <p>${strings.emptyBody}</p>
    </div>`;
  }

  #renderLoadFailure(error: unknown) {
    const strings = this.localize.strings;
    return html`<div part="error" class="load-failure">
      <div role="alert">
        <p class="failure-heading">${strings.loadFailed}</p>
        <p>${describeError(error, strings)}</p>
      </div>
      <button type="button" part="button retry-button" class="button" @click=${this.#retry}>${strings.retryButton}</button>
    </div>`;
  }

  #renderRefreshFailure(error: unknown) {
    const strings = this.localize.strings;
    return this.#renderAlert(
      this.localize.term('refreshFailed', { reason: describeError(error, strings) }),
      html`<button type="button" part="button retry-button" class="button" @click=${this.#retry}>${strings.retryButton}</button>`,
    );
  }

  #renderDeleteFailure({ token, message }: DeleteFailure) {
    const strings = this.localize.strings;
    return this.#renderAlert(
      this.localize.term('deleteFailed', { name: token.name, reason: message }),
      html`<button type="button" part="button dismiss-button" class="button" @click=${this.#dismissDeleteFailure}>
        ${strings.dismissButton}
      </button>`,
    );
  }

  #renderAlert(message: string, action: TemplateResult) {
    return html`<div part="alert" class="alert"><p role="alert">${message}</p>${action}</div>`;
  }

  #renderConfirmDialog() {
    const strings = this.localize.strings;
    const name = this.confirming?.name ?? '';
    return html`<dialog
      part="confirm-dialog"
      class="confirm"
      aria-labelledby="confirm-heading"
      aria-describedby="confirm-body"
      @close=${this.#onConfirmClose}
    >
      <form method="dialog">
        <h2 id="confirm-heading">${this.localize.term('confirmDeleteHeading', { name })}</h2>
        <p id="confirm-body">${strings.confirmDeleteBody}</p>
        <div class="confirm-actions">
          <button part="button confirm-cancel-button" class="button" value="cancel" autofocus>${strings.confirmDeleteCancel}</button>
          <button part="button confirm-delete-button" class="button danger solid" value="confirm">
            ${strings.confirmDeleteConfirm}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  #renderGenerateDialog() {
    if (this.noGenerate) return nothing;
    // The policy travels as attributes so an unset one leaves the dialog's own default.
    return html`<pat-generate-dialog
      part="generate-dialog"
      exportparts=${DIALOG_EXPORTPARTS}
      .endpoint=${this.endpoint}
      .client=${this.client}
      .headers=${this.headers}
      .credentials=${this.credentials}
      .strings=${this.strings}
      .presets=${this.presets}
      ?allow-no-expiration=${this.allowNoExpiration}
      max-lifetime-days=${this.maxLifetimeDays ?? nothing}
      usage-template=${this.usageTemplate ?? nothing}
      @pat-token-created=${this.#onTokenCreated}
    ></pat-generate-dialog>`;
  }

  // ——— Interaction ———

  #onFilterInput(event: Event) {
    this.filter = (event.target as HTMLInputElement).value;
  }

  #onTableClick(event: Event) {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!button) return;
    const action = button.dataset.action;
    if (action === 'sort') {
      this.sort = nextSort(this.sort, button.dataset.sortKey as SortKey);
    } else if (action === 'clear-filter') {
      this.filter = '';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus());
    } else if (action === 'delete') {
      const id = button.closest('tr')?.dataset.id;
      const token = this.#tokens.tokens?.find((t) => t.id === id);
      if (token && !this.#tokens.isRevoking(token.id)) void this.#askToDelete(token);
    }
  }

  async #askToDelete(token: Token) {
    this.confirming = token;
    await this.updateComplete;
    const dialog = this.#confirmDialog;
    if (!dialog || dialog.open) return;
    dialog.returnValue = '';
    dialog.showModal();
  }

  #onConfirmClose() {
    // `close` comes a task after closing: by then the dialog may already ask about another token.
    if (this.#confirmDialog?.open) return;
    const token = this.confirming;
    const confirmed = this.#confirmDialog?.returnValue === 'confirm';
    this.confirming = undefined;
    if (!token) return;
    // The browser returns focus to the opener; if that row went away meanwhile (a refresh), focus
    // would be lost, so it goes to a neighbour instead.
    if (!this.shadowRoot!.activeElement) (this.#deleteButtonOf(token.id) ?? this.#focusFallback())?.focus();
    if (confirmed) void this.#delete(token);
  }

  async #delete(token: Token) {
    this.deleteFailure = undefined;
    const result = await this.#tokens.revoke(token);
    if (result.status === 'skipped') return;
    const strings = this.localize.strings;
    if (result.status === 'failed') {
      this.deleteFailure = { token, message: describeError(result.error, strings) };
      this.emit('pat-error', { operation: 'revoke', error: asError(result.error) });
      return;
    }

    const row = this.#rowOf(token.id);
    const focusWasInRow = !!row && row.contains(this.shadowRoot!.activeElement);
    const neighbourId = this.#neighbourOf(token.id);
    // The neighbour that takes focus must be rendered, wherever the scroll box is.
    if (focusWasInRow) this.#focusedRowId = neighbourId;
    this.#tokens.remove(token.id);
    this.emit('pat-token-deleted', { token });
    void this.#announce(this.localize.term('tokenDeleted', { name: token.name }));
    if (!focusWasInRow) return;
    await this.updateComplete;
    ((neighbourId && this.#deleteButtonOf(neighbourId)) || this.#focusFallback())?.focus();
  }

  /** The row after this one in the current view, else the one before. */
  #neighbourOf(id: string): string | undefined {
    const tokens = this.#tokens.tokens;
    if (!tokens) return undefined;
    const view = this.#currentView(tokens);
    const index = view.findIndex((token) => token.id === id);
    return (view[index + 1] ?? view[index - 1])?.id;
  }

  async #announce(message: string) {
    // Cleared first so the same sentence twice in a row is announced twice.
    this.announcement = '';
    await this.updateComplete;
    this.announcement = message;
  }

  #dismissDeleteFailure() {
    const token = this.deleteFailure?.token;
    this.deleteFailure = undefined;
    if (token) this.#focusedRowId = token.id;
    // The dismiss button disappears: keep the keyboard user near what failed.
    void this.updateComplete.then(() => ((token && this.#deleteButtonOf(token.id)) || this.#focusFallback())?.focus());
  }

  async #retry() {
    void this.#tokens.reload();
    await this.updateComplete;
    // The retry button is gone while loading; the table (named by its caption) takes focus.
    (this.#table ?? this.#focusFallback())?.focus();
  }

  #openGenerateDialog(event: Event) {
    if (event.defaultPrevented) return;
    this.renderRoot.querySelector('pat-generate-dialog')?.show();
  }

  #onTokenCreated(event: CustomEvent<{ token: Token }>) {
    // A filter could hide the new token: clear it so the user sees what they made.
    this.filter = '';
    this.#tokens.add(event.detail.token);
  }

  // ——— Lookups ———

  get #confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.confirm');
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector('[part=scroller]');
  }

  get #table(): HTMLTableElement | null {
    return this.renderRoot.querySelector('table');
  }

  #rowOf(id: string): HTMLTableRowElement | null {
    return this.renderRoot.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
  }

  #deleteButtonOf(id: string): HTMLButtonElement | null {
    return this.#rowOf(id)?.querySelector('button[data-action=delete]') ?? null;
  }

  /** The slotted replacement if there is one, else our own button. */
  #generateButton(): HTMLElement | null {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name=generate-button]');
    if (!slot) return null;
    return (slot.assignedElements()[0] as HTMLElement | undefined) ?? slot.querySelector('button');
  }

  /** Where focus goes when the element that had it disappears and no row can take it. */
  #focusFallback(): HTMLElement | null {
    return this.#generateButton() ?? this.renderRoot.querySelector<HTMLElement>('.empty-heading') ?? this.#table;
  }
}

function asError(error: unknown): PatError | Error {
  return error instanceof Error ? error : new Error(String(error));
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-list': PatTokenList;
  }
}
