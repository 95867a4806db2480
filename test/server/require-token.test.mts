// `service.requireToken()`: the guard in front of a host's own API, for Fetch handlers and for
// Node/Express middleware over a real server. What a caller is answered (RFC 6750's statuses and
// WWW-Authenticate), what it is never told (which of malformed, unknown, expired it was), what
// the host hears (onRefused), the caller passed on with the use, and an outage as a 503.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, beforeEach, describe, it } from 'node:test';
import {
  createTokenService,
  memoryStore,
  RETRY_AFTER_SECONDS,
  TokenServiceError,
  tokenOf,
  type TokenRefusal,
  type TokenService,
  type TokenStore,
  type TokenUse,
  type VerifiedToken,
} from '../../src/server/index.js';
import { generateSecret } from '../../src/server/token-format.js';
import { DAY, testClock } from './support/kits.mjs';

const SCOPES = [
  { id: 'repo:read', label: 'Read repositories' },
  { id: 'deploy', label: 'Deploy' },
];

let clock: ReturnType<typeof testClock>;
let store: TokenStore;
let uses: TokenUse[];
let tokens: TokenService;
/** The owner's secrets: one that may read, one without scopes (every permission). */
let reader: { secret: string; id: string };
let admin: { secret: string; id: string };

beforeEach(async () => {
  clock = testClock();
  uses = [];
  const memory = memoryStore();
  store = {
    ...memory,
    async recordUses(batch) {
      uses.push(...batch);
      await memory.recordUses!(batch);
    },
  };
  tokens = createTokenService({ store, prefix: 'acme', scopes: SCOPES, clock: clock.now });
  const r = await tokens.create('ada', { name: 'reader', expiresInDays: 1, scopes: ['repo:read'] });
  // Made before the service had a catalogue: no scopes, every permission.
  const a = await createTokenService({ store, prefix: 'acme', clock: clock.now }).create('ada', { name: 'admin', expiresInDays: 30 });
  reader = { secret: r.secret, id: r.token.id };
  admin = { secret: a.secret, id: a.token.id };
});

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
const get = (headers: Record<string, string> = {}) => new Request('http://api.test/api/repos', { headers });

/** Status, WWW-Authenticate and the problem body of an answer. */
async function answerOf(response: Response) {
  return {
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    contentType: response.headers.get('content-type'),
    body: await response.text(),
  };
}

describe('requireToken for Fetch handlers', () => {
  it('lets a valid token through to the handler, with the token; the handler’s answer is sent as it is', async () => {
    const repos = tokens
      .requireToken({ scopes: ['repo:read'] })
      .handler((request, token) => Response.json({ token, path: new URL(request.url).pathname }));
    const response = await repos(get(bearer(reader.secret)));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { token: { userId: 'ada', tokenId: reader.id, scopes: ['repo:read'] }, path: '/api/repos' });
    assert.equal((await repos(get({ authorization: `bearer  ${admin.secret} ` }))).status, 200, 'the scheme in any case, spaces around');
  });

  it('no Bearer credentials: 401 with a bare WWW-Authenticate: Bearer (RFC 6750: no error code when none was tried)', async () => {
    const guard = tokens.requireToken();
    for (const headers of [{}, { authorization: 'Basic YWRhOnB3' }, { authorization: admin.secret }] as Array<Record<string, string>>) {
      const result = await guard.authorize(get(headers));
      assert.equal(result.ok, false);
      const answer = await answerOf((result as { response: Response }).response);
      assert.equal(answer.status, 401, JSON.stringify(headers));
      assert.equal(answer.wwwAuthenticate, 'Bearer');
      assert.equal(answer.contentType, 'application/problem+json');
      assert.match(JSON.parse(answer.body).detail, /Authorization header: Bearer <token>/);
    }
  });

  it('a malformed Authorization: Bearer header: 400 invalid_request', async () => {
    const guard = tokens.requireToken();
    for (const value of ['Bearer', 'Bearer ', `Bearer ${admin.secret} ${admin.secret}`, `Bearer ${admin.secret}, Bearer x`, 'Bearer a"b']) {
      const result = await guard.authorize(get({ authorization: value }));
      assert.ok(!result.ok);
      assert.equal(result.reason, 'invalid-request', value);
      const answer = await answerOf(result.response);
      assert.equal(answer.status, 400, value);
      assert.equal(answer.wwwAuthenticate, 'Bearer error="invalid_request"');
    }
  });

  it('malformed, unknown, expired and deleted tokens get one and the same answer; the host hears which it was', async () => {
    const refusals: TokenRefusal[] = [];
    const guard = tokens.requireToken({ onRefused: (refusal) => refusals.push(refusal) });
    const deleted = await tokens.create('ada', { name: 'gone', expiresInDays: 30, scopes: ['repo:read'] });
    await tokens.revoke('ada', deleted.token.id);
    const expiring = await tokens.create('ada', { name: 'old', expiresInDays: 1, scopes: ['repo:read'] });
    clock.advance(DAY);
    // The admin's secret with its checksum broken: its last character changed (to one it is not).
    const broken = `${admin.secret.slice(0, -1)}${admin.secret.endsWith('x') ? 'y' : 'x'}`;
    const secrets = [broken, generateSecret('acme'), expiring.secret, deleted.secret];
    const answers = [];
    for (const secret of secrets) {
      const result = await guard.authorize(get({ ...bearer(secret), 'user-agent': 'deploy-bot/1.0' }));
      assert.ok(!result.ok);
      answers.push(await answerOf(result.response));
    }
    assert.equal(answers[0]!.status, 401);
    assert.equal(answers[0]!.wwwAuthenticate, 'Bearer error="invalid_token"');
    for (const answer of answers) assert.deepEqual(answer, answers[0], 'byte for byte the same answer');
    assert.doesNotMatch(answers[0]!.body + answers[0]!.wwwAuthenticate, /unknown|not found|exist|revoked|malformed|checksum/i);
    assert.deepEqual(
      refusals.map(({ reason, status, caller }) => ({ reason, status, caller })),
      ['malformed', 'unknown', 'expired', 'unknown'].map((reason) => ({ reason, status: 401, caller: { userAgent: 'deploy-bot/1.0' } })),
    );
    assert.ok(refusals.every((refusal) => refusal.request instanceof Request && refusal.token === undefined));
  });

  it('a valid token without a scope asked for: 403 insufficient_scope with the scopes needed; the host hears which token', async () => {
    const refusals: TokenRefusal[] = [];
    const guard = tokens.requireToken({ scopes: ['deploy'], onRefused: (refusal) => refusals.push(refusal) });
    const result = await guard.authorize(get(bearer(reader.secret)));
    assert.ok(!result.ok);
    const answer = await answerOf(result.response);
    assert.equal(answer.status, 403);
    assert.equal(answer.wwwAuthenticate, 'Bearer error="insufficient_scope", scope="deploy"');
    assert.match(JSON.parse(answer.body).detail, /deploy/);
    assert.deepEqual(refusals[0]?.token, { userId: 'ada', tokenId: reader.id, scopes: ['repo:read'] });
    assert.equal((await guard.authorize(get(bearer(admin.secret)))).ok, true, 'a token without scopes has every permission');
  });

  it('an outage is a 503 with Retry-After, never a 401; a bug is thrown to the framework', async () => {
    let failure: Error = new TokenServiceError('unavailable', 'down');
    const refusals: TokenRefusal[] = [];
    const broken = createTokenService({ store: { ...store, findByHash: () => Promise.reject(failure) }, prefix: 'acme' });
    const guard = broken.requireToken({ onRefused: (refusal) => refusals.push(refusal) });
    const handler = guard.handler(() => new Response('never'));
    const response = await handler(get(bearer(admin.secret)));
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
    assert.equal(response.headers.get('www-authenticate'), null);
    assert.deepEqual(refusals, [], 'an outage is no refusal');
    failure = new Error('a bug');
    await assert.rejects(handler(get(bearer(admin.secret))), /a bug/);
  });

  it('passes what follows the request (Next.js’s { params }, Hono’s c) to the handler, and to clientIp as its context', async () => {
    const seen: unknown[] = [];
    const guard = tokens.requireToken({
      clientIp: (_request, context) => {
        seen.push(context);
        return (context as { ip: string }).ip;
      },
    });
    const route = guard.handler((_request, token, context: { ip: string; params: Promise<object> }) =>
      Response.json({ user: token.userId, ip: context.ip }),
    );
    const context = { ip: '192.0.2.7', params: Promise.resolve({}) };
    const response = await route(get(bearer(admin.secret)), context);
    assert.deepEqual(await response.json(), { user: 'ada', ip: '192.0.2.7' });
    assert.deepEqual(seen, [context]);
    await tokens.flushUsage();
    assert.deepEqual(uses.at(-1)?.caller, { ip: '192.0.2.7' });
  });

  it('a hook that throws changes nothing the caller is answered', async () => {
    const guard = tokens.requireToken({
      onRefused: () => {
        throw new Error('hook');
      },
    });
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const result = await guard.authorize(get());
      assert.ok(!result.ok);
      assert.equal(result.response.status, 401);
    } finally {
      console.error = original;
    }
    assert.equal(logged.length, 1);
  });

  it('refuses options that cannot work, when the guard is made', () => {
    assert.throws(() => tokens.requireToken({ clientIp: { header: 'x forwarded' } }), /clientIp\.header must be a header name/);
    assert.throws(() => tokens.requireToken({ clientIp: { header: 'x-forwarded-for', proxies: 0 } }), /clientIp\.proxies/);
    assert.throws(() => tokens.requireToken({ scopes: ['nope'] }), /"nope" is not in the service's scope catalogue/);
  });
});

describe('requireToken as Node/Express middleware, over a real server', () => {
  const servers: Server[] = [];
  after(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  /**
   * A server whose every request runs `middleware` as Express would: `next()` moves on to a route
   * that answers with `tokenOf(req)`; `next(error)` reaches an error handler (500 with the message).
   * `prepare` runs first (Express's `req.ip`, say).
   */
  async function serve(
    middleware: (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void,
    prepare: (req: IncomingMessage) => void = () => {},
  ) {
    const server = createServer((req, res) => {
      prepare(req);
      middleware(req, res, (error) => {
        if (error) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`error handler: ${(error as Error).message}`);
          return;
        }
        let token: VerifiedToken;
        try {
          token = tokenOf(req);
        } catch (thrown) {
          res.writeHead(500).end(String(thrown));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(token));
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/repos`;
  }

  it('calls next() for a valid token, and tokenOf(req) gives it; refusals are answered as on Fetch', async () => {
    const url = await serve(tokens.requireToken({ scopes: ['repo:read'] }).middleware);
    const ok = await fetch(url, { headers: bearer(reader.secret) });
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { userId: 'ada', tokenId: reader.id, scopes: ['repo:read'] });

    const missing = await fetch(url);
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assert.equal(missing.headers.get('content-type'), 'application/problem+json');
    assert.equal(missing.headers.get('cache-control'), 'no-store');
    assert.equal((await missing.json()).status, 401);

    const unknown = await fetch(url, { headers: bearer(generateSecret('acme')) });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
    const other = createTokenService({ store, prefix: 'acme', scopes: SCOPES, clock: clock.now });
    const deployOnly = await other.create('ada', { name: 'deploy', expiresInDays: 1, scopes: ['deploy'] });
    const forbidden = await fetch(url, { headers: bearer(deployOnly.secret) });
    assert.equal(forbidden.status, 403);
    assert.equal(forbidden.headers.get('www-authenticate'), 'Bearer error="insufficient_scope", scope="repo:read"');
  });

  it('tokenOf(req) throws for a request the guard did not let through', () => {
    assert.throws(() => tokenOf({}), /no token was verified for this request; put requireToken\(…\)\.middleware before this handler/);
  });

  it('an outage: 503 with Retry-After; any other error goes to next(error)', async () => {
    let failure: Error = new TokenServiceError('unavailable', 'down');
    const broken = createTokenService({ store: { ...store, findByHash: () => Promise.reject(failure) }, prefix: 'acme' });
    const url = await serve(broken.requireToken().middleware);
    const down = await fetch(url, { headers: bearer(admin.secret) });
    assert.equal(down.status, 503);
    assert.equal(down.headers.get('retry-after'), String(RETRY_AFTER_SECONDS));
    failure = new Error('a bug in the store');
    const bug = await fetch(url, { headers: bearer(admin.secret) });
    assert.equal(await bug.text(), 'error handler: a bug in the store');
  });

  it('the caller’s address: the socket’s, Express’s req.ip, or what clientIp reads behind proxies (never a hop a client wrote)', async () => {
    const headers = { ...bearer(admin.secret), 'user-agent': 'ci/2', 'x-forwarded-for': '6.6.6.6, 203.0.113.5, 10.0.0.2' };
    const callers: unknown[] = [];
    const lastCaller = async (url: string) => {
      clock.advance(DAY / 1000); // past lastUsedAt's once-a-minute resolution
      assert.equal((await fetch(url, { headers })).status, 200);
      await tokens.flushUsage();
      callers.push(uses.at(-1)?.caller);
    };
    await lastCaller(await serve(tokens.requireToken().middleware));
    await lastCaller(await serve(tokens.requireToken().middleware, (req) => Object.assign(req, { ip: '198.51.100.4' })));
    await lastCaller(await serve(tokens.requireToken({ clientIp: { header: 'x-forwarded-for' } }).middleware));
    await lastCaller(await serve(tokens.requireToken({ clientIp: { header: 'X-Forwarded-For', proxies: 2 } }).middleware));
    await lastCaller(await serve(tokens.requireToken({ clientIp: { header: 'x-forwarded-for', proxies: 9 } }).middleware));
    await lastCaller(await serve(tokens.requireToken({ clientIp: () => 'not an address <script>' }).middleware));
    assert.deepEqual(callers, [
      { ip: '127.0.0.1', userAgent: 'ci/2' },
      { ip: '198.51.100.4', userAgent: 'ci/2' },
      { ip: '10.0.0.2', userAgent: 'ci/2' },
      { ip: '203.0.113.5', userAgent: 'ci/2' },
      { userAgent: 'ci/2' },
      { userAgent: 'ci/2' },
    ]);
  });
});
