import { html, nothing, type PropertyValues } from 'lit';
import { HttpError } from '../api/errors.js';
import { DESCRIPTION_MAX_LENGTH, NAME_MAX_LENGTH, type Token } from '../api/schemas.js';
import type { Scope } from '../api/scopes.js';
import { now } from '../internal/clock.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { setModalOpen } from '../internal/modal-dialog.js';
import { daysBetween } from '../internal/locale.js';
import { PatElement } from '../internal/pat-element.js';
import { scopeCatalogue, type ScopeCatalogue } from '../internal/scope-catalogue.js';
import { describeError } from '../internal/strings.js';
import { revealHeadingFor } from '../token-reveal/strings.js';
import { PatTokenReveal } from '../token-reveal/token-reveal.js';
import {
  DEFAULT_GRACE_PERIODS,
  DEFAULT_PRESETS,
  addCalendarDays,
  allowedGracePeriods,
  allowedPresets,
  customDateBounds,
  expiryMoment,
  graceEnd,
  gracePeriodsAttribute,
  lifetimeDays,
  nearestPreset,
  normalizeMaxLifetime,
  parseDateInputValue,
  preferredPreset,
  toDateInputValue,
} from './expiration.js';
import { generateDialogStyles } from './generate-dialog.styles.js';
import { SubmitController } from './submit-controller.js';

type Field = 'name' | 'description' | 'expiration' | 'scopes' | 'grace';
type FieldErrors = Partial<Record<Field, string>>;
/** The expiration select's value: a preset's days as a string, `'custom'` or `'never'`. */
type ExpirationChoice = string;

const FIELDS: readonly Field[] = ['name', 'description', 'expiration', 'scopes', 'grace'];

/** Where a problem+json `errors` member is shown: the contract's field names mapped to the form's. */
const SERVER_FIELDS = new Map<string, Field>([
  ['name', 'name'],
  ['description', 'description'],
  ['expiresInDays', 'expiration'],
  ['scopes', 'scopes'],
  ['gracePeriodHours', 'grace'],
]);

const EXPIRY_DATE_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' };
const RANGE_DATE_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium' };
const GRACE_END_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
/** A group with more scopes than this gets a "select all" checkbox. */
const SELECT_ALL_FROM = 4;

/** The reveal's parts, passed through so a host styles them on this element too. */
const REVEAL_PARTS =
  'heading, warning, label, secret-field, secret, button, copy-button, toggle-button, usage-field, usage, usage-copy-button, status, acknowledge, done-button';

/** The focused element, looking into shadow roots: the opener to return focus to. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/**
 * A modal form that creates a token — or regenerates one (`regenerate(token)`) — then reveals its
 * secret once in the same dialog. Escape, the close button and other close requests cannot throw
 * the secret away: while it is shown, closing follows the reveal's rules (copy it, or confirm it
 * was stored). With a scope catalogue (`scopes`) the form asks which permissions the token gets.
 * The dialog's top edge stays put as its content grows or shrinks.
 *
 * @summary Generate (or regenerate) a personal access token.
 *
 * @fires pat-token-created - The server created the token. Carries its metadata, never the secret.
 * @fires pat-token-rotated - The server regenerated a token: `{ token, previous }` (the new token, and the old one
 *   during its grace period or `null`). Never the secret.
 * @fires pat-error - Creating or regenerating failed and the form shows why (`operation: 'create' | 'rotate'`;
 *   a 404 on rotate means the token is gone); `operation: 'config'` for a scope catalogue with invalid entries;
 *   also bubbles the reveal's copy failures.
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
 * @cssprop [--pat-dialog-width=34rem] - Width of the dialog (never wider than the viewport).
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
export class PatGenerateDialog extends ClientConfigMixin(PatElement) {
  static override styles = generateDialogStyles;
  static override dependencies = { 'pat-token-reveal': PatTokenReveal };

  static override properties = {
    open: { type: Boolean, reflect: true },
    presets: { attribute: false },
    allowNoExpiration: { type: Boolean, attribute: 'allow-no-expiration' },
    maxLifetimeDays: { type: Number, attribute: 'max-lifetime-days' },
    usageTemplate: { attribute: 'usage-template' },
    maxNameLength: { type: Number, attribute: 'max-name-length' },
    maxDescriptionLength: { type: Number, attribute: 'max-description-length' },
    scopes: { attribute: false },
    gracePeriods: { attribute: 'grace-periods', converter: gracePeriodsAttribute },
    step: { state: true },
    target: { state: true },
    nameValue: { state: true },
    descriptionValue: { state: true },
    expirationChoice: { state: true },
    customDate: { state: true },
    selectedScopes: { state: true },
    graceChoice: { state: true },
    fieldErrors: { state: true },
    formError: { state: true },
    targetGone: { state: true },
    createdToken: { state: true },
  };

  /** Whether the dialog is showing. Prefer `show()`, `regenerate()` and `close()`. */
  open = false;

  /** Expiration presets in days. 30 is chosen first, or the allowed preset nearest to it. */
  presets: readonly number[] = DEFAULT_PRESETS;

  /** Offer "No expiration" (sent as `expiresInDays: null`); never offered when `max-lifetime-days` is set. */
  allowNoExpiration = false;

  /** Longest lifetime a token may get, in days: limits the presets and the custom date. */
  maxLifetimeDays: number | undefined = undefined;

  /** Passed to the reveal: an example command with `{token}` where the secret goes. */
  usageTemplate: string | undefined = undefined;

  /** Longest name accepted, in characters. */
  maxNameLength = NAME_MAX_LENGTH;

  /** Longest description accepted, in characters. */
  maxDescriptionLength = DESCRIPTION_MAX_LENGTH;

  /**
   * The permissions a token can be limited to. With a catalogue the form asks for at least one
   * (entries with `default: true` checked first); without one the token has all of the user's.
   */
  scopes: readonly Scope[] | undefined = undefined;

  /**
   * How long a regenerated token's predecessor may keep working, in hours (0–168), offered in the
   * regenerate form. Attribute: hours separated by commas or spaces, e.g. `grace-periods="0 1 24 168"`.
   */
  gracePeriods: readonly number[] = DEFAULT_GRACE_PERIODS;

  private step: 'form' | 'reveal' = 'form';
  /** The token being regenerated; undefined in the create form. */
  private target: Token | undefined;
  private nameValue = '';
  private descriptionValue = '';
  /** Undefined until the user picks: the policy's preferred preset applies. */
  private expirationChoice: ExpirationChoice | undefined;
  private customDate = '';
  /** Undefined until the user picks: the catalogue's defaults apply. */
  private selectedScopes: ReadonlySet<string> | undefined;
  private graceChoice: number | undefined;
  private fieldErrors: FieldErrors = {};
  private formError: { message: string; details: string[] } | undefined;
  /** A regenerate was answered 404: the form can only be closed. */
  private targetGone = false;
  private createdToken: Token | undefined;

  readonly #submitter = new SubmitController(this);
  #catalogue: ScopeCatalogue | undefined;
  /** After the first submit, fields are re-checked as the user types, so errors clear when fixed. */
  #validateAsTyped = false;
  #opener: HTMLElement | undefined;

  /** The first element of the rendered dialog that matches `selector`. */
  #find<E extends Element = HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  get #dialog() {
    return this.#find<HTMLDialogElement>('dialog');
  }

  get #reveal() {
    return this.#find<PatTokenReveal>('pat-token-reveal');
  }

  /** Opens the create form as a modal; focus returns to the element that had it when it closes. */
  show(): void {
    if (!this.open) this.target = undefined;
    this.open = true;
  }

  /**
   * Opens the dialog to regenerate `token`: a new token with a new secret replaces it, and the old
   * one keeps working for the chosen grace period. Needs a client with `rotate` (`canRegenerate`).
   */
  regenerate(token: Token): void {
    if (!this.open) this.target = token;
    this.open = true;
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
    this.open = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.open = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('scopes')) {
      this.#catalogue = scopeCatalogue(this.scopes, (error) => this.emit('pat-error', { operation: 'config', error }));
    }
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
        <button
          type="button"
          class="close"
          part="button close-button"
          aria-label=${this.localize.strings.dialogClose}
          @click=${this.#onCloseButton}
        >
          <span aria-hidden="true">×</span>
        </button>
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
    const target = this.target;
    const pending = this.#submitter.pending;
    const disabled = pending || this.targetGone;
    return html`
      <form part="form" novalidate aria-busy=${pending ? 'true' : 'false'} @submit=${this.#onSubmit}>
        <h2 id="heading" part="heading">${target ? s.dialogRegenerateHeading : s.dialogHeading}</h2>
        <p class="note" part="note">${target ? s.dialogRegenerateNote : this.#catalogue ? s.dialogScopedNote : s.dialogPermissionsNote}</p>
        ${this.formError ? this.#renderFormError(this.formError) : nothing}
        ${target ? this.#renderSummary(target) : this.#renderIdentityFields(disabled)} ${this.#renderExpirationField(disabled)}
        ${target ? this.#renderGraceField(target, disabled) : this.#catalogue ? this.#renderScopes(this.#catalogue, disabled) : nothing}
        <div class="actions" part="actions">
          ${
            this.targetGone
              ? html`<button type="button" id="gone-close" part="button cancel-button" class="primary" @click=${this.close}>
                  ${s.dialogClose}
                </button>`
              : html`
                  <button type="button" part="button cancel-button" @click=${this.close}>${s.dialogCancel}</button>
                  <button id="submit" type="submit" part="button submit-button" class="primary" aria-disabled=${pending ? 'true' : nothing}>
                    ${pending ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${this.#submitLabel(pending)}
                  </button>
                `
          }
        </div>
      </form>
    `;
  }

  #submitLabel(pending: boolean): string {
    const s = this.localize.strings;
    if (this.target) return pending ? s.dialogRegenerateSubmitting : s.dialogRegenerateSubmit;
    return pending ? s.dialogSubmitting : s.dialogSubmit;
  }

  #renderIdentityFields(disabled: boolean) {
    const s = this.localize.strings;
    return html`
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
          ?disabled=${disabled}
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
          ?disabled=${disabled}
          aria-invalid=${this.fieldErrors.description ? 'true' : 'false'}
          aria-describedby=${this.#describedBy(undefined, 'description')}
          @input=${this.#onDescriptionInput}
        ></textarea>
        ${this.#renderFieldError('description')}
      </div>
    `;
  }

  /** Regenerate: which token, read-only — its name and what it may do. */
  #renderSummary(target: Token) {
    const s = this.localize.strings;
    const scopes = target.scopes;
    const labelOf = (id: string) => this.#catalogue?.labelOf(id) ?? id;
    return html`
      <dl class="summary" part="summary">
        <div>
          <dt>${s.dialogNameLabel}</dt>
          <dd class="name">${target.name}</dd>
        </div>
        <div>
          <dt>${s.dialogScopesLabel}</dt>
          <dd>
            ${
              scopes?.length
                ? html`<ul class="scope-list">
                    ${scopes.map((id) => html`<li>${labelOf(id)}</li>`)}
                  </ul>`
                : s.dialogScopesAll
            }
          </dd>
        </div>
      </dl>
    `;
  }

  #renderExpirationField(disabled: boolean) {
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
          autofocus=${this.target ? '' : nothing}
          ?disabled=${disabled}
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
          ${
            this.#noExpirationAllowed
              ? html`<option value="never" .selected=${choice === 'never'}>${s.dialogExpirationNever}</option>`
              : nothing
          }
        </select>
        ${
          custom
            ? html`
                <label for="expiration-date" part="label">${s.dialogCustomDateLabel}</label>
                <input
                  id="expiration-date"
                  part="input date-input"
                  type="date"
                  dir="ltr"
                  name="expiration-date"
                  required
                  min=${toDateInputValue(bounds.min)}
                  max=${bounds.max ? toDateInputValue(bounds.max) : nothing}
                  .value=${this.customDate}
                  ?disabled=${disabled}
                  aria-invalid=${invalid}
                  aria-describedby=${this.#describedBy('expiry', 'expiration')}
                  @input=${this.#onCustomDateInput}
                />
              `
            : nothing
        }
        <p id="expiry" class=${choice === 'never' ? 'expiry never' : 'expiry'} part="expiry" aria-live="polite">
          ${this.#expirySummary(choice)}
        </p>
        ${this.#renderFieldError('expiration')}
      </div>
    `;
  }

  /** Regenerate: how long the current token keeps working. An expired token has nothing to keep. */
  #renderGraceField(target: Token, disabled: boolean) {
    if (this.#expired(target)) return nothing;
    const s = this.localize.strings;
    const chosen = this.#grace();
    return html`
      <div class="field" part="field">
        <label for="grace" part="label">${s.dialogGraceLabel}</label>
        <select
          id="grace"
          part="select"
          name="grace"
          ?disabled=${disabled}
          aria-invalid=${this.fieldErrors.grace ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('grace-summary', 'grace')}
          @change=${this.#onGraceChange}
        >
          ${allowedGracePeriods(this.gracePeriods).map(
            (hours) => html`<option value=${String(hours)} .selected=${hours === chosen}>${this.#graceLabel(hours)}</option>`,
          )}
        </select>
        <p id="grace-summary" class="hint" part="hint" aria-live="polite">${this.#graceSummary(target, chosen)}</p>
        ${this.#renderFieldError('grace')}
      </div>
    `;
  }

  /** "Immediately", "1 hour", "24 hours", "7 days": whole days from two days up. */
  #graceLabel(hours: number): string {
    if (hours === 0) return this.localize.strings.dialogGraceImmediately;
    return hours >= 48 && hours % 24 === 0
      ? this.localize.plural('dialogGraceDays', hours / 24)
      : this.localize.plural('dialogGraceHours', hours);
  }

  #graceSummary(target: Token, hours: number): string {
    const end = graceEnd(now(), hours, target);
    if (hours === 0 || end.getTime() <= now().getTime()) return this.localize.strings.dialogGraceNone;
    return this.localize.term('dialogGraceUntil', { date: this.localize.dateFormat(GRACE_END_FORMAT).format(end) });
  }

  #renderScopes(catalogue: ScopeCatalogue, disabled: boolean) {
    const s = this.localize.strings;
    const selected = this.#selected(catalogue);
    let index = 0;
    const option = (scope: Scope) => {
      const id = `scope-${index++}`;
      return html`
        <div class="scope" part="scope">
          <input
            id=${id}
            type="checkbox"
            .checked=${selected.has(scope.id)}
            aria-describedby=${scope.description ? `${id}-description` : nothing}
            @change=${() => this.#toggleScopes([scope.id], !selected.has(scope.id))}
          />
          <label for=${id}>${scope.label}</label>
          ${scope.description ? html`<p id="${id}-description" class="hint">${scope.description}</p>` : nothing}
        </div>
      `;
    };
    return html`
      <fieldset class="scopes" part="scopes" ?disabled=${disabled} aria-describedby=${this.fieldErrors.scopes ? 'scopes-error' : nothing}>
        <legend part="label">${s.dialogScopesLabel}</legend>
        ${this.#renderFieldError('scopes')}
        ${catalogue.groups.map(({ name, scopes }) => {
          if (name === undefined) return scopes.map(option);
          const ids = scopes.map((scope) => scope.id);
          const checked = ids.filter((id) => selected.has(id)).length;
          const allId = `scope-all-${index++}`;
          return html`
            <fieldset class="scope-group" part="scope-group">
              <legend>${name}</legend>
              ${
                scopes.length >= SELECT_ALL_FROM
                  ? html`<div class="scope select-all" part="scope">
                      <input
                        id=${allId}
                        type="checkbox"
                        .checked=${checked === ids.length}
                        .indeterminate=${checked > 0 && checked < ids.length}
                        @change=${() => this.#toggleScopes(ids, checked < ids.length)}
                      />
                      <label for=${allId}>${s.dialogScopesSelectAll}</label>
                    </div>`
                  : nothing
              }
              ${scopes.map(option)}
            </fieldset>
          `;
        })}
      </fieldset>
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
        ${
          details.length
            ? html`<ul>
                ${details.map((detail) => html`<li>${detail}</li>`)}
              </ul>`
            : nothing
        }
      </div>
    `;
  }

  #describedBy(hintId: string | undefined, field: Field): string | typeof nothing {
    const ids = [hintId, this.fieldErrors[field] ? `${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  // --- Policy, as the form shows it ---

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
    return this.#defaultChoice(presets);
  }

  /** Create: 30 days or the nearest preset. Regenerate: the old token's lifetime, rounded to the nearest preset. */
  #defaultChoice(presets: readonly number[]): ExpirationChoice {
    const lifetime = this.target ? lifetimeDays(this.target) : undefined;
    if (lifetime === null && this.#noExpirationAllowed) return 'never';
    const preset =
      lifetime === undefined
        ? preferredPreset(presets)
        : lifetime === null
          ? presets[presets.length - 1]
          : nearestPreset(presets, lifetime);
    return preset === undefined ? 'custom' : String(preset);
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

  /** The grace period chosen, or the first one offered. */
  #grace(): number {
    const offered = allowedGracePeriods(this.gracePeriods);
    return this.graceChoice !== undefined && offered.includes(this.graceChoice) ? this.graceChoice : offered[0]!;
  }

  #expired(token: Token): boolean {
    return token.expiresAt !== null && Date.parse(token.expiresAt) <= now().getTime();
  }

  #selected(catalogue: ScopeCatalogue): ReadonlySet<string> {
    return this.selectedScopes ?? new Set(catalogue.defaults);
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
    if (field === 'scopes') return this.#selected(this.#catalogue!).size === 0 ? s.dialogScopesRequired : undefined;
    if (field === 'grace') return undefined;
    const choice = this.#choice(this.#presets());
    if (choice !== 'custom' || this.#expiresInDays(choice) !== undefined) return undefined;
    const date = parseDateInputValue(this.customDate);
    if (!date) return s.dialogDateRequired;
    const { min, max } = customDateBounds(now(), this.maxLifetimeDays);
    if (!max) return s.dialogDateTooEarly;
    const format = this.localize.dateFormat(RANGE_DATE_FORMAT);
    return this.localize.term('dialogDateOutOfRange', { min: format.format(min), max: format.format(max) });
  }

  /** The fields this form shows (in their order): a message for another one goes above the form. */
  #fieldsShown(): Field[] {
    const target = this.target;
    if (target) return this.#expired(target) ? ['expiration'] : ['expiration', 'grace'];
    return this.#catalogue ? ['name', 'description', 'expiration', 'scopes'] : ['name', 'description', 'expiration'];
  }

  /** Checks every field; true when the form can be sent, else it shows what to fix. */
  #validate(): boolean {
    const errors: FieldErrors = {};
    for (const field of this.#fieldsShown()) {
      const message = this.#errorFor(field);
      if (message) errors[field] = message;
    }
    this.fieldErrors = errors;
    return Object.keys(errors).length === 0;
  }

  /**
   * After an edit: re-check the field once the user has tried to submit (or, for a choice like
   * the scopes, as soon as they act on it), else drop a server error on it.
   */
  #recheck(field: Field, acted = this.#validateAsTyped): void {
    const { [field]: _previous, ...others } = this.fieldErrors;
    const message = acted ? this.#errorFor(field) : undefined;
    this.fieldErrors = message ? { ...others, [field]: message } : others;
  }

  #focusFirstInvalid(): void {
    const field = FIELDS.find((name) => this.fieldErrors[name]);
    if (!field) return;
    const selector =
      field === 'scopes'
        ? '.scopes input'
        : field === 'expiration' && this.#choice(this.#presets()) === 'custom'
          ? '#expiration-date'
          : `#${field}`;
    this.#find(selector)?.focus();
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
    // A date picker that just appeared has not been used yet: no error on it until it is.
    this.#recheck('expiration', this.#validateAsTyped && choice !== 'custom');
  }

  #onCustomDateInput(event: Event): void {
    this.customDate = (event.target as HTMLInputElement).value;
    this.#recheck('expiration');
  }

  #onGraceChange(event: Event): void {
    this.graceChoice = Number((event.target as HTMLSelectElement).value);
    this.#recheck('grace');
  }

  #toggleScopes(ids: readonly string[], checked: boolean): void {
    const selected = new Set(this.#selected(this.#catalogue!));
    for (const id of ids) {
      if (checked) selected.add(id);
      else selected.delete(id);
    }
    this.selectedScopes = selected;
    this.#recheck('scopes', true);
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.#submitter.pending || this.targetGone) return;
    this.#validateAsTyped = true;
    const expiresInDays = this.#expiresInDays(this.#choice(this.#presets()));
    if (!this.#validate() || expiresInDays === undefined) {
      await this.updateComplete;
      this.#focusFirstInvalid();
      return;
    }
    const client = this.tokenClient;
    const target = this.target;
    const s = this.localize.strings;
    if (!client || (target && !client.rotate)) {
      this.formError = { message: s.dialogNotConfigured, details: [] };
      this.reportError(target ? 'rotate' : 'create', new Error(s.dialogNotConfigured));
      return;
    }
    this.formError = undefined;
    // The fields are about to be disabled: keep focus on the button that shows the progress.
    if (this.renderRoot.contains(deepActiveElement() ?? null)) this.#find('#submit')?.focus();

    if (target) {
      const request = { expiresInDays, gracePeriodHours: this.#expired(target) ? 0 : this.#grace() };
      const outcome = await this.#submitter.send((signal) => client.rotate!(target.id, request, signal));
      if (!outcome) return;
      if (!outcome.ok) return this.#showFailure(outcome.error, 'rotate');
      const { token, previous, secret } = outcome.response;
      this.emit('pat-token-rotated', { token, previous });
      return this.#showReveal(token, secret);
    }

    const description = this.descriptionValue.trim();
    const catalogue = this.#catalogue;
    const request = {
      name: this.nameValue.trim(),
      ...(description ? { description } : {}),
      expiresInDays,
      // In the catalogue's order, whatever order they were ticked in.
      ...(catalogue ? { scopes: catalogue.scopes.map((scope) => scope.id).filter((id) => this.#selected(catalogue).has(id)) } : {}),
    };
    const outcome = await this.#submitter.send((signal) => client.create(request, signal));
    if (!outcome) return;
    if (!outcome.ok) return this.#showFailure(outcome.error, 'create');
    this.emit('pat-token-created', { token: outcome.response.token });
    return this.#showReveal(outcome.response.token, outcome.response.secret);
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
    reveal.focus();
  }

  async #showFailure(error: unknown, operation: 'create' | 'rotate'): Promise<void> {
    const s = this.localize.strings;
    const gone = operation === 'rotate' && error instanceof HttpError && error.status === 404;
    const onFields: FieldErrors = {};
    const elsewhere: string[] = [];
    if (error instanceof HttpError && !gone) {
      const shown = this.#fieldsShown();
      for (const [key, message] of Object.entries(error.fieldErrors)) {
        const field = SERVER_FIELDS.get(key);
        if (field && shown.includes(field) && !onFields[field]) onFields[field] = message;
        else elsewhere.push(message);
      }
    }
    const placed = Object.keys(onFields).length > 0;
    this.fieldErrors = onFields;
    this.targetGone = gone;
    this.formError = gone
      ? { message: s.dialogTokenGone, details: [] }
      : placed && !elsewhere.length
        ? undefined
        : { message: describeError(error, s), details: elsewhere };
    this.reportError(operation, error);
    await this.updateComplete;
    if (gone) this.#find('#gone-close')?.focus();
    else if (placed) this.#focusFirstInvalid();
  }

  #onCloseButton(): void {
    if (this.step === 'reveal') this.#reveal?.requestDismiss();
    else this.close();
  }

  #onKeydown(event: KeyboardEvent): void {
    // Cancelling the keydown stops the close request before it starts; Chromium ignores a
    // cancelled `cancel` event when Escape is pressed twice without other input in between.
    if (event.key === 'Escape' && this.step === 'reveal') {
      event.preventDefault();
      this.#reveal?.requestDismiss();
    }
  }

  #onCancel(event: Event): void {
    if (this.step !== 'reveal') return;
    event.preventDefault();
    this.#reveal?.requestDismiss();
  }

  /** The `<dialog>` closed. When we did not close it ourselves, `open` follows it. */
  #onClose(): void {
    // `close` is dispatched a task later: after `close()` then `show()`, it belongs to the old session.
    if (!this.open || this.#dialog?.open) return;
    if (this.step === 'reveal' && this.#reveal?.hasSecret) {
      // A close request that could not be cancelled (e.g. a system back gesture) must not lose
      // the secret: show it again and point the user to Done.
      if (this.#dialog) setModalOpen(this.#dialog, true);
      this.#reveal.requestDismiss();
      return;
    }
    this.open = false;
  }

  #onRevealDismissed(): void {
    this.close();
  }

  #syncDialog(wasOpen: boolean): void {
    const dialog = this.#dialog;
    if (!dialog) return;
    if (this.open) {
      if (!dialog.open && this.isConnected) {
        this.#opener = deepActiveElement();
        setModalOpen(dialog, true);
      }
      return;
    }
    if (dialog.open) setModalOpen(dialog, false);
    const opener = this.#opener;
    this.#opener = undefined;
    if (wasOpen && opener?.isConnected) opener.focus();
  }

  /** Back to an empty form; removing the reveal wipes the secret. */
  #reset(): void {
    this.#submitter.abort();
    this.step = 'form';
    this.target = undefined;
    this.targetGone = false;
    this.createdToken = undefined;
    this.nameValue = '';
    this.descriptionValue = '';
    this.expirationChoice = undefined;
    this.customDate = '';
    this.selectedScopes = undefined;
    this.graceChoice = undefined;
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
