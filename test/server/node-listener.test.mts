// The node:http adapter on a real server (port 0): the contract end to end over sockets, an
// Express-style mount, a streamed body over the limit, network errors and cookies.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { parseCreateResponse, parseListResponse } from '../../src/api/parse.js';
import {
  createFetchHandler,
  createTokenService,
  memoryStore,
  SetupError,
  toNodeListener,
  type FetchHandler,
  type FetchHandlerOptions,
  type NodeContext,
  type TokenService,
} from '../../src/server/index.js';

const servers: Server[] = [];
after(() => {
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const tokensHandler = (
  service: TokenService = createTokenService({ store: memoryStore(), prefix: 'pat' }),
  options: Partial<FetchHandlerOptions> = {},
) =>
  createFetchHandler(service, {
    basePath: '/api/tokens',
    authenticate: (request) => (request.headers.get('authorization') === 'Session ada' ? 'ada' : null),
    ...options,
  });
const session = { authorization: 'Session ada' };

/** A request with its path sent exactly as given (fetch would normalise it); resolves with the status and body. */
function rawRequest(base: string, path: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const { hostname, port } = new URL(base);
    const outgoing = httpRequest({ hostname, port, path, method: init.method ?? 'GET', headers: init.headers ?? {} }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** A promise and its resolve, to hold a step open or wait for one without sleeping. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

/** Sends the start of a request, then hangs up once `hangUp` resolves. */
function hangUpAfter(base: string, path: string, head: string, hangUp: Promise<unknown>): void {
  const { hostname, port } = new URL(base);
  const outgoing = httpRequest({
    hostname,
    port,
    path,
    method: 'POST',
    headers: { ...session, 'content-type': 'application/json', 'content-length': '1000' },
  });
  outgoing.on('error', () => {});
  outgoing.write(head);
  void hangUp.then(() => outgoing.destroy());
}

describe('toNodeListener', () => {
  it('serves the contract over HTTP', async () => {
    const url = await serve(toNodeListener(tokensHandler()));
    const created = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'over http', expiresInDays: 7 }),
    });
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store');
    const { token } = parseCreateResponse(await created.json());
    const listed = await fetch(`${url}/api/tokens`, { headers: session });
    assert.deepEqual(
      parseListResponse(await listed.json()).tokens.map((t) => t.id),
      [token.id],
    );
    const anonymous = await fetch(`${url}/api/tokens`);
    assert.equal(anonymous.status, 401);
    assert.equal(anonymous.headers.get('content-type'), 'application/problem+json');
    const deleted = await fetch(`${url}/api/tokens/${token.id}`, { method: 'DELETE', headers: session });
    assert.equal(deleted.status, 204);
  });

  it('routes on the full path under an Express-style mount (url rewritten, originalUrl kept)', async () => {
    const listener = toNodeListener(tokensHandler());
    const url = await serve((req, res) => {
      const original = req.url ?? '/';
      Object.assign(req, { originalUrl: original, url: original.slice('/api/tokens'.length) || '/' });
      listener(req, res);
    });
    const listed = await fetch(`${url}/api/tokens`, { headers: session });
    assert.equal(listed.status, 200);
  });

  it('answers 413 to an endless streamed body without reading it all, and closes the connection', async () => {
    const url = new URL(`${await serve(toNodeListener(tokensHandler()))}/api/tokens`);
    const { response, sent } = await new Promise<{ response: IncomingMessage; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const outgoing = httpRequest(url, { method: 'POST', headers: { ...session, 'content-type': 'application/json' } });
      outgoing.on('response', (response) => {
        answered = true;
        resolve({ response, sent });
      });
      // The server may close while we are still writing: that is the point.
      outgoing.on('error', (error) => answered || reject(error));
      const chunk = Buffer.alloc(4096, 32);
      const write = () => {
        while (!answered && sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once('drain', write);
        }
      };
      write();
    });
    assert.equal(response.statusCode, 413);
    assert.equal(response.headers.connection, 'close');
    assert.ok(sent < 64 * 1024 * 1024, 'the server answered before the client stopped sending');
    response.resume();
  });

  it('closes the connection after a body it did not read (401 before reading), and keeps it otherwise', async () => {
    const url = await serve(toNodeListener(tokensHandler()));
    const unread = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(10_000), expiresInDays: 7 }),
    });
    assert.equal(unread.status, 401);
    assert.equal(unread.headers.get('connection'), 'close');
    const read = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x', expiresInDays: 7 }),
    });
    assert.equal(read.status, 201);
    assert.notEqual(read.headers.get('connection'), 'close');
    const bodiless = await fetch(`${url}/api/tokens/tok_missing`, { method: 'DELETE', headers: session });
    assert.equal(bodiless.status, 404);
    assert.notEqual(bodiless.headers.get('connection'), 'close');
  });

  it('turns Response.error() into a dropped connection, and passes status, headers and cookies through', async () => {
    const handler: FetchHandler = async (request) => {
      if (new URL(request.url).pathname === '/drop') return Response.error();
      const headers = new Headers({ 'x-kind': 'test' });
      headers.append('set-cookie', 'a=1; Path=/');
      headers.append('set-cookie', 'b=2; Path=/');
      return new Response('made', { status: 418, headers });
    };
    const url = await serve(toNodeListener(handler));
    await assert.rejects(fetch(`${url}/drop`), TypeError);
    const response = await fetch(`${url}/teapot`);
    assert.equal(response.status, 418);
    assert.equal(response.headers.get('x-kind'), 'test');
    assert.deepEqual(response.headers.getSetCookie(), ['a=1; Path=/', 'b=2; Path=/']);
    assert.equal(await response.text(), 'made');
  });

  it('answers 500 problem+json when the handler itself throws', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const url = await serve(
      toNodeListener(async () => {
        throw new Error('handler bug with internals');
      }),
    );
    const response = await fetch(url);
    assert.equal(response.status, 500);
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    assert.ok(!(await response.text()).includes('internals'));
    assert.equal(logged.mock.callCount(), 1);
  });

  it('routes on the raw path: //host/… is a path (404), and a path URL parsing would rewrite is a 404', async () => {
    const url = await serve(toNodeListener(tokensHandler()));
    for (const path of [
      '//evil.example/api/tokens',
      '/api/./tokens',
      '/x/../api/tokens',
      '/x/%2e%2E/api/tokens',
      '/api/%2e/tokens',
      '/api\\tokens',
      '/api/tokens/..',
    ]) {
      const { status, body } = await rawRequest(url, path, { headers: session });
      assert.equal(status, 404, path);
      assert.doesNotMatch(body, /"tokens"/, path);
    }
    assert.equal((await rawRequest(url, '/api/tokens?page=1', { headers: session })).status, 200);
    // A proxy's absolute-form request line keeps its own path.
    assert.equal((await rawRequest(url, 'http://tokens.example/api/tokens', { headers: session })).status, 200);
    assert.equal((await rawRequest(url, 'http://tokens.example//evil.example/api/tokens', { headers: session })).status, 404);
  });

  it('answers HEAD on the collection as GET, without a body', async () => {
    const url = await serve(toNodeListener(tokensHandler()));
    const head = await fetch(`${url}/api/tokens`, { method: 'HEAD', headers: session });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-type'), 'application/json');
    assert.equal(await head.text(), '');
  });

  it('a client that hangs up mid-body is not an error: nothing reported, nothing logged, nothing created', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const failures: unknown[] = [];
    const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
    const handler = tokensHandler(service, { onError: (error) => failures.push(error) });
    const arrived = deferred();
    const answered = deferred<Response>();
    const listener = toNodeListener(async (request) => {
      const response = await handler(request);
      answered.resolve(response);
      return response;
    });
    const url = await serve((req, res) => {
      arrived.resolve();
      listener(req, res);
    });
    hangUpAfter(url, '/api/tokens', '{"name":"half', arrived.promise);
    assert.equal((await answered.promise).status, 499);
    // A whole round trip after it: whatever the adapter did with the first is done.
    assert.equal((await fetch(`${url}/api/tokens`, { headers: session })).status, 200);
    assert.deepEqual(failures, []);
    assert.equal(logged.mock.callCount(), 0);
    assert.deepEqual(await service.list('ada'), []);
  });

  it('a client that hangs up while its request waits gets nothing written, and no token is made for it', async (t) => {
    const logged = t.mock.method(console, 'error', () => {});
    const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
    const arrived = deferred();
    const hungUp = deferred();
    const answered = deferred<Response>();
    let response: ServerResponse | undefined;
    const handler = tokensHandler(service, {
      // The session lookup is slow; the client leaves meanwhile.
      authenticate: async () => {
        await hungUp.promise;
        return 'ada';
      },
    });
    const listener = toNodeListener(async (request) => {
      const answer = await handler(request);
      answered.resolve(answer);
      return answer;
    });
    const url = await serve((req, res) => {
      response ??= res;
      res.once('close', () => hungUp.resolve());
      // The whole body is here before the client leaves.
      req.once('readable', () => arrived.resolve());
      listener(req, res);
    });
    const body = JSON.stringify({ name: 'never delivered', expiresInDays: 1 });
    hangUpAfter(url, '/api/tokens', body.padEnd(1000, ' '), arrived.promise);
    assert.equal((await answered.promise).status, 499);
    assert.equal((await fetch(`${url}/api/tokens`, { headers: session })).status, 200);
    assert.equal(response?.headersSent, false, 'nothing was written to the closed connection');
    assert.deepEqual(await service.list('ada'), [], 'no token nobody would ever see');
    assert.equal(logged.mock.callCount(), 0);
  });
});

describe('toNodeListener in a host’s stack', () => {
  /** The users a passport-style login knows, by session cookie. */
  const sessions: Record<string, { id: string }> = { s3ss10n: { id: 'ada' } };

  /** What passport's session strategy leaves: `req.user`, from the session cookie; nothing for a stranger. */
  function passportStyle(req: IncomingMessage): void {
    const sid = /(?:^|;\s*)sid=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
    const user = sid ? sessions[sid] : undefined;
    if (user) Object.assign(req, { user });
  }

  /**
   * What `express.json()` (body-parser) does before a route: for a JSON request it reads the
   * whole stream, sets `req.body` to the parsed value and marks it with `req._body`; anything else
   * it leaves unread. `parse` stands for `express.text()` / `express.raw()`.
   */
  async function bodyParserStyle(req: IncomingMessage, parse: (text: string, bytes: Buffer) => unknown = (text) => JSON.parse(text)) {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    Object.assign(req, { body: parse(bytes.toString('utf8'), bytes), _body: true });
  }

  type Req = IncomingMessage & { user?: { id: string } };

  it('authenticate gets { req }, the framework’s own request: a login the host already has (req.user) needs no second lookup', async () => {
    const seen: unknown[] = [];
    const handler = createFetchHandler(createTokenService({ store: memoryStore(), prefix: 'pat' }), {
      basePath: '/api/tokens',
      authenticate: (_request, { req }: NodeContext<Req>) => {
        seen.push(req);
        return req.user?.id ?? null;
      },
    });
    const listener = toNodeListener(handler);
    const frameworkRequests: IncomingMessage[] = [];
    const url = await serve((req, res) => {
      passportStyle(req);
      frameworkRequests.push(req);
      listener(req, res);
    });
    const signedIn = { cookie: 'theme=dark; sid=s3ss10n', 'content-type': 'application/json' };
    const created = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: signedIn,
      body: JSON.stringify({ name: 'ci', expiresInDays: 1 }),
    });
    assert.equal(created.status, 201);
    const listed = await fetch(`${url}/api/tokens`, { headers: signedIn });
    assert.deepEqual(
      parseListResponse(await listed.json()).tokens.map((token) => token.name),
      ['ci'],
    );
    assert.equal((await fetch(`${url}/api/tokens`, { headers: { cookie: 'sid=forged' } })).status, 401);
    assert.equal(seen.length, 3);
    seen.forEach((req, n) => assert.equal(req, frameworkRequests[n], 'the very object the framework passed'));
  });

  it('a body a parser already read (express.json() before the handler) is used, with the same checks as one read here', async () => {
    const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
    const failures: unknown[] = [];
    const listener = toNodeListener(tokensHandler(service, { onError: (error) => failures.push(error) }));
    let parse: ((text: string, bytes: Buffer) => unknown) | undefined;
    const url = await serve(async (req, res) => {
      await bodyParserStyle(req, parse);
      listener(req, res);
    });
    const post = (body: string, contentType = 'application/json') =>
      fetch(`${url}/api/tokens`, { method: 'POST', headers: { ...session, 'content-type': contentType }, body });

    const created = await post(JSON.stringify({ name: 'parsed first', expiresInDays: 7 }));
    assert.equal(created.status, 201, await created.clone().text());
    assert.equal(parseCreateResponse(await created.json()).token.name, 'parsed first');
    const invalid = await post(JSON.stringify({ name: '', expiresInDays: 'soon' }));
    assert.equal(invalid.status, 422);
    assert.deepEqual(Object.keys((await invalid.json()).errors).sort(), ['expiresInDays', 'name']);
    // express.json()'s own limit is 100 KB: ours still holds.
    const large = await post(JSON.stringify({ name: 'big', expiresInDays: 7, description: 'x'.repeat(20_000) }));
    assert.equal(large.status, 413);
    const chunked = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: new Blob([JSON.stringify({ name: 'n', expiresInDays: 7, pad: 'y'.repeat(20_000) })]).stream(),
      duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413, 'without a content-length too');
    const deep = await post(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    assert.equal(deep.status, 413, 'nested too deep to write again: too large, not a 500');
    // express.text() or express.raw() with a JSON type: the text or bytes themselves.
    parse = (text) => text;
    assert.equal((await post(JSON.stringify({ name: 'as text', expiresInDays: 7 }))).status, 201);
    parse = (_text, bytes) => bytes;
    assert.equal((await post(JSON.stringify({ name: 'as bytes', expiresInDays: 7 }))).status, 201);
    // A type no parser took (Express 4's json() leaves req.body = {}): read here, and refused as before.
    assert.equal((await post('name=x', 'application/x-www-form-urlencoded')).status, 415);
    assert.deepEqual(
      (await service.list('ada')).map((token) => token.name),
      ['as bytes', 'as text', 'parsed first'],
    );
    assert.deepEqual(failures, []);
  });

  it('a body something else read and left nowhere: a 500 that names the cause, and onError hears what to change', async () => {
    const failures: unknown[] = [];
    const listener = toNodeListener(tokensHandler(undefined, { onError: (error) => failures.push(error) }));
    const url = await serve(async (req, res) => {
      for await (const chunk of req) void chunk;
      listener(req, res);
    });
    const response = await fetch(`${url}/api/tokens`, {
      method: 'POST',
      headers: { ...session, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lost', expiresInDays: 7 }),
    });
    assert.equal(response.status, 500);
    assert.match((await response.json()).detail, /read the request body before the token handler could/);
    assert.equal(failures.length, 1);
    assert.ok(failures[0] instanceof SetupError);
    assert.match(failures[0].message, /Mount the token handler before body parsers/);
  });
});
