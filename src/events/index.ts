/**
 * The events the elements dispatch: `pat-`prefixed `CustomEvent`s that bubble and cross shadow
 * roots (so they reach `window`). None carries a secret. Declared in `GlobalEventHandlersEventMap`
 * (which the maps of elements, `document` and `window` extend) so
 * `addEventListener('pat-token-created', e => e.detail.token)` is typed wherever a host listens.
 */
import type { DialogClosedDetail } from './dialog-closed.js';
import type { DialogOpenedDetail } from './dialog-opened.js';
import type { PatErrorDetail } from './error.js';
import type { RevealDismissedDetail } from './reveal-dismissed.js';
import type { SecretCopiedDetail } from './secret-copied.js';
import type { TokenCreatedDetail } from './token-created.js';
import type { TokenDeletedDetail } from './token-deleted.js';
import type { TokenRotatedDetail } from './token-rotated.js';

export * from './dialog-closed.js';
export * from './dialog-opened.js';
export * from './error.js';
export * from './reveal-dismissed.js';
export * from './secret-copied.js';
export * from './token-created.js';
export * from './token-deleted.js';
export * from './token-rotated.js';

export interface PatEventMap {
  'pat-token-created': CustomEvent<TokenCreatedDetail>;
  'pat-token-deleted': CustomEvent<TokenDeletedDetail>;
  'pat-token-rotated': CustomEvent<TokenRotatedDetail>;
  'pat-secret-copied': CustomEvent<SecretCopiedDetail>;
  'pat-reveal-dismissed': CustomEvent<RevealDismissedDetail>;
  'pat-error': CustomEvent<PatErrorDetail>;
  'pat-dialog-opened': CustomEvent<DialogOpenedDetail>;
  'pat-dialog-closed': CustomEvent<DialogClosedDetail>;
}

export type PatEventName = keyof PatEventMap;
export type PatEventDetail<K extends PatEventName> = PatEventMap[K] extends CustomEvent<infer D> ? D : never;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds our events
  interface GlobalEventHandlersEventMap extends PatEventMap {}
}
