/**
 * The package's global typings in one module with no code: the tags in `HTMLElementTagNameMap`
 * and (through the events module) the `pat-*` events in `GlobalEventHandlersEventMap`.
 * `pat-elements/define` and each locale module import it, so a host that imports only one of
 * them gets `document.querySelector('pat-token-list')!.endpoint` and typed listeners.
 */
import type { PatEventMap } from './events/index.js';
import type { PatGenerateDialog } from './generate-dialog/generate-dialog.js';
import type { PatTokenList } from './token-list/token-list.js';
import type { PatTokenReveal } from './token-reveal/token-reveal.js';

declare global {
  interface HTMLElementTagNameMap {
    'pat-token-list': PatTokenList;
    'pat-generate-dialog': PatGenerateDialog;
    'pat-token-reveal': PatTokenReveal;
  }
}

export type { PatEventMap };
