/**
 * A store in PostgreSQL, through anything with `query(text, params)`: `pg`'s Pool or Client
 * (PostgreSQL and what speaks its protocol) or PGlite (PostgreSQL in WebAssembly, embedded). No
 * driver is imported here: the host passes its own.
 *
 * Every method is one SQL statement, so it is atomic without a transaction spanning calls (which
 * a Pool could not promise: each `query` may run on another connection). See postgres-schema.ts
 * for how the limits hold under concurrency, and database-guard.ts for deadlines, outages and
 * the replica.
 */
import { guardDatabase, guarded, type DatabaseGuardOptions } from './database-guard.js';
import { lockPGliteDataDir } from './pglite-lock.js';
import { addedUses, callersOf, postgresActivity, RECORD_USES, recordUsesParams, type CallersJson } from './postgres-activity.js';
import { postgresMaintenance } from './postgres-maintenance.js';
import { migrationScript } from './postgres-migrations.js';
import { postgresRevocation } from './postgres-revocation.js';
import { ROTATED_FROM_KEY, TOKEN_COLUMNS } from './postgres-schema.js';
import type { NewToken, RevocationReason, RotateInput, RotateResult, StoredToken, TokenStore, TokenUse } from './store.js';

/** What `postgresStore` needs of a database client: `pg`'s Pool and Client and PGlite have it. */
export interface SqlClient {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  partial_key: string;
  scopes: string[] | null;
  created_at: Date | string;
  expires_at: Date | string | null;
  last_used_at: Date | string | null;
  replaced_by: string | null;
  revoked_at: Date | string | null;
  revoked_reason: RevocationReason | null;
  revoked_url: string | null;
  /** Only where a query asks for it (`WITH_CALLERS`). */
  recent_callers?: CallersJson;
}

/** The columns of `findByHash` and `findToken`: the token's, and its recent callers. */
const WITH_CALLERS = `${TOKEN_COLUMNS}, recent_callers`;

const date = (value: Date | string) => (value instanceof Date ? value : new Date(value));
const optionalDate = (value: Date | string | null) => (value === null ? null : date(value));
const timestamp = (value: Date | null) => (value === null ? null : value.toISOString());

function toStoredToken(row: TokenRow): StoredToken {
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    description: row.description,
    partialKey: row.partial_key,
    scopes: row.scopes,
    createdAt: date(row.created_at),
    expiresAt: optionalDate(row.expires_at),
    lastUsedAt: optionalDate(row.last_used_at),
    replacedBy: row.replaced_by,
    revocation:
      row.revoked_at === null || row.revoked_reason === null
        ? null
        : { at: date(row.revoked_at), reason: row.revoked_reason, url: row.revoked_url },
    ...(row.recent_callers === undefined ? {} : { recentCallers: callersOf(row.recent_callers) }),
  };
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint: name, message } = error as { code?: unknown; constraint?: unknown; message?: unknown };
  // pg names the constraint; PGlite's errors may carry it only in the message.
  return code === '23505' && (name === constraint || (typeof message === 'string' && message.includes(constraint)));
}

const INSERT = `
WITH slot AS (
  INSERT INTO pat_token_owners AS owner (user_id, live_tokens) VALUES ($2, 1)
  ON CONFLICT (user_id) DO UPDATE SET live_tokens = owner.live_tokens + 1
    WHERE owner.live_tokens < $10
  RETURNING owner.user_id
)
INSERT INTO pat_tokens (id, user_id, secret_hash, partial_key, name, description, scopes, created_at, expires_at)
SELECT $1, slot.user_id, decode($3, 'hex'), $4, $5, $6, $7::text[], $8::timestamptz, $9::timestamptz FROM slot
RETURNING ${TOKEN_COLUMNS}`;

/**
 * The old token ($1, of user $2) is claimed by the first CTE: only a row no rotation replaced
 * matches, re-checked under its row lock, so a parallel rotation finds nothing. The new token
 * copies its name, description and scopes. Replaced tokens whose grace ended (before $8) go, and
 * so does the old token's own predecessor once the claim succeeded: at most one predecessor.
 */
function rotateSql(revokeAtOnce: boolean): string {
  const claim = revokeAtOnce
    ? `DELETE FROM pat_tokens WHERE id = $1 AND user_id = $2 AND replaced_by IS NULL AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}`
    : `UPDATE pat_tokens SET replaced_by = $3, expires_at = LEAST(expires_at, $9::timestamptz)
       WHERE id = $1 AND user_id = $2 AND replaced_by IS NULL AND revoked_at IS NULL RETURNING ${TOKEN_COLUMNS}`;
  return `
WITH previous AS (
  ${claim}
), token AS (
  INSERT INTO pat_tokens (id, user_id, secret_hash, partial_key, name, description, scopes, created_at, expires_at, rotated_from)
  SELECT $3, user_id, decode($4, 'hex'), $5, name, description, scopes, $6::timestamptz, $7::timestamptz, id FROM previous
  RETURNING ${TOKEN_COLUMNS}
), purged AS (
  DELETE FROM pat_tokens WHERE user_id = $2 AND replaced_by IS NOT NULL
    AND (expires_at <= $8::timestamptz OR (replaced_by = $1 AND EXISTS (SELECT 1 FROM previous)))
)
SELECT 'token' AS role, * FROM token
${revokeAtOnce ? '' : "UNION ALL SELECT 'previous' AS role, * FROM previous"}`;
}

/**
 * A deleted token that held a slot (neither replaced nor revoked: a revoked one gave it back
 * then) gives its owner's slot back, and its predecessor in a grace period goes with it, in the
 * same statement.
 */
const DELETE = `
WITH gone AS (
  DELETE FROM pat_tokens WHERE id = $1 AND user_id = $2 RETURNING replaced_by, revoked_at
), predecessor AS (
  DELETE FROM pat_tokens WHERE user_id = $2 AND replaced_by = $1 AND EXISTS (SELECT 1 FROM gone)
), released AS (
  UPDATE pat_token_owners SET live_tokens = live_tokens - 1
  WHERE user_id = $2 AND EXISTS (SELECT 1 FROM gone WHERE replaced_by IS NULL AND revoked_at IS NULL)
)
SELECT count(*)::int AS deleted FROM gone`;

/** `postgresStore`'s options: a replica for reads, each call's deadline, and where database trouble is reported. */
export type PostgresStoreOptions = DatabaseGuardOptions;

export function postgresStore(db: SqlClient, options: PostgresStoreOptions = {}): TokenStore {
  // A PGlite with a data folder is for one process: claimed here, before it touches the folder.
  lockPGliteDataDir(db);
  const guard = guardDatabase(db, options);
  const rows = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const replicaRows = async <T>(text: string, params: unknown[], confirmEmpty = false) =>
    (await guard.read(text, params, confirmEmpty)).rows as T[];

  return guarded<TokenStore>(guard, {
    async migrate() {
      await db.query(migrationScript());
    },

    async list(userId, now) {
      const found = await replicaRows<TokenRow>(
        `SELECT ${TOKEN_COLUMNS} FROM pat_tokens
         WHERE user_id = $1 AND (replaced_by IS NULL OR expires_at > $2::timestamptz)
         ORDER BY created_at DESC, id`,
        [userId, now.toISOString()],
      );
      return found.map(toStoredToken);
    },

    async insert(token: NewToken, maxTokens) {
      const [row] = await rows<TokenRow>(INSERT, [
        token.id,
        token.userId,
        token.secretHash,
        token.partialKey,
        token.name,
        token.description,
        token.scopes,
        token.createdAt.toISOString(),
        timestamp(token.expiresAt),
        maxTokens,
      ]);
      return row ? toStoredToken(row) : null;
    },

    async rotate({ userId, id, replacement, graceEndsAt, now }: RotateInput): Promise<RotateResult> {
      const params = [
        id,
        userId,
        replacement.id,
        replacement.secretHash,
        replacement.partialKey,
        replacement.createdAt.toISOString(),
        timestamp(replacement.expiresAt),
        now.toISOString(),
      ];
      if (graceEndsAt !== null) params.push(graceEndsAt.toISOString());
      let result: Array<TokenRow & { role: 'token' | 'previous' }>;
      try {
        result = await rows(rotateSql(graceEndsAt === null), params);
      } catch (error) {
        if (isUniqueViolation(error, ROTATED_FROM_KEY)) return { outcome: 'already-replaced' };
        throw error;
      }
      const token = result.find((row) => row.role === 'token');
      if (token) {
        const previous = result.find((row) => row.role === 'previous');
        return { outcome: 'rotated', token: toStoredToken(token), previous: previous ? toStoredToken(previous) : null };
      }
      // Nothing claimed: tell "gone" from "revoked" and from "a rotation got there first".
      const [existing] = await rows<{ revoked: boolean }>(
        `SELECT revoked_at IS NOT NULL AS revoked FROM pat_tokens WHERE id = $1 AND user_id = $2`,
        [id, userId],
      );
      if (!existing) return { outcome: 'not-found' };
      return existing.revoked ? { outcome: 'revoked' } : { outcome: 'already-replaced' };
    },

    async delete(userId, id) {
      const [row] = await rows<{ deleted: number }>(DELETE, [id, userId]);
      return Number(row?.deleted ?? 0) > 0;
    },

    async findByHash(secretHash) {
      const [row] = await replicaRows<TokenRow>(
        `SELECT ${WITH_CALLERS} FROM pat_tokens WHERE secret_hash = decode($1, 'hex')`,
        [secretHash],
        true,
      );
      return row ? toStoredToken(row) : null;
    },

    async recordUses(uses: readonly TokenUse[]) {
      const added = await rows<{ id: string; ip: string | null; ua: string | null }>(RECORD_USES, recordUsesParams(uses));
      return { newCallers: addedUses(uses, added) };
    },

    async findToken(userId, id) {
      const [row] = await rows<TokenRow>(`SELECT ${WITH_CALLERS} FROM pat_tokens WHERE id = $1 AND user_id = $2`, [id, userId]);
      return row ? toStoredToken(row) : null;
    },

    ...postgresRevocation(rows, toStoredToken),
    ...postgresMaintenance(rows),
    ...postgresActivity(rows, toStoredToken),
  });
}
