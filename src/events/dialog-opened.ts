import type { Token } from '../api/schemas.js';

/**
 * The generate dialog opened as a modal, with focus inside it: to create a token, or to
 * regenerate `token` (its metadata; undefined when creating).
 */
export interface DialogOpenedDetail {
  mode: 'create' | 'regenerate';
  token: Token | undefined;
}
