/**
 * Typed errors of the token API. Each has a `message` a user can read; the elements show a
 * localised version of it (see `describeError`). None of them ever carries a secret or echoes a
 * server value back verbatim except problem+json's `title`, `detail` and field messages, which the
 * server wrote for people to read.
 */
import { defaultErrorStrings, httpStatusString } from './error-strings.js';
import type { ListTokensResponse, Token } from './schemas.js';
import type { TokenOperation } from './token-client.js';

export type PatErrorKind = 'http' | 'network' | 'timeout' | 'contract' | 'invalid-request';

export abstract class PatError extends Error {
  abstract readonly kind: PatErrorKind;
  /** Set by the client that threw it, so the host knows what failed. */
  operation?: TokenOperation;
}

/** Plain-words defaults for statuses that come without a readable problem body. */
export function httpStatusMessage(status: number): string {
  return httpStatusString(status, defaultErrorStrings).replace('{status}', String(status));
}

export interface HttpErrorInit {
  status: number;
  title?: string | undefined;
  detail?: string | undefined;
  fieldErrors?: Record<string, string> | undefined;
}

/** The server answered with a non-success status. Problem+json members are kept when present. */
export class HttpError extends PatError {
  readonly kind = 'http';
  readonly status: number;
  readonly title: string | undefined;
  readonly detail: string | undefined;
  /** Field name → message, from problem+json `errors`. Empty when the server sent none. */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor({ status, title, detail, fieldErrors }: HttpErrorInit) {
    super(detail || title || httpStatusMessage(status));
    this.name = 'HttpError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors ?? {};
  }
}

/** The request never got an answer: offline, DNS, CORS, connection reset. */
export class NetworkError extends PatError {
  readonly kind = 'network';
  constructor(options?: ErrorOptions) {
    super(defaultErrorStrings.errorNetwork, options);
    this.name = 'NetworkError';
  }
}

/** No complete answer within the client's timeout; the request was aborted. */
export class TimeoutError extends PatError {
  readonly kind = 'timeout';
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`The server took too long to answer${timeoutMs >= 1000 ? ` (over ${Math.round(timeoutMs / 1000)} s)` : ''}. Try again.`);
    this.name = 'TimeoutError';
    this.timeoutMs = timeoutMs;
  }
}

/** One field of a message breaks the contract; `field` is a path like `tokens[2].createdAt`. */
export abstract class FieldError extends PatError {
  readonly field: string;
  readonly expected: string;
  readonly received: string;

  constructor(intro: string, field: string, expected: string, received: string) {
    super(`${intro}: ${field ? `“${field}”` : 'it'} should be ${expected}, but ${received}.`);
    this.field = field;
    this.expected = expected;
    this.received = received;
  }
}

/** The answer arrived but does not match the contract. */
export class ContractError extends FieldError {
  readonly kind = 'contract';
  constructor(field: string, expected: string, received: string) {
    super("The server's answer was not understood", field, expected, received);
    this.name = 'ContractError';
  }
}

/**
 * A request that breaks the contract, refused before anything was sent: a host's code or an
 * adapter asked for something the server would refuse.
 */
export class InvalidRequestError extends FieldError {
  readonly kind = 'invalid-request';
  constructor(field: string, expected: string, received: string) {
    super('The request was not sent', field, expected, received);
    this.name = 'InvalidRequestError';
  }
}

/**
 * A list answer in which some tokens break the contract and the others are valid. The elements
 * show the valid ones and say how many were left out; `field` names the first offending field for
 * the developer. Thrown only when at least one token is valid: with none, it is a plain
 * `ContractError`.
 */
export class PartialListError extends ContractError {
  /** The tokens that are valid, in the order the server sent them. */
  readonly tokens: Token[];
  /** How many tokens were left out. */
  readonly rejected: number;
  /** The answer without the tokens left out: the valid tokens, and the catalogue and policy it carried. */
  readonly answer: ListTokensResponse;

  constructor(
    field: string,
    expected: string,
    received: string,
    tokens: Token[],
    rejected: number,
    extras: Omit<ListTokensResponse, 'tokens'> = {},
  ) {
    super(field, expected, received);
    this.name = 'PartialListError';
    this.tokens = tokens;
    this.rejected = rejected;
    this.answer = { ...extras, tokens };
  }
}

/** True for a cancelled request (element removed, superseded): never something to show. */
export function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

export function isPatError(error: unknown): error is PatError {
  return error instanceof PatError;
}
