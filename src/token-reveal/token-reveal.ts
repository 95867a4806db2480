import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { PatElement } from '../internal/pat-element.js';
import type { PatStrings } from '../internal/pat-strings.js';

/**
 * Shows a new token's secret exactly once.
 *
 * @summary The one-time secret display.
 */
export class PatTokenReveal extends PatElement {
  /** Partial override of any user-visible string. */
  @property({ attribute: false }) strings: Partial<PatStrings> | undefined = undefined;

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-reveal': PatTokenReveal;
  }
}
