/**
 * The wire format of the default REST contract, defined once: the elements parse responses with
 * these schemas, the reference server (`pat-elements/server`) parses requests with them, and the
 * contract checker validates a host's backend with them. Unknown extra fields are dropped (forward
 * compatible); a missing or mistyped required field is a contract error. `zod/mini` keeps the
 * bundle small and never compiles validators with `new Function`, so it runs under a strict CSP.
 */
import * as z from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';

/** The contract's limits, shared by the dialog's checks and the server's. */
export const NAME_MAX_LENGTH = 100;
export const DESCRIPTION_MAX_LENGTH = 500;
/** The longest grace period a rotation may give the old token: one week. */
export const MAX_GRACE_PERIOD_HOURS = 168;

/**
 * `z.iso.datetime({ offset: true })`, built from its parts: reaching it through the `z.iso`
 * namespace makes bundlers keep the whole namespace (date, time and duration too, 0.3 KB gzipped).
 */
const isoDateTime = _isoDateTime(z.ZodMiniISODateTime, { offset: true });

export const TokenSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string(),
  description: z.optional(z.nullable(z.string())),
  partialKey: z.string(),
  createdAt: isoDateTime,
  expiresAt: z.nullable(isoDateTime),
  lastUsedAt: z.optional(z.nullable(isoDateTime)),
  /** Absent or null: the token has all of its owner's permissions. */
  scopes: z.optional(z.nullable(z.array(z.string()))),
  /** The id of the token a rotation put in this one's place (set during its grace period). */
  replacedBy: z.optional(z.nullable(z.string())),
  /** Set when the system revoked the token (the user's own Delete removes it instead): it stays listed, and never works again. */
  revocation: z.optional(
    z.nullable(z.object({ at: isoDateTime, reason: z.enum(['leaked', 'admin', 'account']), url: z.optional(z.string()) })),
  ),
});

/**
 * Text a person reads, given by the server or the host: one string, or one per language tag
 * (`{ "en": "Read issues", "de": "Issues lesen" }`), shown in the page's language, else its base
 * language, else English, else the first.
 */
export const TextSchema = z.union([z.string(), z.catchall(z.object({}), z.string())]);

/**
 * One permission of a scope catalogue, which a token can be limited to: the server's (in the list
 * answer) or the host's (the elements' `scopes` property). Entries with `default: true` are what a
 * create without `scopes` gets, and what the form checks first.
 */
export const ScopeSchema = z.object({
  id: z.string().check(z.minLength(1)),
  label: TextSchema,
  description: z.optional(TextSchema),
  group: z.optional(TextSchema),
  default: z.optional(z.boolean()),
});

/**
 * What the server enforces, told to the page so the form offers only what it accepts. Every member
 * is optional: a server states what it knows. `presets` are suggestions, never a reason to refuse.
 */
export const ServerPolicySchema = z.object({
  /** The longest lifetime a token may get; `null`: no maximum. */
  maxLifetimeDays: z.optional(z.nullable(z.int().check(z.positive()))),
  allowNoExpiration: z.optional(z.boolean()),
  /** How many tokens a user may have; a replaced token in its grace period does not count, nor a revoked one. */
  maxTokensPerUser: z.optional(z.int().check(z.positive())),
  maxGracePeriodHours: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_GRACE_PERIOD_HOURS))),
  presets: z.optional(z.array(z.int().check(z.positive()))),
});

/** The list answer: the tokens, and (optionally) what the page needs to offer only what the server accepts. */
export const ListTokensResponseSchema = z.object({
  tokens: z.array(TokenSchema),
  scopes: z.optional(z.array(ScopeSchema)),
  policy: z.optional(ServerPolicySchema),
});

/** `null`: never expires (only where the host allows it). */
const expiresInDays = z.nullable(z.int().check(z.positive()));

export const CreateTokenRequestSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(NAME_MAX_LENGTH)),
  description: z.optional(z.string().check(z.maxLength(DESCRIPTION_MAX_LENGTH))),
  expiresInDays,
  /** Ids from the scope catalogue; absent: the catalogue's defaults (all of the owner's permissions without a catalogue). */
  scopes: z.optional(z.array(z.string().check(z.minLength(1))).check(z.minLength(1))),
});

export const CreateTokenResponseSchema = z.object({
  token: TokenSchema,
  secret: z.string().check(z.minLength(1)),
});

export const RotateTokenRequestSchema = z.object({
  expiresInDays,
  /** How long the old token keeps working; 0 (the default) revokes it at once. */
  gracePeriodHours: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_GRACE_PERIOD_HOURS))),
});

export const RotateTokenResponseSchema = z.object({
  token: TokenSchema,
  secret: z.string().check(z.minLength(1)),
  /** The old token during its grace period; null when it was revoked at once. */
  previous: z.nullable(TokenSchema),
});

/** One of the most recent distinct callers of a token (by address and user agent), as the server last saw it. */
export const RecentCallerSchema = z.object({
  ip: z.nullable(z.string()),
  userAgent: z.nullable(z.string()),
  lastUsedAt: isoDateTime,
});

/**
 * One entry of a token's activity trail (docs/activity.md). `type` is a string, not a closed list:
 * a newer server may record kinds this client does not know, which it shows as they are.
 */
export const ActivityEventSchema = z.object({
  id: z.string().check(z.minLength(1)),
  /** `created`, `regenerated`, `new-caller`, `revoked`, `deleted`, `expired`, `expiry-reminder`, or a newer kind. */
  type: z.string().check(z.minLength(1)),
  at: isoDateTime,
  tokenId: z.string().check(z.minLength(1)),
  /** The token's name when it happened (the token may be gone since). */
  tokenName: z.optional(z.nullable(z.string())),
  /** `regenerated`: the token that replaced `tokenId`. */
  relatedTokenId: z.optional(z.nullable(z.string())),
  /** Who did it: `user` (on the token page), `token` (by being used), `system` (the server), or a newer kind. */
  actor: z.optional(z.nullable(z.string())),
  /** The request's address and user agent: the user's for what they did, the caller's for a use. */
  ip: z.optional(z.nullable(z.string())),
  userAgent: z.optional(z.nullable(z.string())),
  /** `revoked`: why (`leaked`, `admin`, `account`), and for `leaked` where it was found. */
  reason: z.optional(z.nullable(z.string())),
  url: z.optional(z.nullable(z.string())),
  /** `expiry-reminder`, `expired`, `created`: the token's expiry; `regenerated`: when the old token stops working. */
  expiresAt: z.optional(z.nullable(isoDateTime)),
});

/** A page of activity, newest first; `next` is the opaque cursor of the next page, `null` at the end. */
export const ActivityPageSchema = z.object({
  events: z.array(ActivityEventSchema),
  next: z.nullable(z.string().check(z.minLength(1))),
  /** One token's page only: its most recent distinct callers, newest first. */
  callers: z.optional(z.nullable(z.array(RecentCallerSchema))),
});

/** RFC 9457 problem details; every member is optional on the wire. */
export const ProblemSchema = z.object({
  type: z.optional(z.string()),
  title: z.optional(z.string()),
  status: z.optional(z.number()),
  detail: z.optional(z.string()),
  /**
   * Field name → message(s). An object whose every member is checked, which is what
   * `z.record(z.string(), …)` checks here (JSON keys are strings) without bundling zod's record
   * type (0.7 KB gzipped).
   */
  errors: z.optional(z.catchall(z.object({}), z.union([z.string(), z.array(z.string())]))),
});

/** A token's metadata as the server describes it. It never contains the secret. */
export type Token = z.infer<typeof TokenSchema>;
export type Text = z.infer<typeof TextSchema>;
export type Scope = z.infer<typeof ScopeSchema>;
export type ServerPolicy = z.infer<typeof ServerPolicySchema>;
export type ListTokensResponse = z.infer<typeof ListTokensResponseSchema>;
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;
export type CreateTokenResponse = z.infer<typeof CreateTokenResponseSchema>;
export type RotateTokenRequest = z.infer<typeof RotateTokenRequestSchema>;
export type RotateTokenResponse = z.infer<typeof RotateTokenResponseSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type RecentCaller = z.infer<typeof RecentCallerSchema>;
export type ActivityEvent = z.infer<typeof ActivityEventSchema>;
export type ActivityPage = z.infer<typeof ActivityPageSchema>;
