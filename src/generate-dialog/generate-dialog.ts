import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { PatElement } from '../internal/pat-element.js';
import type { PatStrings } from '../internal/pat-strings.js';

/**
 * A modal form that creates a token, then reveals its secret once.
 *
 * @summary Generate a new personal access token.
 */
export class PatGenerateDialog extends ClientConfigMixin(PatElement) {
  /** Partial override of any user-visible string (also passed to the reveal). */
  @property({ attribute: false }) strings: Partial<PatStrings> | undefined = undefined;

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-generate-dialog': PatGenerateDialog;
  }
}
