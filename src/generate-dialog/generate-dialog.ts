import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { RotateTokenResponse, Token } from '../api/schemas.js';
import type { DialogClosedDetail } from '../events/dialog-closed.js';
import { ModalController } from '../internal/modal-controller.js';
import { revealHeadingFor } from '../token-reveal/strings.js';
import { PatTokenReveal } from '../token-reveal/token-reveal.js';
import { DialogSettingsElement } from './dialog-settings.js';
import { formView } from './form-view.js';
import { generateDialogStyles } from './generate-dialog.styles.js';
import { GenerateForm, type FormPolicy } from './generate-form.js';
import { ServerSettingsLoader } from './server-settings-loader.js';
import { SubmitController } from './submit-controller.js';

/** The reveal's parts, passed through so a host styles them on this element too. */
const REVEAL_PARTS =
  'heading, warning, label, secret-field, secret, button, copy-button, toggle-button, usage-field, usage, usage-copy-button, status, acknowledge, done-button';

/**
 * A modal form that creates a token — or regenerates one (`regenerate(token)`) — then reveals its
 * secret once in the same dialog. Escape, the close button and other close requests cannot throw
 * the secret away: while it is shown, closing follows the reveal's rules (copy it, or confirm it
 * was stored). With a scope catalogue (`scopes`, else the server's) the form asks which permissions
 * the token gets. Used alone, it asks its client's `list` once when first opened, for the server's
 * catalogue and policy (what the host sets wins, field by field). The dialog's top edge stays put
 * as its content grows or shrinks.
 *
 * @summary Generate (or regenerate) a personal access token.
 *
 * @fires pat-token-created - The server created the token. Carries its metadata, never the secret.
 * @fires pat-token-rotated - The server regenerated a token: `{ token, previous }` (the new token, and the old one
 *   during its grace period or `null`). Never the secret.
 * @fires pat-error - Creating or regenerating failed and the form shows why (`operation: 'create' | 'rotate'`;
 *   a 404 on rotate means the token is gone); `operation: 'config'` for a scope catalogue with invalid entries;
 *   `operation: 'list'` when, used alone, it could not read the server's catalogue and policy (the form goes on
 *   without them); also bubbles the reveal's copy failures.
 * @fires pat-dialog-opened - `show()` or `regenerate()` opened the dialog: `{ mode, token }` (the token to regenerate).
 * @fires pat-dialog-closed - The dialog closed by the user's hand or `close()`, focus back on the opener: `{ mode, created }`
 *   (the token made meanwhile, metadata only). Neither fires for setting `open` or removing the element.
 * @fires pat-secret-copied - From the reveal: the secret or the usage example was copied.
 * @fires pat-reveal-dismissed - From the reveal: the user is done; the dialog closes.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart close-button - The close button in the dialog's corner.
 * @csspart form - The form.
 * @csspart heading - The dialog's heading (and, exported, the reveal's).
 * @csspart note - The note on what the token is allowed to do.
 * @csspart summary - Regenerate: the token being replaced (its name and permissions).
 * @csspart field - Each label + control + messages group.
 * @csspart label - Each field label.
 * @csspart input - Each text and date input and the description textarea.
 * @csspart name-input - The name input.
 * @csspart description-input - The description textarea.
 * @csspart select - The expiration and grace period selects.
 * @csspart date-input - The custom expiration date input.
 * @csspart hint - Help text under a field, and the sentence saying when a regenerated token stops working.
 * @csspart expiry - The line saying when the token will expire.
 * @csspart scopes - The fieldset of permissions (with a scope catalogue).
 * @csspart scope-group - The fieldset of one group of permissions.
 * @csspart scope - One permission: its checkbox, label and description.
 * @csspart field-error - A message under a field that was not accepted.
 * @csspart error - The alert at the top of the form for failures not tied to one field.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button (the reveal's too).
 * @csspart cancel-button - The Cancel button.
 * @csspart submit-button - The Generate (or Regenerate) button.
 * @csspart reveal - The `<pat-token-reveal>` shown after a successful create.
 * @csspart secret-field - Exported from the reveal: the box around the secret and its buttons.
 * @csspart secret - Exported from the reveal: the field holding the secret.
 * @csspart copy-button - Exported from the reveal: the button that copies the secret.
 * @csspart toggle-button - Exported from the reveal: the show/hide toggle.
 * @csspart usage-field - Exported from the reveal: the box around the usage example and its button.
 * @csspart usage - Exported from the reveal: the usage example.
 * @csspart usage-copy-button - Exported from the reveal: the button that copies the example.
 * @csspart warning - Exported from the reveal: the "you won't see it again" banner.
 * @csspart status - Exported from the reveal: the live region with copy results.
 * @csspart acknowledge - Exported from the reveal: the "I have stored this token" checkbox.
 * @csspart done-button - Exported from the reveal: the Done button.
 *
 * @cssprop [--pat-dialog-width=36rem] - Width of the dialog (never wider than the viewport).
 * @cssprop [--pat-dialog-padding=clamp(1rem, 4vw, 1.5rem)] - Padding inside the dialog.
 * @cssprop --pat-surface-color - Background of the dialog.
 * @cssprop --pat-surface-text-color - Text colour of the dialog.
 * @cssprop [--pat-backdrop-color=rgb(0 0 0 / 0.45)] - The backdrop behind the dialog.
 * @cssprop --pat-accent-color - The Generate button and focus rings.
 * @cssprop --pat-accent-text-color - Text on the accent colour.
 * @cssprop --pat-border-color - Borders of the dialog and its buttons.
 * @cssprop --pat-field-border-color - Borders of inputs (at least 3:1 against the surface by default).
 * @cssprop --pat-muted-color - Notes and hints.
 * @cssprop --pat-warning-color - The "never expires" warning.
 * @cssprop --pat-danger-color - Errors.
 * @cssprop --pat-radius - Corner radius (the dialog's is twice this).
 * @cssprop --pat-field-background - Background of inputs.
 * @cssprop --pat-field-color - Text colour of inputs.
 * @cssprop --pat-button-background - Background of secondary buttons.
 */
export class PatGenerateDialog extends DialogSettingsElement {
  static override styles = generateDialogStyles;
  static override dependencies = { 'pat-token-reveal': PatTokenReveal };

  /** Whether the dialog is showing. Prefer `show()`, `regenerate()` and `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private step: 'form' | 'reveal' = 'form';
  /** The token the server made (created, or regenerated into): the reveal names it. */
  @state() private createdToken: Token | undefined;

  /** The settings in force, as the form reads them: updated before each render. */
  readonly #policy: FormPolicy = {
    presets: [],
    allowNoExpiration: false,
    maxLifetimeDays: undefined,
    maxNameLength: this.maxNameLength,
    maxDescriptionLength: this.maxDescriptionLength,
    gracePeriods: [],
  };
  readonly #form = new GenerateForm(this.#policy, () => this.requestUpdate());
  readonly #submitter = new SubmitController(this);
  readonly #serverSettings = new ServerSettingsLoader(this, {
    loaded: (settings) => (this.serverSettings = settings),
    failed: (error) => this.reportError('list', error),
  });
  readonly #modal = new ModalController({
    dialog: () => this.#find<HTMLDialogElement>('dialog'),
    // While the secret is shown, closing follows the reveal's rules: it closes the dialog itself
    // (`pat-reveal-dismissed`) once the secret was copied or its storing confirmed.
    closeRequested: () => {
      if (this.step !== 'reveal') return true;
      this.#reveal?.requestDismiss();
      return false;
    },
    closed: () => {
      // Closed by the user (Escape, a form button): `open` follows.
      if (!this.open) return;
      this.#announce = true;
      this.open = false;
    },
  });
  /** A submit waits for the server's catalogue and policy (used alone, opened a moment ago): it is under way. */
  @state() private awaitingSettings = false;
  /** The next change of `open` is a user's action or a method call, which fires an event (a property set does not). */
  #announce = false;
  /** What `pat-dialog-closed` says, taken before closing empties the form. */
  #closed: DialogClosedDetail = { mode: 'create', created: undefined };

  /** The first element of the rendered dialog that matches `selector`. */
  #find<E extends Element = HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  /** A submit is under way: waiting for the server's settings, or its request in flight. */
  get #pending(): boolean {
    return this.awaitingSettings || this.#submitter.pending;
  }

  get #reveal() {
    return this.#find<PatTokenReveal>('pat-token-reveal');
  }

  get #mode(): 'create' | 'regenerate' {
    return this.#form.target ? 'regenerate' : 'create';
  }

  /**
   * Opens the create form as a modal; focus returns to the element that had it when it closes.
   * On a dialog open for a regenerate, it switches to an empty create form — unless a request is
   * in flight or a secret is shown, which nothing but the user's own choice may end.
   */
  show(): void {
    this.#openFor(undefined);
  }

  /**
   * Opens the dialog to regenerate `token`: a new token with a new secret replaces it, and the old
   * one keeps working for the chosen grace period. Needs a client with `rotate` (`canRegenerate`).
   * On a dialog already open for something else, it switches as `show()` does.
   */
  regenerate(token: Token): void {
    this.#openFor(token);
  }

  /** Whether the configured client can regenerate tokens (it has `rotate`). */
  get canRegenerate(): boolean {
    return typeof this.tokenClient?.rotate === 'function';
  }

  /**
   * Closes the dialog, aborting a request in flight. Unlike Escape, this also closes while the
   * secret is shown: the host asked for it, and the secret is wiped.
   */
  close(): void {
    this.#submitter.abort();
    if (this.open) this.#announce = true;
    this.open = false;
  }

  /**
   * Used alone, a dialog just opened is complete once it knows what the server accepts (its list
   * answer, asked once): then its form is the one a submit sends.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    const loading = this.#serverSettings.pending;
    if (!loading) return result;
    await loading;
    return this.getUpdateComplete();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  /** The form for `target` (undefined: create), in a dialog opening now or already open. */
  #openFor(target: Token | undefined): void {
    if (!this.open) {
      // Used alone: the server's catalogue and policy, asked once (a list gives its dialog its own).
      const client = this.tokenClient;
      if (client && this.#serverSettings.isOwn(this.serverSettings)) this.#serverSettings.load(client);
      this.#form.reset(target);
      this.#announce = true;
      this.open = true;
      return;
    }
    if (this.step === 'reveal' || this.#pending || this.#form.target?.id === target?.id) return;
    this.#form.reset(target);
    // The fields under focus are replaced: focus goes to the new form's first one.
    void this.updateComplete.then(() => this.#find('form [autofocus]')?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const { catalogue, ...policy } = this.settings;
    Object.assign(this.#policy, policy, { maxNameLength: this.maxNameLength, maxDescriptionLength: this.maxDescriptionLength });
    this.#form.catalogue = catalogue;
    // Closing, whichever way: back to an empty form. That removes the reveal, which wipes the secret.
    if (changed.has('open') && !this.open) {
      this.#closed = { mode: this.#mode, created: this.createdToken };
      this.#submitter.abort();
      this.step = 'form';
      this.createdToken = undefined;
      this.#form.reset();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (this.open) this.#modal.show();
    else this.#modal.close();
    const announce = this.#announce;
    this.#announce = false;
    // Not when it could not open (not on the page).
    if (!announce || this.open !== this.#modal.isOpen) return;
    if (this.open) this.emit('pat-dialog-opened', { mode: this.#mode, token: this.#form.target });
    else this.emit('pat-dialog-closed', this.#closed);
  }

  override render() {
    const revealing = this.step === 'reveal';
    const { localize } = this;
    const pending = this.#pending;
    return html`
      <dialog
        part="dialog"
        aria-labelledby=${revealing ? nothing : 'heading'}
        aria-label=${revealing ? revealHeadingFor(localize.strings, this.createdToken) : nothing}
      >
        <button
          type="button"
          class="close"
          part="button close-button"
          aria-label=${localize.strings.dialogClose}
          @click=${this.#onCloseButton}
        >
          <span aria-hidden="true">×</span>
        </button>
        ${
          revealing
            ? this.#renderReveal()
            : formView({
                form: this.#form,
                localize,
                pending,
                disabled: pending || this.#form.gone,
                submit: this.#onSubmit,
                close: this.close,
              })
        }
      </dialog>
    `;
  }

  #renderReveal() {
    return html`
      <pat-token-reveal
        part="reveal"
        exportparts=${REVEAL_PARTS}
        .token=${this.createdToken}
        .strings=${this.strings}
        usage-template=${this.usageTemplate ?? nothing}
        @pat-reveal-dismissed=${this.close}
      ></pat-token-reveal>
    `;
  }

  // ——— Submitting ———

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#pending) return;
    let submission = this.#form.submit();
    if (!submission) {
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    // Used alone and opened a moment ago: the server's catalogue and policy may still be on their
    // way. Sent once they are in, unless they change what would be sent (a permissions field
    // appears, a lifetime is no longer allowed): the user sees that first.
    const loading = this.#serverSettings.pending;
    if (loading) {
      // The fields are about to be disabled: keep focus on the button that shows the progress.
      if ((this.renderRoot as ShadowRoot).activeElement) this.#find('#submit')?.focus();
      const before = JSON.stringify(submission.request);
      this.awaitingSettings = true;
      await loading;
      this.awaitingSettings = false;
      if (!this.open || this.step !== 'form') return;
      submission = this.#form.submit();
      if (JSON.stringify(submission?.request) !== before) {
        await this.updateComplete;
        return this.#form.catalogue ? this.#find<HTMLElement>('.scopes input')?.focus() : this.#focusFirstInvalid();
      }
      submission = submission!;
    }
    const client = this.tokenClient;
    if (!client || (submission.operation === 'rotate' && !client.rotate)) {
      this.#form.notConfigured();
      this.reportError(submission.operation, new Error(this.localize.strings.dialogNotConfigured));
      return;
    }
    // The fields are about to be disabled: keep focus on the button that shows the progress.
    if ((this.renderRoot as ShadowRoot).activeElement) this.#find('#submit')?.focus();

    const outcome = await this.#submitter.send((signal) =>
      submission.operation === 'rotate'
        ? client.rotate!(submission.token.id, submission.request, signal)
        : client.create(submission.request, signal),
    );
    if (!outcome) return;
    if (!outcome.ok) return this.#showFailure(outcome.error, submission.operation);
    const { token, secret } = outcome.response;
    if (submission.operation === 'rotate')
      this.emit('pat-token-rotated', { token, previous: (outcome.response as RotateTokenResponse).previous });
    else this.emit('pat-token-created', { token });
    return this.#showReveal(token, secret);
  }

  /**
   * Hands the secret from the response straight to the reveal: this element keeps no reference
   * to it (and binds none in its template, where Lit would keep the last value).
   */
  async #showReveal(token: Token, secret: string): Promise<void> {
    if (!this.open || !this.isConnected) return;
    this.createdToken = token;
    this.step = 'reveal';
    await this.updateComplete;
    const reveal = this.#reveal;
    if (!reveal || this.step !== 'reveal') return;
    reveal.secret = secret;
    await reveal.updateComplete;
    // From the top, whatever the form was scrolled to: the heading and the warning come first.
    this.#find('dialog')!.scrollTop = 0;
    reveal.focus();
  }

  async #showFailure(error: unknown, operation: 'create' | 'rotate'): Promise<void> {
    this.#form.failed(error);
    this.reportError(operation, error);
    await this.updateComplete;
    if (this.#form.gone) this.#find('#gone-close')?.focus();
    else this.#focusFirstInvalid();
  }

  #focusFirstInvalid(): void {
    const field = this.#form.firstInvalid;
    if (!field) return;
    const selector =
      field === 'scopes'
        ? '.scopes input'
        : field === 'expiration' && this.#form.expiration === 'custom'
          ? '#expiration-date'
          : `#${field}`;
    this.#find(selector)?.focus();
  }

  #onCloseButton(): void {
    if (this.#modal.mayClose()) this.close();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-generate-dialog': PatGenerateDialog;
  }
}
