/**
 * The schema of `postgresStore`, as ordered migrations. `pat_schema_versions` records each one
 * applied; `migrate()` applies the others, in order, in one statement:
 *
 * - One statement (a DO block) is one transaction whatever the client does (a Pool may send each
 *   query on another connection): the changes and their records commit together or not at all.
 * - It first takes a transaction-level advisory lock, so processes starting together queue up:
 *   the second finds every version recorded by the first (each statement in the block reads
 *   anew) and does nothing. `CREATE … IF NOT EXISTS` alone can race.
 * - A database whose versions are all recorded is left as it is, including one migrated by a
 *   newer release: migrations only add, so an older release keeps working on it.
 *
 * Version 1 is the schema from before versions were recorded, written with `IF NOT EXISTS` so
 * such a database adopts it without change. A migration, once released, is never edited: a
 * change is a new version at the end.
 */

export interface Migration {
  version: number;
  description: string;
  /** PL/pgSQL statements, run inside the migration's DO block. */
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'tokens, and each user’s count of live tokens',
    sql: `
  CREATE TABLE IF NOT EXISTS pat_tokens (
    id            text PRIMARY KEY,
    user_id       text NOT NULL,
    secret_hash   bytea NOT NULL CHECK (octet_length(secret_hash) = 32),
    partial_key   text NOT NULL,
    name          text NOT NULL,
    description   text,
    scopes        text[],
    created_at    timestamptz NOT NULL,
    expires_at    timestamptz,
    last_used_at  timestamptz,
    replaced_by   text,
    rotated_from  text
  );
  CREATE UNIQUE INDEX IF NOT EXISTS pat_tokens_secret_hash_key ON pat_tokens (secret_hash);
  CREATE UNIQUE INDEX IF NOT EXISTS pat_tokens_rotated_from_key ON pat_tokens (rotated_from);
  CREATE INDEX IF NOT EXISTS pat_tokens_user_created_idx ON pat_tokens (user_id, created_at DESC);

  CREATE TABLE IF NOT EXISTS pat_token_owners (
    user_id      text PRIMARY KEY,
    live_tokens  integer NOT NULL CHECK (live_tokens >= 0)
  );`,
  },
  {
    version: 2,
    description: 'at most one predecessor in a grace period; indexes for maintain()',
    sql: `
  -- Tokens kept working for a successor that no longer works as one (rotated again, or deleted)
  -- were allowed before this rule; their grace ends now.
  DELETE FROM pat_tokens p
  WHERE p.replaced_by IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM pat_tokens s WHERE s.id = p.replaced_by AND s.replaced_by IS NULL);
  CREATE INDEX IF NOT EXISTS pat_tokens_expires_at_idx ON pat_tokens (expires_at);
  CREATE INDEX IF NOT EXISTS pat_tokens_replaced_by_idx ON pat_tokens (replaced_by) WHERE replaced_by IS NOT NULL;`,
  },
  {
    version: 3,
    description: 'recent callers, the activity trail, expiry events and reminders',
    sql: `
  -- Per token, its most recent distinct callers: [{ "ip", "userAgent", "lastUsedAt" }], newest first, at most 5.
  ALTER TABLE pat_tokens ADD COLUMN IF NOT EXISTS recent_callers jsonb;
  -- When maintain() recorded the token's expiry, and when it claimed its reminder: each once.
  ALTER TABLE pat_tokens ADD COLUMN IF NOT EXISTS expiry_recorded_at timestamptz;
  ALTER TABLE pat_tokens ADD COLUMN IF NOT EXISTS reminded_at timestamptz;
  CREATE INDEX IF NOT EXISTS pat_tokens_expiry_unrecorded_idx ON pat_tokens (expires_at)
    WHERE expiry_recorded_at IS NULL AND replaced_by IS NULL;
  CREATE INDEX IF NOT EXISTS pat_tokens_unreminded_idx ON pat_tokens (expires_at)
    WHERE reminded_at IS NULL AND replaced_by IS NULL;

  -- Ids compare byte by byte (COLLATE "C"): the trail's order, after the time, is the ids' order.
  CREATE TABLE IF NOT EXISTS pat_activity (
    id                text COLLATE "C" PRIMARY KEY,
    user_id           text NOT NULL,
    type              text NOT NULL,
    at                timestamptz NOT NULL,
    token_id          text NOT NULL,
    token_name        text,
    related_token_id  text,
    actor             text,
    actor_id          text,
    ip                text,
    user_agent        text,
    reason            text,
    url               text,
    expires_at        timestamptz
  );
  CREATE INDEX IF NOT EXISTS pat_activity_user_at_idx ON pat_activity (user_id, at DESC, id DESC);
  CREATE INDEX IF NOT EXISTS pat_activity_at_idx ON pat_activity (at);`,
  },
  {
    version: 4,
    description: 'revoked tokens: kept and listed with why and when; an index for maintain()',
    sql: `
  ALTER TABLE pat_tokens
    ADD COLUMN IF NOT EXISTS revoked_at timestamptz,
    ADD COLUMN IF NOT EXISTS revoked_reason text CHECK (revoked_reason IN ('leaked', 'admin', 'account')),
    ADD COLUMN IF NOT EXISTS revoked_url text;
  ALTER TABLE pat_tokens ADD CONSTRAINT pat_tokens_revocation_whole CHECK (
    (revoked_at IS NULL) = (revoked_reason IS NULL) AND (revoked_url IS NULL OR revoked_at IS NOT NULL)
  );
  CREATE INDEX IF NOT EXISTS pat_tokens_revoked_at_idx ON pat_tokens (revoked_at) WHERE revoked_at IS NOT NULL;`,
  },
];

/** The newest schema version this release knows. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/**
 * Serialises `migrate()` across processes (any fixed number works; this one is "pat-elements"
 * hashed once). Kept from before versions, so old and new releases starting together queue up.
 */
const MIGRATION_LOCK = 4_815_162_342;

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** One DO block that applies every migration of `migrations` not yet recorded, in order. */
export function migrationScript(migrations: readonly Migration[] = MIGRATIONS): string {
  const steps = [...migrations]
    .sort((a, b) => a.version - b.version)
    .map(
      ({ version, description, sql }) => `
  IF NOT EXISTS (SELECT 1 FROM pat_schema_versions WHERE version = ${version}) THEN
    ${sql.trim()}
    INSERT INTO pat_schema_versions (version, description, applied_at) VALUES (${version}, ${literal(description)}, now());
  END IF;`,
    );
  return `
DO $migrate$
BEGIN
  PERFORM pg_advisory_xact_lock(${MIGRATION_LOCK});
  CREATE TABLE IF NOT EXISTS pat_schema_versions (
    version      integer PRIMARY KEY,
    description  text NOT NULL,
    applied_at   timestamptz NOT NULL
  );
${steps.join('\n')}
END
$migrate$`;
}
