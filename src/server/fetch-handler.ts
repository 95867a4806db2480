/**
 * The REST contract as a Fetch-standard handler, `(request: Request) => Promise<Response>`: what
 * Node (through `toNodeListener`), Hono, Next.js route handlers, Deno, Bun and Workers all speak.
 *
 * ```
 * GET    {basePath}              -> 200 { tokens, scopes?, policy }   (HEAD: the same without the body)
 * POST   {basePath}              -> 201 { token, secret }
 * DELETE {basePath}/{id}         -> 204
 * POST   {basePath}/{id}/rotate  -> 201 { token, secret, previous }
 * ```
 *
 * Errors are problem+json: 401 unauthenticated, 404 for a token the user does not have (another
 * user's included: never 403, which would confirm it exists), 405 with `Allow`, 409, 413 over
 * 16 KB, 415 for a body that is not JSON, 422 with field errors, 500 with nothing internal in it,
 * 503 with `Retry-After` while the store cannot answer (an outage, a deadline passed).
 *
 * Paths are matched as they are sent: an empty segment (`//…`) is nothing of ours (404), never
 * read as another path. A client that hangs up is not a server error: nothing is reported.
 */
import type { CreateTokenRequest, RotateTokenRequest } from '../api/schemas.js';
import { TokenServiceError } from './errors.js';
import { readJsonBody } from './json-body.js';
import { json, noContent, problem } from './responses.js';
import type { TokenService } from './token-service.js';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface FetchHandlerOptions {
  /**
   * The collection's path, e.g. `/api/tokens`: requests outside it answer 404 and a wrong method
   * 405. Without it, the request's path is the collection (for a handler mounted on exactly the
   * collection's routes): GET and POST list and create, DELETE `…/{id}` revokes, POST
   * `…/{id}/rotate` rotates.
   */
  basePath?: string;
  /** The signed-in user's id for this request (from your session, cookie or header), or null: 401. */
  authenticate(request: Request): string | null | undefined | Promise<string | null | undefined>;
  /**
   * Called with what made a request answer 500 (a bug: ours, the store's or `authenticate`'s).
   * Not for a store that cannot answer (503): the store reports that, once per cause. Default:
   * `console.error`.
   */
  onError?(error: unknown, request: Request): void;
}

type Route = { kind: 'collection' } | { kind: 'token'; id: string } | { kind: 'rotate'; id: string } | { kind: 'unknown' };

const ALLOWED: Record<Exclude<Route['kind'], 'unknown'>, string[]> = {
  collection: ['GET', 'HEAD', 'POST'],
  token: ['DELETE'],
  rotate: ['POST'],
};

/** Longer ids are not ours: answered 404 without asking the store. */
const MAX_ID_LENGTH = 200;

/**
 * `Retry-After` of a 503: long enough for a Pool to reconnect after a restart or a standby to be
 * promoted, short enough that the page's "Try again" works soon after.
 */
export const RETRY_AFTER_SECONDS = 5;

/** What a handler answers a client that hung up: nobody reads it; a log shows the client left (nginx's code). */
const CLIENT_CLOSED_REQUEST = 499;

function decodeId(segment: string | undefined): string | undefined {
  if (!segment) return undefined;
  try {
    const id = decodeURIComponent(segment);
    return id && id.length <= MAX_ID_LENGTH ? id : undefined;
  } catch {
    return undefined;
  }
}

function routeUnder(basePath: string, pathname: string): Route {
  if (pathname === basePath || pathname === `${basePath}/`) return { kind: 'collection' };
  if (!pathname.startsWith(`${basePath}/`)) return { kind: 'unknown' };
  const [first, second, ...more] = pathname.slice(basePath.length + 1).split('/');
  const id = decodeId(first);
  if (!id || more.length) return { kind: 'unknown' };
  if (second === undefined) return { kind: 'token', id };
  return second === 'rotate' ? { kind: 'rotate', id } : { kind: 'unknown' };
}

/** Without a base path: the request's path is the collection, or one of its token routes. */
function routeByShape(method: string, pathname: string): Route {
  const segments = pathname.split('/');
  const last = segments.at(-1);
  if (method === 'POST' && last === 'rotate' && segments.length >= 3) {
    const id = decodeId(segments.at(-2));
    if (id) return { kind: 'rotate', id };
  }
  if (method === 'DELETE') {
    const id = decodeId(last);
    if (id) return { kind: 'token', id };
  }
  return { kind: 'collection' };
}

function errorResponse(error: TokenServiceError): Response {
  switch (error.code) {
    case 'unavailable':
      return problem(503, {
        detail: 'The service is briefly unavailable. Please try again in a moment.',
        headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      });
    case 'invalid-request':
      return problem(422, { detail: error.message, ...(error.fieldErrors ? { errors: error.fieldErrors } : {}) });
    case 'not-found':
      return problem(404, { detail: error.message });
    case 'token-limit':
    case 'already-replaced':
      return problem(409, { detail: error.message });
  }
}

export function createFetchHandler(service: TokenService, options: FetchHandlerOptions): FetchHandler {
  if (typeof options?.authenticate !== 'function') throw new TypeError('createFetchHandler needs an authenticate(request) function.');
  // `/api/tokens/` and `api/tokens` mean `/api/tokens`; `/` (or '') is the root.
  const basePath = options.basePath === undefined ? undefined : `/${options.basePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const onError = options.onError ?? ((error: unknown) => console.error('pat-elements/server: a request failed with 500:', error));

  async function handle(request: Request, method: string): Promise<Response> {
    const { pathname } = new URL(request.url);
    // `//` is no path of ours: a proxy's rule on `/api/tokens` must not be sidestepped by `//x/api/tokens`.
    const route = pathname.includes('//')
      ? { kind: 'unknown' as const }
      : basePath === undefined
        ? routeByShape(method, pathname)
        : routeUnder(basePath, pathname);
    if (route.kind === 'unknown') return problem(404, { detail: 'There is nothing at this address.' });

    const allowed = ALLOWED[route.kind];
    if (method === 'OPTIONS') return noContent({ Allow: [...allowed, 'OPTIONS'].join(', ') });
    if (!allowed.includes(method)) {
      return problem(405, { detail: `Use ${allowed.join(' or ')} here.`, headers: { Allow: allowed.join(', ') } });
    }

    const userId = await options.authenticate(request);
    if (typeof userId !== 'string' || userId === '') return problem(401, { detail: 'Sign in to manage your tokens.' });

    if (route.kind === 'collection' && (method === 'GET' || method === 'HEAD')) return json(200, await service.listAnswer(userId));
    if (route.kind === 'token') {
      await service.revoke(userId, route.id);
      return noContent();
    }

    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    // A client that left would never receive the secret: make no token for it.
    if (request.signal.aborted) return problem(CLIENT_CLOSED_REQUEST, { detail: 'The client closed the request.' });
    // The service validates the body against the contract's schema and the policy.
    if (route.kind === 'rotate') return json(201, await service.rotate(userId, route.id, body.value as RotateTokenRequest));
    return json(201, await service.create(userId, body.value as CreateTokenRequest));
  }

  async function answer(request: Request, method: string): Promise<Response> {
    try {
      return await handle(request, method);
    } catch (error) {
      if (error instanceof TokenServiceError) return errorResponse(error);
      // The body stopped because the client left: its doing, not a fault to report.
      if (request.signal.aborted) return problem(CLIENT_CLOSED_REQUEST, { detail: 'The client closed the request.' });
      onError(error, request);
      return problem(500, { detail: 'Something went wrong on our side. Please try again.' });
    }
  }

  return async (request) => {
    const method = request.method.toUpperCase();
    const response = await answer(request, method);
    // HEAD: GET's status and headers, no body.
    return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
}
