/**
 * `postgresStore`'s methods for recent callers, the activity trail, and the claims behind
 * `maintain()`'s expiry events and reminders (docs/activity.md). Each is one statement:
 *
 * - `recordUses` locks the batch's tokens (in id order, so two batches never deadlock), merges
 *   the callers into `recent_callers` and answers the ones that were new, from the locked rows:
 *   two batches at once never both call one caller new.
 * - `recordActivity` inserts and trims the user's trail to its cap in the same statement.
 * - The claims mark what they return (`UPDATE … FROM (SELECT … FOR UPDATE SKIP LOCKED)`): runs
 *   at once skip each other's rows, and a row a finished run marked no longer matches, so each
 *   token is claimed once.
 */
import { MAX_RECENT_CALLERS } from './activity.js';
import { TOKEN_COLUMNS } from './postgres-schema.js';
import type { TokenRow } from './postgres-store.js';
import type { ActivityQuery, RecentCaller, StoredActivity, StoredToken, TokenStore, TokenUse } from './store.js';

type Rows = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** `recent_callers` as stored. */
export type CallersJson = Array<{ ip: string | null; userAgent: string | null; lastUsedAt: string }> | null;

export const callersOf = (json: CallersJson | undefined): RecentCaller[] =>
  (json ?? []).map((caller) => ({ ip: caller.ip, userAgent: caller.userAgent, lastUsedAt: new Date(caller.lastUsedAt) }));

/** `TOKEN_COLUMNS` of the table aliased `t`. */
const T_COLUMNS = TOKEN_COLUMNS.split(', ')
  .map((column) => `t.${column}`)
  .join(', ');

/**
 * A batch of uses: each token's `last_used_at` moves forward to its latest use, its callers are
 * merged into `recent_callers` (distinct by address and user agent, newest first, at most
 * MAX_RECENT_CALLERS), and the callers it did not have are answered.
 */
export const RECORD_USES = `
WITH u AS (
  SELECT * FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::boolean[]) AS u(id, at, ip, ua, has_caller)
), latest AS (
  SELECT id, max(at) AS at FROM u GROUP BY id
), locked AS (
  SELECT id, recent_callers FROM pat_tokens WHERE id IN (SELECT id FROM latest) ORDER BY id FOR UPDATE
), incoming AS (
  SELECT DISTINCT ON (id, ip, ua) id, ip, ua, at FROM u WHERE has_caller AND id IN (SELECT id FROM locked) ORDER BY id, ip, ua, at DESC
), known AS (
  SELECT l.id, c->>'ip' AS ip, c->>'userAgent' AS ua, (c->>'lastUsedAt')::timestamptz AS at
  FROM locked l, jsonb_array_elements(coalesce(l.recent_callers, '[]'::jsonb)) c
), added AS (
  SELECT i.id, i.ip, i.ua FROM incoming i
  WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.id = i.id AND k.ip IS NOT DISTINCT FROM i.ip AND k.ua IS NOT DISTINCT FROM i.ua)
), merged AS (
  SELECT id, jsonb_agg(jsonb_build_object('ip', ip, 'userAgent', ua, 'lastUsedAt', at) ORDER BY at DESC) AS callers
  FROM (
    SELECT *, row_number() OVER (PARTITION BY id ORDER BY at DESC) AS n FROM (
      SELECT DISTINCT ON (id, ip, ua) id, ip, ua, at
      FROM (SELECT * FROM known WHERE id IN (SELECT id FROM incoming) UNION ALL SELECT * FROM incoming) everyone
      ORDER BY id, ip, ua, at DESC
    ) distinct_callers
  ) ranked
  WHERE n <= ${MAX_RECENT_CALLERS}
  GROUP BY id
), updated AS (
  UPDATE pat_tokens t SET last_used_at = GREATEST(t.last_used_at, l.at), recent_callers = coalesce(m.callers, t.recent_callers)
  FROM latest l LEFT JOIN merged m ON m.id = l.id
  WHERE t.id = l.id AND (t.last_used_at IS NULL OR t.last_used_at < l.at OR m.id IS NOT NULL)
)
SELECT id, ip, ua FROM added`;

export function recordUsesParams(uses: readonly TokenUse[]): unknown[] {
  return [
    uses.map((use) => use.tokenId),
    uses.map((use) => use.at.toISOString()),
    uses.map((use) => use.caller?.ip ?? null),
    uses.map((use) => use.caller?.userAgent ?? null),
    uses.map((use) => use.caller !== undefined),
  ];
}

/** The uses of `uses` whose caller `added` names (the latest such use each). */
export function addedUses(
  uses: readonly TokenUse[],
  added: ReadonlyArray<{ id: string; ip: string | null; ua: string | null }>,
): TokenUse[] {
  return added.flatMap(({ id, ip, ua }) => {
    const mine = uses.filter(
      (use) => use.tokenId === id && use.caller && (use.caller.ip ?? null) === ip && (use.caller.userAgent ?? null) === ua,
    );
    const latest = mine.reduce<TokenUse | undefined>((a, b) => (!a || b.at > a.at ? b : a), undefined);
    return latest ? [latest] : [];
  });
}

const ACTIVITY_COLUMNS =
  'id, user_id, type, at, token_id, token_name, related_token_id, actor, actor_id, ip, user_agent, reason, url, expires_at';

interface ActivityRow {
  id: string;
  user_id: string;
  type: string;
  at: Date | string;
  token_id: string;
  token_name: string | null;
  related_token_id: string | null;
  actor: string | null;
  actor_id: string | null;
  ip: string | null;
  user_agent: string | null;
  reason: string | null;
  url: string | null;
  expires_at: Date | string | null;
}

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));

function toStoredActivity(row: ActivityRow): StoredActivity {
  return {
    id: row.id,
    userId: row.user_id,
    type: row.type,
    at: date(row.at),
    tokenId: row.token_id,
    tokenName: row.token_name,
    relatedTokenId: row.related_token_id,
    actor: row.actor,
    actorId: row.actor_id,
    ip: row.ip,
    userAgent: row.user_agent,
    reason: row.reason,
    url: row.url,
    expiresAt: row.expires_at === null ? null : date(row.expires_at),
  };
}

/**
 * Inserts the events, and deletes the users' older events beyond the cap per group (uses by new
 * callers; the rest), ranking the new events with them: a statement does not see its own
 * inserts, so they are ranked from what it inserted.
 */
const RECORD_ACTIVITY = `
WITH inserted AS (
  INSERT INTO pat_activity (${ACTIVITY_COLUMNS})
  SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[])
  RETURNING id, user_id, type, at
), ranked AS (
  SELECT id, inserted_now, row_number() OVER (PARTITION BY user_id, type = 'new-caller' ORDER BY at DESC, id DESC) AS n
  FROM (
    SELECT id, user_id, type, at, false AS inserted_now FROM pat_activity WHERE user_id IN (SELECT user_id FROM inserted)
    UNION ALL SELECT id, user_id, type, at, true FROM inserted
  ) everything
)
DELETE FROM pat_activity a USING ranked r WHERE a.id = r.id AND r.n > $15 AND NOT r.inserted_now`;

const LIST_ACTIVITY = `
SELECT ${ACTIVITY_COLUMNS} FROM pat_activity
WHERE user_id = $1 AND ($2::text IS NULL OR token_id = $2 OR related_token_id = $2)
  AND ($3::timestamptz IS NULL OR (at, id) < ($3::timestamptz, $4::text))
ORDER BY at DESC, id DESC
LIMIT $5`;

/** Rows per prune statement, as the token purges. */
export const PRUNE_BATCH = 1000;

const PRUNE_ACTIVITY = `
WITH doomed AS (
  SELECT id FROM pat_activity WHERE at < $1::timestamptz ORDER BY at LIMIT $2 FOR UPDATE SKIP LOCKED
), gone AS (
  DELETE FROM pat_activity a USING doomed WHERE a.id = doomed.id RETURNING a.id
)
SELECT (SELECT count(*) FROM doomed)::int AS claimed, (SELECT count(*) FROM gone)::int AS deleted`;

const CLAIM_EXPIRED = `
UPDATE pat_tokens t SET expiry_recorded_at = $1::timestamptz
FROM (
  SELECT id FROM pat_tokens
  WHERE replaced_by IS NULL AND revoked_at IS NULL AND expiry_recorded_at IS NULL AND expires_at <= $1::timestamptz
  ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED
) claimed
WHERE t.id = claimed.id
RETURNING ${T_COLUMNS}`;

/** Not yet reminded, expiring in (now, until], and made to live longer than the window. */
const CLAIM_REMINDERS = `
UPDATE pat_tokens t SET reminded_at = $1::timestamptz
FROM (
  SELECT id FROM pat_tokens
  WHERE replaced_by IS NULL AND revoked_at IS NULL AND reminded_at IS NULL
    AND expires_at > $1::timestamptz AND expires_at <= $2::timestamptz
    AND expires_at - created_at > $2::timestamptz - $1::timestamptz
  ORDER BY expires_at LIMIT $3 FOR UPDATE SKIP LOCKED
) claimed
WHERE t.id = claimed.id
RETURNING ${T_COLUMNS}`;

type ActivityMethods = Required<
  Pick<TokenStore, 'recordActivity' | 'listActivity' | 'pruneActivity' | 'claimExpired' | 'claimExpiryReminders' | 'releaseExpiryReminder'>
>;

export function postgresActivity(rows: Rows, toStoredToken: (row: TokenRow) => StoredToken): ActivityMethods {
  const tokens = async (text: string, params: unknown[]) => (await rows<TokenRow>(text, params)).map(toStoredToken);
  return {
    async recordActivity(events, { maxPerUser }) {
      if (!events.length) return;
      const column = <T>(pick: (event: StoredActivity) => T) => events.map(pick);
      await rows(RECORD_ACTIVITY, [
        column((e) => e.id),
        column((e) => e.userId),
        column((e) => e.type),
        column((e) => e.at.toISOString()),
        column((e) => e.tokenId),
        column((e) => e.tokenName),
        column((e) => e.relatedTokenId),
        column((e) => e.actor),
        column((e) => e.actorId),
        column((e) => e.ip),
        column((e) => e.userAgent),
        column((e) => e.reason),
        column((e) => e.url),
        column((e) => e.expiresAt?.toISOString() ?? null),
        maxPerUser,
      ]);
    },

    async listActivity({ userId, tokenId, before, limit }: ActivityQuery) {
      const found = await rows<ActivityRow>(LIST_ACTIVITY, [userId, tokenId, before?.at.toISOString() ?? null, before?.id ?? null, limit]);
      return found.map(toStoredActivity);
    },

    async pruneActivity(olderThan) {
      let deleted = 0;
      for (;;) {
        const [row] = await rows<{ claimed: number; deleted: number }>(PRUNE_ACTIVITY, [olderThan.toISOString(), PRUNE_BATCH]);
        deleted += Number(row?.deleted ?? 0);
        if (Number(row?.claimed ?? 0) < PRUNE_BATCH) return deleted;
      }
    },

    claimExpired: (now, limit) => tokens(CLAIM_EXPIRED, [now.toISOString(), limit]),
    claimExpiryReminders: (now, until, limit) => tokens(CLAIM_REMINDERS, [now.toISOString(), until.toISOString(), limit]),

    async releaseExpiryReminder(tokenId, claimedAt) {
      await rows(`UPDATE pat_tokens SET reminded_at = NULL WHERE id = $1 AND reminded_at = $2::timestamptz`, [
        tokenId,
        claimedAt.toISOString(),
      ]);
    },
  };
}
