/**
 * The memory store's activity trail: an array per user, newest last. Like the rest of the memory
 * store, each method does its work before its first `await`.
 */
import type { ActivityLimits, ActivityQuery, StoredActivity, TokenStore } from './store.js';

type ActivityMethods = Required<Pick<TokenStore, 'recordActivity' | 'listActivity' | 'pruneActivity'>>;

/** Newer first: by time, then by id. */
const newerFirst = (a: StoredActivity, b: StoredActivity) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
/** Uses by new callers are capped apart from the rest (store.ts, `recordActivity`). */
const isUse = (event: StoredActivity) => event.type === 'new-caller';

export function memoryActivity(): ActivityMethods & { all(): StoredActivity[] } {
  const byUser = new Map<string, StoredActivity[]>();
  const copy = (event: StoredActivity): StoredActivity => ({ ...event });

  /** Keeps the newest `maxPerUser` of each group of the user's events. */
  function cap(userId: string, { maxPerUser }: ActivityLimits): void {
    const events = byUser.get(userId) ?? [];
    byUser.set(
      userId,
      [true, false].flatMap((use) =>
        events
          .filter((event) => isUse(event) === use)
          .sort(newerFirst)
          .slice(0, maxPerUser),
      ),
    );
  }

  return {
    async recordActivity(events, limits) {
      const users = new Set<string>();
      for (const event of events) {
        const mine = byUser.get(event.userId) ?? [];
        mine.push(copy(event));
        byUser.set(event.userId, mine);
        users.add(event.userId);
      }
      for (const userId of users) cap(userId, limits);
    },

    async listActivity({ userId, tokenId, before, limit }: ActivityQuery) {
      return (byUser.get(userId) ?? [])
        .filter((event) => tokenId === null || event.tokenId === tokenId || event.relatedTokenId === tokenId)
        .filter((event) => !before || newerFirst(event, { at: before.at, id: before.id } as StoredActivity) > 0)
        .sort(newerFirst)
        .slice(0, limit)
        .map(copy);
    },

    async pruneActivity(olderThan) {
      let deleted = 0;
      for (const [userId, events] of byUser) {
        const kept = events.filter((event) => event.at >= olderThan);
        deleted += events.length - kept.length;
        if (kept.length) byUser.set(userId, kept);
        else byUser.delete(userId);
      }
      return deleted;
    },

    all: () => [...byUser.values()].flat().map(copy),
  };
}
