/**
 * Deleting a token from its row: the confirmation (a modal that names the token and says what
 * deleting it breaks), the DELETE, a failure kept in its row with Retry (which sends the DELETE
 * again: the user confirmed already) and Dismiss, and the notice, visible and announced, once the
 * token is gone.
 */
import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { Token } from '../api/schemas.js';
import type { LocalizeController } from '../internal/localize.js';
import { ModalController } from '../internal/modal-controller.js';
import { describeError } from '../internal/strings.js';
import type { RowFocusController } from './row-focus.js';
import type { TokensController } from './tokens-controller.js';

export interface DeleteFlowOptions {
  tokens: TokensController;
  focus: RowFocusController;
  localize: LocalizeController;
  /** A token was deleted, or was already gone. */
  deleted: (token: Token) => void;
  /** A DELETE failed; its row says why. */
  failed: (error: unknown) => void;
}

const NO_ERRORS: ReadonlyMap<string, string> = new Map();

type Host = ReactiveControllerHost & { readonly renderRoot: HTMLElement | DocumentFragment };

export class DeleteFlow {
  readonly #host: Host;
  readonly #options: DeleteFlowOptions;
  readonly #modal: ModalController;
  #confirming: Token | undefined;
  /** Why each row's last delete failed, by token id. */
  #errors = NO_ERRORS;
  #notice = '';

  constructor(host: Host, options: DeleteFlowOptions) {
    this.#host = host;
    this.#options = options;
    this.#modal = new ModalController({
      dialog: () => host.renderRoot.querySelector('dialog.confirm'),
      closed: (returnValue) => this.#answered(returnValue),
    });
  }

  /** The token the confirmation asks about. */
  get confirming(): Token | undefined {
    return this.#confirming;
  }

  /** Why the last delete of this row failed, while its row shows it. */
  errorOf(id: string): string | undefined {
    return this.#errors.get(id);
  }

  /** A row's Delete: asks first. Nothing while that token's delete is in flight. */
  async ask(token: Token): Promise<void> {
    if (this.#options.tokens.isRevoking(token.id)) return;
    this.#confirming = token;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#modal.show();
  }

  dismissError(token: Token): void {
    this.#setError(token.id, undefined);
    // The dismiss button disappears: keep the keyboard user in the row.
    void this.#host.updateComplete.then(() => this.#options.focus.focusButton(token.id));
  }

  dismissNotice = (): void => {
    this.#notice = '';
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#options.focus.focusButton());
  };

  /** The confirmation after a delete. Always rendered, so that what it says is announced; shown only then. */
  renderNotice() {
    const notice = this.#notice;
    return html`<div part="notice" class=${notice ? 'notice shown' : 'notice'}>
      <p role="status">${notice}</p>
      ${
        notice
          ? html`<button type="button" part="button dismiss-button" @click=${this.dismissNotice}>
              ${this.#options.localize.strings.dismissButton}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** One `<dialog>` for every row; its form's buttons answer (`value`). */
  renderConfirmation() {
    const { localize } = this.#options;
    const s = localize.strings;
    return html`<dialog part="confirm-dialog" class="confirm" aria-labelledby="confirm-heading" aria-describedby="confirm-body">
      <form method="dialog">
        <h2 id="confirm-heading">${localize.term('confirmDeleteHeading', { name: this.#confirming?.name ?? '' })}</h2>
        <p id="confirm-body">${s.confirmDeleteBody}</p>
        <div class="confirm-actions">
          <button part="button confirm-cancel-button" value="cancel" autofocus>${s.confirmDeleteCancel}</button>
          <button part="button confirm-delete-button" class="danger solid" value="confirm">${s.confirmDeleteConfirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  #answered(returnValue: string): void {
    const token = this.#confirming;
    this.#confirming = undefined;
    this.#host.requestUpdate();
    if (!token) return;
    // Focus went back to the row's Delete; if that row went away meanwhile (a refresh), to a neighbour.
    if (this.#options.focus.lost) this.#options.focus.focusButton(token.id);
    if (returnValue === 'confirm') void this.delete(token);
  }

  /** Sends the DELETE (a failed delete's Retry: again, without asking); a failure stays in the row. */
  async delete(token: Token, retryButton?: HTMLElement): Promise<void> {
    const { tokens, focus, localize } = this.#options;
    this.#setError(token.id, undefined);
    if (retryButton && (this.#host.renderRoot as ShadowRoot).activeElement === retryButton) {
      // The retry button goes while the delete runs: keep focus in the row.
      void this.#host.updateComplete.then(() => focus.buttonOf(token.id, 'delete')?.focus());
    }
    const result = await tokens.revoke(token);
    if (result.status === 'skipped') return;
    if (result.status === 'failed') {
      this.#setError(token.id, describeError(result.error, localize.strings));
      this.#options.failed(result.error);
      return;
    }
    await focus.removeRow(token.id, () => {
      tokens.remove(token.id);
      this.#options.deleted(token);
      void this.#announce(localize.term('tokenDeleted', { name: token.name }));
    });
  }

  #setError(id: string, message: string | undefined): void {
    if (message === undefined && !this.#errors.has(id)) return;
    const errors = new Map(this.#errors);
    if (message === undefined) errors.delete(id);
    else errors.set(id, message);
    this.#errors = errors;
    this.#host.requestUpdate();
  }

  async #announce(message: string): Promise<void> {
    // Cleared first so the same sentence twice in a row is announced twice.
    this.#notice = '';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#notice = message;
    this.#host.requestUpdate();
  }
}
