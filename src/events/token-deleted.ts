import type { Token } from '../api/schemas.js';

/** A token was deleted (or was already gone). */
export interface TokenDeletedDetail {
  token: Token;
}
