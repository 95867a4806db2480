/**
 * The server's per-user maximum, counted as the server counts it, so the list can say "100 of 100
 * tokens" and why "Generate new token" cannot be used before the user fills in a form the server
 * would refuse.
 */
import type { Token } from '../api/schemas.js';

export interface TokenLimit {
  /** The tokens that count toward the maximum. */
  count: number;
  max: number;
}

/**
 * A token a regenerate replaced (in its grace period) does not count, nor a revoked one (a state
 * a server may send as `revocation`): the server does not count them either.
 */
export function countsTowardLimit(token: Token): boolean {
  return !token.replacedBy && !(token as { revocation?: unknown }).revocation;
}

/** The limit once the user has reached it; undefined below it, or when the server states no maximum. */
export function reachedLimit(tokens: readonly Token[] | undefined, max: number | undefined): TokenLimit | undefined {
  if (!tokens || max === undefined) return undefined;
  const count = tokens.filter(countsTowardLimit).length;
  return count >= max ? { count, max } : undefined;
}
