/**
 * `service.requireToken({ scopes?, clientIp?, onRefused? })`: the guard in front of a host's own
 * API. It reads `Authorization: Bearer …`, `check`s the secret with the scopes asked for, and
 * answers the refusals itself, as RFC 6750 says:
 *
 * | what the request carries | answer |
 * |---|---|
 * | no Bearer credentials | 401, `WWW-Authenticate: Bearer` (no error code: nothing was tried) |
 * | a malformed `Authorization: Bearer` header | 400, `error="invalid_request"` |
 * | a token that is malformed, unknown, expired or revoked | 401, `error="invalid_token"`, one answer for all four |
 * | a valid token without a scope asked for | 403, `error="insufficient_scope"`, `scope="…"` |
 * | anything while the store cannot answer | 503 with `Retry-After`: an outage is no bad token |
 *
 * The caller learns only what it can act on: whether a token it sent was ever valid is not among
 * it. The reason goes to the host's `onRefused` hook instead.
 */
import { TokenServiceError } from './errors.js';
import { problem, unavailable } from './responses.js';
import type { TokenCaller } from './store.js';
import type { CheckResult, RefusalReason, TokenService, VerifiedToken } from './token-service.js';

/** What the Node form reads of a request: Node's `IncomingMessage`, Express's or Connect's request. */
export interface GuardNodeRequest {
  headers: Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string | undefined } | undefined;
  /** Express's idea of the client's address, which follows its `trust proxy` setting. */
  ip?: string | undefined;
}

/** What the Node form writes of a refusal to Node's `ServerResponse` (Express's too). */
export interface GuardNodeResponse {
  readonly headersSent: boolean;
  writeHead(status: number, headers: Record<string, string>): unknown;
  end(chunk?: string): unknown;
}

/**
 * How to read the client's address (for the use recorded with the token):
 * - `{ header, proxies? }`: behind proxies, the address the nearest of `proxies` (default 1)
 *   trusted proxies saw, from a header they append to (`x-forwarded-for`) or set (`x-real-ip`,
 *   `cf-connecting-ip`). Entries a client wrote itself, to the left, are never read.
 * - a function of the request (the Fetch `Request`, or the Node/Express request) and, for
 *   `handler`, the framework's context (Hono's `c`), returning the address or nothing.
 *
 * Without it: the Node form reads Express's `req.ip` (its `trust proxy` setting), else the
 * socket's address; the Fetch form knows none (a Fetch `Request` does not carry it).
 */
export type ClientIp =
  { header: string; proxies?: number } | ((request: Request | GuardNodeRequest, context?: unknown) => string | null | undefined);

/** Why the guard refused a request: no Bearer credentials, a malformed header, or `check`'s reason. */
export type GuardRefusalReason = 'missing' | 'invalid-request' | RefusalReason;

/** What `onRefused` hears: everything the caller is not told. */
export interface TokenRefusal {
  reason: GuardRefusalReason;
  /** What the caller was answered. */
  status: 400 | 401 | 403;
  caller: TokenCaller;
  /** With `insufficient-scope`: the valid token that lacks a scope. */
  token?: VerifiedToken;
  /** The request refused: the Fetch `Request`, or the Node/Express request. */
  request: Request | GuardNodeRequest;
}

export interface RequireTokenOptions {
  /** Scope ids the token must have, all of them (a token without scopes has all permissions). */
  scopes?: readonly string[];
  /** How to read the client's address behind proxies; see `ClientIp`. */
  clientIp?: ClientIp;
  /**
   * Hears each refusal with its reason (`unknown`, `expired`…), for the host's logs and metrics;
   * the caller is never told it. Not called for an outage (the store reports that, once per cause).
   */
  onRefused?(refusal: TokenRefusal): void;
}

/** The guard's verdict on a Fetch request: the token, or the answer to send instead. */
export type Authorization =
  { ok: true; token: VerifiedToken } | { ok: false; reason: GuardRefusalReason | 'unavailable'; response: Response };

export interface TokenGuard {
  /** Fetch: the token the request carries, or the 400/401/403/503 to answer with. */
  authorize(request: Request, context?: unknown): Promise<Authorization>;
  /**
   * Fetch: `fn` behind the guard, as a handler of the same arguments. What follows the request
   * (Next.js's `{ params }`, Hono's `c` when passed) reaches `fn` after the token, and
   * `clientIp` as its context.
   */
  handler<Rest extends unknown[]>(
    fn: (request: Request, token: VerifiedToken, ...rest: Rest) => Response | Promise<Response>,
  ): (request: Request, ...rest: Rest) => Promise<Response>;
  /**
   * Node, Express, Connect: middleware that answers a refusal itself and otherwise calls `next()`;
   * `tokenOf(req)` then gives the token. Anything but a refusal or an outage goes to `next(error)`.
   */
  readonly middleware: (request: GuardNodeRequest, response: GuardNodeResponse, next: (error?: unknown) => void) => void;
}

/** The tokens the Node form let through, by request: no property added to a framework's object. */
const verifiedRequests = new WeakMap<object, VerifiedToken>();

/**
 * The token `requireToken(…).middleware` verified for this Node/Express request. Throws when it
 * did not run for this request: a route mounted without the guard is a bug to find at once.
 */
export function tokenOf(request: object): VerifiedToken {
  const token = verifiedRequests.get(request);
  if (!token)
    throw new TypeError('tokenOf(req): no token was verified for this request; put requireToken(…).middleware before this handler.');
  return token;
}

type Credentials = { kind: 'missing' } | { kind: 'invalid-request' } | { kind: 'bearer'; secret: string };

/** `auth-scheme [ 1*SP credentials ]` (RFC 9110): the scheme, and what follows it. */
const AUTHORIZATION = /^[ \t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?:[ \t]+(.*?))?[ \t]*$/;
/** RFC 6750's `b64token`. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

function credentialsOf(header: string | string[] | null | undefined): Credentials {
  const value = Array.isArray(header) ? header.join(', ') : header;
  if (!value) return { kind: 'missing' };
  const match = AUTHORIZATION.exec(value);
  // Another scheme (Basic, a cookie's value…) carries no Bearer credentials.
  if (!match || match[1]!.toLowerCase() !== 'bearer') return { kind: 'missing' };
  const secret = match[2];
  return secret && B64TOKEN.test(secret) ? { kind: 'bearer', secret } : { kind: 'invalid-request' };
}

const isFetchRequest = (request: Request | GuardNodeRequest): request is Request => typeof request.headers.get === 'function';

function headerOf(request: Request | GuardNodeRequest, name: string): string | undefined {
  if (isFetchRequest(request)) return request.headers.get(name) ?? undefined;
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** An address's characters (IPv4, IPv6, IPv4-mapped IPv6); anything else is not passed on. */
const ADDRESS = /^[0-9A-Fa-f:.]{2,45}$/;
const MAX_USER_AGENT = 256;

/** The client's address by `clientIp`'s rule (see `ClientIp`), if it is one; shared with `createFetchHandler`. */
export function addressOf(request: Request | GuardNodeRequest, context: unknown, clientIp: ClientIp | undefined): string | undefined {
  let address: string | null | undefined;
  if (typeof clientIp === 'function') address = clientIp(request, context);
  else if (clientIp) {
    const hops = (headerOf(request, clientIp.header) ?? '').split(',').map((hop) => hop.trim());
    address = hops[hops.length - (clientIp.proxies ?? 1)];
  } else if (!isFetchRequest(request)) address = request.ip ?? request.socket?.remoteAddress;
  address = address?.trim();
  return address && ADDRESS.test(address) ? address : undefined;
}

export function assertClientIp(clientIp: ClientIp | undefined): void {
  if (clientIp === undefined || typeof clientIp === 'function') return;
  const { header, proxies = 1 } = clientIp;
  if (typeof header !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(header)) {
    throw new TypeError('clientIp.header must be a header name, e.g. "x-forwarded-for".');
  }
  if (!Number.isInteger(proxies) || proxies < 1) throw new TypeError('clientIp.proxies must be a whole number of proxies, 1 or more.');
}

/** RFC 6750's `scope-token` characters; a scope id outside them is left out of the header (the body still names it). */
const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;

function refusalResponse(reason: GuardRefusalReason, scopes: readonly string[]): Response {
  switch (reason) {
    case 'missing':
      return problem(401, {
        detail: 'Send a token in the Authorization header: Bearer <token>.',
        headers: { 'WWW-Authenticate': 'Bearer' },
      });
    case 'invalid-request':
      return problem(400, {
        detail: 'The Authorization header must be "Bearer" and one token.',
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_request"' },
      });
    case 'insufficient-scope': {
      const scope = scopes.every((id) => SCOPE_TOKEN.test(id)) ? `, scope="${scopes.join(' ')}"` : '';
      return problem(403, {
        detail: `This token does not have every permission this needs: ${scopes.join(', ')}.`,
        headers: { 'WWW-Authenticate': `Bearer error="insufficient_scope"${scope}` },
      });
    }
    default:
      // One answer for malformed, unknown, expired and revoked: which one it is, is the host's to know.
      return problem(401, {
        detail: 'This token does not work: it may be mistyped, expired or deleted.',
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
  }
}

export function createTokenGuard(service: TokenService, options: RequireTokenOptions = {}): TokenGuard {
  const scopes = [...(options.scopes ?? [])];
  const { clientIp, onRefused } = options;
  assertClientIp(clientIp);

  function refuse(request: Request | GuardNodeRequest, caller: TokenCaller, reason: GuardRefusalReason, token?: VerifiedToken) {
    const response = refusalResponse(reason, scopes);
    if (onRefused) {
      try {
        onRefused({ reason, status: response.status as TokenRefusal['status'], caller, request, ...(token ? { token } : {}) });
      } catch (error) {
        // A hook for logs must not change what the caller is answered.
        console.error('pat-elements/server: the onRefused hook threw:', error);
      }
    }
    return { ok: false as const, reason, response };
  }

  async function decide(request: Request | GuardNodeRequest, context: unknown): Promise<Authorization> {
    const credentials = credentialsOf(headerOf(request, 'authorization'));
    const userAgent = headerOf(request, 'user-agent')?.slice(0, MAX_USER_AGENT);
    const ip = addressOf(request, context, clientIp);
    const caller: TokenCaller = { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) };
    if (credentials.kind !== 'bearer') return refuse(request, caller, credentials.kind);
    let result: CheckResult;
    try {
      result = await service.check(credentials.secret, { scopes, caller });
    } catch (error) {
      if (error instanceof TokenServiceError && error.code === 'unavailable')
        return { ok: false, reason: 'unavailable', response: unavailable() };
      throw error;
    }
    if (result.ok) return result;
    return refuse(request, caller, result.reason, result.reason === 'insufficient-scope' ? result.token : undefined);
  }

  return {
    authorize: (request, context) => decide(request, context),

    handler(fn) {
      return async (request, ...rest) => {
        const authorization = await decide(request, rest[0]);
        return authorization.ok ? fn(request, authorization.token, ...rest) : authorization.response;
      };
    },

    middleware(request, response, next) {
      decide(request, undefined)
        .then(
          async (authorization) => {
            if (authorization.ok) {
              verifiedRequests.set(request, authorization.token);
              next();
              return;
            }
            if (response.headersSent) return;
            const headers: Record<string, string> = {};
            authorization.response.headers.forEach((value, name) => (headers[name] = value));
            const body = await authorization.response.text();
            response.writeHead(authorization.response.status, headers);
            response.end(body);
          },
          (error: unknown) => next(error),
        )
        // What the route after it threw at once, or a socket that broke: next() was called already.
        .catch((error: unknown) => console.error('pat-elements/server: requireToken could not pass the request on:', error));
    },
  };
}
