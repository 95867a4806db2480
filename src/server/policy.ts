/** The rules a token service enforces, with their defaults, checked once when it is created. */
import { MAX_GRACE_PERIOD_HOURS, type ServerPolicy } from '../api/schemas.js';

export interface TokenPolicy {
  /** The longest lifetime a token may be given, in days. Default 366 (as GitHub's fine-grained tokens). */
  maxLifetimeDays?: number;
  /** Whether a token may never expire (`expiresInDays: null`). Default `false`. */
  allowNoExpiration?: boolean;
  /** How many tokens a user may have (a rotation's old token does not count). Default 100. */
  maxTokensPerUser?: number;
  /** The longest grace period a rotation may give the old token, in hours. Default and maximum 168. */
  maxGracePeriodHours?: number;
  /**
   * Lifetimes in days the page's form offers first, sent in the list answer. Suggestions only:
   * never a reason to refuse another lifetime. Default: the page's own.
   */
  presets?: readonly number[];
  /**
   * How many days an expired token stays listed (and counted toward the maximum) before
   * `service.maintain()` deletes it. Default 30; `null` keeps expired tokens until their owner
   * deletes them.
   */
  expiredRetentionDays?: number | null;
  /**
   * How many days a token the system revoked (leaked, by an administrator, the whole account)
   * stays listed, so its owner sees what happened, before `service.maintain()` deletes it.
   * Default 30; `null` keeps them until their owner deletes them. They never count toward the maximum.
   */
  revokedRetentionDays?: number | null;
}

export type ResolvedPolicy = Required<Omit<TokenPolicy, 'presets'>> & Pick<TokenPolicy, 'presets'>;

export const DEFAULT_POLICY: ResolvedPolicy = {
  maxLifetimeDays: 366,
  allowNoExpiration: false,
  maxTokensPerUser: 100,
  maxGracePeriodHours: MAX_GRACE_PERIOD_HOURS,
  expiredRetentionDays: 30,
  revokedRetentionDays: 30,
};

/** A century: beyond it a lifetime is a mistake, and far beyond it dates stop being representable. */
const LONGEST_LIFETIME_DAYS = 36_500;

function wholeNumber(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new TypeError(`policy.${name} must be a whole number from ${min} to ${max}, got ${String(value)}.`);
  }
  return value;
}

export function resolvePolicy(policy: TokenPolicy = {}): ResolvedPolicy {
  const merged = { ...DEFAULT_POLICY, ...definedOnly(policy) };
  return {
    maxLifetimeDays: wholeNumber('maxLifetimeDays', merged.maxLifetimeDays, 1, LONGEST_LIFETIME_DAYS),
    allowNoExpiration: merged.allowNoExpiration === true,
    maxTokensPerUser: wholeNumber('maxTokensPerUser', merged.maxTokensPerUser, 1, 1_000_000),
    maxGracePeriodHours: wholeNumber('maxGracePeriodHours', merged.maxGracePeriodHours, 0, MAX_GRACE_PERIOD_HOURS),
    ...(merged.presets && {
      presets: Object.freeze(merged.presets.map((days) => wholeNumber('presets[]', days, 1, LONGEST_LIFETIME_DAYS))),
    }),
    expiredRetentionDays:
      merged.expiredRetentionDays === null
        ? null
        : wholeNumber('expiredRetentionDays', merged.expiredRetentionDays, 0, LONGEST_LIFETIME_DAYS),
    revokedRetentionDays:
      merged.revokedRetentionDays === null
        ? null
        : wholeNumber('revokedRetentionDays', merged.revokedRetentionDays, 0, LONGEST_LIFETIME_DAYS),
  };
}

function definedOnly(policy: TokenPolicy): TokenPolicy {
  return Object.fromEntries(Object.entries(policy).filter(([, value]) => value !== undefined));
}

/** The policy as the list answer tells the page, so its form offers only what this service accepts. */
export function policyForPage(policy: ResolvedPolicy): ServerPolicy {
  return {
    maxLifetimeDays: policy.maxLifetimeDays,
    allowNoExpiration: policy.allowNoExpiration,
    maxTokensPerUser: policy.maxTokensPerUser,
    maxGracePeriodHours: policy.maxGracePeriodHours,
    ...(policy.presets && { presets: [...policy.presets] }),
  };
}
