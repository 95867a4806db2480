/**
 * The token service: create, list, rotate and revoke a user's tokens, and `verify` a secret for
 * the host's own API. It is the specification of the server side in code; `createFetchHandler`
 * only translates HTTP to these calls.
 */
import {
  ScopeSchema,
  type ActivityPage,
  type CreateTokenRequest,
  type CreateTokenResponse,
  type ListTokensResponse,
  type RotateTokenRequest,
  type RotateTokenResponse,
  type Scope,
  type Text,
  type Token,
} from '../api/schemas.js';
import * as z from 'zod/mini';
import {
  activityEvent,
  createActivityLog,
  keptCaller,
  resolveActivityOptions,
  sameCaller,
  type ActivityActor,
  type ActivityHook,
  type ActivityOptions,
} from './activity.js';
import { resolveReminders, type ExpiryReminderOptions } from './activity-maintenance.js';
import { TokenServiceError } from './errors.js';
import { consoleHook, oncePerCause, type ErrorHook } from './error-reports.js';
import { hashSecret } from './hash.js';
import { runMaintenance, type MaintenanceReport } from './maintenance.js';
import { policyForPage, resolvePolicy, type ResolvedPolicy, type TokenPolicy } from './policy.js';
import { validateCreateRequest, validateRotateRequest, type CatalogueIds } from './request-validation.js';
import { createTokenGuard, type RequireTokenOptions, type TokenGuard } from './require-token.js';
import { createRevocations, type LeakReport, type LeakResult, type RevocationHook } from './revocation.js';
import type { StoredToken, TokenCaller, TokenStore, TokenUse } from './store.js';
import { assertValidPrefix, generateSecret, isTokenId, isWellFormedSecret, newTokenId, partialKeyOf } from './token-format.js';
import { createUsageRecorder, type UsageOptions } from './usage-recorder.js';

export interface TokenServiceOptions {
  store: TokenStore;
  /** Starts every secret (`{prefix}_…`), so secret scanners can recognise your tokens, e.g. `"pat"`. */
  prefix: string;
  /**
   * The permissions a token can be limited to, sent to the page in the list answer (labels,
   * descriptions and groups may be given per language). A create without `scopes` gets the entries
   * marked `default` (refused when none is). Without a catalogue, a token has all of its owner's.
   */
  scopes?: readonly Scope[];
  policy?: TokenPolicy;
  /** The current time; for tests. */
  clock?: () => Date;
  /**
   * How uses (`lastUsedAt`) are recorded: off the request's path, in batches. `false`: not
   * recorded (the list then shows no last use).
   */
  usage?: UsageOptions | false;
  /**
   * Hears what fails off the request's path (a batch of uses not recorded, activity not stored, a
   * reminder that failed), once per distinct cause. Default: `console.error`.
   */
  onError?: ErrorHook;
  /**
   * Hears every revocation the system makes, one event per token, after it is stored: a leaked
   * secret (`revokeLeaked`, the secret-scanning receiver) and `revokeAll`. Awaited; what it
   * throws goes to `onError`, and the revocation stands. Not the user's own Delete.
   */
  onRevocation?: RevocationHook;
  /** How much of the activity trail the store keeps: `{ retentionDays: 90, maxEventsPerUser: 1000 }` by default. */
  activity?: ActivityOptions;
  /**
   * Hears every activity event (created, regenerated, used by a new caller, revoked, deleted,
   * expired, reminded), for the host's own audit log or SIEM: before the store keeps it, and
   * whatever the store keeps. Not awaited; what it throws goes to `onError`.
   */
  onActivity?: ActivityHook;
  /**
   * `maintain()` hands each token expiring within `withinDays` (default 7) to `notify`, once
   * (docs/activity.md). Without it, no reminders are sent.
   */
  expiryReminders?: ExpiryReminderOptions;
}

/** Who asked for a change: the request's address and user agent, for the activity trail (the handler passes them). */
export interface ActionOptions {
  caller?: TokenCaller;
}

/** Who a verified secret acts for, and with which permissions. */
export interface VerifiedToken {
  userId: string;
  tokenId: string;
  /** `null`: all of the owner's permissions. */
  scopes: string[] | null;
}

/**
 * Why `check` refused a secret:
 * - `malformed`: not a secret of this service (wrong prefix, length, characters or checksum);
 *   decided without a store call;
 * - `unknown`: well formed, but no stored token has it (never made, or deleted);
 * - `expired`: past its expiry, or past its grace period after a rotation;
 * - `revoked`: revoked by the system (leaked, by an administrator, the whole account), and still
 *   stored for its retention period (after it, `unknown`);
 * - `insufficient-scope`: a valid token without every scope asked for.
 */
export type RefusalReason = 'malformed' | 'unknown' | 'expired' | 'revoked' | 'insufficient-scope';

export interface CheckOptions {
  /**
   * Scope ids the token must have, all of them; a token without scopes has all of its owner's
   * permissions. With a scope catalogue, an id not in it is a `TypeError` (a typo in the host's code).
   */
  scopes?: readonly string[];
  /** Who presented the secret: passed on, with the use, to the store (off the request's path). */
  caller?: TokenCaller;
}

/**
 * What `check` says of a secret. `insufficient-scope` also names the token (it is valid, only not
 * for this), so the host can log which one; the caller must still be refused.
 */
export type CheckResult =
  | { ok: true; token: VerifiedToken }
  | { ok: false; reason: Exclude<RefusalReason, 'insufficient-scope'> }
  | { ok: false; reason: 'insufficient-scope'; token: VerifiedToken };

export interface TokenService {
  readonly prefix: string;
  readonly policy: Readonly<ResolvedPolicy>;
  /** The user's tokens, newest first; never a secret. */
  list(userId: string): Promise<Token[]>;
  /**
   * The list answer of the REST contract: the user's tokens, and what the page needs to offer only
   * what this service accepts: the scope catalogue (if any) and the policy.
   */
  listAnswer(userId: string): Promise<ListTokensResponse>;
  /** Validates the request (throws a `TokenServiceError`), stores the token and returns its secret, once. */
  create(userId: string, request: CreateTokenRequest, options?: ActionOptions): Promise<CreateTokenResponse>;
  /**
   * A new token in place of `id`, with the old one working for the grace period. The grace
   * period of the token `id` itself replaced (if still running) ends at once: a token has at
   * most one predecessor in its grace period.
   */
  rotate(userId: string, id: string, request: RotateTokenRequest, options?: ActionOptions): Promise<RotateTokenResponse>;
  /**
   * Deletes the token (and its predecessor, if still in a grace period); a `not-found` error when
   * the user has no token with this id. The user's Delete: a revoked token is deleted this way too.
   */
  revoke(userId: string, id: string, options?: ActionOptions): Promise<void>;
  /**
   * A page of the user's activity trail, newest first: one token's (`tokenId`), with its recent
   * callers on the first page, or all of the user's (`null`). `cursor`: the `next` of the page
   * before. Another user's token, or an id never made, has no events. A `not-found` error when the
   * store keeps no trail.
   */
  activity(userId: string, tokenId: string | null, cursor?: string | null): Promise<ActivityPage>;
  /**
   * Revokes the secrets a scanner reported (GitHub's receiver calls it; call it for GitLab's token
   * revocation API or a scanner of your own): each one of ours is revoked at once with reason
   * `leaked` and its `url`, and `onRevocation` hears it; a secret revoked before is left as it
   * was. Looks up by hash only, and records no use. One result per report, in order.
   */
  revokeLeaked(leaks: readonly LeakReport[]): Promise<LeakResult[]>;
  /**
   * Revokes every working token of the user at once (not expired; in a grace period included),
   * with reason `account` (a compromise, a password reset) or `admin`, and returns how many;
   * `onRevocation` hears each. One atomic store step: every token whose create was stored before
   * it began is revoked; one stored while it runs is not (end the user's sessions first).
   */
  revokeAll(userId: string, reason: 'account' | 'admin'): Promise<number>;
  /**
   * Whether `secret` is a working token with the `scopes` asked for: `{ ok: true, token }`, or
   * `{ ok: false, reason }` saying why not (for the host's logs; what a caller is told is
   * `requireToken`'s business). A malformed secret or a wrong checksum is refused without
   * touching the store. When the store cannot answer, it throws a `TokenServiceError` with code
   * `unavailable`: an outage is never a bad token. A valid token's use (with `caller`) is
   * recorded after it returns, off the request's path, also when it lacks a scope.
   */
  check(secret: string, options?: CheckOptions): Promise<CheckResult>;
  /** `check`'s shortcut: who `secret` belongs to, or `null` for any refusal. Throws `unavailable` as `check` does. */
  verify(secret: string, options?: CheckOptions): Promise<VerifiedToken | null>;
  /**
   * A guard for the host's own API: reads `Authorization: Bearer …`, checks it with `scopes`,
   * and answers 400/401/403 (RFC 6750) or 503 itself. For Fetch handlers (`authorize`,
   * `handler`) and Node/Express (`middleware`, then `tokenOf(req)`). See docs/server.md.
   */
  requireToken(options?: RequireTokenOptions): TokenGuard;
  /** Writes the uses noted so far (`lastUsedAt`), e.g. before the process exits; never rejects. */
  flushUsage(): Promise<void>;
  /**
   * The clean-up a scheduler runs (daily, say): records expiries, deletes tokens expired for
   * `policy.expiredRetentionDays`, tokens revoked for `policy.revokedRetentionDays` and replaced
   * tokens past their grace period, sends expiry reminders, prunes the activity trail, and corrects
   * the per-user counts of live tokens. Idempotent, and safe from several processes at once;
   * returns what each step did.
   */
  maintain(): Promise<MaintenanceReport>;
}

/** The token a secret names, or why it names none. */
type Identified = { ok: true; token: StoredToken } | { ok: false; reason: Exclude<RefusalReason, 'insufficient-scope'> };

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** `lastUsedAt` is written at most this often per token: a busy token must not write on every request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

function toWire(token: StoredToken): Token {
  return {
    id: token.id,
    name: token.name,
    description: token.description,
    partialKey: token.partialKey,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    scopes: token.scopes,
    replacedBy: token.replacedBy,
    revocation: token.revocation
      ? {
          at: token.revocation.at.toISOString(),
          reason: token.revocation.reason,
          ...(token.revocation.url === null ? {} : { url: token.revocation.url }),
        }
      : null,
  };
}

/** PostgreSQL refuses a NUL and replaces a lone surrogate; the memory store keeps both: no such user id. */
const UNSTORABLE_ID = /[\p{Cc}\p{Cs}]/u;

function assertUserId(userId: string): void {
  if (typeof userId !== 'string' || userId === '' || UNSTORABLE_ID.test(userId)) {
    throw new TypeError('userId must be a non-empty string without control characters or lone surrogates.');
  }
}

const notFound = () => new TokenServiceError('not-found', 'No token with this id.');

const verified = (token: StoredToken): VerifiedToken => ({ userId: token.userId, tokenId: token.id, scopes: token.scopes });

/** Text that shows something, in at least one language. */
const hasText = (text: Text) => (typeof text === 'string' ? [text] : Object.values(text)).some((value) => value.trim() !== '');

/** The catalogue, checked once: what the page is sent (a copy), and what the checks need. */
function scopeCatalogue(scopes: readonly Scope[] | undefined): { page: Scope[]; ids: CatalogueIds } | null {
  if (scopes === undefined) return null;
  const result = z.safeParse(z.array(ScopeSchema), scopes);
  if (!result.success || !result.data.every((scope) => hasText(scope.label))) {
    throw new TypeError('scopes must be a list of { id, label, description?, group?, default? }, each label with text.');
  }
  const ids = new Set(result.data.map((scope) => scope.id));
  if (ids.size !== scopes.length) throw new TypeError('scopes must not repeat an id.');
  const defaults = result.data.filter((scope) => scope.default === true).map((scope) => scope.id);
  return { page: result.data, ids: { ids, defaults } };
}

export function createTokenService(options: TokenServiceOptions): TokenService {
  const { store, prefix } = options;
  assertValidPrefix(prefix);
  const policy = Object.freeze(resolvePolicy(options.policy));
  const catalogue = scopeCatalogue(options.scopes);
  /** Beside the tokens in every list answer: the same for every user. */
  const forPage = JSON.parse(JSON.stringify({ ...(catalogue && { scopes: catalogue.page }), policy: policyForPage(policy) })) as Omit<
    ListTokensResponse,
    'tokens'
  >;
  const clock = options.clock ?? (() => new Date());
  const expiry = (from: Date, days: number | null) => (days === null ? null : new Date(from.getTime() + days * DAY_MS));
  const report = oncePerCause(options.onError ?? consoleHook('a background task of the token service failed'));
  // Every event goes through `activity.record` (the hook, then the store); the system's revocations
  // (revocation.ts) record a `revoked` event for each token they revoke.
  const activity = createActivityLog({ store, options: resolveActivityOptions(options.activity), hook: options.onActivity, report });
  const reminders = resolveReminders(options.expiryReminders);
  /** A use whose caller the token had not seen: its activity event (off the request's path, with the write). */
  const newCallers = (uses: readonly TokenUse[]) =>
    activity.record(
      uses.flatMap(({ tokenId, userId: owner, tokenName, at, caller }) =>
        owner === undefined
          ? []
          : [
              activityEvent({
                type: 'new-caller',
                at,
                token: { id: tokenId, userId: owner, name: tokenName ?? null },
                actor: { kind: 'token', caller },
              }),
            ],
      ),
    );
  const usage = options.usage === false ? undefined : createUsageRecorder(store, options.usage ?? {}, report, newCallers);
  /** The signed-in user acting on the token page, from the request's address. */
  const userActor = (userId: string, action: ActionOptions | undefined): ActivityActor => ({
    kind: 'user',
    userId,
    caller: keptCaller(action?.caller, prefix),
  });

  /** The token `secret` names, valid at `now`, or why not; records nothing. */
  async function identify(secret: string, now: Date): Promise<Identified> {
    if (!isWellFormedSecret(secret, prefix)) return { ok: false, reason: 'malformed' };
    const token = await store.findByHash(await hashSecret(secret));
    if (!token) return { ok: false, reason: 'unknown' };
    if (token.revocation) return { ok: false, reason: 'revoked' };
    if (token.expiresAt !== null && token.expiresAt <= now) return { ok: false, reason: 'expired' };
    return { ok: true, token };
  }

  /**
   * Notes a use of `token` at `now`, unless one was recorded within the resolution: for the token,
   * or, when the store keeps recent callers, for this caller (a new caller is noted at once).
   */
  function noteUse(token: StoredToken, now: Date, caller: TokenCaller | undefined): void {
    if (!usage) return;
    const notBefore = now.getTime() - LAST_USED_RESOLUTION_MS;
    const who = keptCaller(caller, prefix);
    const recent = (at: Date | null | undefined) => !!at && at.getTime() > notBefore;
    const seen =
      who && token.recentCallers
        ? recent(token.recentCallers.find((known) => sameCaller(known, who))?.lastUsedAt)
        : recent(token.lastUsedAt);
    if (seen) return;
    const use: TokenUse = { tokenId: token.id, at: now, userId: token.userId, tokenName: token.name };
    usage.record(who ? { ...use, caller: who } : use);
  }

  /** The scopes a check asks for, checked against the catalogue once per call (a typo is the host's bug). */
  function requiredScopes(scopes: readonly string[] | undefined): readonly string[] {
    if (scopes === undefined) return [];
    if (!Array.isArray(scopes) || scopes.some((scope) => typeof scope !== 'string' || scope === '')) {
      throw new TypeError('scopes must be a list of scope ids.');
    }
    const unknown = catalogue ? scopes.find((scope) => !catalogue.ids.ids.has(scope)) : undefined;
    if (unknown !== undefined) {
      throw new TypeError(`The scope "${unknown}" is not in the service's scope catalogue: no token can have it.`);
    }
    return scopes;
  }

  async function list(userId: string): Promise<Token[]> {
    assertUserId(userId);
    return (await store.list(userId, clock())).map(toWire);
  }

  async function newSecret() {
    const secret = generateSecret(prefix);
    return { secret, secretHash: await hashSecret(secret), partialKey: partialKeyOf(secret, prefix) };
  }

  const revocations = createRevocations({
    store,
    prefix,
    clock,
    toWire,
    assertUserId,
    hook: options.onRevocation,
    onError: options.onError ?? consoleHook('onRevocation failed'),
    activity,
  });

  const service: TokenService = {
    prefix,
    policy,
    ...revocations,

    list,

    async listAnswer(userId) {
      return { tokens: await list(userId), ...structuredClone(forPage) };
    },

    async create(userId, request, action) {
      assertUserId(userId);
      const valid = validateCreateRequest(request, policy, catalogue?.ids ?? null);
      const { secret, secretHash, partialKey } = await newSecret();
      const now = clock();
      const stored = await store.insert(
        {
          id: newTokenId(),
          userId,
          secretHash,
          partialKey,
          name: valid.name,
          description: valid.description,
          scopes: valid.scopes,
          createdAt: now,
          expiresAt: expiry(now, valid.expiresInDays),
        },
        policy.maxTokensPerUser,
      );
      if (!stored) {
        throw new TokenServiceError(
          'token-limit',
          `You have ${policy.maxTokensPerUser} tokens, the most allowed. Delete one you no longer use, then try again.`,
        );
      }
      // Recorded before the answer, so the trail shows it; a failure is reported, never the create's.
      await activity.record([
        activityEvent({ type: 'created', at: now, token: stored, actor: userActor(userId, action), expiresAt: stored.expiresAt }),
      ]);
      return { token: toWire(stored), secret };
    },

    async rotate(userId, id, request, action) {
      assertUserId(userId);
      const valid = validateRotateRequest(request, policy);
      // An id we never made names no token: answered without a query.
      if (!isTokenId(id)) throw notFound();
      const { secret, secretHash, partialKey } = await newSecret();
      const now = clock();
      const result = await store.rotate({
        userId,
        id,
        replacement: { id: newTokenId(), secretHash, partialKey, createdAt: now, expiresAt: expiry(now, valid.expiresInDays) },
        graceEndsAt: valid.gracePeriodHours > 0 ? new Date(now.getTime() + valid.gracePeriodHours * HOUR_MS) : null,
        now,
      });
      if (result.outcome === 'not-found') throw notFound();
      if (result.outcome === 'already-replaced') {
        throw new TokenServiceError('already-replaced', 'This token was already regenerated: use its replacement.');
      }
      if (result.outcome === 'revoked') {
        throw new TokenServiceError('revoked', 'This token was revoked and cannot be regenerated: delete it, and create a new one.');
      }
      const old = result.previous ?? { id, userId, name: result.token.name };
      await activity.record([
        activityEvent({
          type: 'regenerated',
          at: now,
          token: old,
          relatedTokenId: result.token.id,
          actor: userActor(userId, action),
          expiresAt: result.previous?.expiresAt ?? now,
        }),
      ]);
      return { token: toWire(result.token), secret, previous: result.previous && toWire(result.previous) };
    },

    async revoke(userId, id, action) {
      assertUserId(userId);
      if (!isTokenId(id)) throw notFound();
      // Its name, for the trail: once deleted, the row is gone.
      const token = (activity.enabled && (await store.findToken?.(userId, id))) || { id, userId, name: null };
      if (!(await store.delete(userId, id))) throw notFound();
      await activity.record([activityEvent({ type: 'deleted', at: clock(), token, actor: userActor(userId, action) })]);
    },

    async activity(userId, tokenId, cursor) {
      assertUserId(userId);
      // An id we never made has no trail, as another user's token has none for this user: the same answer, without a query.
      if (tokenId !== null && !isTokenId(tokenId) && activity.readable) return { events: [], next: null };
      return activity.page(userId, tokenId, cursor);
    },

    async check(secret, options = {}) {
      const required = requiredScopes(options.scopes);
      const now = clock();
      const found = await identify(secret, now);
      if (!found.ok) return found;
      noteUse(found.token, now, options.caller);
      const token = verified(found.token);
      const granted = token.scopes;
      if (granted !== null && !required.every((scope) => granted.includes(scope)))
        return { ok: false, reason: 'insufficient-scope', token };
      return { ok: true, token };
    },

    async verify(secret, options) {
      const result = await service.check(secret, options);
      return result.ok ? result.token : null;
    },

    requireToken(options) {
      // Scopes are checked now, at start-up, not on the first request.
      requiredScopes(options?.scopes);
      return createTokenGuard(service, options);
    },

    async flushUsage() {
      await usage?.flush();
    },

    maintain() {
      return runMaintenance({ store, policy, now: clock(), activity: { log: activity, reminders, toWire, report } });
    },
  };
  return service;
}
