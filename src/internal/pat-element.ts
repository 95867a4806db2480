import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { PatError } from '../api/errors.js';
import type { PatErrorDetail } from '../events/error.js';
import type { PatEventDetail, PatEventName } from '../events/index.js';
import { defineElement } from './define-element.js';
import { LocalizeController } from './localize.js';
import type { PatStrings } from './pat-strings.js';

/**
 * The base of every pat element: the elements it renders registered with it, typed events that
 * bubble out of shadow roots, and its strings, locale and formatting.
 */
export class PatElement extends LitElement {
  /**
   * The tags this element renders, registered (unless taken) before it first renders: an element
   * registered on its own must not render a child that never upgrades (a plain `<pat-token-reveal>`
   * would show nothing and keep the secret as a readable property).
   */
  static dependencies: Record<string, CustomElementConstructor> = {};

  /** Partial override of any user-visible string (passed on to the elements this one renders). */
  @property({ attribute: false }) strings: Partial<PatStrings> | undefined = undefined;

  protected readonly localize = new LocalizeController(this);

  constructor() {
    super();
    const { dependencies } = this.constructor as typeof PatElement;
    for (const [tag, element] of Object.entries(dependencies)) defineElement(tag, element);
  }

  /** Dispatches a `pat-*` event; returns false when a listener called `preventDefault()`. */
  protected emit<K extends PatEventName>(name: K, detail: PatEventDetail<K>, cancelable = false): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable }));
  }

  /**
   * Tells the host about a failed operation with `pat-error`. A broken answer's field is for the
   * developer, so it is also logged; the user's screen only says the answer was not understood.
   */
  protected reportError(operation: PatErrorDetail['operation'], error: unknown): void {
    const asError = error instanceof Error ? error : new Error(String(error));
    if ((error as PatError | undefined)?.kind === 'contract') console.warn(`<${this.localName}>: ${asError.message}`);
    this.emit('pat-error', { operation, error: asError });
  }
}
