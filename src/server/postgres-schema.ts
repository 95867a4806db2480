/**
 * The one SQL schema of `postgresStore`, for PostgreSQL 13+ and PGlite, created and changed by
 * the migrations in postgres-migrations.ts. Two tables:
 *
 * - `pat_tokens`: one row per token. The secret is never stored: `secret_hash` is its SHA-256,
 *   unique, and the only way to find a token by its secret. A token the system revoked keeps its
 *   row (`revoked_at`, `revoked_reason`, `revoked_url`) until `maintain()` deletes it.
 * - `pat_token_owners`: per user, how many tokens neither replaced nor revoked (`live_tokens`). Creating a
 *   token takes a slot here with one conditional upsert, which row-locks the user's counter, so
 *   parallel creates on any number of connections never exceed the maximum.
 *
 * "One rotation wins" holds twice over: a rotation claims the old row with a conditional UPDATE
 * (`replaced_by IS NULL`, re-checked under the row lock), and `rotated_from` is unique, so no
 * token can ever get two successors. The same claim deletes the old token's own predecessor
 * (`replaced_by` = the old token), so a token has at most one predecessor in a grace period.
 */

/** The constraint a second successor of one token would break. */
export const ROTATED_FROM_KEY = 'pat_tokens_rotated_from_key';

/** The columns every query returns, in `StoredToken`'s terms. */
export const TOKEN_COLUMNS =
  'id, user_id, name, description, partial_key, scopes, created_at, expires_at, last_used_at, replaced_by, revoked_at, revoked_reason, revoked_url';

/** `TOKEN_COLUMNS` of the table called `alias` in a query that joins another with the same column names. */
export const tokenColumnsOf = (alias: string) =>
  TOKEN_COLUMNS.split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
