import type { Token } from '../api/schemas.js';

/** A token was created. `token` is its metadata from the server; the secret is not in it. */
export interface TokenCreatedDetail {
  token: Token;
}
