import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { ClientConfigMixin } from '../internal/client-config.js';
import { PatElement } from '../internal/pat-element.js';
import type { PatStrings } from '../internal/pat-strings.js';

/**
 * The whole Personal Access Token section of a settings page.
 *
 * @summary Lists tokens with masked keys and lets the user generate and delete them.
 */
export class PatTokenList extends ClientConfigMixin(PatElement) {
  /** Partial override of any user-visible string (also passed to the dialog and reveal). */
  @property({ attribute: false }) strings: Partial<PatStrings> | undefined = undefined;

  override render() {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-list': PatTokenList;
  }
}
