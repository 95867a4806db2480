/**
 * What the token service needs from storage. Two implementations ship: `memoryStore()` and
 * `postgresStore(db)`; a host may write its own. Every method is atomic on its own: the service
 * never holds a transaction across calls, so the limits below must hold inside each one.
 *
 * Methods added for later features are optional: a store without them keeps every feature it
 * had, and only the feature that needs the method does without it (see docs/server.md).
 *
 * The secret never reaches a store: only its SHA-256 (`secretHash`, 64 hex digits) goes in, and
 * nothing but the lookup by hash uses it.
 */

/** A token as stored: metadata and owner. */
export interface StoredToken {
  id: string;
  userId: string;
  name: string;
  description: string | null;
  /** The prefix and the first random characters, e.g. `pat_9fA2`. */
  partialKey: string;
  /** `null`: all of the owner's permissions. */
  scopes: string[] | null;
  createdAt: Date;
  /** `null`: never expires. During a rotation's grace period: when the grace ends. */
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  /** Set by a rotation: the id of the token that replaced this one. */
  replacedBy: string | null;
  /**
   * Its most recent distinct callers, newest first (at most `MAX_RECENT_CALLERS`), for a store
   * that keeps them (`findByHash` must return them: the service tells a new caller by them).
   */
  recentCallers?: RecentCaller[];
}

/** A caller a token was used by, and when last. */
export interface RecentCaller {
  ip: string | null;
  userAgent: string | null;
  lastUsedAt: Date;
}

/** What `insert` stores: a token not yet used nor replaced, with the hash of its secret. */
export interface NewToken extends Omit<StoredToken, 'lastUsedAt' | 'replacedBy'> {
  /** SHA-256 of the secret, 64 lowercase hex digits. */
  secretHash: string;
}

/** The new token of a rotation; name, description and scopes are copied from the old one. */
export interface Replacement {
  id: string;
  secretHash: string;
  partialKey: string;
  createdAt: Date;
  expiresAt: Date | null;
}

export interface RotateInput {
  userId: string;
  /** The token to replace. */
  id: string;
  replacement: Replacement;
  /**
   * When the old token stops working: its `expiresAt` becomes the earlier of this and its own.
   * `null`: it is deleted at once.
   */
  graceEndsAt: Date | null;
  /** The current time, to clean up tokens whose grace period is over. */
  now: Date;
}

export type RotateResult =
  | { outcome: 'rotated'; token: StoredToken; previous: StoredToken | null }
  /** No token with this id belongs to this user. */
  | { outcome: 'not-found' }
  /** The token was already replaced by a rotation (possibly a concurrent one that won). */
  | { outcome: 'already-replaced' };

/** Who presented a token, as far as the host can tell (`check`'s `caller`, `requireToken`'s reading of the request). */
export interface TokenCaller {
  /** The client's address (`clientIp` decides how it is read behind proxies). */
  ip?: string;
  userAgent?: string;
}

/**
 * One use of a token, recorded off the request's path. A use may carry more than a store keeps
 * (the caller, today): a store keeps the fields it knows and ignores the others.
 */
export interface TokenUse {
  tokenId: string;
  at: Date;
  /** Who used it, when the host said (`check(secret, { caller })`, `requireToken`). */
  caller?: TokenCaller;
  /** The token's owner and name, for the activity event a new caller makes (stores need not keep them). */
  userId?: string;
  tokenName?: string;
}

/** What `recordUses` may answer: the uses whose caller was not among the token's recent callers. */
export interface RecordedUses {
  newCallers: readonly TokenUse[];
}

/**
 * One event of the activity trail, as stored: never a secret, only ids, names, addresses and
 * times (docs/activity.md). `type` and `actor` are open strings, so a later feature adds kinds
 * without a schema change.
 */
export interface StoredActivity {
  id: string;
  /** The token's owner: whose trail it is. */
  userId: string;
  type: string;
  at: Date;
  tokenId: string;
  tokenName: string | null;
  relatedTokenId: string | null;
  actor: string | null;
  /** The user who acted, when a user did. */
  actorId: string | null;
  ip: string | null;
  userAgent: string | null;
  reason: string | null;
  url: string | null;
  expiresAt: Date | null;
}

/** Which page of a trail `listActivity` reads. */
export interface ActivityQuery {
  userId: string;
  /** One token's trail (its own events and those naming it as `relatedTokenId`), or `null`: all of the user's. */
  tokenId: string | null;
  /** Events strictly older than this one in (at, id) order; `null`: from the newest. */
  before: { at: Date; id: string } | null;
  limit: number;
}

/** What a store keeps of the trail: per user at most `maxPerUser` events of each group (uses by new callers; everything else). */
export interface ActivityLimits {
  maxPerUser: number;
}

export interface TokenStore {
  /**
   * Brings the storage to the schema this version needs (tables, indexes), in order, each change
   * once; safe to call on every start, from several processes at once.
   */
  migrate(): Promise<void>;
  /**
   * The user's tokens, newest first. Tokens whose rotation grace period ended before `now` are
   * left out: they can never be used again, and their successor is in the list.
   */
  list(userId: string, now: Date): Promise<StoredToken[]>;
  /**
   * Stores a new token unless the user already has `maxTokens` tokens that no rotation replaced;
   * then returns `null`. The check and the insert are one atomic step, so parallel creates never
   * exceed the maximum.
   */
  insert(token: NewToken, maxTokens: number): Promise<StoredToken | null>;
  /**
   * Replaces the user's token `id` with `replacement`, atomically: of two parallel rotations of
   * one token exactly one succeeds, and a token already replaced cannot be rotated again.
   *
   * In the same step it deletes the token that `id` itself replaced (its predecessor, still in
   * its grace period): a token has at most one predecessor in its grace period, so a user holds
   * at most twice the maximum of working secrets, however often they rotate.
   */
  rotate(input: RotateInput): Promise<RotateResult>;
  /**
   * Deletes the user's token, and in the same step its predecessor in a grace period (the old
   * secret was kept working only to lead to this token); `false` when the user has no token with
   * this id.
   */
  delete(userId: string, id: string): Promise<boolean>;
  /** The token whose secret has this SHA-256 (hex), whoever owns it. */
  findByHash(secretHash: string): Promise<StoredToken | null>;
  /**
   * Records a batch of uses, which the service collects off the request's path: each token's
   * `lastUsedAt` becomes its use's `at`, unless it is already later. Optional: a store with
   * neither this nor `markUsed` keeps no `lastUsedAt`.
   *
   * A store that keeps recent callers also merges each use's `caller` into the token's
   * `recentCallers` (distinct by address and user agent, newest first, at most
   * `MAX_RECENT_CALLERS`), and answers the uses whose caller was not among them, in the same step.
   */
  recordUses?(uses: readonly TokenUse[]): Promise<void | RecordedUses>;
  /** One use at a time, for a store without `recordUses`: sets `lastUsedAt` to `at`, unless it is already later than `unlessAfter`. */
  markUsed?(id: string, at: Date, unlessAfter: Date): Promise<void>;

  // Maintenance, for `service.maintain()`. Each is atomic and idempotent on its own: runs from
  // several processes at once do each thing once. Without one, its step is skipped and says so.

  /**
   * Deletes the tokens no rotation replaced that expired at or before `expiredBefore`, with their
   * predecessors still in a grace period, and gives each owner's slots back in the same step.
   * Returns how many tokens it deleted (predecessors included).
   */
  purgeExpired?(expiredBefore: Date): Promise<number>;
  /**
   * Deletes the replaced tokens whose grace period ended at or before `now`, and those whose
   * successor no longer works as one (itself replaced, or deleted): data from before the "one
   * predecessor" rule, or deleted by hand. Returns how many it deleted.
   */
  purgePastGrace?(now: Date): Promise<number>;
  /**
   * Stores that keep a per-user count of live tokens (for the maximum): sets each count that
   * disagrees with the tokens stored (rows deleted by hand, say) to what they are, without ever
   * letting a parallel create through the maximum. Returns how many users' counts it corrected.
   */
  recountLiveTokens?(): Promise<number>;

  // Activity and expiry reminders (docs/activity.md). Optional: without them, the feature that
  // needs one does without it and says so.

  /**
   * Stores events, then keeps per user at most `limits.maxPerUser` of each group (uses by new
   * callers; everything else), dropping the oldest, in the same step: a flood of uses cannot
   * push out what was done to the tokens.
   */
  recordActivity?(events: readonly StoredActivity[], limits: ActivityLimits): Promise<void>;
  /** A page of the user's trail, newest first (by `at`, then `id`). */
  listActivity?(query: ActivityQuery): Promise<StoredActivity[]>;
  /**
   * The user's token with this id, listed or not, with its `recentCallers` (for a store that keeps
   * them); `null` when the user has none. Read for a token's activity page and a delete's event.
   */
  findToken?(userId: string, id: string): Promise<StoredToken | null>;
  /** Deletes events older than `olderThan` (the per-user cap is kept by `recordActivity`). Returns how many it deleted. */
  pruneActivity?(olderThan: Date): Promise<number>;
  /**
   * Claims up to `limit` tokens no rotation replaced that expired at or before `now` and were not
   * claimed so, marking them in the same step: each expiry is claimed once, whoever asks.
   */
  claimExpired?(now: Date, limit: number): Promise<StoredToken[]>;
  /**
   * Claims up to `limit` tokens no rotation replaced, not yet reminded, that expire after `now`
   * and at or before `until`, and whose lifetime is longer than `until - now` (a token made to
   * live less than the window is not reminded); marks each reminded at `now` in the same step.
   */
  claimExpiryReminders?(now: Date, until: Date, limit: number): Promise<StoredToken[]>;
  /** Undoes a claim made at `claimedAt` (the notifier failed), so a later run tries again. */
  releaseExpiryReminder?(tokenId: string, claimedAt: Date): Promise<void>;
}
