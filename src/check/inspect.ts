/**
 * Judging bodies with the contract's own zod schemas (`src/api/schemas.ts`), the ones the elements
 * parse with. Date formats are split off from the rest of a body's shape so that one fault fails
 * one clause: a date without an offset fails `dates`, not also `list` or `create`.
 */
import * as z from 'zod/mini';
import { ContractError } from '../api/errors.js';
import { formatPath } from '../api/parse.js';

type Issue = z.core.$ZodIssue;

/** A date the schema accepts, put in place of a malformed one while judging the rest. */
const VALID_DATE = '2000-01-01T00:00:00Z';

function isDateIssue(issue: Issue): boolean {
  return issue.code === 'invalid_format' && issue.format === 'datetime';
}

/**
 * What is wrong with `value`'s shape apart from date formats, worded like the elements' own
 * contract errors (`parse` is one of `src/api/parse.ts`'s parsers of `schema`); `undefined` when
 * nothing is.
 */
export function shapeError(schema: z.ZodMiniType, parse: (value: unknown) => unknown, value: unknown): ContractError | undefined {
  const result = z.safeParse(schema, value);
  if (result.success) return undefined;
  const dateIssues = result.error.issues.filter(isDateIssue);
  // Only plain JSON reaches here, so a JSON round trip is a faithful copy.
  const patched = JSON.parse(JSON.stringify(value)) as unknown;
  for (const issue of dateIssues) setAt(patched, issue.path, VALID_DATE);
  try {
    parse(patched);
  } catch (error) {
    if (error instanceof ContractError) return error;
    throw error;
  }
  return undefined;
}

/** The paths of date-times the schema rejects for their format, e.g. `tokens[2].createdAt`. */
export function malformedDates(schema: z.ZodMiniType, value: unknown): string[] {
  const result = z.safeParse(schema, value);
  if (result.success) return [];
  return result.error.issues.filter(isDateIssue).map((issue) => formatPath(issue.path));
}

/** `“tokens[0].partialKey” should be a string, but it is a number`: never the value itself. */
export function describeContractError(error: ContractError): string {
  const where = error.field ? `“${error.field}”` : 'the body';
  return `${where} should be ${error.expected}, but ${error.received}`;
}

function setAt(root: unknown, path: readonly PropertyKey[], value: unknown): void {
  let node = root as Record<PropertyKey, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<PropertyKey, unknown>;
  node[path[path.length - 1]!] = value;
}

/**
 * Where in a JSON value a string contains `secret`, in words: `“tokens[0].key”`, `a key of
 * “tokens[0]”`, `the body`; or `undefined`. Never the secret itself, even when it is a key.
 */
export function findSecret(value: unknown, secret: string, path: PropertyKey[] = []): string | undefined {
  const where = () => (path.length ? `“${formatPath(path)}”` : 'the body');
  if (typeof value === 'string') return value.includes(secret) ? where() : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findSecret(item, secret, [...path, index]);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes(secret)) return path.length ? `a key of ${where()}` : 'a key of the body';
      const found = findSecret(item, secret, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * How many characters of the secret's random part `partialKey` shows: the longest run they share.
 * The identifying prefix (`pat_`, `sk_live_`) is public, as secret scanners need it to be, so it
 * does not count.
 */
export function revealedLength(partialKey: string, secret: string): number {
  const random = randomPart(secret);
  let longest = 0;
  // Longest common substring by dynamic programming; both strings are short.
  let previous = new Array<number>(random.length + 1).fill(0);
  for (let i = 1; i <= partialKey.length; i += 1) {
    const current = new Array<number>(random.length + 1).fill(0);
    for (let j = 1; j <= random.length; j += 1) {
      if (partialKey[i - 1] === random[j - 1]) {
        current[j] = previous[j - 1]! + 1;
        longest = Math.max(longest, current[j]!);
      }
    }
    previous = current;
  }
  return longest;
}

/**
 * The most of the random part a partial key may show: 8 characters, and never more than a
 * quarter of it (the reference server shows 4 of 36, GitHub and Stripe 4).
 */
export function revealLimit(secret: string): number {
  return Math.min(8, Math.floor(randomPart(secret).length / 4));
}

function randomPart(secret: string): string {
  // `pat_`, `ghp_`, `sk_live_`, `glpat-`: letters, then `_` or `-`, at most twice.
  return secret.replace(/^(?:[A-Za-z]{2,10}[_-]){1,2}/, '');
}

/** The `tokens` array of a list body, leniently: a list whose shape is broken may still be read. */
export function listedTokens(body: unknown): Array<Record<string, unknown>> | undefined {
  const tokens = (body as { tokens?: unknown } | undefined)?.tokens;
  if (!Array.isArray(tokens)) return undefined;
  return tokens.filter((token): token is Record<string, unknown> => typeof token === 'object' && token !== null);
}
