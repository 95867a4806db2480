/**
 * `postgresStore`'s revocation methods: one statement each, so a revocation, the end of its
 * token's predecessor's grace and the slot it gives back commit together or not at all.
 *
 * - The tokens are claimed `FOR UPDATE` in id order (two revocations of one user's tokens never
 *   wait on each other in a circle), and each claim re-checks "not revoked" under the row lock,
 *   so of two parallel reports of one secret exactly one revokes it.
 * - The slot is given back for each token that held one (not replaced) with the counter's newest
 *   value (the UPDATE re-reads it under its row lock), so a create committed meanwhile is counted.
 * - A revoked token's `expires_at` becomes the revocation time when it was later: a process of an
 *   older release, which knows nothing of revocation, then refuses it as expired during a rolling
 *   deploy.
 */
import { tokenColumnsOf, TOKEN_COLUMNS } from './postgres-schema.js';
import type { TokenRow } from './postgres-store.js';
import type { StoredToken, TokenStore } from './store.js';

type Rows = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Ours (not yet revoked) are revoked; those revoked before are read in the same snapshot, unchanged. */
const REVOKE_LEAKED = `
WITH leak AS (
  SELECT decode(l.hash, 'hex') AS hash, l.url FROM unnest($1::text[], $2::text[]) AS l(hash, url)
), target AS (
  SELECT t.id, t.replaced_by, leak.url FROM pat_tokens t JOIN leak ON t.secret_hash = leak.hash
  WHERE t.revoked_at IS NULL
  ORDER BY t.id
  FOR UPDATE OF t
), revoked AS (
  UPDATE pat_tokens t
  SET revoked_at = $3::timestamptz, revoked_reason = 'leaked', revoked_url = target.url, replaced_by = NULL,
      expires_at = LEAST(t.expires_at, $3::timestamptz)
  FROM target WHERE t.id = target.id
  RETURNING ${tokenColumnsOf('t')}, encode(t.secret_hash, 'hex') AS secret_hash, target.replaced_by AS was_replaced_by
), predecessors AS (
  -- Kept working only to lead to a token that no longer works; one reported too is revoked instead.
  DELETE FROM pat_tokens p USING revoked r
  WHERE p.replaced_by = r.id AND p.user_id = r.user_id AND p.id NOT IN (SELECT id FROM target)
), released AS (
  UPDATE pat_token_owners o SET live_tokens = GREATEST(o.live_tokens - n.count, 0)
  FROM (SELECT user_id, count(*)::int AS count FROM revoked WHERE was_replaced_by IS NULL GROUP BY user_id) n
  WHERE o.user_id = n.user_id
)
SELECT true AS revoked_now, ${TOKEN_COLUMNS}, secret_hash FROM revoked
UNION ALL
SELECT false, ${tokenColumnsOf('t')}, encode(t.secret_hash, 'hex')
FROM pat_tokens t JOIN leak ON t.secret_hash = leak.hash WHERE t.revoked_at IS NOT NULL`;

/**
 * Every working token of the user in this statement's snapshot; a predecessor in its grace period
 * works, so it is revoked too (not deleted).
 */
const REVOKE_ALL = `
WITH target AS (
  SELECT id, replaced_by FROM pat_tokens
  WHERE user_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2::timestamptz)
  ORDER BY id
  FOR UPDATE
), revoked AS (
  UPDATE pat_tokens t
  SET revoked_at = $2::timestamptz, revoked_reason = $3, revoked_url = NULL, replaced_by = NULL,
      expires_at = LEAST(t.expires_at, $2::timestamptz)
  FROM target WHERE t.id = target.id
  RETURNING ${tokenColumnsOf('t')}, target.replaced_by AS was_replaced_by
), released AS (
  UPDATE pat_token_owners
  SET live_tokens = GREATEST(live_tokens - (SELECT count(*)::int FROM revoked WHERE was_replaced_by IS NULL), 0)
  WHERE user_id = $1 AND EXISTS (SELECT 1 FROM revoked WHERE was_replaced_by IS NULL)
)
SELECT ${TOKEN_COLUMNS} FROM revoked ORDER BY created_at DESC, id`;

export function postgresRevocation(
  rows: Rows,
  toStoredToken: (row: TokenRow) => StoredToken,
): Required<Pick<TokenStore, 'revokeLeaked' | 'revokeAll'>> {
  return {
    async revokeLeaked(leaks, at) {
      if (!leaks.length) return [];
      const found = await rows<TokenRow & { revoked_now: boolean; secret_hash: string }>(REVOKE_LEAKED, [
        leaks.map((leak) => leak.secretHash),
        leaks.map((leak) => leak.url),
        at.toISOString(),
      ]);
      return found.map((row) => ({ secretHash: row.secret_hash, token: toStoredToken(row), revokedNow: row.revoked_now }));
    },

    async revokeAll(userId, { reason, at }) {
      return (await rows<TokenRow>(REVOKE_ALL, [userId, at.toISOString(), reason])).map(toStoredToken);
    },
  };
}
