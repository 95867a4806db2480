/**
 * Deliberately broken backends: each wrapper breaks exactly one behaviour of a contract-faithful
 * Fetch handler (the mock, the reference server), so the one clause that checks it must fail
 * and every other clause must not.
 */
import type { ClauseId } from '../../../src/check/clauses.js';
import { COLLECTION_PATH, CREDENTIALS, problem, userOf, type Wrapper } from './backends.mjs';

export interface Breakage {
  /** What the wrapper breaks, for the test's name. */
  what: string;
  wrap: Wrapper;
  /** The failing clause's reason must match: it names the field or the status. */
  reason: RegExp;
}

type Json = Record<string, any>;

export type Route = { kind: 'list' | 'create' | 'activity' | 'other' } | { kind: 'revoke' | 'rotate' | 'token-activity'; id: string };

/** Which operation of the contract a request is. */
export function routeOf(request: Request): Route {
  const path = new URL(request.url).pathname;
  if (path === COLLECTION_PATH) return { kind: request.method === 'GET' ? 'list' : request.method === 'POST' ? 'create' : 'other' };
  if (!path.startsWith(`${COLLECTION_PATH}/`)) return { kind: 'other' };
  const [id, action, ...rest] = path.slice(COLLECTION_PATH.length + 1).split('/');
  if (!id || rest.length) return { kind: 'other' };
  if (request.method === 'GET' && id === 'activity' && action === undefined) return { kind: 'activity' };
  if (request.method === 'GET' && action === 'activity') return { kind: 'token-activity', id: decodeURIComponent(id) };
  if (action === undefined && request.method === 'DELETE') return { kind: 'revoke', id: decodeURIComponent(id) };
  if (action === 'rotate' && request.method === 'POST') return { kind: 'rotate', id: decodeURIComponent(id) };
  return { kind: 'other' };
}

/** The same answer with its JSON body edited (and optionally another status or content type). */
async function editJson(
  response: Response,
  edit: (json: Json) => unknown,
  init: { status?: number; contentType?: string } = {},
): Promise<Response> {
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  if (init.contentType) headers.set('content-type', init.contentType);
  const json = (await response.json()) as Json;
  return new Response(JSON.stringify(edit(json)), { status: init.status ?? response.status, headers });
}

/** Every token object in a list, create or rotate body. */
function tokensIn(json: Json): Json[] {
  return [...(Array.isArray(json.tokens) ? json.tokens : []), json.token, json.previous].filter(
    (token) => token && typeof token === 'object',
  );
}

/** Remembers the secret of every token created through it, by id. */
function secretsSeen(): { remember(response: Response): Promise<void>; get(id: string): string | undefined } {
  const secrets = new Map<string, string>();
  return {
    async remember(response) {
      if (response.status !== 201) return;
      const json = (await response.clone().json()) as Json;
      secrets.set(json.token.id, json.secret);
    },
    get: (id) => secrets.get(id),
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The same request, signed in as the first user: a backend that ignores who asks. */
function asFirstUser(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('authorization', CREDENTIALS.Authorization);
  return new Request(request, { headers });
}

/**
 * A backend that, where it would refuse a request of `kind` with a 422 on `field`, sends it again
 * changed by `change` (false: as it was) and answers that: it accepts what it should refuse.
 */
function refusalIgnored(
  kind: 'create' | 'rotate',
  field: string,
  change: (body: Json, request: Request) => Json | false | Promise<Json | false>,
): Wrapper {
  return (handler) => async (request) => {
    if (routeOf(request).kind !== kind) return handler(request);
    const text = await request.clone().text();
    const response = await handler(request);
    if (response.status !== 422 || !isJson(text) || !(field in (((await response.clone().json()) as Json).errors ?? {}))) return response;
    const changed = await change(JSON.parse(text), request);
    return changed ? handler(new Request(request, { body: JSON.stringify({ ...JSON.parse(text), ...changed }) })) : response;
  };
}

/** At least one breakage per clause; the tests prove each fails its clause alone. */
export const BREAKAGES: Record<ClauseId, Breakage[]> = {
  list: [
    {
      what: 'the list comes as { "items": [...] }',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'list' && response.ok
          ? editJson(response, ({ tokens, ...rest }) => ({ ...rest, items: tokens }))
          : response;
      },
      reason: /^GET: “tokens” should be a list, but it is missing$/,
    },
  ],
  unauthenticated: [
    {
      what: 'requests without credentials are let through',
      wrap: (handler) => (request) => handler(userOf(request) ? request : asFirstUser(request)),
      reason: /^GET without the -H headers answered 200; expected 401$/,
    },
  ],
  'unknown-id': [
    {
      what: 'a DELETE of an unknown id answers 204',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'revoke' && response.status === 404 ? new Response(null, { status: 204 }) : response;
      },
      reason: /answered 204; expected 404$/,
    },
  ],
  create: [
    {
      what: 'create answers 200 instead of 201',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'create' && response.status === 201
          ? editJson(response, (json) => json, { status: 200 })
          : response;
      },
      reason: /^POST answered 200; expected 201$/,
    },
  ],
  listed: [
    {
      what: 'the list leaves out the tokens created since it started',
      wrap: (handler) => {
        const created = new Set<string>();
        return async (request) => {
          const response = await handler(request);
          const { kind } = routeOf(request);
          if (kind === 'create' && response.status === 201) created.add(((await response.clone().json()) as Json).token.id);
          if (kind !== 'list' || !response.ok) return response;
          return editJson(response, (json) => ({ ...json, tokens: json.tokens.filter((token: Json) => !created.has(token.id)) }));
        };
      },
      reason: /^the created token \(id .+\) is not in GET's "tokens"$/,
    },
  ],
  'secret-not-listed': [
    {
      what: 'the list carries each secret as "key"',
      wrap: (handler) => {
        const secrets = secretsSeen();
        return async (request) => {
          const response = await handler(request);
          const { kind } = routeOf(request);
          if (kind === 'create') await secrets.remember(response);
          if (kind !== 'list' || !response.ok) return response;
          return editJson(response, (json) => ({
            ...json,
            tokens: json.tokens.map((token: Json) => ({ ...token, key: secrets.get(token.id) })),
          }));
        };
      },
      reason: /^GET's answer contains the secret \(in “tokens\[\d+\]\.key”\)$/,
    },
  ],
  'partial-key': [
    {
      what: 'partialKey is the first 16 characters of the secret',
      wrap: (handler) => {
        const secrets = secretsSeen();
        const reveal = (token: Json) => {
          const secret = secrets.get(token.id);
          return secret ? { ...token, partialKey: secret.slice(0, 16) } : token;
        };
        return async (request) => {
          const response = await handler(request);
          const { kind } = routeOf(request);
          if (kind === 'create' && response.status === 201) {
            await secrets.remember(response);
            return editJson(response, (json) => ({ ...json, token: reveal(json.token) }));
          }
          if (kind === 'list' && response.ok) return editJson(response, (json) => ({ ...json, tokens: json.tokens.map(reveal) }));
          return response;
        };
      },
      reason: /^POST: “token\.partialKey” shows 12 characters of the secret; at most 8 may be shown$/,
    },
  ],
  revoke: [
    {
      what: 'revoke answers 200 with a JSON body',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        if (routeOf(request).kind !== 'revoke' || response.status !== 204) return response;
        return Response.json({ deleted: true }, { status: 200 });
      },
      reason: /^DELETE …\/\{id\} answered 200; expected 204$/,
    },
  ],
  gone: [
    {
      what: 'the first DELETE of a token answers 204 but keeps it',
      wrap: (handler) => {
        const made = new Set<string>();
        return async (request) => {
          const route = routeOf(request);
          // The owner's DELETE; another user's is refused as before.
          if (route.kind === 'revoke' && userOf(request) === 'first' && made.delete(route.id)) return new Response(null, { status: 204 });
          const response = await handler(request);
          if ((route.kind === 'create' || route.kind === 'rotate') && response.status === 201)
            made.add(((await response.clone().json()) as Json).token.id);
          return response;
        };
      },
      reason: /^the revoked token \(id .+\) is still in GET's "tokens"$/,
    },
    {
      what: 'a DELETE keeps the token listed, marked revoked, as only the system may',
      wrap: (handler) => {
        const made = new Set<string>();
        const revoked = new Set<string>();
        return async (request) => {
          const route = routeOf(request);
          if (route.kind === 'revoke' && userOf(request) === 'first' && made.delete(route.id)) {
            revoked.add(route.id);
            return new Response(null, { status: 204 });
          }
          if (route.kind === 'revoke') revoked.delete(route.id);
          const response = await handler(request);
          if ((route.kind === 'create' || route.kind === 'rotate') && response.status === 201)
            made.add(((await response.clone().json()) as Json).token.id);
          if (route.kind !== 'list' || response.status !== 200) return response;
          const at = new Date().toISOString();
          return editJson(response, (json) => ({
            ...json,
            tokens: json.tokens.map((token: Json) => (revoked.has(token.id) ? { ...token, revocation: { at, reason: 'admin' } } : token)),
          }));
        };
      },
      reason: /^the deleted token \(id .+\) is still in GET's "tokens", marked revoked: the user's DELETE removes a token/,
    },
  ],
  'revoke-again': [
    {
      what: 'a DELETE of a token already revoked answers 500',
      wrap: (handler) => {
        const revoked = new Set<string>();
        return async (request) => {
          const route = routeOf(request);
          if (route.kind !== 'revoke') return handler(request);
          if (revoked.has(route.id)) return problem(500, 'Internal Server Error');
          const response = await handler(request);
          if (response.ok) revoked.add(route.id);
          return response;
        };
      },
      reason: /^a second DELETE …\/\{id\} answered 500; expected 404 or 204$/,
    },
  ],
  rotate: [
    {
      what: 'rotate answers "previous": null although a grace period was asked',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'rotate' && response.status === 201
          ? editJson(response, (json) => ({ ...json, previous: null }))
          : response;
      },
      reason: /“previous” is null, but "gracePeriodHours": 1 should keep the old token$/,
    },
    {
      what: 'rotate leaves out "previous.replacedBy"',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        if (routeOf(request).kind !== 'rotate' || response.status !== 201) return response;
        return editJson(response, (json) => ({ ...json, previous: json.previous && { ...json.previous, replacedBy: null } }));
      },
      reason: /“previous\.replacedBy” should be the new token's id$/,
    },
    {
      what: 'a rotation without grace keeps the old token for an hour, yet answers "previous": null',
      wrap: (handler) => async (request) => {
        if (routeOf(request).kind !== 'rotate') return handler(request);
        const body = JSON.parse(await request.clone().text()) as Json;
        if (body.gracePeriodHours !== 0) return handler(request);
        const response = await handler(new Request(request, { body: JSON.stringify({ ...body, gracePeriodHours: 1 }) }));
        return response.status === 201 ? editJson(response, (json) => ({ ...json, previous: null })) : response;
      },
      reason: /^a token rotated with "gracePeriodHours": 0 is still in GET's "tokens"$/,
    },
  ],
  activity: [
    {
      what: "a token's trail is the user's whole trail",
      wrap: (handler) => (request) => {
        if (routeOf(request).kind !== 'token-activity') return handler(request);
        return handler(new Request(new URL(`${COLLECTION_PATH}/activity`, request.url), { headers: request.headers }));
      },
      reason: /^GET …\/\{id\}\/activity: “events\[\d+\]” is about another token \(neither tokenId nor relatedTokenId is it\)$/,
    },
    {
      what: 'events come oldest first',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'activity' && response.ok
          ? editJson(response, (json) => ({ ...json, events: json.events.reverse() }))
          : response;
      },
      reason: /^GET …\/activity: the events are not newest first$/,
    },
    {
      what: 'a page has no "next"',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'activity' && response.ok ? editJson(response, ({ next: _next, ...rest }) => rest) : response;
      },
      reason: /^GET …\/activity: “next” should be .+, but it is missing$/,
    },
    {
      what: 'a cursor it never gave answers the first page',
      wrap: (handler) => (request) => {
        const url = new URL(request.url);
        if (routeOf(request).kind !== 'activity' || !url.searchParams.has('cursor')) return handler(request);
        url.search = '';
        return handler(new Request(url, { headers: request.headers }));
      },
      reason: /^GET …\/activity with a cursor the server never gave answered 200; expected 400 or 422$/,
    },
  ],
  isolation: [
    {
      what: "another user's token answers 403 (the second user learns it exists)",
      wrap: (handler) => {
        const firstUsers = new Set<string>();
        return async (request) => {
          const route = routeOf(request);
          if (userOf(request) === 'second' && (route.kind === 'revoke' || route.kind === 'rotate') && firstUsers.has(route.id)) {
            return problem(403, 'Forbidden');
          }
          const response = await handler(request);
          if (userOf(request) === 'first' && route.kind === 'create' && response.status === 201) {
            firstUsers.add(((await response.clone().json()) as Json).token.id);
          }
          return response;
        };
      },
      reason:
        /^DELETE …\/\{id\} of the first user's token, as the second user, answered 403; a token that does not exist answers 404: 403 tells them it exists$/,
    },
    {
      what: "the list shows every user's tokens",
      wrap: (handler) => (request) => {
        if (userOf(request) !== 'second' || routeOf(request).kind !== 'list') return handler(request);
        return handler(asFirstUser(request));
      },
      reason: /^the second user's list holds the first user's token/,
    },
    {
      what: 'a DELETE ignores who asks',
      wrap: (handler) => (request) => {
        if (userOf(request) !== 'second' || routeOf(request).kind !== 'revoke') return handler(request);
        return handler(asFirstUser(request));
      },
      reason: /^DELETE …\/\{id\} of the first user's token, as the second user, answered 204; a token that does not exist answers 404$/,
    },
    {
      what: "a token's trail ignores who asks",
      wrap: (handler) => (request) => {
        if (userOf(request) !== 'second' || routeOf(request).kind !== 'token-activity') return handler(request);
        return handler(asFirstUser(request));
      },
      reason:
        /^GET …\/\{id\}\/activity of the first user's token, as the second user, answered 200 with its events; a token that does not exist answers 200$/,
    },
    {
      what: 'a rotation ignores who asks',
      wrap: (handler) => (request) => {
        if (userOf(request) !== 'second' || routeOf(request).kind !== 'rotate') return handler(request);
        return handler(asFirstUser(request));
      },
      reason:
        /^POST …\/\{id\}\/rotate of the first user's token, as the second user, answered 201; a token that does not exist answers 404$/,
    },
  ],
  'name-required': [
    {
      what: 'the 422 of an empty name has no "errors"',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        if (response.status !== 422 || !('name' in (((await response.clone().json()) as Json).errors ?? {}))) return response;
        return editJson(response, ({ errors: _errors, ...rest }) => rest);
      },
      reason: /^the 422 has no “errors\.name”$/,
    },
    {
      what: 'an empty name is accepted (and a token created under another name)',
      wrap: (handler) => async (request) => {
        if (routeOf(request).kind !== 'create') return handler(request);
        const body = await request.clone().text();
        if (!isJson(body) || JSON.parse(body).name !== '') return handler(request);
        const renamed = JSON.stringify({ ...JSON.parse(body), name: `accepted anyway ${crypto.randomUUID()}` });
        return handler(new Request(request, { body: renamed }));
      },
      reason: /^POST with an empty name answered 201; expected 422$/,
    },
  ],
  'lifetime-max': [
    {
      what: 'a lifetime over the stated maximum is cut to a day instead of refused',
      wrap: refusalIgnored('create', 'expiresInDays', (body) => typeof body.expiresInDays === 'number' && { expiresInDays: 1 }),
      reason: /^POST with "expiresInDays": \d+ answered 201; expected 422$/,
    },
  ],
  'no-expiration': [
    {
      what: 'no expiration is turned into a day instead of refused',
      wrap: refusalIgnored('create', 'expiresInDays', (body) => body.expiresInDays === null && { expiresInDays: 1 }),
      reason: /^POST with "expiresInDays": null answered 201; expected 422$/,
    },
  ],
  'grace-max': [
    {
      what: 'a grace period over the maximum is cut to none instead of refused',
      wrap: refusalIgnored('rotate', 'gracePeriodHours', () => ({ gracePeriodHours: 0 })),
      reason: /^POST …\/\{id\}\/rotate with "gracePeriodHours": \d+ answered 201; expected 422$/,
    },
  ],
  'unknown-scope': [
    {
      what: 'an unknown permission is replaced by the catalogue’s first instead of refused',
      wrap: (handler) =>
        refusalIgnored('create', 'scopes', async (_body, request) => {
          const list = await handler(new Request(new URL(COLLECTION_PATH, request.url), { headers: CREDENTIALS }));
          return { scopes: [((await list.json()) as Json).scopes[0].id] };
        })(handler),
      reason: /^POST with a scope id not in the catalogue answered 201; expected 422$/,
    },
  ],
  'malformed-json': [
    {
      what: 'a body that is not JSON answers 500',
      wrap: (handler) => async (request) => {
        if (routeOf(request).kind === 'create' && !isJson(await request.clone().text())) return problem(500, 'Internal Server Error');
        return handler(request);
      },
      reason: /^POST with a malformed JSON body answered 500; expected 400$/,
    },
  ],
  'content-types': [
    {
      what: 'the list is sent as text/plain',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        return routeOf(request).kind === 'list' && response.ok
          ? editJson(response, (json) => json, { contentType: 'text/plain' })
          : response;
      },
      reason: /^GET answered 200 with Content-Type text\/plain; expected application\/json$/,
    },
  ],
  dates: [
    {
      what: 'createdAt comes without its offset',
      wrap: (handler) => async (request) => {
        const response = await handler(request);
        if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return response;
        return editJson(response, (json) => {
          for (const token of tokensIn(json)) token.createdAt = String(token.createdAt).replace(/(Z|[+-]\d\d:\d\d)$/, '');
          return json;
        });
      },
      reason: /“(token|tokens\[\d+\])\.createdAt” is not an ISO 8601 date-time with an offset$/,
    },
  ],
};
