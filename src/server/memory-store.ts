/**
 * A store in this process's memory: for tests, prototypes and single-process demos. Nothing
 * survives a restart. Each method does its whole job synchronously before its first `await`,
 * which is what makes it atomic under JavaScript's single thread.
 */
import { mergeCallers } from './activity.js';
import { memoryActivity } from './memory-activity.js';
import type { NewToken, RotateInput, RotateResult, StoredActivity, StoredToken, TokenRevocation, TokenStore, TokenUse } from './store.js';

/** A row as the memory store keeps it: the token and its secret's hash. */
export interface MemoryRecord extends StoredToken {
  secretHash: string;
  revocation: TokenRevocation | null;
}

export interface MemoryStore extends TokenStore {
  /** Copies of every stored record, hash included: what an attacker with the memory would see. */
  records(): MemoryRecord[];
  /** Copies of every stored activity event. */
  activityRecords(): StoredActivity[];
}

export function memoryStore(): MemoryStore {
  const byId = new Map<string, MemoryRecord>();
  const idByHash = new Map<string, string>();
  const byUser = new Map<string, Set<MemoryRecord>>();
  const tokensOf = (userId: string): Iterable<MemoryRecord> => byUser.get(userId) ?? [];
  const activity = memoryActivity();
  /** When each token's expiry reminder was claimed, and which expiries were recorded (claimExpired). */
  const remindedAt = new Map<string, Date>();
  const expiryClaimed = new Set<string>();

  const copy = ({ secretHash: _hash, ...token }: MemoryRecord): StoredToken => ({
    ...token,
    scopes: token.scopes && [...token.scopes],
    revocation: token.revocation && { ...token.revocation },
    recentCallers: (token.recentCallers ?? []).map((caller) => ({ ...caller })),
  });
  const owned = (userId: string, id: string) => {
    const record = byId.get(id);
    return record?.userId === userId ? record : undefined;
  };
  /** Holds a slot toward the maximum: neither replaced nor revoked. */
  const holdsSlot = (record: MemoryRecord) => record.replacedBy === null && record.revocation === null;
  const liveCount = (userId: string) => {
    let count = 0;
    for (const record of tokensOf(userId)) if (holdsSlot(record)) count += 1;
    return count;
  };
  const add = (record: MemoryRecord) => {
    if (idByHash.has(record.secretHash) || byId.has(record.id)) throw new Error('A token with this id or secret hash is already stored.');
    byId.set(record.id, record);
    idByHash.set(record.secretHash, record.id);
    const mine = byUser.get(record.userId) ?? new Set();
    byUser.set(record.userId, mine.add(record));
  };
  const remove = (record: MemoryRecord) => {
    remindedAt.delete(record.id);
    expiryClaimed.delete(record.id);
    byId.delete(record.id);
    idByHash.delete(record.secretHash);
    byUser.get(record.userId)?.delete(record);
  };
  /** Ends the grace period of the token `record` replaced, if it is still stored: at most one predecessor. */
  const removePredecessorOf = (record: MemoryRecord) => {
    let removed = 0;
    for (const other of [...tokensOf(record.userId)]) {
      if (other.replacedBy === record.id) {
        remove(other);
        removed += 1;
      }
    }
    return removed;
  };
  const isLive = (id: string) => {
    const record = byId.get(id);
    return record !== undefined && holdsSlot(record);
  };
  /** Revokes `record` unless it was already; ends its predecessor's grace (unless `keep` says otherwise). */
  const revoke = (record: MemoryRecord, revocation: TokenRevocation, keepPredecessor: (other: MemoryRecord) => boolean) => {
    for (const other of [...tokensOf(record.userId)]) if (other.replacedBy === record.id && !keepPredecessor(other)) remove(other);
    record.revocation = { ...revocation };
    record.replacedBy = null;
    // It stopped working then (postgresStore does the same, for older releases reading its rows).
    if (record.expiresAt === null || record.expiresAt > revocation.at) record.expiresAt = revocation.at;
  };

  return {
    async migrate() {},

    async list(userId, now) {
      return [...tokensOf(userId)]
        .filter((t) => t.replacedBy === null || (t.expiresAt !== null && t.expiresAt > now))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? -1 : 1))
        .map(copy);
    },

    async insert(token: NewToken, maxTokens) {
      if (liveCount(token.userId) >= maxTokens) return null;
      const record: MemoryRecord = {
        ...token,
        scopes: token.scopes && [...token.scopes],
        lastUsedAt: null,
        replacedBy: null,
        revocation: null,
      };
      add(record);
      return copy(record);
    },

    async rotate({ userId, id, replacement, graceEndsAt, now }: RotateInput): Promise<RotateResult> {
      const old = owned(userId, id);
      if (!old) return { outcome: 'not-found' };
      if (old.revocation !== null) return { outcome: 'revoked' };
      if (old.replacedBy !== null) return { outcome: 'already-replaced' };

      const record: MemoryRecord = {
        ...replacement,
        userId,
        name: old.name,
        description: old.description,
        scopes: old.scopes && [...old.scopes],
        lastUsedAt: null,
        replacedBy: null,
        revocation: null,
      };
      add(record);
      removePredecessorOf(old);
      for (const stale of [...tokensOf(userId)]) {
        if (stale.replacedBy !== null && stale.expiresAt !== null && stale.expiresAt <= now) remove(stale);
      }
      if (graceEndsAt === null) {
        remove(old);
        return { outcome: 'rotated', token: copy(record), previous: null };
      }
      old.replacedBy = record.id;
      if (old.expiresAt === null || graceEndsAt < old.expiresAt) old.expiresAt = graceEndsAt;
      return { outcome: 'rotated', token: copy(record), previous: copy(old) };
    },

    async delete(userId, id) {
      const record = owned(userId, id);
      if (!record) return false;
      remove(record);
      removePredecessorOf(record);
      return true;
    },

    async findByHash(secretHash) {
      const id = idByHash.get(secretHash);
      const record = id === undefined ? undefined : byId.get(id);
      return record ? copy(record) : null;
    },

    async recordUses(uses: readonly TokenUse[]) {
      const newCallers: TokenUse[] = [];
      const byToken = new Map<string, TokenUse[]>();
      for (const use of uses) byToken.set(use.tokenId, [...(byToken.get(use.tokenId) ?? []), use]);
      for (const [tokenId, mine] of byToken) {
        const record = byId.get(tokenId);
        if (!record) continue;
        for (const { at } of mine) if (record.lastUsedAt === null || record.lastUsedAt < at) record.lastUsedAt = at;
        const { callers, added } = mergeCallers(record.recentCallers ?? [], mine);
        record.recentCallers = callers;
        newCallers.push(...added);
      }
      return { newCallers };
    },

    async findToken(userId, id) {
      const record = owned(userId, id);
      return record ? copy(record) : null;
    },

    recordActivity: activity.recordActivity,
    listActivity: activity.listActivity,
    pruneActivity: activity.pruneActivity,

    async claimExpired(now, limit) {
      const claimed = [...byId.values()]
        .filter((r) => holdsSlot(r) && r.expiresAt !== null && r.expiresAt <= now && !expiryClaimed.has(r.id))
        .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
        .slice(0, limit);
      for (const record of claimed) expiryClaimed.add(record.id);
      return claimed.map(copy);
    },

    async claimExpiryReminders(now, until, limit) {
      const window = until.getTime() - now.getTime();
      const claimed = [...byId.values()]
        .filter(
          (r) =>
            holdsSlot(r) &&
            r.expiresAt !== null &&
            r.expiresAt > now &&
            r.expiresAt <= until &&
            r.expiresAt.getTime() - r.createdAt.getTime() > window &&
            !remindedAt.has(r.id),
        )
        .sort((a, b) => a.expiresAt!.getTime() - b.expiresAt!.getTime())
        .slice(0, limit);
      for (const record of claimed) remindedAt.set(record.id, now);
      return claimed.map(copy);
    },

    async releaseExpiryReminder(tokenId, claimedAt) {
      if (remindedAt.get(tokenId)?.getTime() === claimedAt.getTime()) remindedAt.delete(tokenId);
    },

    async purgeExpired(expiredBefore) {
      let deleted = 0;
      for (const record of [...byId.values()]) {
        if (holdsSlot(record) && record.expiresAt !== null && record.expiresAt <= expiredBefore) {
          remove(record);
          deleted += 1 + removePredecessorOf(record);
        }
      }
      return deleted;
    },

    async purgePastGrace(now) {
      let deleted = 0;
      for (const record of [...byId.values()]) {
        const { replacedBy, expiresAt } = record;
        if (replacedBy !== null && byId.has(record.id) && ((expiresAt !== null && expiresAt <= now) || !isLive(replacedBy))) {
          remove(record);
          deleted += 1;
        }
      }
      return deleted;
    },

    async revokeLeaked(leaks, at) {
      const found = leaks.flatMap(({ secretHash, url }) => {
        const id = idByHash.get(secretHash);
        const record = id === undefined ? undefined : byId.get(id);
        return record ? [{ secretHash, url, record, revokedNow: record.revocation === null }] : [];
      });
      const reported = new Set(found.map(({ record }) => record));
      for (const { url, record, revokedNow } of found) {
        // A predecessor reported in the same batch is revoked itself, not deleted.
        if (revokedNow && record.revocation === null) revoke(record, { at, reason: 'leaked', url }, (other) => reported.has(other));
      }
      return found.map(({ secretHash, record, revokedNow }) => ({ secretHash, token: copy(record), revokedNow }));
    },

    async revokeAll(userId, { reason, at }) {
      const working = [...tokensOf(userId)].filter(
        (record) => record.revocation === null && (record.expiresAt === null || record.expiresAt > at),
      );
      // Each one's predecessor in a grace period works too, so it is among them: revoked, not deleted.
      for (const record of working) revoke(record, { at, reason, url: null }, () => true);
      return working.map(copy);
    },

    async purgeRevoked(revokedBefore) {
      let deleted = 0;
      for (const record of [...byId.values()]) {
        if (record.revocation !== null && record.revocation.at <= revokedBefore) {
          remove(record);
          deleted += 1;
        }
      }
      return deleted;
    },

    records() {
      return [...byId.values()].map((record) => ({
        ...record,
        scopes: record.scopes && [...record.scopes],
        revocation: record.revocation && { ...record.revocation },
      }));
    },

    activityRecords: activity.all,
  };
}
