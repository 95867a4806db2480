/**
 * The one SQL schema of `postgresStore`, for PostgreSQL 13+ and PGlite. Two tables:
 *
 * - `pat_tokens`: one row per token. The secret is never stored: `secret_hash` is its SHA-256,
 *   unique, and the only way to find a token by its secret.
 * - `pat_token_owners`: per user, how many tokens no rotation replaced (`live_tokens`). Creating a
 *   token takes a slot here with one conditional upsert, which row-locks the user's counter, so
 *   parallel creates on any number of connections never exceed the maximum.
 *
 * "One rotation wins" holds twice over: a rotation claims the old row with a conditional UPDATE
 * (`replaced_by IS NULL`, re-checked under the row lock), and `rotated_from` is unique, so no
 * token can ever get two successors.
 */

/**
 * Serialises `migrate()` across processes that start together (`CREATE … IF NOT EXISTS` alone
 * can race). Any fixed number works; this one is "pat-elements" hashed once.
 */
const MIGRATION_LOCK = 4_815_162_342;

/** One statement (a DO block), so it runs in one transaction whatever the client does. */
export const MIGRATION = `
DO $migration$
BEGIN
  PERFORM pg_advisory_xact_lock(${MIGRATION_LOCK});

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
  );
END
$migration$`;

/** The constraint a second successor of one token would break. */
export const ROTATED_FROM_KEY = 'pat_tokens_rotated_from_key';

/** The columns every query returns, in `StoredToken`'s terms. */
export const TOKEN_COLUMNS = 'id, user_id, name, description, partial_key, scopes, created_at, expires_at, last_used_at, replaced_by';
