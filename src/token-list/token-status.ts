import type { Token } from '../api/schemas.js';
import { daysBetween } from '../internal/locale.js';

export type ExpiryStatus =
  | { kind: 'never' }
  | { kind: 'expired' }
  /** `days` is in calendar days from today: 0 means later today. */
  | { kind: 'expiring'; days: number }
  | { kind: 'active' };

export const DEFAULT_EXPIRING_SOON_DAYS = 7;

/** `expiring-soon-days` as given, or the default for what is not a number of days. */
export function validSoonDays(days: number): number {
  return Number.isFinite(days) && days >= 0 ? days : DEFAULT_EXPIRING_SOON_DAYS;
}

/**
 * Where a token stands at `now`. "Expired" compares instants (a token that expired a minute ago is
 * expired); "expiring soon" counts calendar days, as people do ("in 2 days" means the day after
 * tomorrow, whatever the hour).
 */
export function expiryStatus(expiresAt: string | null, now: Date, soonDays: number): ExpiryStatus {
  if (expiresAt === null) return { kind: 'never' };
  const expires = new Date(expiresAt);
  if (expires.getTime() <= now.getTime()) return { kind: 'expired' };
  const days = daysBetween(now, expires);
  return days <= soonDays ? { kind: 'expiring', days } : { kind: 'active' };
}

/** What a token is, for the status filter and the badges: one status each. */
export type TokenStatus = 'active' | 'expiring' | 'expired' | 'replaced' | 'revoked';

/** In the filter's order. */
export const TOKEN_STATUSES: readonly TokenStatus[] = ['active', 'expiring', 'expired', 'replaced', 'revoked'];

/**
 * A token's one status at `now`: revoked before anything else (it never works again), then expired,
 * then replaced (working for its grace period), then expiring soon; the rest are active.
 */
export function tokenStatus(token: Token, now: Date, soonDays: number): TokenStatus {
  if (token.revocation) return 'revoked';
  const expiry = expiryStatus(token.expiresAt, now, soonDays);
  if (expiry.kind === 'expired') return 'expired';
  if (token.replacedBy) return 'replaced';
  return expiry.kind === 'expiring' ? 'expiring' : 'active';
}
