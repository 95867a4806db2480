// The node:http adapter on a real server (port 0): the contract end to end over sockets, an
// Express-style mount, a streamed body over the limit, network errors and cookies.
import assert from 'node:assert/strict';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { parseCreateResponse, parseListResponse } from '../../src/api/parse.js';
import { createFetchHandler, createTokenService, memoryStore, toNodeListener, type FetchHandler } from '../../src/server/index.js';

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

const tokensHandler = () =>
  createFetchHandler(createTokenService({ store: memoryStore(), prefix: 'pat' }), {
    basePath: '/api/tokens',
    authenticate: (request) => (request.headers.get('authorization') === 'Session ada' ? 'ada' : null),
  });
const session = { authorization: 'Session ada' };

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
      parseListResponse(await listed.json()).map((t) => t.id),
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
});
