/**
 * The English sentences of the errors a user may see: the `message` of the API's errors, and the
 * defaults of the elements' error strings (which a host's `strings` or a locale replace). One copy
 * of each sentence, so the two never drift apart.
 */

export interface ErrorStrings {
  errorNetwork: string;
  errorTimeout: string;
  /** The answer is not JSON at all. */
  errorContractNoField: string;
  /** The answer is JSON of the wrong shape as a whole (e.g. an array instead of an object). */
  errorContractShape: string;
  errorUnauthorized: string;
  errorForbidden: string;
  errorNotFound: string;
  errorConflict: string;
  errorValidation: string;
  errorRateLimited: string;
  /** `{status}` is replaced by the HTTP status. */
  errorServer: string;
  errorHttp: string;
  errorUnknown: string;
}

export const defaultErrorStrings: ErrorStrings = {
  errorNetwork: "Couldn't reach the server. Check your connection and try again.",
  errorTimeout: 'The server took too long to answer. Try again.',
  errorContractNoField: "The server's answer was not understood (it was not valid JSON).",
  errorContractShape: "The server's answer was not understood (it does not have the expected shape).",
  errorUnauthorized: "You're not signed in, or your session has expired. Sign in again and retry.",
  errorForbidden: "You don't have permission to do this.",
  errorNotFound: 'The token service was not found at this address.',
  errorConflict: 'The request conflicts with an existing token.',
  errorValidation: 'Some of the values were not accepted.',
  errorRateLimited: 'Too many requests. Wait a moment and try again.',
  errorServer: 'The server ran into a problem (HTTP {status}). Try again in a moment.',
  errorHttp: 'The request failed (HTTP {status}).',
  errorUnknown: 'Something went wrong. Try again.',
};

/** The string for an HTTP status that came without a readable problem body; `{status}` not yet filled. */
export function httpStatusString(status: number, strings: ErrorStrings): string {
  if (status === 401) return strings.errorUnauthorized;
  if (status === 403) return strings.errorForbidden;
  if (status === 404) return strings.errorNotFound;
  if (status === 409) return strings.errorConflict;
  if (status === 400 || status === 422) return strings.errorValidation;
  if (status === 429) return strings.errorRateLimited;
  return status >= 500 ? strings.errorServer : strings.errorHttp;
}
