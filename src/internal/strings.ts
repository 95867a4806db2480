/**
 * User-visible strings shared by every element: how errors read, and the shape of a string that
 * depends on a count. Each element adds its own strings in its folder; a host overrides any of
 * them with a partial `strings` object.
 */
import { httpStatusString, type ErrorStrings } from '../api/error-strings.js';
import { HttpError, type PatError } from '../api/errors.js';

export { defaultErrorStrings, type ErrorStrings } from '../api/error-strings.js';

/**
 * A string that depends on a count, by CLDR plural category (`Intl.PluralRules`): English needs
 * `one` and `other`, Arabic all six. `other` is required: it is used for any category not given.
 */
export type PluralString = { other: string } & Partial<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>;

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
    return fill(httpStatusString(error.status, strings), { status: error.status });
  }
  return strings.errorUnknown;
}
