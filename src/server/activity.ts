/**
 * What happened to a token: the activity trail, recorded by the service and read through the
 * activity routes (docs/activity.md). Each event goes to the host's `onActivity` hook first (its
 * own audit log or SIEM hears every one, whatever the store keeps), then to the store, which keeps
 * a bounded trail per user. Events hold ids, names, addresses and times: never a secret, and a
 * caller's user agent that carries something shaped like one of our secrets has it blanked.
 */
import type { ActivityEvent, ActivityPage } from '../api/schemas.js';
import { TokenServiceError } from './errors.js';
import type { ActivityLimits, RecentCaller, StoredActivity, TokenCaller, TokenStore, TokenUse } from './store.js';
import { randomBase62, toBase62 } from './token-format.js';

/** Distinct callers (by address and user agent) kept per token. */
export const MAX_RECENT_CALLERS = 5;
/** Events per page of the activity routes. */
export const ACTIVITY_PAGE_SIZE = 25;

/** How much of the trail the store keeps. */
export interface ActivityOptions {
  /** Events older than this go at `maintain()`'s `activity` step. Default 90. */
  retentionDays?: number;
  /**
   * Per user, at most this many events of what was done to the tokens, and as many of their uses
   * by new callers (so a flood of those never pushes out the rest). Default 1000.
   */
  maxEventsPerUser?: number;
}

export interface ResolvedActivityOptions {
  retentionDays: number;
  maxEventsPerUser: number;
}

export const DEFAULT_ACTIVITY: Readonly<ResolvedActivityOptions> = Object.freeze({ retentionDays: 90, maxEventsPerUser: 1000 });

/** What the host's `onActivity` hook hears: the event as the routes serve it, with whose trail it is. */
export interface TokenActivity extends ActivityEvent {
  /** The token's owner. */
  userId: string;
  /** The user who acted, when a user did (the owner on their token page). */
  actorId: string | null;
}

export type ActivityHook = (event: TokenActivity) => void | Promise<void>;

/** The kinds of event the service records; `revoked` is for revocations that keep the token listed. */
export type ActivityType = 'created' | 'regenerated' | 'new-caller' | 'revoked' | 'deleted' | 'expired' | 'expiry-reminder';

/** Who did it, as the service knows: a user on the token page (with the request's address), a token by being used, or the server. */
export type ActivityActor =
  | { kind: 'user'; userId: string; caller?: TokenCaller | undefined }
  | { kind: 'token'; caller?: TokenCaller | undefined }
  | { kind: 'system' };

export function resolveActivityOptions(options: ActivityOptions | undefined): ResolvedActivityOptions {
  const resolved = { ...DEFAULT_ACTIVITY, ...options };
  for (const name of ['retentionDays', 'maxEventsPerUser'] as const) {
    const value = resolved[name];
    if (!Number.isInteger(value) || value < 1) throw new TypeError(`activity.${name} must be a whole number, 1 or more.`);
  }
  return resolved;
}

/** Caller fields are the client's to choose: bounded, so a flood of odd ones cannot grow what is kept. */
const MAX_CALLER_FIELD = 256;

/**
 * The caller as it may be kept: each field at most 256 characters, and anything shaped like a
 * secret of this service replaced (a client that put its token in its user agent must not get it
 * stored); `undefined` when nothing is left.
 */
export function keptCaller(caller: TokenCaller | undefined, prefix: string): TokenCaller | undefined {
  if (!caller) return undefined;
  const secretShaped = new RegExp(`${prefix}_[0-9A-Za-z]{36}`, 'g');
  const field = (value: unknown) =>
    typeof value === 'string' && value !== '' ? value.slice(0, MAX_CALLER_FIELD).replace(secretShaped, `${prefix}_…`) : undefined;
  const ip = field(caller.ip);
  const userAgent = field(caller.userAgent);
  if (ip === undefined && userAgent === undefined) return undefined;
  return { ...(ip === undefined ? {} : { ip }), ...(userAgent === undefined ? {} : { userAgent }) };
}

/** Whether a use by `caller` is one by `known` (the same address and user agent). */
export const sameCaller = (known: { ip: string | null; userAgent: string | null }, caller: TokenCaller) =>
  known.ip === (caller.ip ?? null) && known.userAgent === (caller.userAgent ?? null);

/**
 * Merges uses into a token's recent callers: distinct by address and user agent, newest first, at
 * most `MAX_RECENT_CALLERS`; returns the merged list and the uses whose caller was not in `known`.
 * The memory store's rule; the SQL store's statement does the same.
 */
export function mergeCallers(known: readonly RecentCaller[], uses: readonly TokenUse[]): { callers: RecentCaller[]; added: TokenUse[] } {
  const callers = known.map((caller) => ({ ...caller }));
  const added: TokenUse[] = [];
  for (const use of uses) {
    if (!use.caller) continue;
    const existing = callers.find((caller) => sameCaller(caller, use.caller!));
    if (existing) {
      if (existing.lastUsedAt < use.at) existing.lastUsedAt = use.at;
      continue;
    }
    if (!known.some((caller) => sameCaller(caller, use.caller!))) added.push(use);
    callers.push({ ip: use.caller.ip ?? null, userAgent: use.caller.userAgent ?? null, lastUsedAt: use.at });
  }
  callers.sort((a, b) => b.lastUsedAt.getTime() - a.lastUsedAt.getTime());
  return { callers: callers.slice(0, MAX_RECENT_CALLERS), added };
}

let eventCount = 0;
/**
 * `evt_` + this process's time and a counter, then randomness (8 + 4 + 8 base62 characters): two
 * events of one moment sort in the order they were made (the trail's order is `at`, then `id`),
 * and ids from several processes never collide.
 */
export function newEventId(): string {
  eventCount = (eventCount + 1) % 62 ** 4;
  return `evt_${toBase62(Date.now(), 8)}${toBase62(eventCount, 4)}${randomBase62(8)}`;
}
const EVENT_ID = /^evt_[0-9A-Za-z]{20}$/;

/** The opaque cursor of the page after `last`: its position, (at, id), in base64url. */
export function encodeCursor(last: { at: Date; id: string }): string {
  const text = `${last.at.getTime()}.${last.id}`;
  return btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The position a cursor names, or a 422 on `cursor` for one this server did not give. */
export function decodeCursor(cursor: string): { at: Date; id: string } {
  let text: string;
  try {
    text = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
  } catch {
    text = '';
  }
  const [ms, id, ...rest] = text.split('.');
  const at = new Date(Number(ms));
  if (rest.length || !id || !EVENT_ID.test(id) || !/^\d{1,15}$/.test(ms ?? '') || Number.isNaN(at.getTime())) {
    throw new TokenServiceError('invalid-request', 'The cursor is not one this server gave.', {
      cursor: 'Use the "next" value of the page before, as it was sent.',
    });
  }
  return { at, id };
}

/** An event as the routes serve it. */
export function toWireEvent(event: StoredActivity): ActivityEvent {
  return {
    id: event.id,
    type: event.type,
    at: event.at.toISOString(),
    tokenId: event.tokenId,
    tokenName: event.tokenName,
    relatedTokenId: event.relatedTokenId,
    actor: event.actor,
    ip: event.ip,
    userAgent: event.userAgent,
    reason: event.reason,
    url: event.url,
    expiresAt: event.expiresAt?.toISOString() ?? null,
  };
}

/** The token an event concerns; its name when known (a token deleted by another path may have none). */
export interface EventToken {
  id: string;
  userId: string;
  name: string | null;
}

interface EventFields {
  type: ActivityType;
  at: Date;
  token: EventToken;
  actor: ActivityActor;
  relatedTokenId?: string | null;
  reason?: string | null;
  url?: string | null;
  expiresAt?: Date | null;
}

/** One event, ready to store: the actor's address as given (callers are checked where they come in). */
export function activityEvent({ type, at, token, actor, relatedTokenId = null, reason = null, url = null, expiresAt = null }: EventFields) {
  const caller = actor.kind === 'system' ? undefined : actor.caller;
  const event: StoredActivity = {
    id: newEventId(),
    userId: token.userId,
    type,
    at,
    tokenId: token.id,
    tokenName: token.name,
    relatedTokenId,
    actor: actor.kind,
    actorId: actor.kind === 'user' ? actor.userId : null,
    ip: caller?.ip ?? null,
    userAgent: caller?.userAgent ?? null,
    reason,
    url,
    expiresAt,
  };
  return event;
}

/**
 * A revocation that keeps the token listed (a leak reported by a secret scanner, an administrator,
 * the whole account): the event for the code that revokes. `url`: where a leak was found.
 */
export function revokedEvent(
  token: EventToken,
  { at, reason, url = null, actor }: { at: Date; reason: 'leaked' | 'admin' | 'account'; url?: string | null; actor: ActivityActor },
): StoredActivity {
  return activityEvent({ type: 'revoked', at, token, actor, reason, url });
}

export interface ActivityLog {
  /** Hands each event to the hook, then stores them; never throws (a failure is reported, once per cause). */
  record(events: readonly StoredActivity[]): Promise<void>;
  /** A page of the user's trail (one token's, or all), with the token's recent callers on a token's first page. */
  page(userId: string, tokenId: string | null, cursor: string | null | undefined): Promise<ActivityPage>;
  /** Whether anything hears or keeps events (the hook, or a store with `recordActivity`): else nothing need be read for them. */
  readonly enabled: boolean;
  /** Whether the store keeps a trail to read (`listActivity`). */
  readonly readable: boolean;
  readonly options: Readonly<ResolvedActivityOptions>;
}

export function createActivityLog({
  store,
  options,
  hook,
  report,
}: {
  store: TokenStore;
  options: Readonly<ResolvedActivityOptions>;
  hook: ActivityHook | undefined;
  report: (cause: string, error: unknown) => void;
}): ActivityLog {
  const limits: ActivityLimits = { maxPerUser: options.maxEventsPerUser };

  function tell(event: StoredActivity): void {
    if (!hook) return;
    const { userId, actorId, ...stored } = event;
    try {
      const heard = hook({ ...toWireEvent(stored as StoredActivity), userId, actorId });
      if (heard && typeof heard.then === 'function') heard.then(undefined, (error: unknown) => hookFailed(error));
    } catch (error) {
      hookFailed(error);
    }
  }
  const hookFailed = (error: unknown) =>
    report('onActivity', new Error('pat-elements/server: the onActivity hook failed.', { cause: error }));

  return {
    options,
    enabled: !!hook || typeof store.recordActivity === 'function',
    readable: typeof store.listActivity === 'function',

    async record(events) {
      if (!events.length) return;
      for (const event of events) tell(event);
      if (!store.recordActivity) return;
      try {
        await store.recordActivity(events, limits);
      } catch (error) {
        report(
          `activity ${error instanceof TokenServiceError ? error.code : String((error as { code?: unknown })?.code)}`,
          new Error(`pat-elements/server: ${events.length} activity event(s) not stored (the onActivity hook heard them).`, {
            cause: error,
          }),
        );
      }
    },

    async page(userId, tokenId, cursor) {
      if (!store.listActivity) throw new TokenServiceError('not-found', 'This server keeps no activity.');
      const before = cursor ? decodeCursor(cursor) : null;
      const found = await store.listActivity({ userId, tokenId, before, limit: ACTIVITY_PAGE_SIZE + 1 });
      const events = found.slice(0, ACTIVITY_PAGE_SIZE);
      const next = found.length > ACTIVITY_PAGE_SIZE ? encodeCursor(events.at(-1)!) : null;
      const page: ActivityPage = { events: events.map(toWireEvent), next };
      if (tokenId !== null && !before && store.findToken) {
        const callers = (await store.findToken(userId, tokenId))?.recentCallers;
        if (callers) {
          page.callers = callers.map((caller) => ({
            ip: caller.ip,
            userAgent: caller.userAgent,
            lastUsedAt: caller.lastUsedAt.toISOString(),
          }));
        }
      }
      return page;
    },
  };
}
