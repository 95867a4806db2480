import { daysBetween } from '../internal/locale.js';

export type ExpiryStatus =
  | { kind: 'never' }
  | { kind: 'expired' }
  /** `days` is in calendar days from today: 0 means later today. */
  | { kind: 'expiring'; days: number }
  | { kind: 'active' };

export const DEFAULT_EXPIRING_SOON_DAYS = 7;

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
