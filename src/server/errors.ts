/**
 * Why the token service refused a request. `createFetchHandler` turns each code into its HTTP
 * status; a host calling the service directly can branch on `code`. Messages are written for
 * people and never contain a secret or echo a submitted value.
 */
export type TokenServiceErrorCode =
  /** 422: a field is invalid or breaks the policy; `fieldErrors` says which and why. */
  | 'invalid-request'
  /** 404: the user has no token with this id (another user's token is "not found" too). */
  | 'not-found'
  /** 409: the user already has as many tokens as the policy allows. */
  | 'token-limit'
  /** 409: a rotation already replaced this token. */
  | 'already-replaced'
  /** 409: the token was revoked (it stays listed, and can only be deleted): it cannot be rotated. */
  | 'revoked'
  /**
   * 503: the store cannot answer now (the database is down, restarting, read-only, or did not
   * answer within its deadline). Never a verdict on the token: retry later. `cause` holds what
   * the store saw.
   */
  | 'unavailable';

export class TokenServiceError extends Error {
  override readonly name = 'TokenServiceError';
  readonly code: TokenServiceErrorCode;
  /** Per request field, a message a person can act on (`invalid-request` only). */
  readonly fieldErrors: Readonly<Record<string, string>> | undefined;

  constructor(code: TokenServiceErrorCode, message: string, fieldErrors?: Record<string, string>, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.fieldErrors = fieldErrors;
  }
}

/**
 * The host's setup needs a change, and no request can succeed until it is made: the store's
 * tables are missing (`migrate()` was never called), a body parser read the request body before
 * the handler, a request reached the handler outside its `basePath`. Not a bug of ours and not an
 * outage: the message says what to change, for the host's logs (`onError`).
 */
export class SetupError extends Error {
  override readonly name = 'SetupError';
  /**
   * What a client may be told (the `detail` of the 500 it gets): what the server must change,
   * never a table, a query or a path. Absent when the client is told nothing new.
   */
  readonly detail: string | undefined;

  constructor(message: string, options?: { detail?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.detail = options?.detail;
  }
}
