import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { HttpError } from '../api/errors.js';
import type { Token } from '../api/schemas.js';
import type { Scope } from '../api/scopes.js';
import type { TokenCreatedDetail } from '../events/token-created.js';
import type { PatErrorDetail } from '../events/error.js';
import { DEFAULT_PRESETS } from '../generate-dialog/expiration.js';
import { PatGenerateDialog } from '../generate-dialog/generate-dialog.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { setModalOpen } from '../internal/modal-dialog.js';
import { now } from '../internal/clock.js';
import { PatElement } from '../internal/pat-element.js';
import { scopeCatalogue } from '../internal/scope-catalogue.js';
import { describeError } from '../internal/strings.js';
import { DEFAULT_EXPIRING_SOON_DAYS } from './expiry-status.js';
import { LayoutController } from './layout-controller.js';
import { memo } from '../internal/memo.js';
import { tokenListStyles } from './token-list.styles.js';
import { skeletonRow, tokenRow, type Columns, type RowContext } from './token-row.js';
import { DEFAULT_SORT, memoizedTokenView, nextSort, type SortKey, type TokenSort } from './token-view.js';
import { TokensController } from './tokens-controller.js';
import { WindowController, type WindowSlot } from './window-controller.js';

/**
 * Above this many rows in the view, only the rows in and near the visible part of the page are in
 * the DOM (windowing); up to it, every row is.
 */
export const WINDOWING_THRESHOLD = 100;

/**
 * The composed `<pat-generate-dialog>`'s parts (and the reveal's, which it exports), re-exported
 * under their own names so a host styles the whole feature through the list. Its `error` and
 * `scope` become `dialog-error` and `dialog-scope`, apart from the list's own error message and
 * scope chips (a prefix, as Shoelace exports its children's parts); `button` is shared on purpose.
 */
const DIALOG_EXPORTPARTS =
  'dialog, close-button, form, heading, note, summary, field, label, input, name-input, ' +
  'description-input, select, date-input, hint, expiry, scopes, scope-group, scope: dialog-scope, field-error, ' +
  'error: dialog-error, actions, button, cancel-button, submit-button, reveal, secret-field, ' +
  'secret, copy-button, toggle-button, usage-field, usage, usage-copy-button, warning, status, ' +
  'acknowledge, done-button';

/** Keys that move focus between rows while it is on a row's button (the page would scroll anyway). */
const ROW_KEYS = new Set(['Home', 'End', 'PageUp', 'PageDown']);

const NO_SCOPE_LABELS: ReadonlyMap<string, string> = new Map();

/**
 * The whole Personal Access Token section of a settings page: the user's tokens with masked keys,
 * dates, expiry badges and scopes, a filter, sortable columns, regenerate and delete, and the
 * "Generate new token" button that opens `<pat-generate-dialog>`. It is a table wherever the table
 * fits the element's own width and a list of cards elsewhere (measured, not a breakpoint). A long
 * list stays in the page: only the rows near the visible part of the page (or of a scrolling
 * ancestor) are rendered. Strings and dates follow the nearest `lang`. It inherits the page's font,
 * colours and `color-scheme` (light and dark defaults built in); set `color-scheme` on the element
 * to pin one.
 *
 * @summary Lists tokens with masked keys and lets the user generate, regenerate and delete them.
 *
 * @fires pat-token-created - A token was created through the dialog (`{ token }`, metadata only; bubbles out of the dialog).
 * @fires pat-token-rotated - A token was regenerated through the dialog (`{ token, previous }`, metadata only; bubbles out of the dialog).
 * @fires pat-token-deleted - A token was deleted, or was already gone (`{ token }`).
 * @fires pat-error - Loading or deleting failed, or a list answer left out tokens that break the contract (`{ operation: 'list' | 'revoke', error }`); the user sees a message too. Also `operation: 'config'` for a scope catalogue with invalid entries (used without them).
 *
 * @slot generate-button - Replaces the "Generate new token" button. A click on it opens the dialog unless its handler calls `preventDefault()`.
 *
 * @csspart toolbar - The bar with the count, filter and generate button.
 * @csspart count - The number of tokens.
 * @csspart filter - The filter's search input.
 * @csspart table - The `<table>` (a list of cards where the table does not fit).
 * @csspart caption - The table's caption (visually hidden by default).
 * @csspart header-row - The row of column headers (a row of sort buttons in the card layout).
 * @csspart header - Each column header.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart row - Each token's row.
 * @csspart row-new - A row created or regenerated in this session.
 * @csspart row-replaced - The row of a token that a regenerate replaced, during its grace period.
 * @csspart row-expired - The row of an expired token.
 * @csspart row-deleting - A row whose delete is in flight.
 * @csspart cell - Every cell.
 * @csspart name-cell - The cell with the name, badges and description.
 * @csspart key-cell - The cell with the partial key.
 * @csspart created-cell - The cell with the creation date.
 * @csspart expires-cell - The cell with the expiry date and badge.
 * @csspart last-used-cell - The cell with when the token was last used.
 * @csspart scopes-cell - The cell with the token's scopes.
 * @csspart actions-cell - The cell with the row's actions.
 * @csspart name - The token's name.
 * @csspart description - The token's description.
 * @csspart key - The visible part of the key, as the server sent it.
 * @csspart mask - The fixed-length mask drawn after it.
 * @csspart scope - Each scope chip.
 * @csspart badge - Every badge.
 * @csspart badge-new - The New badge.
 * @csspart badge-replaced - The Replaced badge.
 * @csspart badge-expired - The Expired badge.
 * @csspart badge-expiring - The expiring-soon badge (and when a replaced token stops working).
 * @csspart row-error - A failed delete's message in its row, with Retry and Dismiss.
 * @csspart button - Every button.
 * @csspart generate-button - The "Generate new token" button.
 * @csspart regenerate-button - Each row's Regenerate button.
 * @csspart delete-button - Each row's Delete button.
 * @csspart scopes-button - Shows a token's scopes beyond the first three, and hides them again.
 * @csspart retry-button - Retry after a failed load or delete.
 * @csspart dismiss-button - Dismisses a message: a failed delete, or the confirmation of one.
 * @csspart clear-filter-button - Clears the filter when nothing matches.
 * @csspart confirm-cancel-button - The confirmation's Cancel button.
 * @csspart confirm-delete-button - The confirmation's Delete button.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart empty - The message shown when there are no tokens.
 * @csspart error - The message shown when the list could not be loaded.
 * @csspart alert - A message above the table: a failed refresh, or tokens left out of a broken answer.
 * @csspart notice - The confirmation above the table after a delete.
 * @csspart confirm-dialog - The delete confirmation `<dialog>`.
 * @csspart generate-dialog - The composed `<pat-generate-dialog>`. Its parts are exported under their own names (`dialog`, `form`, `input`, `submit-button`, `secret`, `copy-button`, …), its `error` and `scope` as `dialog-error` and `dialog-scope`.
 *
 * @cssprop --pat-accent-color - Primary buttons, focus rings, the new-row highlight and the current sort.
 * @cssprop --pat-accent-text-color - Text on primary buttons.
 * @cssprop --pat-danger-color - Delete buttons, the expired badge and a failed delete.
 * @cssprop --pat-danger-text-color - Text on the confirmation's delete button.
 * @cssprop --pat-warning-color - The expiring-soon and replaced badges.
 * @cssprop --pat-border-color - Table rules, card and button borders.
 * @cssprop --pat-field-border-color - The filter input's border.
 * @cssprop --pat-field-background - The filter input's background.
 * @cssprop --pat-field-color - The filter input's text colour.
 * @cssprop --pat-button-background - Background of secondary buttons.
 * @cssprop --pat-muted-color - Secondary text.
 * @cssprop --pat-surface-color - Background of the confirmation dialog; text of a date's exact-time tooltip.
 * @cssprop --pat-surface-text-color - Text of the confirmation dialog; background of a date's exact-time tooltip.
 * @cssprop --pat-radius - Corner radius of buttons, inputs, badges and cards.
 * @cssprop --pat-spacing - The base gap; cells and cards scale from it.
 * @cssprop --pat-font-mono - The partial key's font.
 */
export class PatTokenList extends ClientConfigMixin(PatElement) {
  static override styles = tokenListStyles;
  static override dependencies = { 'pat-generate-dialog': PatGenerateDialog };

  /** A token expiring within this many days gets an "Expires in N days" badge. */
  @property({ type: Number, attribute: 'expiring-soon-days' }) expiringSoonDays = DEFAULT_EXPIRING_SOON_DAYS;

  /** Hides the generate button, for hosts that create tokens elsewhere. */
  @property({ type: Boolean, attribute: 'no-generate', reflect: true }) noGenerate = false;

  /** Hides the "Regenerate" action, which is offered whenever the client can rotate tokens. */
  @property({ type: Boolean, attribute: 'no-regenerate', reflect: true }) noRegenerate = false;

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

  /**
   * The host's catalogue of permissions a token can be limited to. The list shows each token's
   * scopes by label (and the filter finds them); the dialog asks for them.
   */
  @property({ attribute: false }) scopes: readonly Scope[] | undefined = undefined;

  /**
   * How long, in hours, the old token may keep working after a regenerate: the choices the dialog
   * offers (attribute: hours separated by commas or spaces, each 0–168). Unset leaves the dialog's.
   */
  @property({
    attribute: 'grace-periods',
    converter: { fromAttribute: parseHours, toAttribute: (hours: readonly number[]) => hours.join(' ') },
  })
  gracePeriods: readonly number[] | undefined = undefined;

  @state() private filter = '';
  @state() private sort: TokenSort = DEFAULT_SORT;
  /** The token the confirmation dialog asks about. */
  @state() private confirming: Token | undefined = undefined;
  /** Why each row's last delete failed, by token id. */
  @state() private deleteErrors: ReadonlyMap<string, string> = new Map();
  /** Rows whose every scope is shown. */
  @state() private expandedScopes: ReadonlySet<string> = new Set();
  /** The visible confirmation (and announcement) after a delete. */
  @state() private notice = '';

  readonly #tokens = new TokensController(this, {
    client: () => this.tokenClient,
    onLoadError: (error) => this.reportError('list', error),
  });
  // Before the window: a switch between table and cards changes every row's height.
  readonly #layout = new LayoutController(this, {
    frame: () => this.renderRoot?.querySelector<HTMLElement>('.frame') ?? null,
    onChange: () => this.#window.invalidate(),
  });
  readonly #window = new WindowController(this, {
    container: () => this.renderRoot?.querySelector('tbody') ?? null,
    keyAttribute: 'data-id',
  });
  readonly #view = memoizedTokenView();
  #context: RowContext | undefined;
  readonly #contextFor = memo<RowContext>();
  #checkedView: readonly Token[] | undefined;
  readonly #scopeLabels = memo<ReadonlyMap<string, string>>();
  readonly #ids = memo<readonly string[]>();
  readonly #columnsFor = memo<Columns>();
  /** The row that last had focus: it and its neighbours stay rendered wherever the page scrolls. */
  #focusedRowId: string | undefined;
  /** The token the dialog is regenerating: its row stays rendered, focus comes back to it. */
  #regeneratingId: string | undefined;
  /** Where focus goes when the dialog closes and the button that opened it is gone. */
  #focusAfterDialog: string | undefined;
  /**
   * Whether the dialog was ever needed. Until then it is not rendered: its shadow tree would be
   * most of a short list's first render, for a dialog most visits never open.
   */
  #dialogUsed = false;

  /** Loads the list again. Resolves when the load has settled. */
  async refresh(): Promise<void> {
    await this.#tokens.reload();
  }

  /** Whether rows offer "Regenerate": the client can rotate, and the host did not opt out. */
  get #canRegenerate(): boolean {
    return !this.noRegenerate && typeof this.tokenClient?.rotate === 'function';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const current = now();
    const columns = this.#columns(this.#tokens.tokens);
    const expiringSoonDays = validDays(this.expiringSoonDays);
    const scopeLabels = this.#labels();
    const canRegenerate = this.#canRegenerate;
    const { localize } = this;
    // One context object per change of what every row shows, so unchanged rows skip rendering.
    const context = this.#contextFor(
      [
        localize.strings,
        localize.lang,
        Math.floor(current.getTime() / 60_000),
        expiringSoonDays,
        columns.lastUsed,
        columns.scopes,
        scopeLabels,
        canRegenerate,
      ],
      () => ({ localize, now: current, expiringSoonDays, columns, scopeLabels, canRegenerate }),
    );
    // What the rows show changed: whether the table fits may have too.
    if (context !== this.#context) this.#layout.recheck();
    this.#context = context;
    // Other rows, other widths: a table that did not fit may fit now, and the other way round.
    const tokens = this.#tokens.tokens;
    const view = tokens && this.#currentView(tokens);
    if (view !== this.#checkedView || (changed as Map<PropertyKey, unknown>).has('expandedScopes')) this.#layout.recheck();
    this.#checkedView = view;
  }

  override render() {
    const tokens = this.#tokens.tokens;
    const failure = this.#tokens.failure;
    const view = tokens && this.#currentView(tokens);
    const { localize, notice } = this;
    const strings = localize.strings;
    // The status region (notice) is always there, so that what it says is announced; it shows
    // only when it says something. The confirmation is one <dialog>, opened by a row's Delete.
    return html`
      <div part="toolbar" class="toolbar">
        <p part="count" class="count" aria-live="polite">${this.#renderCount(tokens, view)}</p>
        ${this.#renderGenerateButton()} ${(tokens ? tokens.length : failure === undefined) ? this.#renderFilter() : nothing}
      </div>
      ${tokens && failure !== undefined ? this.#renderFailure('alert', strings.refreshFailed, failure) : nothing}
      ${tokens && this.#tokens.leftOut ? this.#renderLeftOut(this.#tokens.leftOut) : nothing}
      <div part="notice" class=${notice ? 'notice shown' : 'notice'}>
        <p role="status">${notice}</p>
        ${
          notice
            ? html`<button type="button" part="button dismiss-button" @click=${this.#dismissNotice}>${strings.dismissButton}</button>`
            : nothing
        }
      </div>
      ${
        !tokens && failure !== undefined
          ? this.#renderFailure('error', strings.loadFailed, failure)
          : tokens?.length === 0
            ? failure === undefined
              ? this.#renderEmpty()
              : nothing
            : this.#renderTable(tokens, view)
      }
      <dialog
        part="confirm-dialog"
        class="confirm"
        aria-labelledby="confirm-heading"
        aria-describedby="confirm-body"
        @close=${this.#onConfirmClose}
      >
        <form method="dialog" @submit=${this.#onConfirmSubmit}>
          <h2 id="confirm-heading">${localize.term('confirmDeleteHeading', { name: this.confirming?.name ?? '' })}</h2>
          <p id="confirm-body">${strings.confirmDeleteBody}</p>
          <div class="confirm-actions">
            <button part="button confirm-cancel-button" value="cancel" autofocus>${strings.confirmDeleteCancel}</button>
            <button part="button confirm-delete-button" class="danger solid" value="confirm">${strings.confirmDeleteConfirm}</button>
          </div>
        </form>
      </dialog>
      ${this.#renderGenerateDialog()}
    `;
  }

  // ——— Rendering ———

  #currentView(tokens: readonly Token[]): readonly Token[] {
    return this.#view({
      tokens,
      filter: this.filter,
      sort: this.sort,
      locale: this.localize.lang,
      pinned: this.#tokens.newIds,
      scopeLabels: this.#labels(),
    });
  }

  /** The optional columns, looked up once per list of tokens and catalogue (a scan of every token). */
  #columns(tokens: readonly Token[] | undefined): Columns {
    const labels = this.#labels();
    return this.#columnsFor([tokens, labels], () => ({
      // Until the list is there, assume the server sends the field: the skeleton keeps its shape.
      lastUsed: !tokens || tokens.some((token) => token.lastUsedAt !== undefined),
      scopes: labels.size > 0 || !!tokens?.some((token) => token.scopes != null),
    }));
  }

  /**
   * The catalogue's labels by id, the same map until the catalogue changes. A catalogue with invalid
   * entries is used without them, and reported once (the check is shared with the dialog).
   */
  #labels(): ReadonlyMap<string, string> {
    return this.#scopeLabels([this.scopes], () => {
      const catalogue = scopeCatalogue(this.scopes, (error) => this.emit('pat-error', { operation: 'config', error }));
      return catalogue ? new Map(catalogue.scopes.map((scope) => [scope.id, scope.label])) : NO_SCOPE_LABELS;
    });
  }

  #renderCount(tokens: readonly Token[] | undefined, view: readonly Token[] | undefined) {
    const localize = this.localize;
    if (!tokens) return this.#tokens.failure === undefined ? localize.strings.loadingTokens : nothing;
    if (!tokens.length) return nothing;
    if (this.filter.trim()) return localize.term('filteredCount', { shown: view!.length, total: tokens.length });
    return localize.plural('tokenCount', tokens.length);
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
      <button type="button" part="button generate-button" class="primary" id="generate-button">
        ${this.localize.strings.generateButton}
      </button>
    </slot>`;
  }

  #renderTable(tokens: readonly Token[] | undefined, view: readonly Token[] | undefined) {
    const strings = this.localize.strings;
    const context = this.#context!;
    const { columns } = context;
    const busy = this.#tokens.loading || this.#tokens.idle;
    const windowed = !!view && view.length > WINDOWING_THRESHOLD;
    const count = 4 + Number(columns.lastUsed) + Number(columns.scopes);
    // The frame's class (table or cards) belongs to the layout controller: no binding here.
    return html`<div class="frame">
      <table
        part="table"
        tabindex="-1"
        aria-busy=${busy ? 'true' : 'false'}
        aria-rowcount=${windowed ? view.length + 1 : nothing}
        @click=${this.#onTableClick}
        @focusin=${this.#onTableFocus}
        @keydown=${this.#onTableKeydown}
      >
        <caption part="caption" class="visually-hidden">
          ${strings.tableCaption}
        </caption>
        <thead>
          <tr part="header-row" data-label=${strings.sortBy} aria-rowindex=${windowed ? 1 : nothing}>
            ${this.#renderSortHeader('name', strings.columnName)}
            <th scope="col" part="header">${strings.columnKey}</th>
            ${this.#renderSortHeader('createdAt', strings.columnCreated)} ${this.#renderSortHeader('expiresAt', strings.columnExpires)}
            ${columns.lastUsed ? this.#renderSortHeader('lastUsedAt', strings.columnLastUsed) : nothing}
            ${columns.scopes ? html`<th scope="col" part="header">${strings.columnScopes}</th>` : nothing}
            <th scope="col" part="header"><span class="visually-hidden">${strings.columnActions}</span></th>
          </tr>
        </thead>
        <tbody>
          ${
            !tokens || !view
              ? [skeletonRow(columns), skeletonRow(columns), skeletonRow(columns)]
              : !view.length
                ? this.#renderNoMatches(count)
                : windowed
                  ? this.#renderWindow(view)
                  : repeat(
                      view,
                      (token) => token.id,
                      (token) => this.#renderRow(token, undefined),
                    )
          }
        </tbody>
      </table>
    </div>`;
  }

  /**
   * The rows near the visible part of the page, plus the focused row with its neighbours and the
   * rows a dialog will return focus to, wherever they are; spacer rows stand in for the rest.
   * Spacers have no cells: they are not rows of data, for assistive technology or anything else.
   */
  #renderWindow(view: readonly Token[]) {
    const ids = this.#idsOf(view);
    const keep: number[] = [];
    // A few lookups a render: a scan costs less than a map of every id built per view.
    const focused = this.#focusedRowId === undefined ? -1 : ids.indexOf(this.#focusedRowId);
    if (focused >= 0) keep.push(focused - 1, focused, focused + 1);
    for (const id of [this.confirming?.id, this.#regeneratingId]) {
      if (id !== undefined) keep.push(ids.indexOf(id));
    }
    return repeat(
      this.#window.layout(ids, keep),
      // Gaps are keyed by number, rows by id (a string): the two can never collide.
      (slot: WindowSlot) => ('index' in slot ? ids[slot.index]! : slot.gap[0]),
      (slot: WindowSlot) =>
        'index' in slot
          ? this.#renderRow(view[slot.index]!, slot.index + 2)
          : html`<tr class="spacer" aria-hidden="true" data-gap=${`${slot.gap[0]}-${slot.gap[1]}`}></tr>`,
    );
  }

  /** The ids in view order (the window's keys), built once per view. */
  #idsOf(view: readonly Token[]): readonly string[] {
    return this.#ids([view], () => view.map((token) => token.id));
  }

  /** A row is rendered again only when its token, its state or what every row shares changed. */
  #renderRow(token: Token, rowIndex: number | undefined) {
    const isNew = this.#tokens.newIds.includes(token.id);
    const deleting = this.#tokens.isRevoking(token.id);
    const deleteError = this.deleteErrors.get(token.id);
    const scopesExpanded = this.expandedScopes.has(token.id);
    const context = this.#context!;
    return guard([token, isNew, deleting, deleteError, scopesExpanded, rowIndex, context], () =>
      tokenRow(token, { isNew, deleting, deleteError, scopesExpanded, rowIndex }, context),
    );
  }

  #renderSortHeader(key: SortKey, label: string) {
    const sorted = this.sort.key === key ? this.sort.direction : undefined;
    return html`<th scope="col" part="header" class="sortable" aria-sort=${sorted ?? nothing}>
      <button type="button" part="button sort-button" class="sort-button" data-action="sort" data-sort-key=${key}>
        ${label}<span class="sort-indicator" aria-hidden="true"></span>
      </button>
    </th>`;
  }

  #renderNoMatches(columns: number) {
    const localize = this.localize;
    return html`<tr class="no-matches">
      <td colspan=${columns}>
        <p>${localize.term('noMatches', { filter: this.filter.trim() })}</p>
        <button type="button" part="button clear-filter-button" data-action="clear-filter">${localize.strings.clearFilter}</button>
      </td>
    </tr>`;
  }

  #renderEmpty() {
    const strings = this.localize.strings;
    return html`<div part="empty" class="empty">
      <p class="empty-heading" tabindex="-1">${strings.emptyHeading}</p>
      <p>${strings.emptyBody}</p>
    </div>`;
  }

  /** A failed first load (`error`) or a failed refresh above the rows still shown (`alert`). */
  #renderFailure(part: 'error' | 'alert', heading: string, error: unknown) {
    // Literal part names: the styling surface is read from the source.
    return html`<div part=${part === 'error' ? 'error' : 'alert'} class="alert">
      <div role="alert">
        <p class="failure-heading">${heading}</p>
        <p>${describeError(error, this.localize.strings)}</p>
      </div>
      ${this.#renderRetryButton()}
    </div>`;
  }

  #renderLeftOut(count: number) {
    return html`<div part="alert" class="alert">
      <p role="alert">${this.localize.plural('tokensLeftOut', count)}</p>
      ${this.#renderRetryButton()}
    </div>`;
  }

  /** Retry stays where it is while the list reloads, and shows that it is working. */
  #renderRetryButton() {
    const strings = this.localize.strings;
    const busy = this.#tokens.loading;
    return html`<button type="button" part="button retry-button" aria-disabled=${busy ? 'true' : nothing} @click=${this.#retry}>
      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${strings.retryingButton}` : strings.retryButton}
    </button>`;
  }

  #renderGenerateDialog() {
    if (!this.#dialogUsed || (this.noGenerate && !this.#canRegenerate)) return nothing;
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
      .scopes=${this.scopes}
      ?allow-no-expiration=${this.allowNoExpiration}
      max-lifetime-days=${this.maxLifetimeDays ?? nothing}
      usage-template=${this.usageTemplate ?? nothing}
      grace-periods=${this.gracePeriods?.join(' ') ?? nothing}
      @pat-token-created=${this.#onTokenCreated}
      @pat-token-rotated=${this.#onTokenRotated}
      @pat-error=${this.#onDialogError}
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
      return;
    }
    if (action === 'clear-filter') {
      this.filter = '';
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus());
      return;
    }
    const id = button.closest('tr')?.dataset.id;
    const token = this.#tokens.tokens?.find((t) => t.id === id);
    if (!token) return;
    if (action === 'delete' && !this.#tokens.isRevoking(token.id)) void this.#askToDelete(token);
    else if (action === 'regenerate' && !this.#tokens.isRevoking(token.id)) this.#regenerate(token);
    else if (action === 'retry-delete') void this.#delete(token, button);
    else if (action === 'dismiss-delete-error') this.#dismissDeleteError(token);
    else if (action === 'scopes') this.#toggleScopes(token);
  }

  #onTableFocus(event: FocusEvent) {
    const row = (event.target as Element).closest<HTMLElement>('tr[data-id]');
    if (!row || row.dataset.id === this.#focusedRowId) return;
    this.#focusedRowId = row.dataset.id;
    // Render the new focus's neighbours, so the next Tab or Shift+Tab finds them.
    if (row.hasAttribute('aria-rowindex')) this.requestUpdate();
  }

  /**
   * Home, End, PageUp and PageDown on anything focusable in a row move focus to the same thing in
   * the first, the last, or a page's worth of rows further: the keyboard reaches the end of a long
   * list at once, and Tab goes on from where focus landed rather than from a row far away.
   */
  #onTableKeydown(event: KeyboardEvent) {
    if (!ROW_KEYS.has(event.key) || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('tr[data-id]');
    const tokens = this.#tokens.tokens;
    if (!row || !tokens || target === row) return;
    const view = this.#currentView(tokens);
    const from = Math.max(0, this.#idsOf(view).indexOf(row.dataset.id!));
    const page = Math.max(1, Math.floor(window.innerHeight / Math.max(1, row.getBoundingClientRect().height)) - 1);
    const last = view.length - 1;
    const to = { Home: 0, End: last, PageUp: Math.max(0, from - page), PageDown: Math.min(last, from + page) }[event.key]!;
    event.preventDefault();
    if (to !== from) void this.#focusRow(view[to]!.id, sameFocusable(target));
  }

  /** Focuses what `selector` finds in the row (its first button if nothing), rendering it first. */
  async #focusRow(id: string, selector: string) {
    this.#focusedRowId = id;
    this.requestUpdate();
    await this.updateComplete;
    const row = this.#rowOf(id);
    (row?.querySelector<HTMLElement>(selector) ?? row?.querySelector<HTMLElement>('button'))?.focus();
  }

  async #askToDelete(token: Token) {
    this.confirming = token;
    await this.updateComplete;
    const dialog = this.#confirmDialog;
    if (!dialog || dialog.open) return;
    dialog.returnValue = '';
    setModalOpen(dialog, true);
  }

  /**
   * Closes the confirmation with the button's value and acts on it at once, also where
   * `<form method="dialog">` does nothing and a stand-in `close()` fires no `close` (jsdom).
   */
  #onConfirmSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (!this.#confirmDialog) return;
    setModalOpen(this.#confirmDialog, false, (event.submitter as HTMLButtonElement | null)?.value ?? '');
    this.#onConfirmClose();
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
    if (!this.shadowRoot!.activeElement) this.#focusButton(token.id);
    if (confirmed) void this.#delete(token);
  }

  /** Sends the DELETE; a failure stays in the row, with Retry (which sends it again, confirmed already). */
  async #delete(token: Token, retryButton?: HTMLElement) {
    this.#setDeleteError(token.id, undefined);
    if (retryButton && this.shadowRoot!.activeElement === retryButton) {
      // The retry button goes while the delete runs: keep focus in the row.
      void this.updateComplete.then(() => this.#buttonOf(token.id, 'delete')?.focus());
    }
    const result = await this.#tokens.revoke(token);
    if (result.status === 'skipped') return;
    if (result.status === 'failed') {
      this.#setDeleteError(token.id, describeError(result.error, this.localize.strings));
      this.reportError('revoke', result.error);
      return;
    }

    const row = this.#rowOf(token.id);
    const focusWasInRow = !!row && row.contains(this.shadowRoot!.activeElement);
    const neighbourId = this.#neighbourOf(token.id);
    // The neighbour that takes focus must be rendered, wherever the page is scrolled.
    if (focusWasInRow) this.#focusedRowId = neighbourId;
    this.#tokens.remove(token.id);
    this.emit('pat-token-deleted', { token });
    void this.#announce(this.localize.term('tokenDeleted', { name: token.name }));
    if (!focusWasInRow) return;
    await this.updateComplete;
    this.#focusButton(neighbourId);
  }

  #setDeleteError(id: string, message: string | undefined) {
    if (message === undefined && !this.deleteErrors.has(id)) return;
    const errors = new Map(this.deleteErrors);
    if (message === undefined) errors.delete(id);
    else errors.set(id, message);
    this.deleteErrors = errors;
  }

  #dismissDeleteError(token: Token) {
    this.#setDeleteError(token.id, undefined);
    // The dismiss button disappears: keep the keyboard user in the row.
    void this.updateComplete.then(() => this.#focusButton(token.id));
  }

  #toggleScopes(token: Token) {
    const expanded = new Set(this.expandedScopes);
    if (!expanded.delete(token.id)) expanded.add(token.id);
    this.expandedScopes = expanded;
  }

  /** The row after this one in the current view, else the one before. */
  #neighbourOf(id: string): string | undefined {
    const tokens = this.#tokens.tokens;
    if (!tokens) return undefined;
    const view = this.#currentView(tokens);
    const index = this.#idsOf(view).indexOf(id);
    return (view[index + 1] ?? view[index - 1])?.id;
  }

  async #announce(message: string) {
    // Cleared first so the same sentence twice in a row is announced twice.
    this.notice = '';
    await this.updateComplete;
    this.notice = message;
  }

  #dismissNotice() {
    this.notice = '';
    void this.updateComplete.then(() => this.#focusButton());
  }

  async #retry(event: Event) {
    const button = event.currentTarget as HTMLElement;
    if (this.#tokens.loading) return;
    await this.#tokens.reload();
    await this.updateComplete;
    // Retry leaves with the message it belonged to: the table (named by its caption) takes focus.
    if (!button.isConnected && !this.shadowRoot!.activeElement) (this.#table ?? this.#focusFallback())?.focus();
  }

  #openGenerateDialog(event: Event) {
    if (event.defaultPrevented) return;
    this.#useDialog()?.show();
  }

  #regenerate(token: Token) {
    const dialog = this.#useDialog();
    if (!dialog) return;
    this.#regeneratingId = token.id;
    this.#focusAfterDialog = undefined;
    dialog.regenerate(token);
    this.#whenDialogCloses(dialog);
  }

  /**
   * The dialog returns focus to the button that opened it, but a regenerate can take that button
   * away (a replaced token has no Regenerate, a token found gone leaves the list). Watched only
   * while that dialog is open, through its reflected `open`.
   */
  #whenDialogCloses(dialog: PatGenerateDialog) {
    const observer = new MutationObserver(async () => {
      if (dialog.open) return;
      observer.disconnect();
      // The dialog restores focus in the update that closes it.
      await dialog.updateComplete;
      await this.updateComplete;
      const id = this.#focusAfterDialog;
      this.#regeneratingId = this.#focusAfterDialog = undefined;
      // Focus is lost when it is on nothing, or still inside the dialog that closed.
      const active = this.shadowRoot!.activeElement;
      if (active ? active !== dialog : document.activeElement && document.activeElement !== document.body) return;
      this.#focusButton(id, 'regenerate');
    });
    observer.observe(dialog, { attributes: true, attributeFilter: ['open'] });
  }

  #onTokenCreated(event: CustomEvent<TokenCreatedDetail>) {
    // A filter could hide the new token: clear it so the user sees what they made.
    this.filter = '';
    this.#tokens.add(event.detail.token);
  }

  #onTokenRotated(event: CustomEvent<{ token: Token; previous: Token | null }>) {
    const { token, previous } = event.detail;
    const oldId = previous?.id ?? this.#regeneratingId;
    this.filter = '';
    if (oldId === undefined) this.#tokens.add(token);
    else this.#tokens.replace(oldId, token, previous);
    // The button that opened the dialog is gone (a replaced token cannot be regenerated again).
    this.#focusAfterDialog = token.id;
  }

  #onDialogError(event: CustomEvent<PatErrorDetail>) {
    const { operation, error } = event.detail;
    // The token to regenerate no longer exists: the list is out of date.
    if ((operation as string) === 'rotate' && error instanceof HttpError && error.status === 404) void this.#tokens.reload();
  }

  // ——— Errors ———

  // ——— Lookups ———

  get #confirmDialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog.confirm');
  }

  /**
   * The dialog, rendered first if this is its first use. The render is synchronous, so the dialog
   * opens within the click, with focus still on what opened it (where it returns on close).
   */
  #useDialog(): PatGenerateDialog | null {
    if (!this.#dialogUsed) {
      this.#dialogUsed = true;
      this.requestUpdate();
      this.performUpdate();
    }
    return this.renderRoot.querySelector('pat-generate-dialog');
  }

  get #table(): HTMLTableElement | null {
    return this.renderRoot.querySelector('table');
  }

  #rowOf(id: string): HTMLTableRowElement | null {
    // A scan, not `CSS.escape`: jsdom (hosts' unit tests) has no `CSS`. Rendered rows are few.
    return [...this.renderRoot.querySelectorAll<HTMLTableRowElement>('tr[data-id]')].find((row) => row.dataset.id === id) ?? null;
  }

  #buttonOf(id: string, action: string): HTMLButtonElement | null {
    return this.#rowOf(id)?.querySelector(`button[data-action="${action}"]`) ?? null;
  }

  /** Focuses that row's button (Delete unless said otherwise), or the fallback when it is gone. */
  #focusButton(id?: string, action = 'delete') {
    ((id && this.#buttonOf(id, action)) || this.#focusFallback())?.focus();
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

/** A selector for the same control in another row: the same action's button, or the same cell's date. */
function sameFocusable(element: HTMLElement): string {
  const action = element.dataset.action;
  if (action) return `button[data-action="${action}"]`;
  const cell = element
    .closest('[part~="cell"]')
    ?.getAttribute('part')
    ?.split(' ')
    .find((part) => part.endsWith('-cell'));
  return cell ? `[part~="${cell}"] [tabindex="0"]` : 'button';
}

function validDays(days: number): number {
  return Number.isFinite(days) && days >= 0 ? days : DEFAULT_EXPIRING_SOON_DAYS;
}

/** `"0, 1 24"` → `[0, 1, 24]`; the dialog checks the values. */
function parseHours(value: string | null): readonly number[] | undefined {
  if (value === null) return undefined;
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-list': PatTokenList;
  }
}
