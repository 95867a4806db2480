import type { Token } from '../api/schemas.js';

/**
 * The generate dialog closed; focus is back on what had it before it opened, when that is still on
 * the page. `created` is the token made while it was open (metadata only, never the secret), or
 * undefined when nothing was created or regenerated.
 */
export interface DialogClosedDetail {
  mode: 'create' | 'regenerate';
  created: Token | undefined;
}
