/**
 * User-visible strings shared by every element: how errors read, and the shape of a string that
 * depends on a count. Each element adds its own strings in its folder; a host overrides any of
 * them with a partial `strings` object.
 */
import { HttpError, type PatError } from '../api/errors.js';

/**
 * A string that depends on a count, by CLDR plural category (`Intl.PluralRules`): English needs
 * `one` and `other`, Arabic all six. `other` is required: it is used for any category not given.
 */
export type PluralString = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

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

/** Fills `{name}` placeholders; numbers go through `formatNumber` (the locale's digits and grouping). */
export function fill(template: string, values: Record<string, string | number>, formatNumber: (n: number) => string = String): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => {
    const value = values[key];
    return value === undefined ? match : typeof value === 'number' ? formatNumber(value) : value;
  });
}

/**
 * The sentence to show for an error. A server's own problem+json `detail` (or `title`) wins over
 * our generic text, since the server knows what went wrong; everything else is localised here.
 */
export function describeError(error: unknown, strings: ErrorStrings): string {
  const kind = (error as PatError | undefined)?.kind;
  if (kind === 'network') return strings.errorNetwork;
  if (kind === 'timeout') return strings.errorTimeout;
  if (kind === 'contract') {
    // Which field broke the contract is for the developer (the elements log it), not the user.
    return (error as { expected?: string }).expected === 'JSON' ? strings.errorContractNoField : strings.errorContractShape;
  }
  if (error instanceof HttpError) {
    const fromServer = error.detail ?? error.title;
    if (fromServer) return fromServer;
    const { status } = error;
    if (status === 401) return strings.errorUnauthorized;
    if (status === 403) return strings.errorForbidden;
    if (status === 404) return strings.errorNotFound;
    if (status === 409) return strings.errorConflict;
    if (status === 400 || status === 422) return strings.errorValidation;
    if (status === 429) return strings.errorRateLimited;
    return fill(status >= 500 ? strings.errorServer : strings.errorHttp, { status });
  }
  return strings.errorUnknown;
}
