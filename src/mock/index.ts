/**
 * `pat-elements/mock`: a contract-faithful mock of the token REST API, as msw request handlers
 * over an in-memory store. Used by our tests and demo; hosts can use it in theirs:
 *
 * ```ts
 * import { setupWorker } from 'msw/browser';
 * import { createMockBackend } from 'pat-elements/mock';
 * const backend = createMockBackend({ endpoint: '/api/tokens', seed: 'demo', latency: 300 });
 * await setupWorker(...backend.handlers).start();
 * backend.failNext('server-error', { operation: 'create' });
 * ```
 *
 * It never stores a secret: `create` and `rotate` return it once and keep only the partial key.
 * It keeps an activity trail (created, regenerated, deleted, used by a new caller, revoked by
 * `simulateRevocation`) and each token's recent callers, served by the activity routes;
 * `useToken()` stands for a use.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  DESCRIPTION_MAX_LENGTH,
  MAX_GRACE_PERIOD_HOURS,
  NAME_MAX_LENGTH,
  type ActivityEvent,
  type CreateTokenRequest,
  type RecentCaller,
  type RotateTokenRequest,
  type Scope,
  type ServerPolicy,
  type Token,
} from '../api/schemas.js';
import { isInvisible, textProblem } from '../api/text-rules.js';
import type { TokenOperation } from '../api/token-client.js';
import { demoActivity, demoSeed } from './seed.js';
import { generateSecret, partialKeyOf, randomId } from './secret.js';

export { demoActivity, demoScopes, demoSeed } from './seed.js';
export { generateSecret, partialKeyOf } from './secret.js';
/** Fix the elements' clock in your tests: `setClock(new Date('2026-12-01T12:00:00Z'))`; `setClock()` undoes it. */
export { setClock } from '../internal/clock.js';

/** Every way a request can go wrong, as a host's real backend might. */
export type MockFault =
  | 'server-error' // 500, problem+json
  | 'unauthorized' // 401, problem+json
  | 'forbidden' // 403, problem+json
  | 'not-found' // 404, problem+json (a DELETE treats it as "already gone"; a rotate as "the token is gone")
  | 'conflict' // 409, problem+json
  | 'validation' // 422, problem+json with errors on the operation's own fields
  | 'non-json-error' // 502 with an HTML body, as from a proxy
  | 'network' // the connection fails
  | 'timeout' // no answer, ever
  | 'slow' // the right answer, after `slowMs`
  | 'malformed-json' // 200/201 with a body that is not JSON
  | 'schema-violation' // 200/201 with a required field mistyped
  | 'extra-fields' // 200/201 with unknown extra fields (valid: clients must ignore them)
  | 'empty-list'; // list only: no tokens (activity: no events)

export const MOCK_FAULTS: readonly MockFault[] = [
  'server-error',
  'unauthorized',
  'forbidden',
  'not-found',
  'conflict',
  'validation',
  'non-json-error',
  'network',
  'timeout',
  'slow',
  'malformed-json',
  'schema-violation',
  'extra-fields',
  'empty-list',
];

export interface MockBackendOptions {
  /** Path or URL the handlers answer on. Default `/api/tokens`. */
  endpoint?: string;
  /** `'demo'` (default) for a realistic account, or the tokens to start with. */
  seed?: 'demo' | readonly Token[];
  /** Delay before every answer, in ms, fixed or a random range. Default 0. */
  latency?: number | { min: number; max: number };
  /** Delay of the `slow` fault. Default 3000 ms. */
  slowMs?: number;
  /** The clock, for seed dates and `createdAt`. */
  now?: () => Date;
  /** Longest lifetime a create or rotate may ask for; longer gets a 422. Default 366. */
  maxLifetimeDays?: number;
  /** Whether `expiresInDays: null` is accepted. Default true. */
  allowNoExpiration?: boolean;
  /** Longest grace period a rotate may ask for, at most the contract's 168 hours (the default). */
  maxGracePeriodHours?: number;
  /**
   * How many tokens a user may have (a create beyond it gets a 409); a token a regenerate replaced
   * does not count. Default: no limit.
   */
  maxTokensPerUser?: number;
  /** Lifetimes the list answer suggests to the form, in days (never a reason to refuse another). */
  presets?: readonly number[];
  /**
   * The scope catalogue, sent in the list answer: a create's `scopes` must be ids from it (an
   * unknown id gets a 422), and a create without them gets its `default` entries (a 422 when none
   * is). Without one, any non-empty list of ids is stored as sent.
   */
  scopes?: readonly Scope[];
  /** Whether the activity routes are served (the detail view's trail). Default true; false: they answer 404, as a backend without them. */
  activity?: boolean;
  /** Events per activity page. Default 25, as the reference server. */
  activityPageSize?: number;
}

/** Who used a token, for `useToken()`. */
export interface MockCaller {
  ip?: string;
  userAgent?: string;
}

export interface MockRequestRecord {
  operation: TokenOperation;
  method: string;
  url: string;
  headers: Record<string, string>;
  credentials: RequestCredentials;
  body: unknown;
}

export interface FailNextOptions {
  /** Which operation the fault hits; default the next request of any kind. */
  operation?: TokenOperation;
  /** How many requests in a row it hits. Default 1. */
  times?: number;
}

export interface MockBackend {
  readonly handlers: HttpHandler[];
  /** Every request received, oldest first; secrets are never part of a request. */
  readonly requests: MockRequestRecord[];
  /** The store's tokens, newest first (a copy). */
  tokens(): Token[];
  /** Replace the store's content (and the trail: the demo's for `'demo'`, none otherwise) and forget queued faults and recorded requests. */
  reset(seed?: 'demo' | readonly Token[]): void;
  /** The activity trail, newest first (a copy). */
  activity(): ActivityEvent[];
  /**
   * Stands for a use of the token by `caller` (an API call with it): `lastUsedAt` moves, the
   * caller joins its recent callers, and a caller it had not seen makes a `new-caller` event.
   */
  useToken(id: string, caller?: MockCaller, at?: Date): void;
  failNext(fault: MockFault, options?: FailNextOptions): void;
  setLatency(latency: MockBackendOptions['latency']): void;
  /**
   * Revokes as the system would (a secret scanner's report, an administrator, the whole account):
   * the token `id`, or without one every token that still works. A revoked token stays listed
   * with its `revocation`, cannot be regenerated (409) and can be deleted. Returns the tokens it revoked.
   */
  simulateRevocation(options?: SimulatedRevocation): Token[];
}

export interface SimulatedRevocation {
  /** The token to revoke; without one, every token that still works (neither expired nor revoked). */
  id?: string;
  /** Default `leaked`. */
  reason?: 'leaked' | 'admin' | 'account';
  /** `leaked`: where the secret was found. */
  url?: string;
}

interface QueuedFault {
  fault: MockFault;
  operation: TokenOperation | undefined;
  remaining: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Recent callers kept per token, as the reference server. */
const MAX_CALLERS = 5;

function problem(status: number, title: string, detail?: string, errors?: Record<string, string>) {
  return HttpResponse.json(
    { type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const endpoint = (options.endpoint ?? '/api/tokens').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const slowMs = options.slowMs ?? 3000;
  const maxLifetimeDays = options.maxLifetimeDays ?? 366;
  const allowNoExpiration = options.allowNoExpiration ?? true;
  const maxGracePeriodHours = Math.min(options.maxGracePeriodHours ?? MAX_GRACE_PERIOD_HOURS, MAX_GRACE_PERIOD_HOURS);
  const catalogue = options.scopes && new Set(options.scopes.map((scope) => scope.id));
  const defaultScopes = options.scopes?.filter((scope) => scope.default === true).map((scope) => scope.id);
  const maxTokensPerUser = options.maxTokensPerUser;
  /** What the list answer tells the page: the catalogue, and the policy options given (as a server states what it enforces). */
  const listExtras = listExtrasOf(options);
  const pageSize = options.activityPageSize ?? 25;
  let latency = options.latency ?? 0;
  let store: Token[] = [];
  let faults: QueuedFault[] = [];
  const requests: MockRequestRecord[] = [];
  /** Newest first. */
  let events: ActivityEvent[] = [];
  let callers = new Map<string, RecentCaller[]>();
  let eventCount = 0;

  const seedTokens = (seed: 'demo' | readonly Token[] = 'demo') => (seed === 'demo' ? demoSeed(now()) : seed.map(copyOf)).sort(byNewest);
  function seedAll(seed: 'demo' | readonly Token[] = 'demo') {
    store = seedTokens(seed);
    const trail = seed === 'demo' ? demoActivity(now()) : { events: [], callers: {} };
    events = trail.events.map(copyOf).sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
    callers = new Map(Object.entries(trail.callers).map(([id, list]) => [id, list.map((caller) => ({ ...caller }))]));
  }
  seedAll(options.seed);

  /** Records an event (newest first); ids sort in the order they were made. */
  function note(event: Omit<ActivityEvent, 'id' | 'at'> & { at?: string }) {
    eventCount += 1;
    events.unshift({ id: `evt_mock${String(eventCount).padStart(8, '0')}`, at: now().toISOString(), ...event });
  }
  const byUser = (type: string, token: Token, extra: Partial<ActivityEvent> = {}) =>
    note({ type, tokenId: token.id, tokenName: token.name, actor: 'user', ip: null, userAgent: null, ...extra });

  function takeFault(operation: TokenOperation): MockFault | undefined {
    const queued = faults.find((f) => f.operation === undefined || f.operation === operation);
    if (!queued) return undefined;
    queued.remaining -= 1;
    if (queued.remaining <= 0) faults = faults.filter((f) => f !== queued);
    return queued.fault;
  }

  async function record(operation: TokenOperation, request: Request, body: unknown) {
    requests.push({
      operation,
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers.entries()),
      credentials: request.credentials,
      body,
    });
    const ms = typeof latency === 'number' ? latency : latency.min + Math.random() * (latency.max - latency.min);
    if (ms > 0) await delay(ms);
  }

  /** The error answer for a fault, the same for every operation but for the fields it names; or none. */
  async function genericFault(fault: MockFault, operation: TokenOperation): Promise<Response | undefined> {
    switch (fault) {
      case 'server-error':
        return problem(500, 'Internal Server Error', 'Something went wrong on our side. Please try again.');
      case 'unauthorized':
        return problem(401, 'Unauthorized', 'Your session has expired. Sign in again.');
      case 'forbidden':
        return problem(403, 'Forbidden', 'You do not have permission to manage tokens.');
      case 'not-found':
        return problem(404, 'Not Found', 'The requested resource does not exist.');
      case 'conflict':
        if (operation === 'rotate') return problem(409, 'Conflict', 'This token has already been regenerated.');
        return problem(409, 'Conflict', 'A token with this name already exists.', { name: 'Choose a name that is not in use.' });
      case 'validation':
        if (operation === 'rotate') {
          return problem(422, 'Unprocessable Entity', 'Some fields are invalid.', {
            expiresInDays: 'This lifetime is not allowed.',
            gracePeriodHours: 'This grace period is not allowed.',
          });
        }
        return problem(422, 'Unprocessable Entity', 'Some fields are invalid.', {
          name: 'This name is not allowed.',
          description: 'The description is too long.',
        });
      case 'non-json-error':
        return new HttpResponse('<html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        });
      case 'network':
        return HttpResponse.error();
      case 'timeout':
        await delay('infinite');
        return undefined;
      case 'slow':
        await delay(slowMs);
        return undefined;
      case 'malformed-json':
        return new HttpResponse('{"tokens": [{"id": "tok_1", "name": "trunc', {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      default:
        return undefined;
    }
  }

  /** The field error for a lifetime this mock's policy refuses, if any. */
  function expiresInDaysError(days: unknown): string | undefined {
    if (days === null) return allowNoExpiration ? undefined : 'Tokens must have an expiration date.';
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) return 'Expiration must be a whole number of days, at least 1.';
    if (days > maxLifetimeDays) return `Tokens can live at most ${maxLifetimeDays} days.`;
    return undefined;
  }

  function scopesError(scopes: unknown): string | undefined {
    if (!Array.isArray(scopes) || !scopes.every((id) => typeof id === 'string' && id)) return 'Scopes must be a list of scope ids.';
    if (!scopes.length) return 'Choose at least one scope.';
    const unknown = catalogue ? scopes.filter((id: string) => !catalogue.has(id)) : [];
    return unknown.length ? `Unknown ${unknown.length === 1 ? 'scope' : 'scopes'}: ${unknown.join(', ')}.` : undefined;
  }

  type Checked<T> = { request: T } | { errors: Record<string, string> };

  function validateCreate(input: Record<string, unknown>): Checked<CreateTokenRequest> {
    const errors: Record<string, string> = {};
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    // The server's input rule for text (control characters, direction overrides, half characters).
    const nameProblem = textProblem(name);
    if (!name || isInvisible(name)) errors.name = 'Name is required.';
    else if (name.length > NAME_MAX_LENGTH) errors.name = `Name must be at most ${NAME_MAX_LENGTH} characters.`;
    else if (nameProblem) errors.name = `Name must not contain ${TEXT_PROBLEMS[nameProblem]}.`;
    const description = input.description;
    if (description !== undefined && (typeof description !== 'string' || description.length > DESCRIPTION_MAX_LENGTH)) {
      errors.description = `Description must be text of at most ${DESCRIPTION_MAX_LENGTH} characters.`;
    } else if (typeof description === 'string') {
      const problem = textProblem(description, { multiline: true });
      if (problem) errors.description = `Description must not contain ${TEXT_PROBLEMS[problem]}.`;
    }
    const days = input.expiresInDays;
    const daysError = expiresInDaysError(days);
    if (daysError) errors.expiresInDays = daysError;
    // Without scopes, a catalogue's defaults; all permissions only by choosing them all.
    let scopes = input.scopes;
    if (scopes !== undefined) {
      const scopeError = scopesError(scopes);
      if (scopeError) errors.scopes = scopeError;
    } else if (defaultScopes?.length) scopes = defaultScopes;
    else if (defaultScopes) errors.scopes = 'Choose at least one permission.';
    if (Object.keys(errors).length) return { errors };
    return {
      request: {
        name,
        ...(typeof description === 'string' && description.trim() ? { description: description.trim() } : {}),
        expiresInDays: days as number | null,
        ...(scopes === undefined ? {} : { scopes: [...new Set(scopes as string[])] }),
      },
    };
  }

  function validateRotate(input: Record<string, unknown>): Checked<Required<RotateTokenRequest>> {
    const errors: Record<string, string> = {};
    const daysError = expiresInDaysError(input.expiresInDays);
    if (daysError) errors.expiresInDays = daysError;
    const grace = input.gracePeriodHours ?? 0;
    if (typeof grace !== 'number' || !Number.isInteger(grace) || grace < 0 || grace > maxGracePeriodHours) {
      errors.gracePeriodHours = `The grace period must be a whole number of hours from 0 to ${maxGracePeriodHours}.`;
    }
    if (Object.keys(errors).length) return { errors };
    return { request: { expiresInDays: input.expiresInDays as number | null, gracePeriodHours: grace as number } };
  }

  /** A new token and its secret, created now; only the partial key of the secret is kept. */
  function mint(fields: Pick<Token, 'name' | 'description' | 'scopes'>, expiresInDays: number | null): { token: Token; secret: string } {
    const secret = generateSecret();
    const created = now();
    const token: Token = {
      id: randomId(),
      name: fields.name,
      description: fields.description ?? null,
      partialKey: partialKeyOf(secret),
      createdAt: created.toISOString(),
      expiresAt: expiresInDays === null ? null : new Date(created.getTime() + expiresInDays * DAY).toISOString(),
      lastUsedAt: null,
      // Absent rather than null when the token has all permissions: as tokens made before scopes existed.
      ...(fields.scopes ? { scopes: [...fields.scopes] } : {}),
    };
    return { token, secret };
  }

  async function readJson(request: Request): Promise<unknown> {
    try {
      return await request.clone().json();
    } catch {
      return undefined;
    }
  }

  const asObject = (body: unknown) => (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;

  /** `GET …/activity` and `GET …/{id}/activity`: a page of the trail, newest first, by an opaque cursor. */
  async function activityAnswer(request: Request, tokenId: string | null): Promise<Response> {
    await record('activity', request, undefined);
    if (options.activity === false) return problem(404, 'Not Found', 'There is nothing at this address.');
    const fault = takeFault('activity');
    const early = fault && (await genericFault(fault, 'activity'));
    if (early) return early;
    const mine =
      fault === 'empty-list' ? [] : events.filter((e) => tokenId === null || e.tokenId === tokenId || e.relatedTokenId === tokenId);
    const cursor = new URL(request.url).searchParams.get('cursor');
    let from = 0;
    if (cursor) {
      const after = mine.findIndex((e) => btoa(e.id) === cursor);
      if (after < 0)
        return problem(422, 'Unprocessable Entity', 'The cursor is not one this server gave.', { cursor: 'Use the "next" value.' });
      from = after + 1;
    }
    const page = mine.slice(from, from + pageSize);
    const next = from + pageSize < mine.length ? btoa(page.at(-1)!.id) : null;
    const body: Record<string, unknown> = { events: page, next };
    if (tokenId !== null && !cursor) body.callers = callers.get(tokenId) ?? [];
    if (fault === 'schema-violation')
      body.events = [{ ...(page[0] ?? { id: 'evt_x', type: 'created', tokenId: 'tok_x' }), at: 1700000000 }];
    if (fault === 'extra-fields') {
      body.events = page.map((e) => ({ ...e, geo: { country: 'NZ' } }));
      body.total = mine.length;
    }
    return HttpResponse.json(body);
  }

  const handlers: HttpHandler[] = [
    http.get(endpoint, async ({ request }) => {
      await record('list', request, undefined);
      const fault = takeFault('list');
      const early = fault && (await genericFault(fault, 'list'));
      if (early) return early;
      if (fault === 'empty-list') return HttpResponse.json({ tokens: [] });
      if (fault === 'schema-violation') {
        const sample = store[0] ?? demoSeed(now())[0]!;
        return HttpResponse.json({ tokens: [{ ...sample, createdAt: 1700000000 }] });
      }
      if (fault === 'extra-fields') {
        return HttpResponse.json({
          tokens: store.map((t) => ({ ...t, owner: { id: 7 }, ipAllowlist: ['10.0.0.0/8'] })),
          ...listExtras,
          nextCursor: null,
          apiVersion: '2026-11-01',
        });
      }
      return HttpResponse.json({ tokens: store, ...listExtras });
    }),

    http.post(endpoint, async ({ request }) => {
      const body = await readJson(request);
      await record('create', request, body);
      const fault = takeFault('create');
      const early = fault && (await genericFault(fault, 'create'));
      if (early) return early;
      if (body === undefined) return problem(400, 'Bad Request', 'The request body must be JSON.');
      const checked = validateCreate(asObject(body));
      if ('errors' in checked) return problem(422, 'Unprocessable Entity', 'Some fields are invalid.', checked.errors);
      // A taken name is a conflict with the store's state, not an invalid value: 409, as real APIs answer.
      const taken = checked.request.name.toLowerCase();
      if (store.some((t) => t.name.toLowerCase() === taken)) {
        return problem(409, 'Conflict', 'A token with this name already exists.', { name: 'Choose a name that is not in use.' });
      }
      // Counted as the server counts: a replaced token in its grace period does not count, nor a revoked one.
      if (maxTokensPerUser !== undefined && store.filter((t) => !t.replacedBy && !t.revocation).length >= maxTokensPerUser) {
        return problem(
          409,
          'Conflict',
          `You have ${maxTokensPerUser} tokens, the most allowed. Delete one you no longer use, then try again.`,
        );
      }

      const { token, secret } = mint(checked.request, checked.request.expiresInDays);
      if (fault === 'schema-violation') {
        // The secret travels in a broken answer: the client must reject it without echoing it.
        return HttpResponse.json({ token: { ...token, id: 42 }, secret }, { status: 201 });
      }
      store = [token, ...store];
      byUser('created', token, { expiresAt: token.expiresAt });
      const payload = fault === 'extra-fields' ? { token: { ...token, owner: { id: 7 } }, secret, hint: 'x' } : { token, secret };
      return HttpResponse.json(payload, { status: 201 });
    }),

    http.post(`${endpoint}/:id/rotate`, async ({ request, params }) => {
      const body = await readJson(request);
      await record('rotate', request, body);
      const fault = takeFault('rotate');
      const early = fault && (await genericFault(fault, 'rotate'));
      if (early) return early;
      // The token first: when it is gone, no value of the request matters any more.
      const old = store.find((t) => t.id === String(params.id));
      if (!old) return problem(404, 'Not Found', 'No token with this id.');
      if (old.revocation)
        return problem(409, 'Conflict', 'This token was revoked and cannot be regenerated: delete it, and create a new one.');
      if (old.replacedBy) return problem(409, 'Conflict', 'This token has already been regenerated.');
      if (body === undefined) return problem(400, 'Bad Request', 'The request body must be JSON.');
      const checked = validateRotate(asObject(body));
      if ('errors' in checked) return problem(422, 'Unprocessable Entity', 'Some fields are invalid.', checked.errors);

      const { expiresInDays, gracePeriodHours } = checked.request;
      const { token, secret } = mint(old, expiresInDays);
      // The old token works on for the grace period, but never longer than it would have.
      const graceEnd = Date.parse(token.createdAt) + gracePeriodHours * HOUR;
      const previous: Token | null =
        gracePeriodHours === 0
          ? null
          : {
              ...old,
              expiresAt: new Date(old.expiresAt === null ? graceEnd : Math.min(graceEnd, Date.parse(old.expiresAt))).toISOString(),
              replacedBy: token.id,
            };
      if (fault === 'schema-violation') {
        return HttpResponse.json({ token: { ...token, id: 42 }, secret, previous }, { status: 201 });
      }
      // At most one predecessor in its grace period: regenerating `old` ends the grace of the one it replaced.
      store = [token, ...store.flatMap((t) => (t === old ? (previous ? [previous] : []) : t.replacedBy === old.id ? [] : [t]))];
      byUser('regenerated', old, { relatedTokenId: token.id, expiresAt: previous?.expiresAt ?? token.createdAt });
      const payload =
        fault === 'extra-fields'
          ? { token: { ...token, owner: { id: 7 } }, secret, previous: previous && { ...previous, owner: { id: 7 } }, rotatedBy: 'user_1' }
          : { token, secret, previous };
      return HttpResponse.json(payload, { status: 201 });
    }),

    http.get(`${endpoint}/activity`, ({ request }) => activityAnswer(request, null)),
    http.get(`${endpoint}/:id/activity`, ({ request, params }) => activityAnswer(request, String(params.id))),

    http.delete(`${endpoint}/:id`, async ({ request, params }) => {
      await record('revoke', request, undefined);
      const fault = takeFault('revoke');
      // DELETE's body is not part of the contract: body faults still delete, then send a bad body.
      const bodyFault = fault === 'malformed-json' || fault === 'schema-violation' || fault === 'extra-fields';
      const early = fault && !bodyFault && (await genericFault(fault, 'revoke'));
      if (early) return early;
      const id = String(params.id);
      const gone = store.find((t) => t.id === id);
      if (!gone) return problem(404, 'Not Found', 'No token with this id.');
      store = store.filter((t) => t.id !== id);
      callers.delete(id);
      byUser('deleted', gone);
      if (fault === 'malformed-json')
        return new HttpResponse('{"deleted": tr', { status: 200, headers: { 'Content-Type': 'application/json' } });
      if (bodyFault) return HttpResponse.json({ deleted: fault === 'extra-fields' ? 1 : 'yes' }, { status: 200 });
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    handlers,
    requests,
    tokens: () => store.map(copyOf),
    reset(seed) {
      seedAll(seed);
      faults = [];
      requests.length = 0;
    },
    activity: () => events.map(copyOf),
    useToken(id, caller = {}, at = now()) {
      const token = store.find((t) => t.id === id);
      if (!token) throw new Error(`The mock has no token ${id}.`);
      if (!token.lastUsedAt || Date.parse(token.lastUsedAt) < at.getTime()) token.lastUsedAt = at.toISOString();
      if (caller.ip === undefined && caller.userAgent === undefined) return;
      const ip = caller.ip ?? null;
      const userAgent = caller.userAgent ?? null;
      const known = callers.get(id) ?? [];
      const same = known.find((c) => c.ip === ip && c.userAgent === userAgent);
      if (!same) {
        note({ type: 'new-caller', at: at.toISOString(), tokenId: id, tokenName: token.name, actor: 'token', ip, userAgent });
        events.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
      }
      const merged = [{ ip, userAgent, lastUsedAt: at.toISOString() }, ...known.filter((c) => c !== same)];
      callers.set(id, merged.sort((a, b) => Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt)).slice(0, MAX_CALLERS));
    },
    failNext(fault, { operation, times = 1 } = {}) {
      faults.push({ fault, operation, remaining: times });
    },
    setLatency(value) {
      latency = value ?? 0;
    },
    simulateRevocation({ id, reason = 'leaked', url } = {}) {
      const at = now();
      const works = (token: Token) => !token.revocation && (token.expiresAt === null || Date.parse(token.expiresAt) > at.getTime());
      const chosen = id === undefined ? store.filter(works) : store.filter((token) => token.id === id && !token.revocation);
      if (id !== undefined && !chosen.length) throw new Error(`simulateRevocation: no token "${id}" that is not revoked already.`);
      const revocation = { at: at.toISOString(), reason, ...(url === undefined ? {} : { url }) };
      // As the reference server: it stopped working then, and leads to no successor any more.
      const revoke = (token: Token): Token => ({
        ...token,
        replacedBy: null,
        revocation,
        expiresAt: token.expiresAt !== null && Date.parse(token.expiresAt) < at.getTime() ? token.expiresAt : revocation.at,
      });
      store = store.map((token) => (chosen.includes(token) ? revoke(token) : token));
      // The trail has each revocation, by the system, as the reference server records it.
      for (const token of chosen) {
        note({
          type: 'revoked',
          tokenId: token.id,
          tokenName: token.name,
          actor: 'system',
          ip: null,
          userAgent: null,
          reason,
          url: url ?? null,
        });
      }
      return store.filter((token) => chosen.some((revoked) => revoked.id === token.id)).map(copyOf);
    },
  };
}

/** What `textProblem` found, in a field message's words. */
const TEXT_PROBLEMS = {
  control: 'control characters',
  bidi: 'characters that reverse the direction of the text',
  surrogate: 'a broken character (half of a surrogate pair)',
};

/** The list answer's catalogue and policy: what the options give, nothing when they give none. */
function listExtrasOf(options: MockBackendOptions): { scopes?: Scope[]; policy?: ServerPolicy } {
  const given = {
    maxLifetimeDays: options.maxLifetimeDays,
    allowNoExpiration: options.allowNoExpiration,
    maxTokensPerUser: options.maxTokensPerUser,
    maxGracePeriodHours: options.maxGracePeriodHours,
    presets: options.presets && [...options.presets],
  };
  const policy = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as ServerPolicy;
  return {
    ...(options.scopes && { scopes: structuredClone([...options.scopes]) }),
    ...(Object.keys(policy).length && { policy }),
  };
}

/** A deep copy (scopes included), so neither a caller nor the store can change the other. */
function copyOf<T extends object>(value: T): T {
  return structuredClone(value);
}

function byNewest(a: Token, b: Token): number {
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}
