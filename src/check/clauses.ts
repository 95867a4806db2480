/**
 * The contract, clause by clause. Each clause checks one behaviour and judges only that one, so a
 * backend with one fault sees one failed clause; a clause that needs what an earlier one failed
 * to give (a created token, a readable list) is skipped, not failed.
 */
import * as z from 'zod/mini';
import { parseActivityPage, parseCreateResponse, parseListResponse, parseRotateResponse } from '../api/parse.js';
import {
  ActivityPageSchema,
  CreateTokenResponseSchema,
  ListTokensResponseSchema,
  MAX_GRACE_PERIOD_HOURS,
  ProblemSchema,
  RotateTokenResponseSchema,
  TokenSchema,
  type ListTokensResponse,
} from '../api/schemas.js';
import { describeContractError, findSecret, listedTokens, malformedDates, revealedLength, revealLimit, shapeError } from './inspect.js';
import { Probe, type Exchange } from './probe.js';

export type ClauseStatus = 'pass' | 'fail' | 'not-offered' | 'skipped';

/** The check cannot run at all (credentials refused); the message says what to change. */
export class CannotCheckError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CannotCheckError';
  }
}

export interface Outcome {
  status: ClauseStatus;
  /** Why it failed, was skipped or is not offered; on a pass, an optional detail. */
  reason?: string;
}

/** A token this run made, as its create (or rotate) answer described it. */
export interface MadeToken {
  id: string;
  name: string;
  secret: string | undefined;
  body: Record<string, unknown>;
}

/** A body judged by a schema, kept for the `dates` clause. */
interface Judged {
  label: string;
  schema: z.ZodMiniType;
  json: unknown;
  tokens: number;
}

/** What the clauses share during one run. */
export interface RunContext {
  readonly probe: Probe;
  readonly headersGiven: boolean;
  /** Whether a second user's headers were given (`--other-header`). */
  readonly otherGiven: boolean;
  /** The collection's URL, for a message that says where the checker looked. */
  readonly endpoint: string;
  /** The name of a token this run creates: recognisable, and unique to the run. */
  nameFor(role: string): string;
  /** Every token id a 2xx create or rotate answer reported, for the cleanup. */
  readonly made: Set<string>;
  /** Those a request of the second user made (a rotation that should have been refused): its to delete. */
  readonly madeByOther: Set<string>;
  /** The outcome of each clause that has run, by id. */
  readonly outcomes: Map<ClauseId, Outcome>;
  readonly judged: Judged[];
  /** The catalogue and policy the list answer stated (the policy probes check them). */
  stated?: Omit<ListTokensResponse, 'tokens'>;
  /** The token `create` made and the list read after it. */
  first?: MadeToken;
  listAfterCreate?: Exchange;
  /** Whether the DELETE of `first` answered 2xx (right or not: 200 is `revoke`'s to judge). */
  revoked?: boolean;
}

export interface Clause {
  id: ClauseId;
  /** What a pass means, in a few words. */
  claim: string;
  /** True when it sends nothing that could change the backend's data (`--no-write` runs these). */
  readOnly: boolean;
  /** How to fix a failure, in a sentence. */
  hint: string;
  run(context: RunContext): Promise<Outcome>;
}

const pass = (reason?: string): Outcome => (reason ? { status: 'pass', reason } : { status: 'pass' });
const fail = (reason: string): Outcome => ({ status: 'fail', reason });
const skip = (reason: string): Outcome => ({ status: 'skipped', reason });

/** Rotation and activity are optional in the contract; these answers mean the backend has no such route. */
const NOT_OFFERED_STATUSES = [404, 405, 501];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Room for the backend's clock moving on between two timestamps it writes. */
const CLOCK_SLACK = 2 * 60_000;

const DESCRIPTION = 'Made by `npx pat-elements check`, which deletes it when it ends. Safe to delete.';

/**
 * `422 (errors: name, expiresInDays; "Check the fields.")`: the status, the fields a problem body
 * names, and its `detail`, which often says what is wrong on the server's side.
 */
function answered(exchange: Exchange): string {
  const errors = (exchange.json as { errors?: unknown } | undefined)?.errors;
  const fields = errors && typeof errors === 'object' ? Object.keys(errors).slice(0, 5).map(printable) : [];
  const parts = [...(fields.length ? [`errors: ${fields.join(', ')}`] : []), ...(exchange.detail ? [`"${exchange.detail}"`] : [])];
  return parts.length ? `${exchange.status} (${parts.join('; ')})` : String(exchange.status);
}

/** A server-chosen string shown in a reason: short, one line, nothing that steers a terminal. */
function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 39)}…` : clean;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/** A date's time in ms, or NaN for one the schema rejects: those are the dates clause's to report. */
function instant(value: unknown): number {
  return z.safeParse(TokenSchema.shape.createdAt, value).success ? Date.parse(value as string) : Number.NaN;
}

/** Remembers the token a 2xx answer reports having made, so the cleanup deletes it (as the user who asked). */
function noteMade(context: RunContext, exchange: Exchange, byOther = false): void {
  if (!isSuccess(exchange.status)) return;
  const id = (exchange.json as { token?: { id?: unknown } } | undefined)?.token?.id;
  if (typeof id === 'string' && id) (byOther ? context.madeByOther : context.made).add(id);
}

/** The token and secret of a create or rotate answer, read leniently (its shape is judged apart). */
function madeToken(exchange: Exchange): MadeToken | undefined {
  const body = exchange.json as { token?: unknown; secret?: unknown } | undefined;
  const token = body?.token as Record<string, unknown> | undefined;
  if (!isSuccess(exchange.status) || typeof token?.id !== 'string' || !token.id) return undefined;
  return {
    id: token.id,
    name: typeof token.name === 'string' ? token.name : '',
    secret: typeof body?.secret === 'string' && body.secret ? body.secret : undefined,
    body: token,
  };
}

function judge(context: RunContext, label: string, schema: z.ZodMiniType, json: unknown, tokens: number): void {
  context.judged.push({ label, schema, json, tokens });
}

/**
 * What a create of this run asks for besides its name: a day's lifetime, and, where the list
 * states a catalogue without defaults (a create without scopes is refused there), its first scope.
 */
function createBody(context: RunContext, role: string): Record<string, unknown> {
  const scopes = context.stated?.scopes;
  const first = scopes && !scopes.some((scope) => scope.default === true) ? scopes[0] : undefined;
  return { name: context.nameFor(role), description: DESCRIPTION, expiresInDays: 1, ...(first && { scopes: [first.id] }) };
}

/** The catalogue and policy of a list answer, each where it is valid. */
function statedBy(json: unknown): Omit<ListTokensResponse, 'tokens'> {
  const body = (typeof json === 'object' && json) || {};
  const scopes = z.safeParse(ListTokensResponseSchema.shape.scopes, (body as { scopes?: unknown }).scopes);
  const policy = z.safeParse(ListTokensResponseSchema.shape.policy, (body as { policy?: unknown }).policy);
  return { ...(scopes.success && scopes.data && { scopes: scopes.data }), ...(policy.success && policy.data && { policy: policy.data }) };
}

/** Judges an answer that must be a 422 naming `field`; `undefined` when it is. */
function refused(context: RunContext, exchange: Exchange, what: string, field: string): Outcome | undefined {
  noteMade(context, exchange);
  if (exchange.status !== 422) return fail(`${what} answered ${answered(exchange)}; expected 422`);
  const problem = problemError(exchange);
  if (problem) return fail(`the 422: ${problem}`);
  const errors = (exchange.json as { errors?: Record<string, unknown> }).errors;
  if (!errors || !(field in errors)) return fail(`the 422 has no “errors.${field}”`);
  return undefined;
}

/** Reads the list for a clause that needs it; an unreadable list fails there only if `list` passed. */
async function readList(context: RunContext): Promise<{ exchange: Exchange; tokens: Array<Record<string, unknown>> } | Outcome> {
  const exchange = await context.probe.send('GET');
  const tokens = exchange.status === 200 ? listedTokens(exchange.json) : undefined;
  if (tokens) {
    judge(context, 'GET', ListTokensResponseSchema, exchange.json, tokens.length);
    return { exchange, tokens };
  }
  if (context.outcomes.get('list')?.status === 'fail') return skip('needs a readable list (see list)');
  return fail(`GET answered ${answered(exchange)} without a "tokens" list this time`);
}

const isOutcome = (value: object): value is Outcome => 'status' in value;

/** Problem details (RFC 9457) for an error answer: what is wrong with it, or nothing. */
function problemError(exchange: Exchange): string | undefined {
  if (exchange.json === undefined) return `its body is not JSON; expected problem details`;
  const result = z.safeParse(ProblemSchema, exchange.json);
  if (!result.success || typeof exchange.json !== 'object' || Array.isArray(exchange.json) || exchange.json === null) {
    return 'its body is not a problem details object ({ "title", "status", "detail", "errors" })';
  }
  const status = result.data.status;
  if (status !== undefined && status !== exchange.status) return `its "status" member says ${status}, the answer ${exchange.status}`;
  return undefined;
}

export type ClauseId =
  | 'list'
  | 'unauthenticated'
  | 'unknown-id'
  | 'create'
  | 'listed'
  | 'secret-not-listed'
  | 'partial-key'
  | 'revoke'
  | 'gone'
  | 'revoke-again'
  | 'rotate'
  | 'activity'
  | 'isolation'
  | 'name-required'
  | 'lifetime-max'
  | 'no-expiration'
  | 'grace-max'
  | 'unknown-scope'
  | 'malformed-json'
  | 'content-types'
  | 'dates';

/** In the order they run: reads first, then a token's life, then errors, then what every answer shares. */
export const CLAUSES: readonly Clause[] = [
  {
    id: 'list',
    claim: 'GET answers 200 with { "tokens": [...] }',
    readOnly: true,
    hint: 'Answer GET {endpoint} with 200 and { "tokens": [...] }, every token with id, name, partialKey, createdAt and expiresAt.',
    async run(context) {
      const exchange = await context.probe.send('GET');
      if (exchange.status === 401 || exchange.status === 403) {
        // Every clause would fail the same way: a matter of the command line, not of the contract.
        throw new CannotCheckError(
          context.headersGiven
            ? `GET answered ${answered(exchange)} with the -H headers given: are they right, and still valid?`
            : `GET answered ${answered(exchange)}: the endpoint wants credentials; give them with -H "Name: value"`,
        );
      }
      if (exchange.status === 404) {
        // Nothing here: every route below would answer 404 too, and "DELETE of an unknown id answers 404" would pass for nothing.
        throw new CannotCheckError(
          `GET ${context.endpoint} answered ${answered(exchange)}: nothing is served at this address. Give the token collection's URL ` +
            "(the page's endpoint), and check that the server's base path is the path it is mounted at " +
            '(pat-elements/server: createFetchHandler\'s basePath); an empty collection answers 200 with { "tokens": [] }.',
        );
      }
      if (exchange.status !== 200) return fail(`GET answered ${answered(exchange)}; expected 200`);
      if (exchange.json === undefined) return fail(`GET's body is not JSON${exchange.mediaType ? ` (it is ${exchange.mediaType})` : ''}`);
      const listed = listedTokens(exchange.json) ?? [];
      const tokens = listed.length;
      judge(context, 'GET', ListTokensResponseSchema, exchange.json, tokens);
      // What the list states is read on its own: the creates need the catalogue even if a token is broken.
      const { scopes, policy } = statedBy(exchange.json);
      context.stated = { ...(scopes && { scopes }), ...(policy && { policy }) };
      const error = shapeError(ListTokensResponseSchema, parseListResponse, exchange.json);
      if (error) return fail(`GET: ${describeContractError(error)}`);
      // Tokens the system revoked (a leak, an account) stay listed, marked: the contract allows them.
      const revoked = listed.filter((token) => token.revocation).length;
      const stated = [
        revoked && `${revoked} revoked by the system`,
        scopes && `${scopes.length} scope${scopes.length === 1 ? '' : 's'}`,
        policy && 'a policy',
      ].filter(Boolean);
      const said = stated.length > 1 ? `${stated.slice(0, -1).join(', ')} and ${stated.at(-1)}` : stated.join('');
      return pass(`${tokens} token${tokens === 1 ? '' : 's'}${said ? `, ${said}` : ''}`);
    },
  },
  {
    id: 'unauthenticated',
    claim: 'GET without the -H headers answers 401',
    readOnly: true,
    hint: 'Authenticate every request and answer 401 when credentials are missing or invalid (403 is for a signed-in user who may not).',
    async run(context) {
      if (!context.headersGiven) return skip('no -H headers given, so there are none to leave out');
      const exchange = await context.probe.send('GET', { withoutHeaders: true });
      if (exchange.status !== 401) return fail(`GET without the -H headers answered ${answered(exchange)}; expected 401`);
      return pass();
    },
  },
  {
    id: 'unknown-id',
    claim: 'DELETE of an unknown id answers 404',
    // A DELETE, but of an id made up for this run: nothing can match it, so nothing changes.
    readOnly: true,
    hint: "Answer 404 for a token id the user does not have (also for another user's token: never 403).",
    async run(context) {
      const exchange = await context.probe.send('DELETE', { path: Probe.tokenPath(context.nameFor('missing').replaceAll(' ', '-')) });
      if (exchange.status !== 404) return fail(`DELETE …/{id} of an id that does not exist answered ${answered(exchange)}; expected 404`);
      return pass();
    },
  },
  {
    id: 'create',
    claim: 'POST answers 201 with the token and its secret',
    readOnly: false,
    hint: 'Answer POST {endpoint} with 201 and { "token": Token, "secret": string }; honour "expiresInDays".',
    async run(context) {
      const body = createBody(context, 'create');
      const name = body.name;
      const exchange = await context.probe.send('POST', { body });
      noteMade(context, exchange);
      const made = madeToken(exchange);
      if (made) context.first = made;
      if (exchange.status !== 201) return fail(`POST answered ${answered(exchange)}; expected 201`);
      if (exchange.json === undefined) return fail(`POST's body is not JSON`);
      judge(context, 'POST', CreateTokenResponseSchema, exchange.json, 1);
      const error = shapeError(CreateTokenResponseSchema, parseCreateResponse, exchange.json);
      if (error) return fail(`POST: ${describeContractError(error)}`);
      const token = made!.body;
      if (token.name !== name) return fail('POST: “token.name” is not the name that was sent');
      if (token.expiresAt === null) return fail('POST: “token.expiresAt” is null, but "expiresInDays": 1 was sent');
      const lifetime = instant(token.expiresAt) - instant(token.createdAt);
      if (!Number.isNaN(lifetime) && (lifetime <= 0 || lifetime > 2 * DAY)) {
        return fail('POST: “token.expiresAt” should be 1 day after “token.createdAt”, as "expiresInDays": 1 asked');
      }
      return pass();
    },
  },
  {
    id: 'listed',
    claim: 'the new token is in the list',
    readOnly: false,
    hint: 'GET must list every token of the user, the one just created too, with the same name and partialKey.',
    async run(context) {
      const first = context.first;
      if (!first) return skip('needs the token create makes');
      const list = await readList(context);
      if (isOutcome(list)) return list;
      context.listAfterCreate = list.exchange;
      const index = list.tokens.findIndex((token) => token.id === first.id);
      if (index < 0) return fail(`the created token (id ${printable(first.id)}) is not in GET's "tokens"`);
      const entry = list.tokens[index]!;
      if (entry.name !== first.name) return fail(`GET: “tokens[${index}].name” is not the name it was created with`);
      if (entry.partialKey !== first.body.partialKey) return fail(`GET: “tokens[${index}].partialKey” differs from the one POST answered`);
      return pass();
    },
  },
  {
    id: 'secret-not-listed',
    claim: 'the secret is nowhere in the list',
    readOnly: false,
    hint: 'Store only a hash of the secret and never send it again: the list carries partialKey only.',
    async run(context) {
      const secret = context.first?.secret;
      if (!secret) return skip('needs the secret create answers');
      let exchange = context.listAfterCreate;
      if (!exchange) {
        const list = await readList(context);
        if (isOutcome(list)) return list;
        exchange = list.exchange;
      }
      const where = findSecret(exchange.json, secret) ?? (exchange.text.includes(secret) ? 'the body' : undefined);
      if (where) return fail(`GET's answer contains the secret (in ${where})`);
      return pass();
    },
  },
  {
    id: 'partial-key',
    claim: 'partialKey shows no more than a short prefix of the secret',
    readOnly: false,
    hint: 'Send as partialKey the prefix and the first 4 characters of the secret (e.g. "pat_9fA2"), never more.',
    async run(context) {
      const first = context.first;
      if (!first?.secret) return skip('needs the secret create answers');
      const limit = revealLimit(first.secret);
      const keys: Array<[string, unknown]> = [['POST: “token.partialKey”', first.body.partialKey]];
      const listed = listedTokens(context.listAfterCreate?.json) ?? [];
      const index = listed.findIndex((token) => token.id === first.id);
      if (index >= 0) keys.push([`GET: “tokens[${index}].partialKey”`, listed[index]!.partialKey]);
      for (const [where, key] of keys) {
        if (typeof key !== 'string') continue;
        const shown = revealedLength(key, first.secret);
        if (shown > limit) return fail(`${where} shows ${shown} characters of the secret; at most ${limit} may be shown`);
      }
      return pass();
    },
  },
  {
    id: 'revoke',
    claim: 'DELETE answers 204',
    readOnly: false,
    hint: 'Answer DELETE {endpoint}/{id} with 204 and no body once the token is revoked.',
    async run(context) {
      const first = context.first;
      if (!first) return skip('needs the token create makes');
      const exchange = await context.probe.send('DELETE', { path: Probe.tokenPath(first.id) });
      context.revoked = isSuccess(exchange.status);
      if (exchange.status !== 204) return fail(`DELETE …/{id} answered ${answered(exchange)}; expected 204`);
      return pass();
    },
  },
  {
    id: 'gone',
    claim: 'the revoked token is gone from the list',
    readOnly: false,
    hint: 'A revoked token must leave the list (and stop working) at once.',
    async run(context) {
      const first = context.first;
      if (!first || !context.revoked) return skip('needs a revoke that worked');
      const list = await readList(context);
      if (isOutcome(list)) return list;
      const still = list.tokens.find((token) => token.id === first.id);
      if (still?.revocation) {
        return fail(
          `the deleted token (id ${printable(first.id)}) is still in GET's "tokens", marked revoked: the user's DELETE removes a token; ` +
            'only one the system revoked (a leak, the whole account) stays listed',
        );
      }
      if (still) return fail(`the revoked token (id ${printable(first.id)}) is still in GET's "tokens"`);
      return pass();
    },
  },
  {
    id: 'revoke-again',
    claim: 'revoking it again answers 404 (or 204)',
    readOnly: false,
    hint: 'A DELETE of a token that is already gone answers 404 (or 204): the elements treat both as deleted.',
    async run(context) {
      const first = context.first;
      if (!first || !context.revoked) return skip('needs a revoke that worked');
      const exchange = await context.probe.send('DELETE', { path: Probe.tokenPath(first.id) });
      if (exchange.status !== 404 && exchange.status !== 204)
        return fail(`a second DELETE …/{id} answered ${answered(exchange)}; expected 404 or 204`);
      return pass();
    },
  },
  {
    id: 'rotate',
    claim: 'rotate answers 201 with the new token, and "previous" during the grace period',
    readOnly: false,
    hint: 'POST {endpoint}/{id}/rotate answers 201 { token, secret, previous }: previous is the old token with replacedBy and expiresAt = now + grace, or null with 0 hours.',
    async run(context) {
      const { probe } = context;
      const created = await probe.send('POST', { body: createBody(context, 'rotate') });
      noteMade(context, created);
      const old = madeToken(created);
      if (!old) return skip(`needs a token to rotate, and POST answered ${answered(created)}`);

      const rotated = await probe.send(
        'POST',
        { path: Probe.tokenPath(old.id, '/rotate'), body: { expiresInDays: 1, gracePeriodHours: 1 } },
        false,
      );
      noteMade(context, rotated);
      if (NOT_OFFERED_STATUSES.includes(rotated.status))
        return { status: 'not-offered', reason: `POST …/{id}/rotate answered ${rotated.status}` };
      // Offered: from here on its answers are the contract's, and content-types judges them.
      rotated.judged = true;
      const outcome = judgeRotation(context, rotated, old, 1);
      if (outcome) return outcome;
      const next = madeToken(rotated)!;

      const again = await probe.send('POST', {
        path: Probe.tokenPath(next.id, '/rotate'),
        body: { expiresInDays: 1, gracePeriodHours: 0 },
      });
      noteMade(context, again);
      const outcomeAtOnce = judgeRotation(context, again, next, 0);
      if (outcomeAtOnce) return outcomeAtOnce;
      const list = await readList(context);
      if (isOutcome(list)) return list;
      if (list.tokens.some((token) => token.id === next.id))
        return fail('a token rotated with "gracePeriodHours": 0 is still in GET\'s "tokens"');
      return pass();
    },
  },
  {
    id: 'activity',
    claim: "the activity routes answer pages of events, newest first; a token's page holds its own events, and no secret",
    readOnly: false,
    hint:
      'GET {endpoint}/activity and {endpoint}/{id}/activity answer 200 { "events": [...], "next": cursor | null }, newest first ' +
      "(404 where no activity is kept); a token's page holds only events naming it; a cursor you did not give is a 4xx problem.",
    async run(context) {
      const { probe } = context;
      const all = await probe.send('GET', { path: '/activity' }, false);
      if (NOT_OFFERED_STATUSES.includes(all.status)) return { status: 'not-offered', reason: `GET …/activity answered ${all.status}` };
      // Offered: from here on its answers are the contract's, and content-types judges them.
      all.judged = true;
      const allError = judgePage(context, all);
      if (allError) return allError;

      const created = await probe.send('POST', { body: createBody(context, 'activity') });
      noteMade(context, created);
      const token = madeToken(created);
      if (!token) return skip(`needs a token to read the trail of, and POST answered ${answered(created)}`);
      const mine = await probe.send('GET', { path: Probe.tokenPath(token.id, '/activity') });
      if (NOT_OFFERED_STATUSES.includes(mine.status)) {
        return fail(`GET …/activity answered 200, but GET …/{id}/activity of a token just made answered ${answered(mine)}; expected 200`);
      }
      const mineError = judgePage(context, mine);
      if (mineError) return mineError;
      const events = (mine.json as { events: Array<Record<string, unknown>> }).events;
      const stranger = events.findIndex((event) => event.tokenId !== token.id && event.relatedTokenId !== token.id);
      if (stranger >= 0)
        return fail(`GET …/{id}/activity: “events[${stranger}]” is about another token (neither tokenId nor relatedTokenId is it)`);
      for (const exchange of [all, mine]) {
        if (token.secret && exchange.text.includes(token.secret)) return fail(`${exchange.label}'s answer contains a secret`);
      }

      // Up to three pages on: each valid, none repeating an event.
      const seen = new Set(listedEvents(all).map((event) => event.id));
      let next = (all.json as { next: string | null }).next;
      for (let page = 0; next && page < 3; page += 1) {
        const following = await probe.send('GET', { path: `/activity?cursor=${encodeURIComponent(next)}` });
        const error = judgePage(context, following);
        if (error) return error;
        for (const event of listedEvents(following)) {
          if (seen.has(event.id)) return fail('GET …/activity?cursor=…: the next page repeats an event of the one before');
          seen.add(event.id);
        }
        next = (following.json as { next: string | null }).next;
      }

      const bogus = await probe.send('GET', { path: `/activity?cursor=${encodeURIComponent(context.nameFor('cursor'))}` });
      if (bogus.status < 400 || bogus.status >= 500) {
        return fail(`GET …/activity with a cursor the server never gave answered ${answered(bogus)}; expected 400 or 422`);
      }
      const problem = problemError(bogus);
      if (problem) return fail(`the ${bogus.status} for a cursor the server never gave: ${problem}`);
      return pass(`${events.length} event${events.length === 1 ? '' : 's'} for a new token`);
    },
  },
  {
    id: 'isolation',
    claim: "a second user can neither see, delete nor rotate the first user's token (nor read its activity), nor tell it exists",
    readOnly: false,
    hint: "Scope every query by the signed-in user: another user's token answers 404 on every route, exactly like one that does not exist (403 would confirm it exists).",
    async run(context) {
      if (!context.otherGiven) return skip("needs a second user's headers: give them with --other-header");
      const { probe } = context;
      const created = await probe.send('POST', {
        body: createBody(context, 'isolation'),
      });
      noteMade(context, created);
      const token = madeToken(created);
      if (!token) return skip(`needs a token of the first user, and POST answered ${answered(created)}`);

      // Whether the token is gone afterwards is read from the list: it must show there first.
      const before = await readList(context);
      if (isOutcome(before)) return before;
      if (!before.tokens.some((entry) => entry.id === token.id)) return skip('needs the new token in the list (see listed)');

      const theirs = await probe.send('GET', { asOther: true });
      if (theirs.status === 401 || theirs.status === 403) {
        return fail(
          `GET as the second user answered ${answered(theirs)}: are the --other-header headers a signed-in user's, and still valid?`,
        );
      }
      const listed = theirs.status === 200 ? listedTokens(theirs.json) : undefined;
      if (!listed) return fail(`GET as the second user answered ${answered(theirs)} without a "tokens" list; expected 200`);
      if (listed.some((entry) => entry.id === token.id)) {
        return fail("the second user's list holds the first user's token (are --other-header and -H two users?)");
      }

      // Each answer must be the one a token that does not exist gets: anything else tells them it exists.
      const madeUp = Probe.tokenPath(context.nameFor('nobody').replaceAll(' ', '-'));
      const rotateOffered = context.outcomes.get('rotate')?.status !== 'not-offered';
      const attempts = [
        { label: 'DELETE …/{id}', send: (path: string) => probe.send('DELETE', { path, asOther: true }) },
        {
          label: 'POST …/{id}/rotate',
          send: (path: string) =>
            probe.send('POST', { path: `${path}/rotate`, body: { expiresInDays: 1, gracePeriodHours: 0 }, asOther: true }, rotateOffered),
        },
      ];
      for (const { label, send } of attempts) {
        const nowhere = await send(madeUp);
        const attempt = await send(Probe.tokenPath(token.id));
        noteMade(context, attempt, true);
        if (attempt.status !== nowhere.status) {
          return fail(
            `${label} of the first user's token, as the second user, answered ${answered(attempt)}; ` +
              `a token that does not exist answers ${nowhere.status}${attempt.status === 403 ? ': 403 tells them it exists' : ''}`,
          );
        }
      }

      if (context.outcomes.get('activity')?.status === 'pass') {
        // Their view of its trail: what a token that does not exist shows (nothing, or a 404).
        const nowhere = await probe.send('GET', { path: `${madeUp}/activity`, asOther: true });
        const theirs = await probe.send('GET', { path: Probe.tokenPath(token.id, '/activity'), asOther: true });
        const leaked = theirs.status === 200 && listedEvents(theirs).length > 0;
        if (theirs.status !== nowhere.status || leaked) {
          return fail(
            `GET …/{id}/activity of the first user's token, as the second user, answered ${answered(theirs)}` +
              `${leaked ? ' with its events' : ''}; a token that does not exist answers ${nowhere.status}`,
          );
        }
      }

      const mine = await readList(context);
      if (isOutcome(mine)) return mine;
      if (!mine.tokens.some((entry) => entry.id === token.id)) {
        return fail("the first user's token is gone from their list after the second user's DELETE and rotate");
      }
      return pass();
    },
  },
  {
    id: 'name-required',
    claim: 'an empty name answers 422 with errors.name',
    readOnly: false,
    hint: 'Validate the request: an empty name answers 422 application/problem+json with { "errors": { "name": "…" } }.',
    async run(context) {
      // Otherwise a request the backend accepts: only the name is wrong.
      const exchange = await context.probe.send('POST', { body: { ...createBody(context, 'unnamed'), name: '' } });
      noteMade(context, exchange);
      if (exchange.status !== 422) return fail(`POST with an empty name answered ${answered(exchange)}; expected 422`);
      const problem = problemError(exchange);
      if (problem) return fail(`the 422: ${problem}`);
      const errors = (exchange.json as { errors?: Record<string, unknown> }).errors;
      if (!errors || !('name' in errors)) return fail('the 422 has no “errors.name”');
      return pass();
    },
  },
  // What the list answer states, the server enforces: cheap probes, each a request to refuse
  // (never filling an account to its maximum). A backend that states nothing skips them.
  {
    id: 'lifetime-max',
    claim: 'a lifetime over the stated maxLifetimeDays answers 422',
    readOnly: false,
    hint: 'Refuse "expiresInDays" above the maxLifetimeDays your list answer states with 422 and errors.expiresInDays (or state the real maximum).',
    async run(context) {
      const max = context.stated?.policy?.maxLifetimeDays;
      if (typeof max !== 'number') return skip('the list answer states no maxLifetimeDays');
      const exchange = await context.probe.send('POST', { body: { ...createBody(context, 'lifetime'), expiresInDays: max + 1 } });
      return refused(context, exchange, `POST with "expiresInDays": ${max + 1}`, 'expiresInDays') ?? pass();
    },
  },
  {
    id: 'no-expiration',
    claim: 'no expiration, where the policy does not allow it, answers 422',
    readOnly: false,
    hint: 'Refuse "expiresInDays": null with 422 and errors.expiresInDays when your list answer states "allowNoExpiration": false.',
    async run(context) {
      if (context.stated?.policy?.allowNoExpiration !== false) return skip('the list answer does not state "allowNoExpiration": false');
      const exchange = await context.probe.send('POST', { body: { ...createBody(context, 'forever'), expiresInDays: null } });
      return refused(context, exchange, 'POST with "expiresInDays": null', 'expiresInDays') ?? pass();
    },
  },
  {
    id: 'grace-max',
    claim: 'a grace period over the maximum answers 422',
    readOnly: false,
    hint: 'Refuse "gracePeriodHours" above the maxGracePeriodHours your list answer states (at most 168) with 422 and errors.gracePeriodHours.',
    async run(context) {
      const max = context.stated?.policy?.maxGracePeriodHours ?? MAX_GRACE_PERIOD_HOURS;
      if (context.outcomes.get('rotate')?.status === 'not-offered') return { status: 'not-offered', reason: 'rotate is not offered' };
      const created = await context.probe.send('POST', { body: createBody(context, 'grace') });
      noteMade(context, created);
      const token = madeToken(created);
      if (!token) return skip(`needs a token to rotate, and POST answered ${answered(created)}`);
      const exchange = await context.probe.send('POST', {
        path: Probe.tokenPath(token.id, '/rotate'),
        body: { expiresInDays: 1, gracePeriodHours: max + 1 },
      });
      return refused(context, exchange, `POST …/{id}/rotate with "gracePeriodHours": ${max + 1}`, 'gracePeriodHours') ?? pass();
    },
  },
  {
    id: 'unknown-scope',
    claim: 'a permission not in the stated catalogue answers 422',
    readOnly: false,
    hint: 'Refuse scope ids your catalogue does not have with 422 and errors.scopes.',
    async run(context) {
      if (!context.stated?.scopes) return skip('the list answer states no scopes catalogue');
      const unknown = context.nameFor('unknown-scope').replaceAll(' ', '-');
      const exchange = await context.probe.send('POST', { body: { ...createBody(context, 'scope'), scopes: [unknown] } });
      return refused(context, exchange, 'POST with a scope id not in the catalogue', 'scopes') ?? pass();
    },
  },
  {
    id: 'malformed-json',
    claim: 'a malformed JSON body answers 4xx problem+json',
    readOnly: false,
    hint: 'A body that is not JSON answers 400 application/problem+json, never 500 or a token.',
    async run(context) {
      const body = `{"name": ${JSON.stringify(context.nameFor('malformed'))}, "expiresInDays": 1`;
      const exchange = await context.probe.send('POST', { body });
      noteMade(context, exchange);
      if (exchange.status < 400 || exchange.status >= 500)
        return fail(`POST with a malformed JSON body answered ${answered(exchange)}; expected 400`);
      const problem = problemError(exchange);
      if (problem) return fail(`the ${exchange.status}: ${problem}`);
      return pass(String(exchange.status));
    },
  },
  {
    id: 'content-types',
    claim: 'answers are application/json, errors application/problem+json',
    readOnly: true,
    hint: 'Send Content-Type: application/json with data and application/problem+json with errors.',
    async run(context) {
      const withBody = context.probe.exchanges.filter((exchange) => exchange.judged && exchange.text.trim());
      for (const exchange of withBody) {
        const error = exchange.status >= 400;
        const ok = error
          ? exchange.mediaType === 'application/problem+json'
          : exchange.mediaType === 'application/json' || exchange.mediaType.endsWith('+json');
        if (!ok) {
          const expected = error ? 'application/problem+json' : 'application/json';
          return fail(
            `${exchange.label} answered ${exchange.status} with Content-Type ${printable(exchange.mediaType) || '(none)'}; expected ${expected}`,
          );
        }
      }
      return pass(`${withBody.length} answer${withBody.length === 1 ? '' : 's'}`);
    },
  },
  {
    id: 'dates',
    claim: 'dates are ISO 8601 with an offset',
    readOnly: true,
    hint: 'Send dates as ISO 8601 with an offset or Z, e.g. "2026-05-01T12:00:00Z" (toISOString()).',
    async run(context) {
      const tokens = context.judged.reduce((sum, judged) => sum + judged.tokens, 0);
      if (!tokens) return skip('no token seen to check');
      for (const judged of context.judged) {
        const [path] = malformedDates(judged.schema, judged.json);
        if (path) return fail(`${judged.label}: “${path}” is not an ISO 8601 date-time with an offset`);
      }
      return pass();
    },
  },
];

/** The events of an activity page, read leniently (its shape is judged apart). */
function listedEvents(exchange: Exchange): Array<{ id: unknown }> {
  const events = (exchange.json as { events?: unknown } | undefined)?.events;
  return Array.isArray(events) ? (events.filter((event) => typeof event === 'object' && event !== null) as Array<{ id: unknown }>) : [];
}

/** Judges one activity page: 200, its shape, newest first; `undefined` when it is right. */
function judgePage(context: RunContext, exchange: Exchange): Outcome | undefined {
  if (exchange.status !== 200) return fail(`${exchange.label} answered ${answered(exchange)}; expected 200`);
  if (exchange.json === undefined) return fail(`${exchange.label}: its body is not JSON`);
  judge(context, exchange.label, ActivityPageSchema, exchange.json, listedEvents(exchange).length);
  const error = shapeError(ActivityPageSchema, parseActivityPage, exchange.json);
  if (error) return fail(`${exchange.label}: ${describeContractError(error)}`);
  const times = (exchange.json as { events: Array<{ at: string }> }).events.map((event) => Date.parse(event.at));
  if (times.some((time, index) => index > 0 && time > times[index - 1]!)) return fail(`${exchange.label}: the events are not newest first`);
  return undefined;
}

/** Judges one rotate answer; `undefined` when it is right. */
function judgeRotation(context: RunContext, exchange: Exchange, old: MadeToken, graceHours: number): Outcome | undefined {
  const label = 'POST …/{id}/rotate';
  if (exchange.status !== 201) return fail(`${label} ("gracePeriodHours": ${graceHours}) answered ${answered(exchange)}; expected 201`);
  if (exchange.json === undefined) return fail(`${label}: its body is not JSON`);
  const body = exchange.json as { token: Record<string, unknown>; secret: string; previous: Record<string, unknown> | null };
  judge(context, label, RotateTokenResponseSchema, exchange.json, body.previous ? 2 : 1);
  const error = shapeError(RotateTokenResponseSchema, parseRotateResponse, exchange.json);
  if (error) return fail(`${label}: ${describeContractError(error)}`);
  if (body.token.id === old.id) return fail(`${label}: “token.id” is the old token's; expected a new token`);
  if (body.token.name !== old.name) return fail(`${label}: “token.name” should be the old token's name`);
  if (old.secret && body.secret === old.secret) return fail(`${label}: “secret” is the old token's secret; expected a new one`);
  if (graceHours === 0) {
    if (body.previous !== null) return fail(`${label}: “previous” should be null with "gracePeriodHours": 0 (revoked at once)`);
    return undefined;
  }
  const previous = body.previous;
  if (!previous) return fail(`${label}: “previous” is null, but "gracePeriodHours": ${graceHours} should keep the old token`);
  if (previous.id !== old.id) return fail(`${label}: “previous.id” is not the rotated token's id`);
  if (previous.replacedBy !== body.token.id) return fail(`${label}: “previous.replacedBy” should be the new token's id`);
  if (previous.expiresAt === null) return fail(`${label}: “previous.expiresAt” is null; the grace period should end it`);
  const graceEnd = instant(previous.expiresAt) - instant(body.token.createdAt);
  if (!Number.isNaN(graceEnd) && Math.abs(graceEnd - graceHours * HOUR) > CLOCK_SLACK) {
    return fail(
      `${label}: “previous.expiresAt” should be ${graceHours} hour${graceHours === 1 ? '' : 's'} after the rotation (the grace period)`,
    );
  }
  return undefined;
}
