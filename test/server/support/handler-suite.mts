/**
 * `createFetchHandler` over HTTP semantics, run on every store kit: the contract's routes and
 * bodies (checked with the elements' own response parsers), and problem+json for every error.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parseCreateResponse, parseListResponse, parseRotateResponse } from '../../../src/api/parse.js';
import { ProblemSchema } from '../../../src/api/schemas.js';
import * as z from 'zod/mini';
import {
  createFetchHandler,
  createTokenService,
  MAX_BODY_BYTES,
  SetupError,
  type FetchHandler,
  type FetchHandlerOptions,
  type TokenService,
  type TokenStore,
} from '../../../src/server/index.js';
import { testClock, type StoreKit } from './kits.mjs';

interface CallOptions {
  user?: string | null;
  body?: unknown;
  /** Sent as is (not JSON-encoded). */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

export function call(handler: FetchHandler, method: string, path: string, { user = 'ada', body, raw, headers = {} }: CallOptions = {}) {
  const init: RequestInit & { duplex?: 'half' } = {
    method,
    headers: {
      ...(user ? { 'x-user': user } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
  };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (raw !== undefined) {
    init.body = raw;
    init.duplex = 'half';
  }
  return handler(new Request(`http://host${path}`, init));
}

/** A problem+json answer of `status`; returns its body. */
export async function expectProblem(response: Response, status: number): Promise<z.infer<typeof ProblemSchema>> {
  assert.equal(response.status, status);
  assert.equal(response.headers.get('content-type'), 'application/problem+json');
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = z.parse(ProblemSchema, await response.json());
  assert.equal(body.status, status);
  assert.ok(body.title, 'a title');
  return body;
}

export function handlerSuite(makeKit: () => Promise<StoreKit>): void {
  let kit: StoreKit;
  let store: TokenStore;
  let service: TokenService;
  let handler: FetchHandler;
  const failures: unknown[] = [];

  const authenticate: FetchHandlerOptions['authenticate'] = (request) => request.headers.get('x-user');

  before(async () => {
    kit = await makeKit();
  });
  after(async () => {
    await kit.close();
  });
  beforeEach(async () => {
    ({ store } = await kit.fresh());
    service = createTokenService({ store, prefix: 'pat', clock: testClock().now, policy: { maxTokensPerUser: 3 } });
    failures.length = 0;
    handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate, onError: (error) => failures.push(error) });
  });

  describe('the contract', () => {
    it('create → list → rotate → delete, every answer valid by the elements’ own parsers', async () => {
      const created = await call(handler, 'POST', '/api/tokens', { body: { name: 'CI', expiresInDays: 30 } });
      assert.equal(created.status, 201);
      assert.equal(created.headers.get('content-type'), 'application/json');
      assert.equal(created.headers.get('cache-control'), 'no-store', 'a secret must never be cached');
      const { token, secret } = parseCreateResponse(await created.json());

      const listed = await call(handler, 'GET', '/api/tokens');
      assert.equal(listed.status, 200);
      const listText = await listed.text();
      assert.ok(!listText.includes(secret), 'the list never carries a secret');
      assert.deepEqual(
        parseListResponse(JSON.parse(listText)).tokens.map((t) => t.id),
        [token.id],
      );

      const rotated = await call(handler, 'POST', `/api/tokens/${token.id}/rotate`, { body: { expiresInDays: 7, gracePeriodHours: 1 } });
      assert.equal(rotated.status, 201);
      const rotation = parseRotateResponse(await rotated.json());
      assert.equal(rotation.previous?.replacedBy, rotation.token.id);

      const deleted = await call(handler, 'DELETE', `/api/tokens/${token.id}`);
      assert.equal(deleted.status, 204);
      assert.equal(await deleted.text(), '');
      await expectProblem(await call(handler, 'DELETE', `/api/tokens/${token.id}`), 404);
    });

    it('the list answer tells the page the catalogue and the policy; a create without scopes gets the defaults', async () => {
      const scopes = [
        { id: 'issues:read', label: { en: 'Read issues', ar: 'قراءة المشكلات' }, default: true },
        { id: 'issues:write', label: 'Write issues' },
      ];
      const scoped = createFetchHandler(createTokenService({ store, prefix: 'pat', scopes, policy: { maxTokensPerUser: 3 } }), {
        basePath: '/api/tokens',
        authenticate,
      });
      const created = parseCreateResponse(
        await (await call(scoped, 'POST', '/api/tokens', { body: { name: 'CI', expiresInDays: 1 } })).json(),
      );
      assert.deepEqual(created.token.scopes, ['issues:read']);
      const answer = parseListResponse(await (await call(scoped, 'GET', '/api/tokens')).json());
      assert.deepEqual(answer.scopes, scopes);
      assert.deepEqual(answer.policy, { maxLifetimeDays: 366, allowNoExpiration: false, maxTokensPerUser: 3, maxGracePeriodHours: 168 });
      assert.deepEqual(
        answer.tokens.map((t) => t.id),
        [created.token.id],
      );
    });

    it('accepts a trailing slash on the collection and URL-encoded ids', async () => {
      assert.equal((await call(handler, 'GET', '/api/tokens/')).status, 200);
      const { token } = await service.create('ada', { name: 'x', expiresInDays: 1 });
      const encoded = [...token.id].map((c) => `%${c.charCodeAt(0).toString(16)}`).join('');
      assert.equal((await call(handler, 'DELETE', `/api/tokens/${encoded}`)).status, 204);
    });

    it('reads basePath with or without its slashes; "/" is the root', async () => {
      for (const basePath of ['api/tokens', '/api/tokens/', 'api/tokens//']) {
        const variant = createFetchHandler(service, { basePath, authenticate });
        assert.equal((await call(variant, 'GET', '/api/tokens')).status, 200, basePath);
        await expectProblem(await call(variant, 'GET', '/api'), 404);
      }
      const atRoot = createFetchHandler(service, { basePath: '/', authenticate });
      assert.equal((await call(atRoot, 'GET', '/')).status, 200);
      const { token } = await service.create('ada', { name: 'x', expiresInDays: 1 });
      assert.equal((await call(atRoot, 'DELETE', `/${token.id}`)).status, 204);
    });

    it('without basePath, the request’s path is the collection', async () => {
      const anywhere = createFetchHandler(service, { authenticate });
      const created = await call(anywhere, 'POST', '/v1/me/tokens', { body: { name: 'x', expiresInDays: 1 } });
      const { token } = parseCreateResponse(await created.json());
      assert.equal((await call(anywhere, 'GET', '/v1/me/tokens')).status, 200);
      const rotated = await call(anywhere, 'POST', `/v1/me/tokens/${token.id}/rotate`, { body: { expiresInDays: 1 } });
      const { token: next } = parseRotateResponse(await rotated.json());
      assert.equal((await call(anywhere, 'DELETE', `/v1/me/tokens/${next.id}`)).status, 204);
      await expectProblem(await call(anywhere, 'PUT', '/v1/me/tokens'), 405);
    });
  });

  describe('errors', () => {
    it('401 on every route without a user, before anything is read or changed', async () => {
      const { token } = await service.create('ada', { name: 'x', expiresInDays: 1 });
      const routes: Array<[string, string, unknown?]> = [
        ['GET', '/api/tokens'],
        ['POST', '/api/tokens', { name: 'y', expiresInDays: 1 }],
        ['DELETE', `/api/tokens/${token.id}`],
        ['POST', `/api/tokens/${token.id}/rotate`, { expiresInDays: 1 }],
      ];
      for (const [method, path, body] of routes) {
        const problem = await expectProblem(await call(handler, method, path, { user: null, body }), 401);
        assert.equal(problem.detail, 'Sign in to manage your tokens.');
      }
      assert.deepEqual(
        (await service.list('ada')).map((t) => [t.id, t.replacedBy]),
        [[token.id, null]],
      );
    });

    it('404 outside the collection', async () => {
      for (const path of ['/', '/api', '/api/tokensx', '/api/tokens/a/b', '/api/tokens/a/rotate/x', '/api/tokens/a/roll']) {
        await expectProblem(await call(handler, 'GET', path), 404);
      }
    });

    it('a basePath that does not match the mount: the client gets the plain 404, the host hears it once, naming basePath', async () => {
      const reports: unknown[] = [];
      // Mounted at /api/tokens, but told /tokens.
      const mismatched = createFetchHandler(service, { basePath: '/tokens', authenticate, onError: (error) => reports.push(error) });
      const plain = await call(handler, 'GET', '/elsewhere');
      for (const [method, path] of [
        ['GET', '/api/tokens'],
        ['POST', '/api/tokens'],
        ['GET', '/api/tokens\u202e\n/x'],
      ] as const) {
        const answer = await call(mismatched, method, path);
        assert.equal(answer.status, 404);
        assert.deepEqual([...answer.headers], [...plain.headers]);
        assert.equal(await answer.text(), await plain.clone().text(), 'nothing told to a client that any 404 does not tell');
      }
      assert.equal(reports.length, 1, 'once, not once per request');
      assert.ok(reports[0] instanceof SetupError);
      assert.match(
        reports[0].message,
        /^pat-elements\/server: GET \/api\/tokens reached the token handler, whose basePath is "\/tokens"; it answered 404, as it does to every path outside basePath\. If the handler is mounted at another path, set basePath/,
      );
      // Once a request inside basePath was served, the mount works: a stray path is no news.
      const quiet: unknown[] = [];
      const mounted = createFetchHandler(service, { basePath: '/api/tokens', authenticate, onError: (error) => quiet.push(error) });
      assert.equal((await call(mounted, 'GET', '/api/tokens')).status, 200);
      await expectProblem(await call(mounted, 'GET', '/favicon.ico'), 404);
      assert.deepEqual(quiet, []);
    });

    it('404 for a path with an empty segment, which a proxy would not read as the collection', async () => {
      const anywhere = createFetchHandler(service, { authenticate });
      for (const path of ['//evil.example/api/tokens', '//api/tokens', '/api//tokens', '/api/tokens//tok_x']) {
        await expectProblem(await call(handler, 'GET', path), 404);
        await expectProblem(await call(anywhere, 'GET', path), 404);
      }
      const { token } = await service.create('ada', { name: 'x', expiresInDays: 1 });
      await expectProblem(await call(anywhere, 'DELETE', `//evil.example/tokens/${token.id}`), 404);
      assert.equal((await service.list('ada')).length, 1, 'nothing was deleted');
    });

    it('HEAD wherever GET works: its status and headers, no body', async () => {
      await service.create('ada', { name: 'x', expiresInDays: 1 });
      const get = await call(handler, 'GET', '/api/tokens');
      const head = await call(handler, 'HEAD', '/api/tokens');
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
      assert.deepEqual([...head.headers], [...get.headers]);
      const anonymous = await call(handler, 'HEAD', '/api/tokens', { user: null });
      assert.equal(anonymous.status, 401);
      assert.equal(await anonymous.text(), '');
      const anywhere = createFetchHandler(service, { authenticate });
      assert.equal((await call(anywhere, 'HEAD', '/v1/me/tokens')).status, 200);
      const wrong = await call(handler, 'HEAD', '/api/tokens/tok_x');
      assert.equal(wrong.status, 405, 'no GET there, so no HEAD');
      assert.equal(wrong.headers.get('allow'), 'DELETE');
    });

    it('499 for a client that left before its body was read: no token for it, nothing reported', async () => {
      const left = new AbortController();
      left.abort();
      const request = new Request('http://host/api/tokens', {
        method: 'POST',
        headers: { 'x-user': 'ada', 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'nobody will see it', expiresInDays: 1 }),
        signal: left.signal,
      });
      assert.equal((await handler(request)).status, 499);
      assert.deepEqual(await service.list('ada'), []);
      assert.deepEqual(failures, []);
    });

    it('405 with Allow for a method a route does not have; OPTIONS lists them', async () => {
      const cases: Array<[string, string, string]> = [
        ['PUT', '/api/tokens', 'GET, HEAD, POST'],
        ['DELETE', '/api/tokens', 'GET, HEAD, POST'],
        ['GET', '/api/tokens/tok_x', 'DELETE'],
        ['PATCH', '/api/tokens/tok_x', 'DELETE'],
        ['GET', '/api/tokens/tok_x/rotate', 'POST'],
      ];
      for (const [method, path, allow] of cases) {
        const response = await call(handler, method, path);
        await expectProblem(response, 405);
        assert.equal(response.headers.get('allow'), allow, `${method} ${path}`);
      }
      const options = await call(handler, 'OPTIONS', '/api/tokens', { user: null });
      assert.equal(options.status, 204);
      assert.equal(options.headers.get('allow'), 'GET, HEAD, POST, OPTIONS');
    });

    it('415 for a body that is not declared JSON', async () => {
      const json = '{"name":"x","expiresInDays":1}';
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp']) {
        await expectProblem(await call(handler, 'POST', '/api/tokens', { raw: json, headers: { 'content-type': type } }), 415);
      }
      // Bytes get no Content-Type of their own.
      await expectProblem(await call(handler, 'POST', '/api/tokens', { raw: new TextEncoder().encode(json) }), 415);
      assert.deepEqual(await service.list('ada'), []);
      const vendorJson = await call(handler, 'POST', '/api/tokens', {
        raw: '{"name":"x","expiresInDays":1}',
        headers: { 'content-type': 'application/vnd.api+json; charset=utf-8' },
      });
      assert.equal(vendorJson.status, 201, 'a +json media type is JSON');
    });

    it(`413 over ${MAX_BODY_BYTES / 1024} KB, declared or streamed, and nothing is created`, async () => {
      const big = JSON.stringify({ name: 'x', expiresInDays: 1, padding: 'p'.repeat(MAX_BODY_BYTES) });
      await expectProblem(await call(handler, 'POST', '/api/tokens', { raw: big, headers: { 'content-type': 'application/json' } }), 413);

      let sent = 0;
      const endless = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 1024;
          controller.enqueue(new Uint8Array(1024).fill(32));
        },
      });
      await expectProblem(
        await call(handler, 'POST', '/api/tokens', { raw: endless, headers: { 'content-type': 'application/json' } }),
        413,
      );
      assert.ok(sent <= MAX_BODY_BYTES + 64 * 1024, `read ${sent} bytes of an endless body`);

      const exactly = JSON.stringify({ name: 'x', expiresInDays: 1 }).padEnd(MAX_BODY_BYTES, ' ');
      assert.equal(
        (await call(handler, 'POST', '/api/tokens', { raw: exactly, headers: { 'content-type': 'application/json' } })).status,
        201,
      );
      assert.equal((await service.list('ada')).length, 1);
    });

    it('400 for a body that is not JSON or not UTF-8', async () => {
      await expectProblem(
        await call(handler, 'POST', '/api/tokens', { raw: '{"name": "x",', headers: { 'content-type': 'application/json' } }),
        400,
      );
      await expectProblem(
        await call(handler, 'POST', '/api/tokens', {
          raw: new Uint8Array([0x7b, 0xff, 0x7d]),
          headers: { 'content-type': 'application/json' },
        }),
        400,
      );
    });

    it('422 with one message per field, which never echoes the submitted value', async () => {
      const secretLooking = `pat_${'S'.repeat(30)}leaked`;
      const response = await call(handler, 'POST', '/api/tokens', {
        body: { name: secretLooking.repeat(4), description: secretLooking.repeat(20), expiresInDays: -1 },
      });
      const problem = await expectProblem(response, 422);
      assert.deepEqual(Object.keys(problem.errors ?? {}).sort(), ['description', 'expiresInDays', 'name']);
      assert.ok(!JSON.stringify(problem).includes('SSSS'), 'no submitted value in the answer');
      const rotate = await call(handler, 'POST', '/api/tokens/tok_x/rotate', { body: { expiresInDays: 1, gracePeriodHours: 500 } });
      assert.deepEqual(Object.keys((await expectProblem(rotate, 422)).errors ?? {}), ['gracePeriodHours']);
      await expectProblem(await call(handler, 'POST', '/api/tokens', { body: ['not', 'an', 'object'] }), 422);
    });

    it('409 at the token limit and for a token already regenerated', async () => {
      const made = [];
      for (let n = 0; n < 3; n += 1) made.push(await service.create('ada', { name: `t${n}`, expiresInDays: 1 }));
      const full = await expectProblem(await call(handler, 'POST', '/api/tokens', { body: { name: 'more', expiresInDays: 1 } }), 409);
      assert.match(full.detail ?? '', /3 tokens/);
      const id = made[0]!.token.id;
      assert.equal(
        (await call(handler, 'POST', `/api/tokens/${id}/rotate`, { body: { expiresInDays: 1, gracePeriodHours: 1 } })).status,
        201,
      );
      await expectProblem(
        await call(handler, 'POST', `/api/tokens/${id}/rotate`, { body: { expiresInDays: 1, gracePeriodHours: 1 } }),
        409,
      );
    });

    it('500 with nothing internal in it when the store or authenticate throws; the host hears the error', async () => {
      const broken: TokenStore = {
        ...store,
        list: async () => {
          throw new Error('connect ECONNREFUSED 10.0.0.7:5432 at Pool.query (/srv/app/node_modules/pg/lib/pool.js:45)');
        },
      };
      const failing = createFetchHandler(createTokenService({ store: broken, prefix: 'pat' }), {
        basePath: '/api/tokens',
        authenticate,
        onError: (error) => failures.push(error),
      });
      const response = await call(failing, 'GET', '/api/tokens');
      const problem = await expectProblem(response, 500);
      const text = JSON.stringify(problem);
      for (const leak of ['ECONNREFUSED', '10.0.0.7', 'node_modules', 'pool.js', ' at '])
        assert.ok(!text.includes(leak), `the answer holds "${leak}"`);
      assert.equal(failures.length, 1);
      assert.match(String(failures[0]), /ECONNREFUSED/);

      const badAuth = createFetchHandler(service, {
        basePath: '/api/tokens',
        authenticate: () => {
          throw new Error('session store down');
        },
        onError: (error) => failures.push(error),
      });
      const problem2 = await expectProblem(await call(badAuth, 'GET', '/api/tokens'), 500);
      assert.ok(!JSON.stringify(problem2).includes('session store'));
    });

    it('needs an authenticate function', () => {
      assert.throws(() => createFetchHandler(service, {} as never), TypeError);
    });
  });
}
