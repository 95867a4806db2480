import { html, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { HttpError } from '../api/errors.js';
import type { CreateTokenRequest, CreateTokenResponse, Token } from '../api/schemas.js';
import { now } from '../internal/clock.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { daysBetween } from '../internal/locale.js';
import { PatElement } from '../internal/pat-element.js';
import { describeError } from '../internal/strings.js';
import { revealHeadingFor } from '../token-reveal/strings.js';
import { PatTokenReveal } from '../token-reveal/token-reveal.js';
import { CreateTokenController } from './create-token-controller.js';
import {
  DEFAULT_PRESETS,
  addCalendarDays,
  allowedPresets,
  customDateBounds,
  expiryMoment,
  normalizeMaxLifetime,
  parseDateInputValue,
  preferredPreset,
  toDateInputValue,
} from './expiration.js';
import { generateDialogStyles } from './generate-dialog.styles.js';

type Field = 'name' | 'description' | 'expiration';
type FieldErrors = Partial<Record<Field, string>>;
/** The expiration select's value: a preset's days as a string, `'custom'` or `'never'`. */
type ExpirationChoice = string;

const FIELDS: readonly Field[] = ['name', 'description', 'expiration'];

/** Where a problem+json `errors` member is shown: the contract's field names mapped to the form's. */
const SERVER_FIELDS = new Map<string, Field>([
  ['name', 'name'],
  ['description', 'description'],
  ['expiresInDays', 'expiration'],
]);

const EXPIRY_DATE_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const RANGE_DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };

/** The reveal's parts, passed through so a host styles them on this element too. */
const REVEAL_PARTS =
  'heading, warning, label, secret, button, copy-button, toggle-button, usage, usage-copy-button, status, acknowledge, done-button';

/** The focused element, looking into shadow roots: the opener to return focus to. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/**
 * A modal form that creates a token, then reveals its secret once in the same dialog. Escape and
 * other close requests cannot throw the secret away: while it is shown, closing follows the
 * reveal's rules (copy it, or confirm it was stored).
 *
 * @summary Generate a new personal access token.
 *
 * @fires pat-token-created - The server created the token. Carries its metadata, never the secret.
 * @fires pat-error - Creating failed and the form shows why (`operation: 'create'`); also bubbles
 *   the reveal's copy failures.
 * @fires pat-secret-copied - From the reveal: the secret or the usage example was copied.
 * @fires pat-reveal-dismissed - From the reveal: the user is done; the dialog closes.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart form - The form.
 * @csspart heading - The dialog's heading (and, exported, the reveal's).
 * @csspart note - The note on what the token is allowed to do.
 * @csspart field - Each label + control + messages group.
 * @csspart label - Each field label.
 * @csspart input - Each text and date input and the description textarea.
 * @csspart name-input - The name input.
 * @csspart description-input - The description textarea.
 * @csspart select - The expiration select.
 * @csspart date-input - The custom expiration date input.
 * @csspart hint - Help text under a field.
 * @csspart expiry - The line saying when the token will expire.
 * @csspart field-error - A message under a field that was not accepted.
 * @csspart error - The alert at the top of the form for failures not tied to one field.
 * @csspart actions - The row of buttons.
 * @csspart button - Every button (the reveal's too).
 * @csspart cancel-button - The Cancel button.
 * @csspart submit-button - The Generate button.
 * @csspart reveal - The `<pat-token-reveal>` shown after a successful create.
 * @csspart secret - Exported from the reveal: the field holding the secret.
 * @csspart copy-button - Exported from the reveal: the button that copies the secret.
 * @csspart toggle-button - Exported from the reveal: the show/hide toggle.
 * @csspart usage - Exported from the reveal: the usage example.
 * @csspart usage-copy-button - Exported from the reveal: the button that copies the example.
 * @csspart warning - Exported from the reveal: the "you won't see it again" warning.
 * @csspart status - Exported from the reveal: the live region with copy results.
 * @csspart acknowledge - Exported from the reveal: the "I have stored this token" checkbox.
 * @csspart done-button - Exported from the reveal: the Done button.
 *
 * @cssprop [--pat-dialog-width=34rem] - Width of the dialog (never wider than the viewport).
 * @cssprop [--pat-dialog-padding=1.5rem] - Padding inside the dialog.
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
export class PatGenerateDialog extends ClientConfigMixin(PatElement) {
  static override styles = generateDialogStyles;
  static override dependencies = { 'pat-token-reveal': PatTokenReveal };

  /** Whether the dialog is showing. Prefer `show()` and `close()`. */
  @property({ type: Boolean, reflect: true }) open = false;

  /** Expiration presets in days. 30 is chosen first, or the allowed preset nearest to it. */
  @property({ attribute: false }) presets: readonly number[] = DEFAULT_PRESETS;

  /** Offer "No expiration" (sent as `expiresInDays: null`); never offered when `max-lifetime-days` is set. */
  @property({ type: Boolean, attribute: 'allow-no-expiration' }) allowNoExpiration = false;

  /** Longest lifetime a token may get, in days: limits the presets and the custom date. */
  @property({ type: Number, attribute: 'max-lifetime-days' }) maxLifetimeDays: number | undefined = undefined;

  /** Passed to the reveal: an example command with `{token}` where the secret goes. */
  @property({ attribute: 'usage-template' }) usageTemplate: string | undefined = undefined;

  /** Longest name accepted, in characters. */
  @property({ type: Number, attribute: 'max-name-length' }) maxNameLength = 100;

  /** Longest description accepted, in characters. */
  @property({ type: Number, attribute: 'max-description-length' }) maxDescriptionLength = 500;

  @state() private step: 'form' | 'reveal' = 'form';
  @state() private nameValue = '';
  @state() private descriptionValue = '';
  /** Undefined until the user picks: the policy's preferred preset applies. */
  @state() private expirationChoice: ExpirationChoice | undefined = undefined;
  @state() private customDate = '';
  @state() private fieldErrors: FieldErrors = {};
  @state() private formError: { message: string; details: string[] } | undefined = undefined;
  @state() private createdToken: Token | undefined = undefined;

  @query('dialog') private dialog!: HTMLDialogElement | null;
  @query('pat-token-reveal') private reveal!: PatTokenReveal | null;
  @query('#submit') private submitButton!: HTMLButtonElement | null;

  readonly #creator = new CreateTokenController(this);
  /** After the first submit, fields are re-checked as the user types, so errors clear when fixed. */
  #validateAsTyped = false;
  #opener: HTMLElement | undefined;

  /** Opens the dialog as a modal; focus returns to the element that had it when it closes. */
  show(): void {
    this.open = true;
  }

  /**
   * Closes the dialog, aborting a create in flight. Unlike Escape, this also closes while the
   * secret is shown: the host asked for it, and the secret is wiped.
   */
  close(): void {
    this.#creator.abort();
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Closing, whichever way: back to an empty form. That removes the reveal, which wipes the secret.
    if (changed.has('open') && !this.open) this.#reset();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('open')) this.#syncDialog(changed.get('open') === true);
  }

  override render() {
    const revealing = this.step === 'reveal';
    return html`
      <dialog
        part="dialog"
        aria-labelledby=${revealing ? nothing : 'heading'}
        aria-label=${revealing ? revealHeadingFor(this.localize.strings, this.createdToken) : nothing}
        @keydown=${this.#onKeydown}
        @cancel=${this.#onCancel}
        @close=${this.#onClose}
      >
        ${revealing ? this.#renderReveal() : this.#renderForm()}
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
        @pat-reveal-dismissed=${this.#onRevealDismissed}
      ></pat-token-reveal>
    `;
  }

  #renderForm() {
    const s = this.localize.strings;
    const pending = this.#creator.pending;
    return html`
      <form part="form" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 id="heading" part="heading">${s.dialogHeading}</h2>
        <p class="note" part="note">${s.dialogPermissionsNote}</p>
        ${this.formError ? this.#renderFormError(this.formError) : nothing}

        <div class="field" part="field">
          <label for="name" part="label">${s.dialogNameLabel}</label>
          <input
            id="name"
            part="input name-input"
            name="name"
            autocomplete="off"
            required
            autofocus
            .value=${this.nameValue}
            ?disabled=${pending}
            aria-invalid=${this.fieldErrors.name ? 'true' : 'false'}
            aria-describedby=${this.#describedBy('name-hint', 'name')}
            @input=${this.#onNameInput}
          />
          <p id="name-hint" class="hint" part="hint">${s.dialogNameHint}</p>
          ${this.#renderFieldError('name')}
        </div>

        <div class="field" part="field">
          <label for="description" part="label">${s.dialogDescriptionLabel}</label>
          <textarea
            id="description"
            part="input description-input"
            name="description"
            rows="3"
            .value=${this.descriptionValue}
            ?disabled=${pending}
            aria-invalid=${this.fieldErrors.description ? 'true' : 'false'}
            aria-describedby=${this.#describedBy(undefined, 'description')}
            @input=${this.#onDescriptionInput}
          ></textarea>
          ${this.#renderFieldError('description')}
        </div>

        ${this.#renderExpirationField(pending)}

        <div class="actions" part="actions">
          <button type="button" part="button cancel-button" @click=${this.close}>${s.dialogCancel}</button>
          <button
            id="submit"
            type="submit"
            part="button submit-button"
            class="primary"
            aria-disabled=${pending ? 'true' : nothing}
          >
            ${pending ? html`<span class="spinner" aria-hidden="true"></span>${s.dialogSubmitting}` : s.dialogSubmit}
          </button>
        </div>
      </form>
    `;
  }

  #renderExpirationField(pending: boolean) {
    const s = this.localize.strings;
    const presets = this.#presets();
    const choice = this.#choice(presets);
    const custom = choice === 'custom';
    const invalid = this.fieldErrors.expiration ? 'true' : 'false';
    const bounds = customDateBounds(now(), this.maxLifetimeDays);
    return html`
      <div class="field" part="field">
        <label for="expiration" part="label">${s.dialogExpirationLabel}</label>
        <select
          id="expiration"
          part="select"
          name="expiration"
          ?disabled=${pending}
          aria-invalid=${custom ? 'false' : invalid}
          aria-describedby=${custom ? 'expiry' : this.#describedBy('expiry', 'expiration')}
          @change=${this.#onExpirationChange}
        >
          ${presets.map(
            (days) => html`
              <option value=${String(days)} .selected=${choice === String(days)}>
                ${this.localize.plural('dialogExpirationDays', days, { days })}
              </option>
            `,
          )}
          <option value="custom" .selected=${custom}>${s.dialogExpirationCustom}</option>
          ${this.#noExpirationAllowed
            ? html`<option value="never" .selected=${choice === 'never'}>${s.dialogExpirationNever}</option>`
            : nothing}
        </select>
        ${custom
          ? html`
              <label for="expiration-date" part="label">${s.dialogCustomDateLabel}</label>
              <input
                id="expiration-date"
                part="input date-input"
                type="date"
                name="expiration-date"
                required
                min=${toDateInputValue(bounds.min)}
                max=${bounds.max ? toDateInputValue(bounds.max) : nothing}
                .value=${this.customDate}
                ?disabled=${pending}
                aria-invalid=${invalid}
                aria-describedby=${this.#describedBy('expiry', 'expiration')}
                @input=${this.#onCustomDateInput}
              />
            `
          : nothing}
        <p id="expiry" class=${choice === 'never' ? 'expiry never' : 'expiry'} part="expiry" aria-live="polite">
          ${this.#expirySummary(choice)}
        </p>
        ${this.#renderFieldError('expiration')}
      </div>
    `;
  }

  #renderFieldError(field: Field) {
    const message = this.fieldErrors[field];
    return message ? html`<p id="${field}-error" class="field-error" part="field-error">${message}</p>` : nothing;
  }

  #renderFormError({ message, details }: { message: string; details: string[] }) {
    return html`
      <div class="form-error" part="error" role="alert">
        <p>${message}</p>
        ${details.length ? html`<ul>${details.map((detail) => html`<li>${detail}</li>`)}</ul>` : nothing}
      </div>
    `;
  }

  #describedBy(hintId: string | undefined, field: Field): string | typeof nothing {
    const ids = [hintId, this.fieldErrors[field] ? `${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  // --- Expiration policy, as the form shows it ---

  /** A maximum lifetime is a promise that every token expires, so it rules "No expiration" out. */
  get #noExpirationAllowed(): boolean {
    return this.allowNoExpiration && normalizeMaxLifetime(this.maxLifetimeDays) === undefined;
  }

  #presets(): number[] {
    return allowedPresets(this.presets ?? DEFAULT_PRESETS, this.maxLifetimeDays);
  }

  #choice(presets: readonly number[]): ExpirationChoice {
    const picked = this.expirationChoice;
    if (picked === 'custom') return picked;
    if (picked === 'never' && this.#noExpirationAllowed) return picked;
    if (picked !== undefined && presets.includes(Number(picked))) return picked;
    const preferred = preferredPreset(presets);
    return preferred === undefined ? 'custom' : String(preferred);
  }

  /** Days the token should live (null: never), or undefined while the custom date is not valid. */
  #expiresInDays(choice: ExpirationChoice): number | null | undefined {
    if (choice === 'never') return null;
    if (choice !== 'custom') return Number(choice);
    const date = parseDateInputValue(this.customDate);
    if (!date) return undefined;
    const days = daysBetween(now(), date);
    const max = normalizeMaxLifetime(this.maxLifetimeDays);
    return days >= 1 && (max === undefined || days <= max) ? days : undefined;
  }

  #expirySummary(choice: ExpirationChoice): string {
    const s = this.localize.strings;
    const days = this.#expiresInDays(choice);
    if (days === null) return s.dialogNeverExpires;
    if (days === undefined) return s.dialogPickDate;
    const date = this.localize.dateFormat(EXPIRY_DATE_FORMAT).format(expiryMoment(now(), days));
    return this.localize.term('dialogExpiresOn', { date });
  }

  // --- Validation ---

  #errorFor(field: Field): string | undefined {
    const s = this.localize.strings;
    if (field === 'name') {
      const name = this.nameValue.trim();
      if (!name) return s.dialogNameRequired;
      if (name.length > this.maxNameLength) {
        return this.localize.term('dialogNameTooLong', { max: this.maxNameLength, length: name.length });
      }
      return undefined;
    }
    if (field === 'description') {
      const description = this.descriptionValue.trim();
      return description.length > this.maxDescriptionLength
        ? this.localize.term('dialogDescriptionTooLong', { max: this.maxDescriptionLength, length: description.length })
        : undefined;
    }
    const choice = this.#choice(this.#presets());
    if (choice !== 'custom' || this.#expiresInDays(choice) !== undefined) return undefined;
    const date = parseDateInputValue(this.customDate);
    if (!date) return s.dialogDateRequired;
    const { min, max } = customDateBounds(now(), this.maxLifetimeDays);
    if (!max) return s.dialogDateTooEarly;
    const format = this.localize.dateFormat(RANGE_DATE_FORMAT);
    return this.localize.term('dialogDateOutOfRange', { min: format.format(min), max: format.format(max) });
  }

  /** Checks every field; returns the request to send, or undefined after showing what to fix. */
  #validate(): CreateTokenRequest | undefined {
    const errors: FieldErrors = {};
    for (const field of FIELDS) {
      const message = this.#errorFor(field);
      if (message) errors[field] = message;
    }
    this.fieldErrors = errors;
    const expiresInDays = this.#expiresInDays(this.#choice(this.#presets()));
    if (Object.keys(errors).length || expiresInDays === undefined) return undefined;
    const description = this.descriptionValue.trim();
    return { name: this.nameValue.trim(), ...(description ? { description } : {}), expiresInDays };
  }

  /** After an edit: re-check the field once the user has tried to submit, else drop a server error on it. */
  #recheck(field: Field): void {
    const { [field]: _previous, ...others } = this.fieldErrors;
    const message = this.#validateAsTyped ? this.#errorFor(field) : undefined;
    this.fieldErrors = message ? { ...others, [field]: message } : others;
  }

  #focusFirstInvalid(): void {
    const field = FIELDS.find((name) => this.fieldErrors[name]);
    if (!field) return;
    const id = field === 'expiration' && this.#choice(this.#presets()) === 'custom' ? 'expiration-date' : field;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  }

  // --- Events ---

  #onNameInput(event: Event): void {
    this.nameValue = (event.target as HTMLInputElement).value;
    this.#recheck('name');
  }

  #onDescriptionInput(event: Event): void {
    this.descriptionValue = (event.target as HTMLTextAreaElement).value;
    this.#recheck('description');
  }

  #onExpirationChange(event: Event): void {
    const previous = this.#choice(this.#presets());
    const choice = (event.target as HTMLSelectElement).value;
    // Start the date picker at the date the previous preset gave, so "custom" is a small step.
    if (choice === 'custom' && !this.customDate && previous !== 'custom' && previous !== 'never') {
      this.customDate = toDateInputValue(addCalendarDays(now(), Number(previous)));
    }
    this.expirationChoice = choice;
    this.#recheck('expiration');
  }

  #onCustomDateInput(event: Event): void {
    this.customDate = (event.target as HTMLInputElement).value;
    this.#recheck('expiration');
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#creator.pending) return;
    this.#validateAsTyped = true;
    const request = this.#validate();
    if (!request) {
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    const client = this.tokenClient;
    if (!client) {
      this.formError = { message: this.localize.strings.dialogNotConfigured, details: [] };
      this.emit('pat-error', { operation: 'create', error: new Error(this.localize.strings.dialogNotConfigured) });
      return;
    }
    this.formError = undefined;
    // The fields are about to be disabled: keep focus on the button that shows the progress.
    if (this.renderRoot.contains(deepActiveElement() ?? null)) this.submitButton?.focus();
    const outcome = await this.#creator.create(client, request);
    if (!outcome) return;
    if (outcome.ok) await this.#showReveal(outcome.response);
    else await this.#showFailure(outcome.error);
  }

  /**
   * Hands the secret from the response straight to the reveal: this element keeps no reference
   * to it (and binds none in its template, where Lit would keep the last value).
   */
  async #showReveal(response: CreateTokenResponse): Promise<void> {
    const { token } = response;
    this.emit('pat-token-created', { token });
    if (!this.open || !this.isConnected) return;
    this.createdToken = token;
    this.step = 'reveal';
    await this.updateComplete;
    const reveal = this.reveal;
    if (!reveal || this.step !== 'reveal') return;
    reveal.secret = response.secret;
    await reveal.updateComplete;
    reveal.focus();
  }

  async #showFailure(error: unknown): Promise<void> {
    const s = this.localize.strings;
    const onFields: FieldErrors = {};
    const elsewhere: string[] = [];
    if (error instanceof HttpError) {
      for (const [key, message] of Object.entries(error.fieldErrors)) {
        const field = SERVER_FIELDS.get(key);
        if (field && !onFields[field]) onFields[field] = message;
        else elsewhere.push(message);
      }
    }
    const placed = Object.keys(onFields).length > 0;
    this.fieldErrors = onFields;
    this.formError = placed && !elsewhere.length ? undefined : { message: describeError(error, s), details: elsewhere };
    this.emit('pat-error', {
      operation: 'create',
      error: error instanceof Error ? error : new Error(describeError(error, s)),
    });
    await this.updateComplete;
    if (placed) this.#focusFirstInvalid();
  }

  #onKeydown(event: KeyboardEvent): void {
    // Cancelling the keydown stops the close request before it starts; Chromium ignores a
    // cancelled `cancel` event when Escape is pressed twice without other input in between.
    if (event.key === 'Escape' && this.step === 'reveal') {
      event.preventDefault();
      this.reveal?.requestDismiss();
    }
  }

  #onCancel(event: Event): void {
    if (this.step !== 'reveal') return;
    event.preventDefault();
    this.reveal?.requestDismiss();
  }

  /** The `<dialog>` closed. When we did not close it ourselves, `open` follows it. */
  #onClose(): void {
    // `close` is dispatched a task later: after `close()` then `show()`, it belongs to the old session.
    if (!this.open || this.dialog?.open) return;
    if (this.step === 'reveal' && this.reveal?.hasSecret) {
      // A close request that could not be cancelled (e.g. a system back gesture) must not lose
      // the secret: show it again and point the user to Done.
      this.dialog?.showModal();
      this.reveal.requestDismiss();
      return;
    }
    this.open = false;
  }

  #onRevealDismissed(): void {
    this.close();
  }

  #syncDialog(wasOpen: boolean): void {
    const dialog = this.dialog;
    if (!dialog) return;
    if (this.open) {
      if (!dialog.open && this.isConnected) {
        this.#opener = deepActiveElement();
        dialog.showModal();
      }
      return;
    }
    if (dialog.open) dialog.close();
    const opener = this.#opener;
    this.#opener = undefined;
    if (wasOpen && opener?.isConnected) opener.focus();
  }

  /** Back to an empty form; removing the reveal wipes the secret. */
  #reset(): void {
    this.#creator.abort();
    this.step = 'form';
    this.createdToken = undefined;
    this.nameValue = '';
    this.descriptionValue = '';
    this.expirationChoice = undefined;
    this.customDate = '';
    this.fieldErrors = {};
    this.formError = undefined;
    this.#validateAsTyped = false;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-generate-dialog': PatGenerateDialog;
  }
}
