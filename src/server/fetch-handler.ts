/**
 * The REST contract as a Fetch-standard handler, `(request: Request) => Promise<Response>`: what
 * Node (through `toNodeListener`), Hono, Next.js route handlers, Deno, Bun and Workers all speak.
 *
 * ```
 * GET    {basePath}              -> 200 { tokens, scopes?, policy }   (HEAD: the same without the body)
 * POST   {basePath}              -> 201 { token, secret }
 * DELETE {basePath}/{id}         -> 204
 * POST   {basePath}/{id}/rotate  -> 201 { token, secret, previous }
 * GET    {basePath}/activity?cursor=       -> 200 { events, next }            (the user's trail)
 * GET    {basePath}/{id}/activity?cursor=  -> 200 { events, next, callers? }  (one token's)
 * POST   {basePath}/secret-scanning -> 200 feedback   (with `secretScanning`: GitHub's signed reports, no session)
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
import { SetupError, TokenServiceError } from './errors.js';
import { readJsonBody } from './json-body.js';
import { addressOf, assertClientIp, type ClientIp, type GuardNodeRequest } from './require-token.js';
import { json, noContent, problem, unavailable } from './responses.js';
import { createSecretScanningReceiver, type SecretScanningOptions } from './secret-scanning.js';
import type { TokenCaller } from './store.js';
import { isTokenId } from './token-format.js';
import type { TokenService } from './token-service.js';

/**
 * A Fetch-standard handler. `context` is what the framework or adapter passes beside the request
 * (`toNodeListener`: `{ req }`, the framework's own request; Hono: `c`, when the route passes it;
 * Next.js: `{ params }`), handed to `authenticate`. A handler whose `authenticate` needs one
 * cannot be called without it.
 */
export type FetchHandler<Context = unknown> = (
  request: Request,
  ...context: undefined extends Context ? [context?: Context] : [context: Context]
) => Promise<Response>;

export interface FetchHandlerOptions<Context = unknown> {
  /**
   * The collection's path, e.g. `/api/tokens`: requests outside it answer 404 and a wrong method
   * 405. Without it, the request's path is the collection (for a handler mounted on exactly the
   * collection's routes): GET and POST list and create, DELETE `…/{id}` revokes, POST
   * `…/{id}/rotate` rotates.
   */
  basePath?: string;
  /**
   * The signed-in user's id for this request, or null: 401. `context` is what came with the
   * request: with `toNodeListener`, `{ req }`, the framework's own request, so a login the host
   * already has is reachable (`req.user` from passport, `req.session` from express-session); with
   * Hono, the `c` its route passes (`c.get('user')`).
   */
  authenticate(request: Request, context: Context): string | null | undefined | Promise<string | null | undefined>;
  /**
   * Called with what made a request answer 500 (a bug: ours, the store's or `authenticate`'s; or
   * a `SetupError`: `migrate()` never called, a body parser that read the body first), and once
   * with a `SetupError` when requests reach the handler outside `basePath` before any inside it
   * (a mount that does not match). Not for a store that cannot answer (503): the store reports
   * that, once per cause. Default: `console.error`.
   */
  onError?(error: unknown, request: Request): void;
  /**
   * Receive GitHub's secret-scanning reports at `{basePath}/secret-scanning` (docs/secret-scanning.md):
   * `keys` are GitHub's signing keys (the document, its URL, or a function returning it); each
   * reported secret of ours is revoked at once, and `onLeak` hears it.
   */
  secretScanning?: SecretScanningOptions;
  /**
   * How to read the client's address for the activity trail (who created, regenerated or deleted
   * a token, from where): `requireToken`'s rule (`ClientIp`). Unset: with `toNodeListener`,
   * Express's `req.ip` (its `trust proxy`), else the socket's address; otherwise none.
   */
  clientIp?: ClientIp;
}

type Route =
  | { kind: 'collection' }
  | { kind: 'token'; id: string }
  | { kind: 'rotate'; id: string }
  | { kind: 'secret-scanning' }
  | { kind: 'activity'; id: string | null }
  | { kind: 'unknown' };

const ALLOWED: Record<Exclude<Route['kind'], 'unknown'>, string[]> = {
  collection: ['GET', 'HEAD', 'POST'],
  token: ['DELETE'],
  rotate: ['POST'],
  'secret-scanning': ['POST'],
  activity: ['GET', 'HEAD'],
};

/** The receiver's last path segment; no token id has this shape. */
const SECRET_SCANNING = 'secret-scanning';

/** Longer ids are not ours: answered 404 without asking the store. */
const MAX_ID_LENGTH = 200;

export { RETRY_AFTER_SECONDS } from './responses.js';

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

function routeUnder(basePath: string, pathname: string, receiving: boolean): Route {
  if (pathname === basePath || pathname === `${basePath}/`) return { kind: 'collection' };
  if (receiving && pathname === `${basePath}/${SECRET_SCANNING}`) return { kind: 'secret-scanning' };
  if (!pathname.startsWith(`${basePath}/`)) return { kind: 'unknown' };
  const [first, second, ...more] = pathname.slice(basePath.length + 1).split('/');
  // No token id of ours is "activity": the segment names the user's trail.
  if (first === 'activity' && second === undefined) return { kind: 'activity', id: null };
  const id = decodeId(first);
  if (!id || more.length) return { kind: 'unknown' };
  if (second === undefined) return { kind: 'token', id };
  if (second === 'activity') return { kind: 'activity', id };
  return second === 'rotate' ? { kind: 'rotate', id } : { kind: 'unknown' };
}

/** Without a base path: the request's path is the collection, or one of its token routes. */
function routeByShape(method: string, pathname: string, receiving: boolean): Route {
  const segments = pathname.split('/');
  const last = segments.at(-1);
  if (receiving && last === SECRET_SCANNING) return { kind: 'secret-scanning' };
  if (method === 'POST' && last === 'rotate' && segments.length >= 3) {
    const id = decodeId(segments.at(-2));
    if (id) return { kind: 'rotate', id };
  }
  if (method === 'DELETE') {
    const id = decodeId(last);
    if (id) return { kind: 'token', id };
  }
  if ((method === 'GET' || method === 'HEAD') && last === 'activity' && segments.length >= 2) {
    const id = decodeId(segments.at(-2));
    return { kind: 'activity', id: id && isTokenId(id) ? id : null };
  }
  return { kind: 'collection' };
}

function errorResponse(error: TokenServiceError): Response {
  switch (error.code) {
    case 'unavailable':
      return unavailable();
    case 'invalid-request':
      return problem(422, { detail: error.message, ...(error.fieldErrors ? { errors: error.fieldErrors } : {}) });
    case 'not-found':
      return problem(404, { detail: error.message });
    case 'token-limit':
    case 'already-replaced':
    case 'revoked':
      return problem(409, { detail: error.message });
  }
}

/** A path from a request, fit for a log line: printable ASCII, and short. */
const loggable = (path: string) => (path.length > 80 ? `${path.slice(0, 79)}…` : path).replace(/[^\x20-\x7e]/g, '?');

export function createFetchHandler<Context = unknown>(service: TokenService, options: FetchHandlerOptions<Context>): FetchHandler<Context> {
  if (typeof options?.authenticate !== 'function') throw new TypeError('createFetchHandler needs an authenticate(request) function.');
  // `/api/tokens/` and `api/tokens` mean `/api/tokens`; `/` (or '') is the root.
  const basePath = options.basePath === undefined ? undefined : `/${options.basePath.replace(/^\/+|\/+$/g, '')}`.replace(/^\/$/, '');
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(
        `pat-elements/server: ${error instanceof SetupError ? 'the setup needs a change' : 'a request failed with 500'}:`,
        error,
      ));
  const receiver =
    options.secretScanning === undefined ? undefined : createSecretScanningReceiver(service, options.secretScanning, onError);
  assertClientIp(options.clientIp);
  /** Who sent the request, for the activity trail: its address by `clientIp`, and its user agent. */
  const callerOf = (request: Request, context: Context): TokenCaller => {
    const node = (context as { req?: GuardNodeRequest } | undefined)?.req;
    const ip =
      options.clientIp === undefined && node?.headers
        ? addressOf(node, undefined, undefined)
        : addressOf(request, context, options.clientIp);
    const userAgent = request.headers.get('user-agent');
    return { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) };
  };
  /** Whether a request inside `basePath` arrived yet, and whether one outside it was reported. */
  let servedInside = false;
  let reportedOutside = false;

  /**
   * A request outside `basePath` before any inside it: most likely the handler is mounted at
   * another path than `basePath` says, and every request will be a 404. Said once, to the host;
   * the client gets the 404 of any unknown address.
   */
  function outsideBasePath(request: Request, pathname: string): void {
    if (servedInside || reportedOutside) return;
    reportedOutside = true;
    onError(
      new SetupError(
        `pat-elements/server: ${request.method} ${loggable(pathname)} reached the token handler, whose basePath is "${basePath}"; ` +
          'it answered 404, as it does to every path outside basePath. If the handler is mounted at another path, set basePath to ' +
          'the path the requests arrive with (or leave basePath out when only the token routes reach the handler).',
      ),
      request,
    );
  }

  async function handle(request: Request, method: string, context: Context): Promise<Response> {
    const { pathname } = new URL(request.url);
    // `//` is no path of ours: a proxy's rule on `/api/tokens` must not be sidestepped by `//x/api/tokens`.
    const route = pathname.includes('//')
      ? { kind: 'unknown' as const }
      : basePath === undefined
        ? routeByShape(method, pathname, !!receiver)
        : routeUnder(basePath, pathname, !!receiver);
    if (route.kind === 'unknown') {
      if (basePath !== undefined && !pathname.includes('//')) outsideBasePath(request, pathname);
      return problem(404, { detail: 'There is nothing at this address.' });
    }
    servedInside = true;

    const allowed = ALLOWED[route.kind];
    if (method === 'OPTIONS') return noContent({ Allow: [...allowed, 'OPTIONS'].join(', ') });
    if (!allowed.includes(method)) {
      return problem(405, { detail: `Use ${allowed.join(' or ')} here.`, headers: { Allow: allowed.join(', ') } });
    }

    // GitHub signs its reports: no user session, the signature is the credential.
    if (route.kind === 'secret-scanning') return receiver!.receive(request);

    const userId = await options.authenticate(request, context);
    if (typeof userId !== 'string' || userId === '') return problem(401, { detail: 'Sign in to manage your tokens.' });

    if (route.kind === 'collection' && (method === 'GET' || method === 'HEAD')) return json(200, await service.listAnswer(userId));
    if (route.kind === 'activity') {
      const cursor = new URL(request.url).searchParams.get('cursor') || null;
      return json(200, await service.activity(userId, route.id, cursor));
    }
    const action = { caller: callerOf(request, context) };
    if (route.kind === 'token') {
      await service.revoke(userId, route.id, action);
      return noContent();
    }

    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    // A client that left would never receive the secret: make no token for it.
    if (request.signal.aborted) return problem(CLIENT_CLOSED_REQUEST, { detail: 'The client closed the request.' });
    // The service validates the body against the contract's schema and the policy.
    if (route.kind === 'rotate') return json(201, await service.rotate(userId, route.id, body.value as RotateTokenRequest, action));
    return json(201, await service.create(userId, body.value as CreateTokenRequest, action));
  }

  async function answer(request: Request, method: string, context: Context): Promise<Response> {
    try {
      return await handle(request, method, context);
    } catch (error) {
      if (error instanceof TokenServiceError) return errorResponse(error);
      // The body stopped because the client left: its doing, not a fault to report.
      if (request.signal.aborted) return problem(CLIENT_CLOSED_REQUEST, { detail: 'The client closed the request.' });
      onError(error, request);
      // A setup error says what the server must change (never a table or a query); a bug says nothing.
      return problem(500, {
        detail: (error instanceof SetupError && error.detail) || 'Something went wrong on our side. Please try again.',
      });
    }
  }

  return async (request, ...rest) => {
    const method = request.method.toUpperCase();
    const response = await answer(request, method, rest[0] as Context);
    // HEAD: GET's status and headers, no body.
    return method === 'HEAD' ? new Response(null, { status: response.status, headers: response.headers }) : response;
  };
}
