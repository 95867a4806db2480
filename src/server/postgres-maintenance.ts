/**
 * `postgresStore`'s maintenance methods (for `service.maintain()`). Each statement is atomic on
 * its own and safe beside any other store call and beside another run of itself:
 *
 * - The purges delete in batches (`LIMIT`), so no run holds thousands of row locks for long, and
 *   `FOR UPDATE SKIP LOCKED`, so parallel runs split the rows instead of queueing on each other.
 *   A token's slot is given back in the statement that deletes it: a row is deleted once, so its
 *   slot is given back once.
 * - The recount corrects a user's count only if it still holds the value the statement read: a
 *   create or delete that committed meanwhile changed it, the condition (re-checked under the row
 *   lock) fails, and that user waits for the next run. A parallel create can never slip through
 *   the maximum on a count computed before it.
 */
import type { TokenStore } from './store.js';

type Rows = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Rows per statement: small enough to hold locks briefly, large enough to purge 100,000 in seconds. */
export const PURGE_BATCH = 1000;

const PURGE_EXPIRED = `
WITH doomed AS (
  SELECT id FROM pat_tokens
  WHERE replaced_by IS NULL AND revoked_at IS NULL AND expires_at <= $1::timestamptz
  ORDER BY expires_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED
), gone AS (
  DELETE FROM pat_tokens t USING doomed WHERE t.id = doomed.id RETURNING t.id, t.user_id
), predecessors AS (
  DELETE FROM pat_tokens p USING gone WHERE p.replaced_by = gone.id AND p.user_id = gone.user_id RETURNING p.id
), released AS (
  UPDATE pat_token_owners o SET live_tokens = GREATEST(o.live_tokens - n.count, 0)
  FROM (SELECT user_id, count(*)::int AS count FROM gone GROUP BY user_id) n
  WHERE o.user_id = n.user_id
)
SELECT (SELECT count(*) FROM doomed)::int AS claimed,
       (SELECT count(*) FROM gone)::int + (SELECT count(*) FROM predecessors)::int AS deleted`;

/** Past its grace, or kept for a successor that is itself replaced or gone. */
const PURGE_PAST_GRACE = `
WITH doomed AS (
  SELECT p.id FROM pat_tokens p
  WHERE p.replaced_by IS NOT NULL
    AND (p.expires_at <= $1::timestamptz
         OR NOT EXISTS (SELECT 1 FROM pat_tokens s WHERE s.id = p.replaced_by AND s.replaced_by IS NULL AND s.revoked_at IS NULL))
  LIMIT $2
  FOR UPDATE SKIP LOCKED
), gone AS (
  DELETE FROM pat_tokens t USING doomed WHERE t.id = doomed.id RETURNING t.id
)
SELECT (SELECT count(*) FROM doomed)::int AS claimed, (SELECT count(*) FROM gone)::int AS deleted`;

/** Revoked past their retention; their slots were given back when they were revoked. */
const PURGE_REVOKED = `
WITH doomed AS (
  SELECT id FROM pat_tokens
  WHERE revoked_at <= $1::timestamptz
  ORDER BY revoked_at
  LIMIT $2
  FOR UPDATE SKIP LOCKED
), gone AS (
  DELETE FROM pat_tokens t USING doomed WHERE t.id = doomed.id RETURNING t.id
)
SELECT (SELECT count(*) FROM doomed)::int AS claimed, (SELECT count(*) FROM gone)::int AS deleted`;

const RECOUNT_LIVE_TOKENS = `
WITH actual AS (
  SELECT user_id, count(*)::int AS live FROM pat_tokens WHERE replaced_by IS NULL AND revoked_at IS NULL GROUP BY user_id
), drift AS (
  SELECT coalesce(o.user_id, a.user_id) AS user_id, o.live_tokens AS seen, coalesce(a.live, 0) AS live
  FROM pat_token_owners o FULL JOIN actual a ON a.user_id = o.user_id
  WHERE o.live_tokens IS DISTINCT FROM coalesce(a.live, 0)
), corrected AS (
  UPDATE pat_token_owners o SET live_tokens = drift.live FROM drift
  WHERE o.user_id = drift.user_id AND o.live_tokens = drift.seen
  RETURNING o.user_id
), added AS (
  INSERT INTO pat_token_owners (user_id, live_tokens) SELECT user_id, live FROM drift WHERE seen IS NULL
  ON CONFLICT (user_id) DO NOTHING
  RETURNING user_id
)
SELECT (SELECT count(*) FROM corrected)::int + (SELECT count(*) FROM added)::int AS corrected`;

export function postgresMaintenance(
  rows: Rows,
): Required<Pick<TokenStore, 'purgeExpired' | 'purgeRevoked' | 'purgePastGrace' | 'recountLiveTokens'>> {
  /** Runs a batched purge until a batch finds fewer rows than it may take. */
  async function purge(sql: string, at: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const [row] = await rows<{ claimed: number; deleted: number }>(sql, [at.toISOString(), PURGE_BATCH]);
      deleted += Number(row?.deleted ?? 0);
      if (Number(row?.claimed ?? 0) < PURGE_BATCH) return deleted;
    }
  }

  return {
    purgeExpired: (expiredBefore) => purge(PURGE_EXPIRED, expiredBefore),
    purgeRevoked: (revokedBefore) => purge(PURGE_REVOKED, revokedBefore),
    purgePastGrace: (now) => purge(PURGE_PAST_GRACE, now),
    async recountLiveTokens() {
      const [row] = await rows<{ corrected: number }>(RECOUNT_LIVE_TOKENS);
      return Number(row?.corrected ?? 0);
    },
  };
}
