import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Token } from '../api/schemas.js';
import { PatElement } from '../internal/pat-element.js';
import { tokenRevealStyles } from './token-reveal.styles.js';

type CopyTarget = 'secret' | 'usage';
/** What the live region reports: a copy result, or that dismissal needs a copy or confirmation first. */
type Status = { kind: 'copied' | 'copy-failed'; what: CopyTarget } | { kind: 'blocked' };

/** Drawn instead of the secret while it is hidden; fixed, so it does not give away the length. */
const MASK = '•'.repeat(32);

/**
 * A label that takes the room of its alternative too, drawn invisibly behind it, so "Copy" becoming
 * "Copied" (or Show, Hide) moves nothing. The alternative is generated content with empty alt
 * text: not in the accessible name, not in `textContent`.
 */
function swap(first: boolean, ifFirst: string, otherwise: string) {
  return html`<span class="swap" data-other=${first ? otherwise : ifFirst}><span>${first ? ifFirst : otherwise}</span></span>`;
}

/** The usage template with the secret in every `{token}` (split/join: no `$` patterns applied). */
function fillUsage(template: string, secret: string): string {
  return template.split('{token}').join(secret);
}

/**
 * Shows a new token's secret exactly once, with copy buttons, a show/hide toggle and a deliberate
 * dismissal. The secret is set as a property (never an attribute) and kept in private state only;
 * on dismissal or removal from the page every reference to it is dropped and its text leaves the
 * DOM.
 *
 * @summary The one-time secret display.
 *
 * @fires pat-secret-copied - The secret (`what: 'secret'`) or the usage example (`what: 'usage'`)
 *   was written to the clipboard. Carries the token id, never the secret.
 * @fires pat-reveal-dismissed - The user chose Done (or the dialog's close request was allowed);
 *   the secret is already gone from the page. Carries the token id and whether it was copied.
 * @fires pat-error - Copying failed (`operation: 'copy'`); the secret was selected for a manual copy.
 *
 * @csspart heading - The heading.
 * @csspart warning - The banner saying this is the only time the secret is shown.
 * @csspart label - The labels of the secret and the usage example.
 * @csspart secret-field - The box around the secret and its buttons.
 * @csspart secret - The read-only field holding the secret.
 * @csspart button - Every button.
 * @csspart copy-button - The button that copies the secret.
 * @csspart toggle-button - The show/hide toggle.
 * @csspart usage-field - The box around the usage example and its copy button.
 * @csspart usage - The read-only field holding the usage example.
 * @csspart usage-copy-button - The button that copies the usage example.
 * @csspart status - The live region that reports copy results.
 * @csspart acknowledge - The "I have stored this token" checkbox and its label.
 * @csspart done-button - The Done button.
 *
 * @cssprop --pat-accent-color - Done button and focus ring.
 * @cssprop --pat-accent-text-color - Text on the accent colour.
 * @cssprop --pat-border-color - Borders of buttons.
 * @cssprop --pat-field-border-color - Borders of the secret and usage fields.
 * @cssprop --pat-muted-color - Hints.
 * @cssprop --pat-warning-color - The warning.
 * @cssprop --pat-success-color - A copy button after copying.
 * @cssprop --pat-danger-color - Copy failures.
 * @cssprop --pat-radius - Corner radius of fields and buttons.
 * @cssprop --pat-field-background - Background of the secret and usage fields.
 * @cssprop --pat-field-color - Text colour of the secret and usage fields.
 * @cssprop --pat-button-background - Background of secondary buttons.
 * @cssprop --pat-font-mono - The secret's font.
 */
export class PatTokenReveal extends PatElement {
  static override styles = tokenRevealStyles;

  /** The new token's metadata, to name it in the heading and in events. Never holds the secret. */
  @property({ attribute: false }) token: Token | undefined = undefined;

  /** A ready-to-paste example, e.g. `curl -H "Authorization: Bearer {token}" …`; `{token}` becomes the secret. */
  @property({ attribute: 'usage-template' }) usageTemplate: string | undefined = undefined;

  @state() private shown = true;
  @state() private copied: ReadonlySet<CopyTarget> = new Set();
  @state() private acknowledged = false;
  @state() private status: Status | undefined;
  @state() private nudged = false;

  #secret: string | undefined;

  #find<E extends Element>(selector: string): E | null {
    return this.renderRoot?.querySelector<E>(selector) ?? null;
  }

  /**
   * The secret to show, set as a property (there is no attribute). Write-only: reading it returns
   * undefined, so framework devtools and serializers that walk element properties never see it.
   */
  set secret(value: string | undefined) {
    const next = value || undefined;
    if (next === this.#secret) return;
    this.#secret = next;
    this.#resetState();
  }

  get secret(): undefined {
    return undefined;
  }

  /** True while a secret is on screen. */
  get hasSecret(): boolean {
    return this.#secret !== undefined;
  }

  /** Whether Done is allowed: the secret was copied, or the user said they stored it. */
  get canDismiss(): boolean {
    return this.copied.size > 0 || this.acknowledged;
  }

  /**
   * Dismisses the reveal if the user copied the secret or confirmed storing it; otherwise points
   * them to the Done button and returns false. A dialog calls this on Escape.
   */
  requestDismiss(): boolean {
    if (this.#secret === undefined) return false;
    if (!this.canDismiss) {
      this.nudged = true;
      this.status = { kind: 'blocked' };
      this.#find<HTMLButtonElement>('#done')?.focus();
      return false;
    }
    const detail = { tokenId: this.token?.id, copied: this.copied.size > 0 };
    this.#wipe();
    // Render now, so the secret's text has left the DOM before anyone hears of the dismissal.
    if (this.hasUpdated) this.performUpdate();
    this.emit('pat-reveal-dismissed', detail);
    return true;
  }

  /** Focuses the copy button: the one thing to do first. */
  override focus(options?: FocusOptions): void {
    const copyButton = this.#find<HTMLButtonElement>('#copy');
    if (copyButton) copyButton.focus(options);
    else super.focus(options);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#wipe();
  }

  /** The secret's length, in its characters, for the stylesheet's one line or two even halves (through the CSSOM: no inline style). */
  protected override updated(): void {
    const text = this.#find<HTMLElement>('#secret')?.parentElement;
    const length = this.#secret?.length ?? 0;
    text?.style.setProperty('--_full', `${length + 1}ch`);
    text?.style.setProperty('--_half', `${Math.ceil(length / 2) + 0.5}ch`);
  }

  override render() {
    const secret = this.#secret;
    if (secret === undefined) return nothing;
    const s = this.localize.strings;
    // Only a failed copy takes room on screen: a refused dismissal is said by the hint turning red.
    const failed = this.status?.kind === 'copy-failed';
    const name = this.token?.name;
    return html`
      <h2 id="heading" part="heading">${s.revealHeading}</h2>
      ${name ? html`<p class="subject">${name}</p>` : nothing}
      <p id="warning" class="banner" part="warning">${s.revealWarning}</p>

      <div class="label-row">
        <label for="secret" part="label">${s.revealSecretLabel}</label>
        <button
          type="button"
          part="button toggle-button"
          aria-pressed=${this.shown ? 'true' : 'false'}
          aria-controls=${this.usageTemplate ? 'secret usage' : 'secret'}
          @click=${this.#toggleShown}
        >
          ${swap(this.shown, s.revealHide, s.revealShow)}
        </button>
      </div>
      ${this.#renderCopyableField('secret', this.shown ? secret : MASK, s.revealCopy)}
      ${this.usageTemplate ? this.#renderUsage(this.usageTemplate, secret) : nothing}

      <p id="status" class=${failed ? 'status failed' : 'status'} part="status" role="status">${this.#statusMessage()}</p>

      <label class="acknowledge" part="acknowledge">
        <input type="checkbox" .checked=${this.acknowledged} @change=${this.#onAcknowledge} />
        ${s.revealAcknowledge}
      </label>

      <div class="actions">
        <p id="done-hint" class=${this.canDismiss ? 'hint met' : this.nudged ? 'hint nudged' : 'hint'}>${s.revealDoneHint}</p>
        <button
          id="done"
          type="button"
          part="button done-button"
          class=${this.canDismiss ? 'primary' : 'primary unavailable'}
          aria-disabled=${this.canDismiss ? 'false' : 'true'}
          aria-describedby=${this.canDismiss ? nothing : 'done-hint'}
          @click=${() => this.requestDismiss()}
        >
          ${s.revealDone}
        </button>
      </div>
    `;
  }

  /**
   * A read-only field, left to right whatever the page's direction, that selects itself on click
   * or focus (for a manual copy), with its copy button inside its box. The secret's field is
   * described by the warning; its copy button is `#copy` (initial focus).
   */
  #renderCopyableField(what: CopyTarget, value: string, copyLabel: string) {
    const copied = this.copied.has(what);
    return html`<div class="box" part=${what === 'secret' ? 'secret-field' : 'usage-field'}>
      <span class="text">
        <textarea
          id=${what}
          part=${what}
          dir="ltr"
          readonly
          rows="1"
          spellcheck="false"
          autocomplete="off"
          autocapitalize="off"
          autocorrect="off"
          aria-describedby=${what === 'secret' ? 'warning' : nothing}
          .value=${value}
          @click=${this.#selectField}
          @focus=${this.#selectField}
        ></textarea>
      </span>
      <button
        id=${what === 'secret' ? 'copy' : nothing}
        type="button"
        part=${what === 'secret' ? 'button copy-button' : 'button usage-copy-button'}
        class=${copied ? 'copied' : ''}
        @click=${() => this.#copy(what)}
      >
        ${swap(copied, this.localize.strings.revealCopied, copyLabel)}
      </button>
    </div>`;
  }

  #renderUsage(template: string, secret: string) {
    const s = this.localize.strings;
    return html`
      <div class="usage">
        <label for="usage" part="label">${s.revealUsageLabel}</label>
        ${this.#renderCopyableField('usage', fillUsage(template, this.shown ? secret : MASK), s.revealCopyUsage)}
      </div>
    `;
  }

  #statusMessage(): string {
    const s = this.localize.strings;
    const status = this.status;
    if (!status) return '';
    if (status.kind === 'blocked') return s.revealDismissBlocked;
    if (status.kind === 'copied') return status.what === 'secret' ? s.revealCopiedStatus : s.revealUsageCopiedStatus;
    return status.what === 'secret' ? s.revealCopyFailed : s.revealUsageCopyFailed;
  }

  #selectField(event: Event): void {
    (event.currentTarget as HTMLTextAreaElement).select();
  }

  #toggleShown(): void {
    this.shown = !this.shown;
  }

  #onAcknowledge(event: Event): void {
    this.acknowledged = (event.target as HTMLInputElement).checked;
    if (this.acknowledged) this.#clearNudge();
  }

  async #copy(what: CopyTarget): Promise<void> {
    const secret = this.#secret;
    if (secret === undefined) return;
    const text = what === 'secret' ? secret : fillUsage(this.usageTemplate ?? '', secret);
    try {
      // Inside the try: without a secure context `navigator.clipboard` is undefined and this throws.
      await navigator.clipboard.writeText(text);
    } catch (cause) {
      // Dismissed or replaced while the clipboard was busy: nothing left to report on.
      if (this.#secret === secret) await this.#copyFailed(what, cause);
      return;
    }
    if (this.#secret !== secret) return;
    this.copied = new Set([...this.copied, what]);
    this.#clearNudge();
    this.status = { kind: 'copied', what };
    this.emit('pat-secret-copied', { tokenId: this.token?.id, what });
  }

  /** Says so, and selects the text (shown, not masked) so the user can copy it by hand. */
  async #copyFailed(what: CopyTarget, cause: unknown): Promise<void> {
    const message = what === 'secret' ? this.localize.strings.revealCopyFailed : this.localize.strings.revealUsageCopyFailed;
    this.shown = true;
    this.status = { kind: 'copy-failed', what };
    // Our own words only: a clipboard polyfill's error could quote what it was given.
    const error = new Error(message);
    error.name = cause instanceof DOMException ? cause.name : 'CopyError';
    this.reportError('copy', error);
    await this.updateComplete;
    const field = this.#find<HTMLTextAreaElement>(`#${what}`);
    field?.focus();
    field?.select();
  }

  #clearNudge(): void {
    this.nudged = false;
    if (this.status?.kind === 'blocked') this.status = undefined;
  }

  #resetState(): void {
    this.shown = true;
    this.copied = new Set();
    this.acknowledged = false;
    this.status = undefined;
    this.nudged = false;
    this.requestUpdate();
  }

  /** Drops the secret; the next render removes its text (and every part holding it) from the DOM. */
  #wipe(): void {
    this.#secret = undefined;
    this.#resetState();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-reveal': PatTokenReveal;
  }
}
