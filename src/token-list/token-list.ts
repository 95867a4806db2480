import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Token } from '../api/schemas.js';
import { DialogSettingsElement } from '../generate-dialog/dialog-settings.js';
import { PatGenerateDialog } from '../generate-dialog/generate-dialog.js';
import { now } from '../internal/clock.js';
import { memo } from '../internal/memo.js';
import { MinuteTicker } from '../internal/page-ticker.js';
import { DeleteFlow } from './delete-flow.js';
import { DialogBridge } from './dialog-bridge.js';
import { LayoutController } from './layout-controller.js';
import { ListFilters, type StatusClock } from './list-filters.js';
import { emptyState, failureMessage, leftOutMessage } from './list-states.js';
import { RowFocusController } from './row-focus.js';
import { Selection } from './selection.js';
import { DEFAULT_EXPIRING_SOON_DAYS, tokenStatus, validSoonDays } from './token-status.js';
import { reachedLimit, type TokenLimit } from './token-limit.js';
import { tokenListStyles } from './token-list.styles.js';
import { RowContexts } from './row-context.js';
import { skeletonRow, tokenRow, type RowContext } from './token-row.js';
import { noMatchesRow, spacerRow, tokenTable } from './token-table.js';
import { DEFAULT_SORT, memoizedTokenView, nextSort, type SortKey, type TokenSort } from './token-view.js';
import { TokensController } from './tokens-controller.js';
import type { ActivityView } from './token-activity.js';
import { toolbar } from './toolbar.js';
import { WindowController, type WindowSlot } from './window-controller.js';

/**
 * Above this many rows in the view, only the rows in and near the visible part of the page are in
 * the DOM (windowing); up to it, every row is.
 */
export const WINDOWING_THRESHOLD = 100;

const NO_IDS: readonly string[] = [];
const NO_TOKENS: readonly Token[] = [];

/**
 * The whole Personal Access Token section of a settings page: the user's tokens with masked keys,
 * dates, status badges and permissions, a filter and a status filter, sortable columns, regenerate and delete, and the
 * "Generate new token" button that opens `<pat-generate-dialog>`, and a checkbox per row to delete
 * many tokens at once (or every expired one) after one confirmation. The server's list answer may carry
 * its permission catalogue and policy: the list shows permissions by label, passes both on to the
 * dialog, and at the server's maximum says so beside the count, before the form (what the host sets
 * wins, field by field). It is a table wherever the table
 * fits the element's own width and a list of cards elsewhere (measured, not a breakpoint). A long
 * list stays in the page: only the rows near the visible part of the page (or of a scrolling
 * ancestor) are rendered. A token's name opens its activity: where it was used from and what
 * happened to it (when the client can read it). Strings and dates follow the nearest `lang`. It inherits the page's font,
 * colours and `color-scheme` (light and dark defaults built in); set `color-scheme` on the element
 * to pin one.
 *
 * @summary Lists tokens with masked keys and lets the user generate, regenerate and delete them.
 *
 * @fires pat-token-created - A token was created through the dialog (`{ token }`, metadata only; bubbles out of the dialog).
 * @fires pat-token-rotated - A token was regenerated through the dialog (`{ token, previous }`, metadata only; bubbles out of the dialog).
 * @fires pat-token-deleted - A token was deleted, or was already gone (`{ token }`).
 * @fires pat-dialog-opened - The dialog opened for a create or a row's regenerate (`{ mode, token }`; bubbles out of the dialog).
 * @fires pat-dialog-closed - The dialog closed (`{ mode, created }`; bubbles out of the dialog).
 * @fires pat-error - Loading, deleting or reading a token's activity failed, or a list answer left out tokens that break the contract (`{ operation: 'list' | 'revoke' | 'activity', error }`); the user sees a message too. Also `operation: 'config'` for a scope catalogue with invalid entries (used without them).
 *
 * @slot generate-button - Replaces the "Generate new token" button. A click on it opens the dialog unless its handler calls `preventDefault()`.
 *
 * @csspart toolbar - The bar with the count, the generate button and the filters.
 * @csspart count - The number of tokens ("100 of 100 tokens" at the server's maximum).
 * @csspart limit-note - At the server's maximum: why "Generate new token" cannot be used.
 * @csspart filter - The filter's search input.
 * @csspart status-filter - The status filter's select.
 * @csspart table - The `<table>` (a list of cards where the table does not fit).
 * @csspart caption - The table's caption (visually hidden by default).
 * @csspart header-row - The row of column headers (a "Sort by" select stands in for it in the card layout).
 * @csspart header - Each column header.
 * @csspart sort-button - The button in a sortable column header.
 * @csspart row - Each token's row.
 * @csspart row-new - A row created or regenerated in this session.
 * @csspart row-replaced - The row of a token that a regenerate replaced, during its grace period.
 * @csspart row-expired - The row of an expired token.
 * @csspart row-revoked - The row of a token the system revoked.
 * @csspart row-deleting - A row whose delete is in flight.
 * @csspart cell - Every cell.
 * @csspart name-cell - The cell with the name, badges and description.
 * @csspart key-cell - The cell with the partial key.
 * @csspart created-cell - The cell with the creation date.
 * @csspart expires-cell - The cell with the expiry date and badge.
 * @csspart last-used-cell - The cell with when the token was last used.
 * @csspart scopes-cell - The cell with the token's permissions.
 * @csspart actions-cell - The cell with the row's actions.
 * @csspart name - The token's name.
 * @csspart name-button - The button around the name that opens the token's activity (where it was used from, what happened to it), when the client can read it.
 * @csspart description - The token's description.
 * @csspart revocation - Why and when the system revoked a token (it stays listed), with a link to where a leak was found.
 * @csspart key - The visible part of the key, as the server sent it.
 * @csspart mask - The fixed-length mask drawn after it.
 * @csspart scope - Each permission's chip.
 * @csspart badge - Every badge.
 * @csspart badge-new - The New badge.
 * @csspart badge-replaced - The Replaced badge.
 * @csspart badge-expired - The Expired badge.
 * @csspart badge-expiring - The expiring-soon badge (and when a replaced token stops working).
 * @csspart badge-never - The warning on a token that never expires where the policy wants every token to.
 * @csspart badge-revoked - The Revoked badge.
 * @csspart row-error - A failed delete's message in its row, with Retry and Dismiss.
 * @csspart select - Each row's checkbox, which selects its token for a bulk delete.
 * @csspart select-all - The checkbox that selects every token the filters show (in the Name header; labelled above the cards).
 * @csspart button - Every button.
 * @csspart generate-button - The "Generate new token" button (unavailable, and described by the limit note, at the maximum).
 * @csspart regenerate-button - Each row's Regenerate button.
 * @csspart delete-button - Each row's Delete button.
 * @csspart activity-dialog - The detail view's `<dialog>`: where the token was used from and what happened to it.
 * @csspart activity-callers - The detail view's list of recent callers.
 * @csspart activity-events - The detail view's list of events.
 * @csspart activity-error - The detail view's message when its activity could not be loaded, with Retry.
 * @csspart activity-more-button - Loads older events.
 * @csspart activity-close-button - Closes the detail view.
 * @csspart bulk-delete-button - "Delete selected", while tokens are selected (in place of the generate button).
 * @csspart clear-selection-button - "Clear selection", beside it.
 * @csspart delete-expired-button - "Delete all expired", while any token is expired.
 * @csspart scopes-button - "+N": shows a token's permissions beyond the first, and hides them again.
 * @csspart retry-button - Retry after a failed load or delete.
 * @csspart dismiss-button - Dismisses a failed delete's message.
 * @csspart clear-filter-button - Clears the filter when nothing matches.
 * @csspart confirm-cancel-button - The confirmation's Cancel button.
 * @csspart confirm-delete-button - The confirmation's Delete button.
 * @csspart skeleton - A placeholder row while loading.
 * @csspart empty - The message shown when there are no tokens.
 * @csspart error - The message shown when the list could not be loaded.
 * @csspart alert - A message above the table: a failed refresh, or tokens left out of a broken answer.
 * @csspart notice - The notice over the bottom of the window after a delete (it leaves by itself).
 * @csspart confirm-dialog - The delete confirmation `<dialog>`.
 * @csspart confirm-list - A bulk delete's confirmation: the list of the tokens (the first 50, then "and N more"); it scrolls.
 * @csspart generate-dialog - The composed `<pat-generate-dialog>`. Its parts are exported under their own names (`dialog`, `form`, `input`, `submit-button`, `secret`, `copy-button`, …), its `error` and `scope` as `dialog-error` and `dialog-scope`.
 *
 * @cssprop --pat-accent-color - Primary buttons, focus rings, the new-row highlight, the current sort and the checked checkboxes.
 * @cssprop --pat-accent-text-color - Text on primary buttons.
 * @cssprop --pat-danger-color - Delete buttons, the expired and revoked badges and a failed delete.
 * @cssprop --pat-danger-text-color - Text on the confirmation's delete button.
 * @cssprop --pat-warning-color - The expiring-soon, replaced and no-expiration badges.
 * @cssprop --pat-border-color - Table rules, card and button borders.
 * @cssprop --pat-field-border-color - The filter input's border.
 * @cssprop --pat-field-background - The filter input's background.
 * @cssprop --pat-field-color - The filter input's text colour.
 * @cssprop --pat-button-background - Background of secondary buttons.
 * @cssprop --pat-muted-color - Secondary text.
 * @cssprop --pat-surface-color - Background of the confirmation dialog; text of a date's exact-time tooltip and of the delete notice.
 * @cssprop --pat-surface-text-color - Text of the confirmation dialog; background of a date's exact-time tooltip and of the delete notice.
 * @cssprop --pat-radius - Corner radius of buttons, inputs, badges and cards.
 * @cssprop --pat-spacing - The base gap; cells and cards scale from it.
 * @cssprop --pat-font-mono - The partial key's font.
 */
export class PatTokenList extends DialogSettingsElement {
  static override styles = tokenListStyles;
  static override dependencies = { 'pat-generate-dialog': PatGenerateDialog };

  /** A token expiring within this many days gets an "Expires in N days" badge. */
  @property({ type: Number, attribute: 'expiring-soon-days' }) expiringSoonDays: number = DEFAULT_EXPIRING_SOON_DAYS;

  /** Hides the generate button, for hosts that create tokens elsewhere. */
  @property({ type: Boolean, attribute: 'no-generate', reflect: true }) noGenerate = false;

  /** Hides the "Regenerate" action, which is offered whenever the client can rotate tokens. */
  @property({ type: Boolean, attribute: 'no-regenerate', reflect: true }) noRegenerate = false;

  /** Makes the rows' names plain text rather than the buttons that open each token's activity (offered whenever the client can read it). */
  @property({ type: Boolean, attribute: 'no-activity', reflect: true }) noActivity = false;

  @state() private sort: TokenSort = DEFAULT_SORT;
  /** Rows whose every scope is shown. */
  @state() private expandedScopes: ReadonlySet<string> = new Set();

  readonly #tokens = new TokensController(this, {
    client: () => this.tokenClient,
    onLoadError: (error) => this.reportError('list', error),
  });
  // Before the window: a switch between table and cards changes every row's height.
  readonly #layout = new LayoutController(this, {
    frame: () => this.renderRoot?.querySelector<HTMLElement>('.frame') ?? null,
    onChange: () => this.#window.invalidate(),
    provisional: () => !this.#tokens.tokens,
  });
  readonly #window = new WindowController(this, {
    container: () => this.renderRoot?.querySelector('tbody') ?? null,
    keyAttribute: 'data-id',
  });
  readonly #focus = new RowFocusController(this, { ids: () => this.#currentIds() });
  readonly #deletion = new DeleteFlow(this, {
    tokens: this.#tokens,
    focus: this.#focus,
    localize: this.localize,
    deleted: (token) => this.emit('pat-token-deleted', { token }),
    failed: (error) => this.reportError('revoke', error),
  });
  readonly #dialog = new DialogBridge(this, {
    tokens: this.#tokens,
    focus: this.#focus,
    needed: () => !this.noGenerate || this.#canRegenerate,
    renderNow: () => {
      this.requestUpdate();
      this.performUpdate();
    },
    // A filter could hide the new token: cleared, so the user sees what they made.
    revealNew: () => this.#filters.clear(),
  });
  /** What a click on a row's button does, by its `data-action`. */
  readonly #rowActions: Record<string, (token: Token, control: HTMLElement) => void> = {
    delete: (token) => void this.#deletion.ask(token),
    regenerate: (token) => {
      if (!this.#tokens.isRevoking(token.id)) this.#dialog.regenerate(token);
    },
    'retry-delete': (token, button) => void this.#deletion.delete(token, button),
    'dismiss-delete-error': (token) => this.#deletion.dismissError(token),
    select: (token, box) => this.#selection.set([token], (box as HTMLInputElement).checked),
    scopes: (token) => this.#toggleScopes(token),
    activity: (token) => void this.#openActivity(token),
  };
  /** The detail view, loaded with the first Activity click. */
  #activity: ActivityView | undefined;

  readonly #filters = new ListFilters(this, { tokens: () => this.#tokens.tokens, localize: this.localize });
  readonly #view = memoizedTokenView();
  readonly #selection = new Selection(this);
  readonly #expired = memo<readonly Token[]>();
  /** The time every row of this render is shown at: what depends on it changes once a minute. */
  #clock: StatusClock = { now: now(), minute: 0, soonDays: DEFAULT_EXPIRING_SOON_DAYS };
  readonly #rows = new RowContexts();
  #context: RowContext | undefined;
  #checkedView: readonly Token[] | undefined;
  readonly #ids = memo<readonly string[]>();
  readonly #limit = memo<TokenLimit | undefined>();

  constructor() {
    super();
    // Relative times and badges follow the clock: re-rendered each minute, by one timer for the page.
    new MinuteTicker(this);
  }

  /** Loads the list again. Resolves when the load has settled. */
  async refresh(): Promise<void> {
    await this.#tokens.reload();
  }

  /** Whether rows offer "Activity": the client can read it, and the host did not opt out. */
  get #canShowActivity(): boolean {
    return !this.noActivity && typeof this.tokenClient?.activity === 'function';
  }

  /** Whether rows offer "Regenerate": the client can rotate, and the host did not opt out. */
  get #canRegenerate(): boolean {
    return !this.noRegenerate && typeof this.tokenClient?.rotate === 'function';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The server's catalogue and policy, from the last answer: the list's and its dialog's.
    this.serverSettings = this.#tokens.extras;
    const current = now();
    const expiringSoonDays = validSoonDays(this.expiringSoonDays);
    const minute = Math.floor(current.getTime() / 60_000);
    this.#clock = { now: current, minute, soonDays: expiringSoonDays };
    // One context object per change of what every row shows, so unchanged rows skip rendering.
    const context = this.#rows.context(
      {
        localize: this.localize,
        now: current,
        minute,
        expiringSoonDays,
        tokens: this.#tokens.tokens,
        canRegenerate: this.#canRegenerate,
        canShowActivity: this.#canShowActivity,
        neverAllowed: this.settings.allowNoExpiration,
      },
      this.#labels(),
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
    const { localize } = this;
    const retry = { busy: this.#tokens.loading, onClick: this.#retry };
    return html`
      ${toolbar({
        localize,
        tokens,
        view,
        failed: failure !== undefined,
        filter: this.#filters.text,
        filtered: this.#filters.byStatus,
        statusFilter: this.#filters.renderStatus(this.#clock),
        noGenerate: this.noGenerate,
        limit: this.#reachedLimit(),
        onFilterInput: this.#filters.onInput,
        onFilterPaste: this.#filters.onPaste,
        onGenerate: this.#onGenerate,
        selected: view ? this.#selection.of(view).length : 0,
        expired: this.#expiredTokens().length,
        onBulk: this.#onBulk,
      })}
      ${tokens && failure !== undefined ? failureMessage(localize, 'alert', localize.strings.refreshFailed, failure, retry) : nothing}
      ${tokens && this.#tokens.leftOut ? leftOutMessage(localize, this.#tokens.leftOut, retry) : nothing} ${this.#deletion.renderNotice()}
      ${
        !tokens && failure !== undefined
          ? failureMessage(localize, 'error', localize.strings.loadFailed, failure, retry)
          : tokens?.length === 0
            ? failure === undefined
              ? emptyState(localize)
              : nothing
            : this.#renderTable(tokens, view)
      }
      ${this.#deletion.renderConfirmation()} ${this.#dialog.render()} ${this.#activity?.render() ?? nothing}
      ${this.#context?.canShowActivity ? html`<span id="activity-hint" hidden>${localize.strings.activityHint}</span>` : nothing}
    `;
  }

  // ——— What the rows show ———

  #currentView(tokens: readonly Token[]): readonly Token[] {
    return this.#view({
      tokens,
      filter: this.#filters.text,
      only: this.#filters.only(this.#clock),
      sort: this.sort,
      locale: this.localize.lang,
      pinned: this.#tokens.newIds,
      scopeLabels: this.#labels(),
    });
  }

  /** The ids in view order (the window's keys, and focus's order), built once per view. */
  #currentIds(): readonly string[] {
    const tokens = this.#tokens.tokens;
    if (!tokens) return NO_IDS;
    const view = this.#currentView(tokens);
    return this.#ids([view], () => view.map((token) => token.id));
  }

  /**
   * The catalogue's labels by id (the host's catalogue, else the server's, in the list's language),
   * the same map until the catalogue changes. A catalogue with invalid entries is used without them,
   * and reported once (the check is shared with the dialog).
   */
  #labels(): ReadonlyMap<string, string> {
    return this.#rows.labels(this.catalogue);
  }

  /** The expired tokens, for "Delete all expired"; the same array for a minute. */
  #expiredTokens(): readonly Token[] {
    const tokens = this.#tokens.tokens ?? NO_TOKENS;
    const { now, minute, soonDays } = this.#clock;
    return this.#expired([tokens, minute, soonDays], () => tokens.filter((token) => tokenStatus(token, now, soonDays) === 'expired'));
  }

  /** The server's maximum, once reached (counted as the server counts), else undefined. */
  #reachedLimit(): TokenLimit | undefined {
    const tokens = this.#tokens.tokens;
    const max = this.settings.maxTokensPerUser;
    return this.#limit([tokens, max], () => reachedLimit(tokens, max));
  }

  // ——— Rendering ———

  #renderTable(tokens: readonly Token[] | undefined, view: readonly Token[] | undefined) {
    const { columns } = this.#context!;
    const windowed = !!view && view.length > WINDOWING_THRESHOLD;
    return tokenTable({
      localize: this.localize,
      columns,
      sort: this.sort,
      busy: this.#tokens.loading || this.#tokens.idle,
      rowCount: windowed ? view.length + 1 : undefined,
      onClick: this.#onTableClick,
      onFocusIn: this.#focus.onFocusIn,
      onKeydown: this.#focus.onKeydown,
      onSortChange: this.#onSortChange,
      selectAll: {
        table: view ? this.#selection.renderAll(this.localize, view, false) : nothing,
        cards: view ? this.#selection.renderAll(this.localize, view, true) : nothing,
      },
      body:
        !tokens || !view
          ? [skeletonRow(columns), skeletonRow(columns), skeletonRow(columns)]
          : !view.length
            ? noMatchesRow(this.localize, this.#filters.describe(), columns)
            : windowed
              ? this.#renderWindow(view)
              : repeat(
                  view,
                  (token) => token.id,
                  (token) => this.#renderRow(token, undefined),
                ),
    });
  }

  /**
   * The rows near the visible part of the page, plus those focus needs wherever they are (the
   * focused row with its neighbours, the rows a dialog asks about or returns focus to); spacer rows
   * stand in for the rest.
   */
  #renderWindow(view: readonly Token[]) {
    const ids = this.#currentIds();
    const keep = this.#focus.kept(ids, [this.#deletion.confirming?.id, this.#dialog.regeneratingId, this.#activity?.tokenId]);
    return repeat(
      this.#window.layout(ids, keep),
      // Gaps are keyed by number, rows by id (a string): the two can never collide.
      (slot: WindowSlot) => ('index' in slot ? ids[slot.index]! : slot.gap[0]),
      (slot: WindowSlot) => ('index' in slot ? this.#renderRow(view[slot.index]!, slot.index + 2) : spacerRow(slot.gap)),
    );
  }

  /** A row is rendered again only when its token, its state or what every row shares changed. */
  #renderRow(token: Token, rowIndex: number | undefined) {
    const isNew = this.#tokens.newIds.includes(token.id);
    const deleting = this.#tokens.isRevoking(token.id);
    const deleteError = this.#deletion.errorOf(token.id);
    const scopesExpanded = this.expandedScopes.has(token.id);
    const successorKey = token.replacedBy ? this.#tokens.tokens?.find((t) => t.id === token.replacedBy)?.partialKey : undefined;
    const selected = this.#selection.has(token.id);
    const context = this.#context!;
    return guard([token, isNew, deleting, deleteError, scopesExpanded, rowIndex, successorKey, selected, context], () =>
      tokenRow(token, { isNew, deleting, deleteError, scopesExpanded, rowIndex, successorKey, selected }, context),
    );
  }

  // ——— Interaction ———

  #onSortChange(event: Event) {
    const [key, direction] = (event.target as HTMLSelectElement).value.split(' ') as [SortKey, TokenSort['direction']];
    this.sort = { key, direction };
  }

  #onGenerate(event: Event) {
    // At the maximum the button says why it cannot be used (its limit note); the form would be refused.
    if (!event.defaultPrevented && !this.#reachedLimit()) this.#dialog.create();
  }

  /** The toolbar's bulk actions: each delete asks once first; Clear selection gives focus back to the toolbar. */
  #onBulk(event: Event) {
    const action = (event.currentTarget as HTMLElement).dataset.action;
    if (action === 'clear-selection') {
      this.#selection.clear();
      void this.updateComplete.then(() => this.#focus.focusButton());
    } else if (action === 'delete-expired') void this.#deletion.askMany(this.#expiredTokens(), () => {});
    else
      void this.#deletion.askMany(this.#selection.of(this.#currentView(this.#tokens.tokens ?? NO_TOKENS)), () => this.#selection.clear());
  }

  #onTableClick(event: Event) {
    const button = (event.target as Element).closest<HTMLElement>('button[data-action], input[data-action]');
    if (!button) return;
    const action = button.dataset.action!;
    if (action === 'sort') {
      this.sort = nextSort(this.sort, button.dataset.sortKey as SortKey);
      return;
    }
    if (action === 'clear-filter') {
      this.#filters.clear();
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('input[type=search]')?.focus());
      return;
    }
    const id = button.closest('tr')?.dataset.id;
    const token = this.#tokens.tokens?.find((t) => t.id === id);
    if (token) this.#rowActions[action]?.(token, button);
  }

  /** Loads the detail view on first use (its code and styles come with the click), then opens it. */
  async #openActivity(token: Token) {
    if (!this.#activity) {
      const { ActivityView } = await import('./token-activity.js');
      this.#activity ??= new ActivityView(this, {
        client: () => this.tokenClient,
        localize: this.localize,
        failed: (error) => this.reportError('activity', error),
      });
    }
    await this.#activity.open(token);
  }

  #toggleScopes(token: Token) {
    const expanded = new Set(this.expandedScopes);
    if (!expanded.delete(token.id)) expanded.add(token.id);
    this.expandedScopes = expanded;
  }

  async #retry(event: Event) {
    const button = event.currentTarget as HTMLElement;
    if (this.#tokens.loading) return;
    await this.#tokens.reload();
    await this.updateComplete;
    // Retry leaves with the message it belonged to: the table (named by its caption) takes focus.
    if (!button.isConnected && this.#focus.lost) (this.renderRoot.querySelector('table') ?? this.#focus.fallback())?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-list': PatTokenList;
  }
}
