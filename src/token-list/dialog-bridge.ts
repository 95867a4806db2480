/**
 * The list's side of the `<pat-generate-dialog>` it composes: rendered on first use, given every
 * setting the host set on the list (declared once, on `DialogSettingsElement`), opened for a create
 * or a row's regenerate; what it reports changes the list — a new token goes first, a regenerated
 * one replaces its predecessor, a token found gone reloads the list — and when it closes after a
 * regenerate whose button went away, focus goes to the new token's row.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { HttpError } from '../api/errors.js';
import type { Token } from '../api/schemas.js';
import type { DialogClosedDetail } from '../events/dialog-closed.js';
import type { PatErrorDetail } from '../events/error.js';
import type { TokenCreatedDetail } from '../events/token-created.js';
import type { TokenRotatedDetail } from '../events/token-rotated.js';
import { passDialogSettings, type DialogSettingsElement } from '../generate-dialog/dialog-settings.js';
import type { PatGenerateDialog } from '../generate-dialog/generate-dialog.js';
import type { RowFocusController } from './row-focus.js';
import type { TokensController } from './tokens-controller.js';

/**
 * The dialog's parts (and the reveal's, which it exports), re-exported under their own names so a
 * host styles the whole feature through the list. Its `error` and `scope` become `dialog-error` and
 * `dialog-scope`, apart from the list's own error message and scope chips (a prefix, as Shoelace
 * exports its children's parts); `button` is shared on purpose.
 */
const DIALOG_EXPORTPARTS =
  'dialog, close-button, form, heading, note, summary, field, label, input, name-input, ' +
  'description-input, select, date-input, hint, expiry, scopes, scope-group, scope: dialog-scope, field-error, ' +
  'error: dialog-error, actions, button, cancel-button, submit-button, reveal, secret-field, ' +
  'secret, copy-button, toggle-button, usage-field, usage, usage-copy-button, warning, status, ' +
  'acknowledge, done-button';

export type DialogBridgeHost = ReactiveControllerHost & DialogSettingsElement;

export interface DialogBridgeOptions {
  tokens: TokensController;
  focus: RowFocusController;
  /** Whether the list may ever need the dialog: it offers Generate, or Regenerate. */
  needed: () => boolean;
  /** Renders the list now: the dialog must exist within the click that opens it. */
  renderNow: () => void;
  /** A token was added or replaced: make sure it is shown (a filter could hide it). */
  revealNew: () => void;
}

export class DialogBridge implements ReactiveController {
  readonly #host: DialogBridgeHost;
  readonly #options: DialogBridgeOptions;
  /**
   * Whether the dialog was ever needed. Until then it is not rendered: its shadow tree would be
   * most of a short list's first render, for a dialog most visits never open.
   */
  #used = false;
  /** The token being regenerated: its row stays rendered, and its predecessor's place is the new one's. */
  #regeneratingId: string | undefined;

  constructor(host: DialogBridgeHost, options: DialogBridgeOptions) {
    (this.#host = host).addController(this);
    this.#options = options;
  }

  get regeneratingId(): string | undefined {
    return this.#regeneratingId;
  }

  /** Opens the create form (the generate button, or a host's replacement for it). */
  create(): void {
    this.#use()?.show();
  }

  /** Opens the regenerate form for a row's token. */
  regenerate(token: Token): void {
    const dialog = this.#use();
    if (!dialog) return;
    this.#regeneratingId = token.id;
    dialog.regenerate(token);
  }

  hostUpdated(): void {
    const dialog = this.#dialog();
    if (dialog) passDialogSettings(this.#host, dialog);
  }

  render() {
    if (!this.#used || !this.#options.needed()) return nothing;
    return html`<pat-generate-dialog
      part="generate-dialog"
      exportparts=${DIALOG_EXPORTPARTS}
      @pat-token-created=${this.#onCreated}
      @pat-token-rotated=${this.#onRotated}
      @pat-error=${this.#onError}
      @pat-dialog-closed=${this.#onClosed}
    ></pat-generate-dialog>`;
  }

  #dialog(): PatGenerateDialog | null {
    return this.#used ? this.#host.renderRoot.querySelector('pat-generate-dialog') : null;
  }

  /**
   * The dialog, rendered first if this is its first use. The render is synchronous, so the dialog
   * opens within the click, with focus still on what opened it (where it returns on close).
   */
  #use(): PatGenerateDialog | null {
    if (!this.#used) {
      this.#used = true;
      this.#options.renderNow();
    }
    return this.#dialog();
  }

  // Arrow functions: Lit calls a listener with the list as `this`.

  #onCreated = (event: CustomEvent<TokenCreatedDetail>): void => {
    this.#options.revealNew();
    this.#options.tokens.add(event.detail.token);
  };

  #onRotated = (event: CustomEvent<TokenRotatedDetail>): void => {
    const { token, previous } = event.detail;
    const oldId = previous?.id ?? this.#regeneratingId;
    this.#options.revealNew();
    if (oldId === undefined) this.#options.tokens.add(token);
    else this.#options.tokens.replace(oldId, token, previous);
  };

  #onError = (event: CustomEvent<PatErrorDetail>): void => {
    const { operation, error } = event.detail;
    // The token to regenerate no longer exists: the list is out of date.
    if (operation === 'rotate' && error instanceof HttpError && error.status === 404) void this.#options.tokens.reload();
  };

  /**
   * The dialog returned focus to the button that opened it, but a regenerate can take that button
   * away (a replaced token has no Regenerate, a token found gone leaves the list): focus goes to
   * the new token's Regenerate, or where the list sends it when nothing else can take it.
   */
  #onClosed = async (event: CustomEvent<DialogClosedDetail>): Promise<void> => {
    if (event.detail.mode !== 'regenerate') return;
    const dialog = event.currentTarget as PatGenerateDialog;
    await this.#host.updateComplete;
    this.#regeneratingId = undefined;
    // Focus is lost when it is on nothing, or still inside the dialog that closed.
    const active = (this.#host.renderRoot as ShadowRoot).activeElement;
    if (active ? active !== dialog : document.activeElement && document.activeElement !== document.body) return;
    this.#options.focus.focusButton(event.detail.created?.id, 'regenerate');
  };
}
