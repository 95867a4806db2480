/**
 * Turns a parsed JSON value into typed data, or an error that names the first offending field in
 * words: a `ContractError` for a server's answer, an `InvalidRequestError` for a request about to
 * be sent. Values are never echoed into messages: they may be hostile or secret.
 */
import * as z from 'zod/mini';
import { ContractError, InvalidRequestError, PartialListError, type PatError } from './errors.js';
import {
  ActivityPageSchema,
  CreateTokenRequestSchema,
  CreateTokenResponseSchema,
  RotateTokenRequestSchema,
  RotateTokenResponseSchema,
  ScopeSchema,
  ServerPolicySchema,
  TokenSchema,
  type ActivityPage,
  type CreateTokenRequest,
  type CreateTokenResponse,
  type ListTokensResponse,
  type RotateTokenRequest,
  type RotateTokenResponse,
  type Token,
} from './schemas.js';

type Issue = z.core.$ZodIssue & { input?: unknown };

const typeNames: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  array: 'a list',
  object: 'an object',
};

function describeExpected(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return typeNames[issue.expected] ?? issue.expected;
    case 'invalid_format':
      // The contract's only string format.
      return 'an ISO 8601 date-time';
    case 'too_small':
      // Every length in the contract is at least 1; only a number's bound can be exclusive (`positive()`).
      if (issue.origin === 'string' || issue.origin === 'array') return `a non-empty ${issue.origin === 'array' ? 'list' : 'string'}`;
      return `${issue.inclusive ? 'at least' : 'more than'} ${String(issue.minimum)}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}${issue.origin === 'string' ? ' characters' : ''}`;
    case 'invalid_union':
      return 'one of the allowed types';
    default:
      return 'valid';
  }
}

function describeReceived(issue: Issue): string {
  const input = issue.input;
  if (issue.code === 'invalid_format') return 'it is not in that format';
  if (issue.code === 'too_small' || issue.code === 'too_big')
    return input === '' || (Array.isArray(input) && !input.length) ? 'it is empty' : 'it is out of range';
  if (input === undefined) return 'it is missing';
  if (input === null) return 'it is null';
  if (Array.isArray(input)) return 'it is a list';
  if (typeof input === 'number' && !Number.isInteger(input)) return 'it is a fractional number';
  return `it is ${typeNames[typeof input] ?? typeof input}`;
}

/** `['tokens', 2, 'createdAt']` → `tokens[2].createdAt` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** A server's answer that fails is a `ContractError`; a request that fails is never sent. */
type IssueError = new (field: string, expected: string, received: string) => PatError;

function parseWith<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  prefix: readonly PropertyKey[] = [],
  Failure: IssueError = ContractError,
): z.output<S> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0] as Issue;
  throw new Failure(formatPath([...prefix, ...issue.path]), describeExpected(issue), describeReceived(issue));
}

/** Parses a response body's text as JSON; a body that is not JSON is a contract error. */
export function parseJson(text: string, contentType: string | null): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const type = contentType?.split(';')[0]?.trim();
    throw new ContractError('', 'JSON', type && !type.includes('json') ? `it is ${type}` : 'it is not valid JSON');
  }
}

/** The list answer's envelope; its tokens are checked one by one (`parseTokens`). */
const ListEnvelopeSchema = z.object({
  tokens: z.array(z.unknown()),
  scopes: z.optional(z.array(ScopeSchema)),
  policy: z.optional(ServerPolicySchema),
});

/** The list answer: its tokens, and the scope catalogue and policy when the server sent them. */
export function parseListResponse(value: unknown): ListTokensResponse {
  const { tokens, scopes, policy } = parseWith(ListEnvelopeSchema, value);
  const extras = { ...(scopes && { scopes }), ...(policy && { policy }) };
  return { ...extras, tokens: parseTokens(tokens, extras) };
}

/** For adapters' `list()` results that are the array itself. */
export function parseTokenArray(value: unknown): Token[] {
  return parseTokens(parseWith(z.array(z.unknown()), value, ['tokens']));
}

/** An adapter's `list()` result: the whole answer, or the array of tokens alone. */
export function parseListResult(value: unknown): ListTokensResponse {
  return Array.isArray(value) ? { tokens: parseTokenArray(value) } : parseListResponse(value);
}

/**
 * Checks each token on its own, so one broken token does not hide the others: when some are
 * invalid and some valid, a `PartialListError` carries the valid ones (and the answer's catalogue
 * and policy); when none is valid, it is a `ContractError` like any other broken answer.
 */
function parseTokens(items: readonly unknown[], extras: Omit<ListTokensResponse, 'tokens'> = {}): Token[] {
  const tokens: Token[] = [];
  let rejected = 0;
  let first: { index: number; issue: Issue } | undefined;
  items.forEach((item, index) => {
    const result = z.safeParse(TokenSchema, item, { reportInput: true });
    if (result.success) tokens.push(result.data);
    else {
      rejected++;
      first ??= { index, issue: result.error.issues[0] as Issue };
    }
  });
  if (!first) return tokens;
  const field = formatPath(['tokens', first.index, ...first.issue.path]);
  const [expected, received] = [describeExpected(first.issue), describeReceived(first.issue)];
  if (!tokens.length) throw new ContractError(field, expected, received);
  throw new PartialListError(field, expected, received, tokens, rejected, extras);
}

export function parseCreateResponse(value: unknown): CreateTokenResponse {
  return parseWith(CreateTokenResponseSchema, value);
}

export function parseRotateResponse(value: unknown): RotateTokenResponse {
  return parseWith(RotateTokenResponseSchema, value);
}

export function parseActivityPage(value: unknown): ActivityPage {
  return parseWith(ActivityPageSchema, value);
}

/** The create request as the contract sends it (name trimmed, unknown members dropped), or an `InvalidRequestError`. */
export function parseCreateRequest(value: unknown): CreateTokenRequest {
  return parseWith(CreateTokenRequestSchema, value, [], InvalidRequestError);
}

/** The rotate request as the contract sends it, or an `InvalidRequestError`. */
export function parseRotateRequest(value: unknown): RotateTokenRequest {
  return parseWith(RotateTokenRequestSchema, value, [], InvalidRequestError);
}

/** The id that goes into an item URL: a non-empty string, or an `InvalidRequestError`. */
export function parseTokenId(id: unknown): string {
  return parseWith(TokenSchema.shape.id, id, ['id'], InvalidRequestError);
}
