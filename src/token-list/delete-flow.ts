/**
 * Deleting a token from its row: the confirmation (a modal that names the token, its key and its
 * state, and says what deleting it breaks), the DELETE, a failure kept in its row with Retry
 * (which sends the DELETE again: the user confirmed already) and Dismiss, and the notice once the
 * token is gone: announced, drawn over the page rather than above the rows (nothing moves), and
 * gone by itself after a few seconds.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Token } from '../api/schemas.js';
import { now } from '../internal/clock.js';
import type { LocalizeController } from '../internal/localize.js';
import { ModalController } from '../internal/modal-controller.js';
import { describeError } from '../internal/strings.js';
import { maskedKey, withKey } from '../internal/masked-key.js';
import type { RowFocusController } from './row-focus.js';
import { statusName } from './status-filter.js';
import { tokenStatus } from './token-status.js';
import type { TokensController } from './tokens-controller.js';

/** How long the notice of a delete stays on screen. */
export const NOTICE_MS = 6000;

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

export class DeleteFlow implements ReactiveController {
  readonly #host: Host;
  readonly #options: DeleteFlowOptions;
  readonly #modal: ModalController;
  #confirming: Token | undefined;
  /** Why each row's last delete failed, by token id. */
  #errors = NO_ERRORS;
  #notice = '';
  #noticeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: Host, options: DeleteFlowOptions) {
    (this.#host = host).addController(this);
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

  hostDisconnected(): void {
    clearTimeout(this.#noticeTimer);
    this.#notice = '';
  }

  /** The confirmation after a delete. Always rendered, so that what it says is announced; shown only then. */
  renderNotice() {
    const notice = this.#notice;
    return html`<div part="notice" class=${notice ? 'notice shown' : 'notice'}><p role="status">${notice}</p></div>`;
  }

  /**
   * One `<dialog>` for every row; its form's buttons answer (`value`). The heading stays the same
   * whatever the name; the name, the key and the state follow, so two tokens of one name (a
   * regenerated one and its replacement) are told apart before anything is deleted.
   */
  renderConfirmation() {
    const { localize } = this.#options;
    const s = localize.strings;
    const token = this.#confirming;
    return html`<dialog
      part="confirm-dialog"
      class="confirm"
      aria-labelledby="confirm-heading confirm-subject"
      aria-describedby="confirm-body"
    >
      <form method="dialog">
        <h2 id="confirm-heading">${s.confirmDeleteHeading}</h2>
        ${token ? this.#subject(token) : nothing}
        <p id="confirm-body">${token ? this.#consequence(token) : nothing}${s.confirmDeleteBody}</p>
        <div class="confirm-actions">
          <button part="button confirm-cancel-button" value="cancel" autofocus>${s.confirmDeleteCancel}</button>
          <button part="button confirm-delete-button" class="danger solid" value="confirm">${s.confirmDeleteConfirm}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** The token asked about: its name on a line of its own, its key, and its state where it has one. */
  #subject(token: Token) {
    const { localize, tokens } = this.#options;
    const s = localize.strings;
    const status = tokenStatus(token, now(), 0);
    const badge = tokens.newIds.includes(token.id) ? s.newBadge : status === 'active' ? '' : statusName(s, status);
    return html`<p id="confirm-subject" class="subject">
      <span class="subject-name">${token.name}</span>
      <span class="subject-key">${maskedKey(token.partialKey)}${badge ? html` <span class="badge">${badge}</span>` : nothing}</span>
    </p>`;
  }

  /** What deleting this token does beyond it: a replaced one would stop soon anyway; a replacement takes its predecessor along. */
  #consequence(token: Token) {
    const { localize, tokens } = this.#options;
    const list = tokens.tokens ?? [];
    const current = now();
    const successor = token.replacedBy ? list.find((t) => t.id === token.replacedBy) : undefined;
    if (successor && token.expiresAt && Date.parse(token.expiresAt) > current.getTime())
      return html`${withKey(localize, 'confirmDeleteReplaced', successor.partialKey, {
        when: localize.relative(new Date(token.expiresAt), current),
      })} `;
    const predecessor = this.#predecessorOf(token);
    return predecessor ? html`${withKey(localize, 'confirmDeleteSuccessor', predecessor.partialKey)} ` : nothing;
  }

  /** The token this one replaced, while it works on in its grace period. */
  #predecessorOf(token: Token): Token | undefined {
    const current = now().getTime();
    return this.#options.tokens.tokens?.find(
      (t) => t.replacedBy === token.id && !t.revocation && (t.expiresAt === null || Date.parse(t.expiresAt) > current),
    );
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
    // The server ends a replacement's predecessor with it: the list asks again what is left.
    const predecessor = this.#predecessorOf(token);
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
    if (predecessor) void tokens.reload();
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
    clearTimeout(this.#noticeTimer);
    this.#noticeTimer = setTimeout(() => {
      this.#notice = '';
      this.#host.requestUpdate();
    }, NOTICE_MS);
  }
}
