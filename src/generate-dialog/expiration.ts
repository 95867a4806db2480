/**
 * The expiration policy of the generate form, as plain functions of the clock: which presets are
 * offered, which one is chosen first, the bounds of the custom date, when a token expires, and the
 * grace periods offered when a token is regenerated.
 */
import { MAX_GRACE_PERIOD_HOURS, type Token } from '../api/schemas.js';

export const DEFAULT_PRESETS: readonly number[] = [7, 30, 60, 90];
/** The preset chosen when the form opens, or the allowed one nearest to it. */
const PREFERRED_PRESET_DAYS = 30;

const DAY_MS = 86_400_000;

/** A usable maximum lifetime, or undefined for "no limit" (unset, not a number, below one day). */
export function normalizeMaxLifetime(maxLifetimeDays: number | undefined): number | undefined {
  return maxLifetimeDays !== undefined && Number.isFinite(maxLifetimeDays) && maxLifetimeDays >= 1
    ? Math.floor(maxLifetimeDays)
    : undefined;
}

/**
 * The presets the policy allows: whole days from 1 up to the maximum lifetime, sorted, without
 * duplicates. When none fits under the maximum, the maximum itself is the one preset, so the
 * form always has a duration to start from.
 */
export function allowedPresets(presets: readonly number[], maxLifetimeDays: number | undefined): number[] {
  const max = normalizeMaxLifetime(maxLifetimeDays);
  const allowed = [...new Set(presets)]
    .filter((days) => Number.isInteger(days) && days >= 1 && (max === undefined || days <= max))
    .sort((a, b) => a - b);
  return allowed.length || max === undefined ? allowed : [max];
}

/** 30 days when allowed, else the allowed preset nearest to it (the shorter one on a tie). */
export function preferredPreset(presets: readonly number[]): number | undefined {
  return nearestPreset(presets, PREFERRED_PRESET_DAYS);
}

/** The moment a token created now for `days` days expires, computed as the server does. */
export function expiryMoment(now: Date, days: number): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** A local calendar date as an `<input type="date">` value (`YYYY-MM-DD`). */
export function toDateInputValue(date: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** An `<input type="date">` value as local midnight, or undefined when empty or not a real date. */
export function parseDateInputValue(value: string): Date | undefined {
  const match = /^(\d{4,})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : undefined;
}

/** The local calendar date `days` days after `now`'s. */
export function addCalendarDays(now: Date, days: number): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
}

/** The first and last dates the custom date picker allows: tomorrow, and today + the maximum lifetime. */
export function customDateBounds(now: Date, maxLifetimeDays: number | undefined): { min: Date; max: Date | undefined } {
  const max = normalizeMaxLifetime(maxLifetimeDays);
  return { min: addCalendarDays(now, 1), max: max === undefined ? undefined : addCalendarDays(now, max) };
}

/** The lifetime a token was given, in whole days (null: it never expires). */
export function lifetimeDays(token: Pick<Token, 'createdAt' | 'expiresAt'>): number | null {
  if (token.expiresAt === null) return null;
  return Math.max(1, Math.round((Date.parse(token.expiresAt) - Date.parse(token.createdAt)) / DAY_MS));
}

/** The allowed preset nearest to `days` (the shorter one on a tie). */
export function nearestPreset(presets: readonly number[], days: number): number | undefined {
  let best: number | undefined;
  for (const preset of presets) {
    if (best === undefined || Math.abs(preset - days) < Math.abs(best - days)) best = preset;
  }
  return best;
}

// ——— Grace periods of a regenerated token ———

export const DEFAULT_GRACE_PERIODS: readonly number[] = [0, 1, 24, 168];
/** The grace period the regenerate form starts from: a day lets a deployment switch over; "immediately" is a choice, never a default. */
const PREFERRED_GRACE_HOURS = 24;

/**
 * The grace periods offered: whole hours from 0 to the server's maximum (at most the contract's),
 * sorted, without duplicates.
 */
export function allowedGracePeriods(hours: readonly number[], maxHours = MAX_GRACE_PERIOD_HOURS): number[] {
  const max = Math.min(maxHours, MAX_GRACE_PERIOD_HOURS);
  const allowed = [...new Set(hours)].filter((h) => Number.isInteger(h) && h >= 0 && h <= max).sort((a, b) => a - b);
  return allowed.length ? allowed : [0];
}

/** 24 hours when offered, else the offered period nearest to it; 0 (immediately) only when nothing else is offered. */
export function preferredGrace(offered: readonly number[]): number {
  return (
    nearestPreset(
      offered.filter((hours) => hours > 0),
      PREFERRED_GRACE_HOURS,
    ) ?? 0
  );
}

/** `grace-periods="0, 1, 24, 168"`: hours separated by commas or spaces (checked by `allowedGracePeriods`); no attribute: unset. */
export function parseGracePeriods(value: string | null): readonly number[] | undefined {
  return value === null
    ? undefined
    : value
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
}

/** When a token regenerated at `now` with `hours` of grace stops working: never later than it would have. */
export function graceEnd(now: Date, hours: number, token: Pick<Token, 'expiresAt'>): Date {
  const end = now.getTime() + hours * 3_600_000;
  return new Date(token.expiresAt === null ? end : Math.min(end, Date.parse(token.expiresAt)));
}
