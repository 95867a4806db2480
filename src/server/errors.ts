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
