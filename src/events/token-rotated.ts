import type { Token } from '../api/schemas.js';

/**
 * A token was regenerated. `token` is the new token's metadata (its secret is not in it);
 * `previous` is the old token as the server answered: still working until its `expiresAt` during
 * a grace period, or `null` when it was revoked at once.
 */
export interface TokenRotatedDetail {
  token: Token;
  previous: Token | null;
}
