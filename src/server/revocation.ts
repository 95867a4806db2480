/**
 * Revocation by the system, as opposed to the user's Delete: a secret found leaked by a scanner
 * (`revokeLeaked`, which the GitHub receiver calls), or every token of an account at once
 * (`revokeAll`). A revoked token stays listed, with why and when, never verifies, cannot be
 * rotated, and gives its slot back; `maintain()` deletes it after `policy.revokedRetentionDays`.
 * The host hears each revocation through one hook, `onRevocation`, after the store committed it,
 * and each is a `revoked` event of the activity trail (by the system).
 */
import type { Token } from '../api/schemas.js';
import { revokedEvent, type ActivityLog } from './activity.js';
import { SetupError } from './errors.js';
import { hashSecret } from './hash.js';
import type { RevocationReason, StoredToken, TokenStore } from './store.js';
import { isWellFormedSecret } from './token-format.js';

/** A secret a scanner reported: where it was found (`url`) and in what (`source`, e.g. GitHub's `content` or `commit`). */
export interface LeakReport {
  secret: string;
  url?: string | null;
  source?: string | null;
}

/**
 * What became of one reported secret:
 * - `revoked`: a working token of ours, revoked now (the hook heard it);
 * - `already-revoked`: revoked before; nothing changed (the same report twice is one revocation);
 * - `unknown`: shaped like ours, checksum and all, but no stored token has it (never made, or deleted);
 * - `not-ours`: not one of this service's secrets (prefix, length, characters or checksum); no store call.
 */
export type LeakOutcome = 'revoked' | 'already-revoked' | 'unknown' | 'not-ours';

export interface LeakResult {
  /** SHA-256 of the secret, hex: what GitHub's feedback calls `token_hash`. */
  secretHash: string;
  outcome: LeakOutcome;
  /** `revoked` and `already-revoked`: the token (never its secret) and its owner. */
  token?: Token;
  userId?: string;
  /** `revoked`: what `onRevocation` heard. */
  event?: RevocationEvent;
}

/**
 * One revocation the system made, for the host (to e-mail the owner, to audit): one event per
 * token. `url` and `source` are a scanner's (`leaked` only; else null).
 */
export interface RevocationEvent {
  reason: RevocationReason;
  userId: string;
  /** The token as it is now, revoked (`token.revocation`); never its secret. */
  token: Token;
  url: string | null;
  source: string | null;
}

/** Called after the store committed a revocation; awaited, and what it throws goes to the service's `onError`. */
export type RevocationHook = (event: RevocationEvent) => void | Promise<void>;

/** What a scanner may say of where a secret was: an http(s) URL this long, else nothing is kept. */
export const MAX_LEAK_URL_LENGTH = 2048;
const MAX_SOURCE_LENGTH = 100;
/** No C0/C1 control characters, bidi controls or lone surrogates in what the page shows as text. */
const UNSHOWABLE = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u;

/** `url` if it is an absolute http(s) URL fit to show, else null: the page links to nothing else. */
export function leakUrlOf(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > MAX_LEAK_URL_LENGTH || UNSHOWABLE.test(url)) return null;
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password ? parsed.href : null;
  } catch {
    return null;
  }
}

const sourceOf = (source: unknown) =>
  typeof source === 'string' && source !== '' && !UNSHOWABLE.test(source) ? source.slice(0, MAX_SOURCE_LENGTH) : null;

export interface RevocationDeps {
  store: TokenStore;
  prefix: string;
  clock: () => Date;
  toWire: (token: StoredToken) => Token;
  assertUserId: (userId: string) => void;
  hook: RevocationHook | undefined;
  /** Where a hook's failure goes (each one: a host must know which owner was not told). */
  onError: (error: unknown) => void;
  /** The activity trail: each revocation is a `revoked` event by the system there too. */
  activity?: Pick<ActivityLog, 'record'>;
}

export interface Revocations {
  revokeLeaked(leaks: readonly LeakReport[]): Promise<LeakResult[]>;
  revokeAll(userId: string, reason: 'account' | 'admin'): Promise<number>;
}

const missing = (method: string, feature: string) =>
  new SetupError(
    `pat-elements/server: ${feature} needs a store with ${method}() (memoryStore and postgresStore have it; a store of your own ` +
      'must add it, see "Your own store" in docs/server.md).',
  );

export function createRevocations({ store, prefix, clock, toWire, assertUserId, hook, onError, activity }: RevocationDeps): Revocations {
  async function tell(events: RevocationEvent[]): Promise<void> {
    // The trail first (it never throws): what a hook does takes nothing from it.
    await activity?.record(
      events.map(({ reason, userId, token, url }) =>
        revokedEvent(
          { id: token.id, userId, name: token.name },
          { at: new Date(token.revocation!.at), reason, url, actor: { kind: 'system' } },
        ),
      ),
    );
    if (!hook) return;
    await Promise.all(
      events.map(async (event) => {
        try {
          await hook(event);
        } catch (error) {
          onError(new Error(`pat-elements/server: onRevocation threw for token ${event.token.id} of ${event.userId}`, { cause: error }));
        }
      }),
    );
  }

  return {
    async revokeLeaked(leaks) {
      if (!Array.isArray(leaks)) throw new TypeError('revokeLeaked expects a list of { secret, url?, source? }.');
      const reports = await Promise.all(
        leaks.map(async (leak) => {
          const secret: unknown = leak?.secret;
          const ours = isWellFormedSecret(secret, prefix);
          return {
            ours,
            secretHash: await hashSecret(typeof secret === 'string' ? secret : ''),
            url: leakUrlOf(leak?.url),
            source: sourceOf(leak?.source),
          };
        }),
      );
      // Ours only, each secret once: the first report of it says where.
      const asked = new Map<string, { secretHash: string; url: string | null }>();
      for (const { ours, secretHash, url } of reports) if (ours && !asked.has(secretHash)) asked.set(secretHash, { secretHash, url });
      const found = new Map<string, { token: StoredToken; revokedNow: boolean }>();
      if (asked.size) {
        if (!store.revokeLeaked) throw missing('revokeLeaked', 'revokeLeaked (and the secret-scanning receiver)');
        for (const each of await store.revokeLeaked([...asked.values()], clock())) found.set(each.secretHash, each);
        // A parallel report of the same secret revoked it after this call's snapshot: look again.
        for (const secretHash of asked.keys()) {
          if (found.has(secretHash)) continue;
          const token = await store.findByHash(secretHash);
          if (token?.revocation) found.set(secretHash, { token, revokedNow: false });
        }
      }

      const told = new Set<string>();
      const events: RevocationEvent[] = [];
      const results = reports.map(({ ours, secretHash, source }): LeakResult => {
        if (!ours) return { secretHash, outcome: 'not-ours' };
        const hit = found.get(secretHash);
        if (!hit) return { secretHash, outcome: 'unknown' };
        const token = toWire(hit.token);
        const { userId } = hit.token;
        if (!hit.revokedNow || told.has(secretHash)) return { secretHash, outcome: 'already-revoked', token, userId };
        told.add(secretHash);
        const event: RevocationEvent = { reason: 'leaked', userId, token, url: hit.token.revocation?.url ?? null, source };
        events.push(event);
        return { secretHash, outcome: 'revoked', token, userId, event };
      });
      await tell(events);
      return results;
    },

    async revokeAll(userId, reason) {
      assertUserId(userId);
      if (reason !== 'account' && reason !== 'admin') throw new TypeError('revokeAll’s reason is "account" or "admin".');
      if (!store.revokeAll) throw missing('revokeAll', 'revokeAll');
      const revoked = await store.revokeAll(userId, { reason, at: clock() });
      await tell(revoked.map((token) => ({ reason, userId, token: toWire(token), url: null, source: null })));
      return revoked.length;
    },
  };
}
