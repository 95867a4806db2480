/**
 * `RestTokenClient` against the REST contract, through msw at the network level: every operation
 * succeeds, URLs are built right for every endpoint form, bodies are JSON, the host's headers
 * and credentials reach the server, and a request that breaks the contract is never sent.
 */
import { expect, waitUntil } from '@open-wc/testing';
import {
  DEFAULT_TIMEOUT_MS,
  InvalidRequestError,
  PatError,
  RestTokenClient,
  type CreateTokenRequest,
  type RotateTokenRequest,
  type Token,
} from '../../src/api/index.js';
import { useMockBackend } from '../support/mock-backend.js';
import { liveSignal, rejectionOf } from '../support/rejection.js';

const token = (id: string, name: string, createdAt = '2026-03-01T09:00:00Z'): Token => ({
  id,
  name,
  description: 'Used by the nightly job',
  partialKey: 'pat_Ab12',
  createdAt,
  expiresAt: '2026-09-01T09:00:00Z',
  lastUsedAt: null,
});

describe('RestTokenClient: the contract', () => {
  it('lists the tokens from GET {endpoint}', async () => {
    const seed = [token('tok_1', 'CI', '2026-03-02T09:00:00Z'), token('tok_2', 'Laptop')];
    const backend = await useMockBackend({ seed });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    const answer = await client.list(liveSignal());

    expect(answer).to.deep.equal({ tokens: seed });
    expect(backend.requests.map((r) => [r.method, new URL(r.url).pathname])).to.deep.equal([['GET', '/api/tokens']]);
  });

  it('lists an empty account as an empty array', async () => {
    await useMockBackend();
    const answer = await new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal());
    expect(answer).to.deep.equal({ tokens: [] });
  });

  it('creates with a JSON POST and returns the 201 answer: token and secret', async () => {
    const backend = await useMockBackend({ now: () => new Date('2026-05-01T10:00:00Z') });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    const { token: created, secret } = await client.create(
      { name: 'Deploy bot', description: 'Ships releases', expiresInDays: 30 },
      liveSignal(),
    );

    expect(secret).to.match(/^pat_[0-9A-Za-z]{40}$/);
    expect(created).to.include({
      name: 'Deploy bot',
      description: 'Ships releases',
      partialKey: secret.slice(0, 8),
      createdAt: '2026-05-01T10:00:00.000Z',
      expiresAt: '2026-05-31T10:00:00.000Z',
    });
    const [request] = backend.requests;
    expect(request?.method).to.equal('POST');
    expect(request?.headers['content-type']).to.equal('application/json');
    expect(request?.body).to.deep.equal({ name: 'Deploy bot', description: 'Ships releases', expiresInDays: 30 });
    expect(backend.tokens().map((t) => t.id)).to.deep.equal([created.id]);
  });

  it('sends `expiresInDays: null` for a token that never expires, and omits a missing description', async () => {
    const backend = await useMockBackend();
    const { token: created } = await new RestTokenClient({ endpoint: '/api/tokens' }).create(
      { name: 'Forever', expiresInDays: null },
      liveSignal(),
    );
    expect(backend.requests[0]?.body).to.deep.equal({ name: 'Forever', expiresInDays: null });
    expect(created.expiresAt).to.equal(null);
  });

  it('revokes with DELETE {endpoint}/{id} and resolves on 204', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI'), token('tok_2', 'Laptop')] });

    const result = await new RestTokenClient({ endpoint: '/api/tokens' }).revoke('tok_1', liveSignal());

    expect(result).to.equal(undefined);
    expect(backend.tokens().map((t) => t.id)).to.deep.equal(['tok_2']);
    const [request] = backend.requests;
    expect(request?.method).to.equal('DELETE');
    expect(new URL(request!.url).pathname).to.equal('/api/tokens/tok_1');
  });

  it('creates a token limited to scopes, sending them and getting them back', async () => {
    const backend = await useMockBackend();
    const { token: created } = await new RestTokenClient({ endpoint: '/api/tokens' }).create(
      { name: 'Reader', expiresInDays: 7, scopes: ['repo:read', 'issues:read'] },
      liveSignal(),
    );
    expect(backend.requests[0]?.body).to.deep.equal({ name: 'Reader', expiresInDays: 7, scopes: ['repo:read', 'issues:read'] });
    expect(created.scopes).to.deep.equal(['repo:read', 'issues:read']);
  });

  it('rotates with a JSON POST to {endpoint}/{id}/rotate and returns the new token, its secret and the old token', async () => {
    const now = new Date('2026-05-01T10:00:00Z');
    const old = { ...token('tok_1', 'CI'), scopes: ['repo:read'] };
    const backend = await useMockBackend({ seed: [old], now: () => now });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    const { token: created, secret, previous } = await client.rotate('tok_1', { expiresInDays: 30, gracePeriodHours: 24 }, liveSignal());

    expect(secret).to.match(/^pat_[0-9A-Za-z]{40}$/);
    expect(created).to.deep.include({
      name: 'CI',
      description: 'Used by the nightly job',
      scopes: ['repo:read'],
      partialKey: secret.slice(0, 8),
      createdAt: '2026-05-01T10:00:00.000Z',
      expiresAt: '2026-05-31T10:00:00.000Z',
    });
    expect(previous).to.deep.equal({ ...old, expiresAt: '2026-05-02T10:00:00.000Z', replacedBy: created.id });
    const [request] = backend.requests;
    expect(request?.method).to.equal('POST');
    expect(new URL(request!.url).pathname).to.equal('/api/tokens/tok_1/rotate');
    expect(request?.headers['content-type']).to.equal('application/json');
    expect(request?.body).to.deep.equal({ expiresInDays: 30, gracePeriodHours: 24 });
    expect(backend.tokens().map((t) => t.id)).to.deep.equal([created.id, 'tok_1']);
  });

  it('rotates without a grace period: `previous` is null and the old token is gone', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    const { token: created, previous } = await new RestTokenClient({ endpoint: '/api/tokens' }).rotate(
      'tok_1',
      { expiresInDays: null },
      liveSignal(),
    );
    expect(backend.requests[0]?.body).to.deep.equal({ expiresInDays: null });
    expect(previous).to.equal(null);
    expect(created.expiresAt).to.equal(null);
    expect(backend.tokens().map((t) => t.id)).to.deep.equal([created.id]);
  });

  it('URL-encodes ids, so `a/b c` stays one path segment', async () => {
    const backend = await useMockBackend({ seed: [token('a/b c', 'Odd id'), token('x?y#z%', 'Odder id')] });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    await client.revoke('a/b c', liveSignal());
    await client.revoke('x?y#z%', liveSignal());

    expect(backend.requests.map((r) => new URL(r.url).pathname)).to.deep.equal(['/api/tokens/a%2Fb%20c', '/api/tokens/x%3Fy%23z%25']);
    expect(backend.tokens()).to.deep.equal([]);
  });

  it('reads a token’s activity page by page: GET {endpoint}/{id}/activity, then ?cursor= with the `next` it was given', async () => {
    const backend = await useMockBackend({ seed: [token('a/b', 'CI')], activityPageSize: 2 });
    for (const ip of ['192.0.2.1', '192.0.2.2', '192.0.2.3']) backend.useToken('a/b', { ip, userAgent: 'curl/8.5' });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    const first = await client.activity('a/b', null, liveSignal());
    expect(first.events.map((event) => event.ip)).to.deep.equal(['192.0.2.3', '192.0.2.2']);
    expect(first.callers?.map((caller) => caller.ip)).to.deep.equal(['192.0.2.3', '192.0.2.2', '192.0.2.1']);
    expect(first.next).to.be.a('string');
    const second = await client.activity('a/b', first.next, liveSignal());
    expect(second.events.map((event) => event.ip)).to.deep.equal(['192.0.2.1']);
    expect(second.next).to.equal(null);
    expect(second.callers, 'callers come with the first page').to.equal(undefined);

    const [, later] = backend.requests.map((r) => new URL(r.url));
    expect(backend.requests[0]!.url).to.equal(`${location.origin}/api/tokens/a%2Fb/activity`);
    expect(later!.pathname).to.equal('/api/tokens/a%2Fb/activity');
    expect(later!.searchParams.get('cursor')).to.equal(first.next);
  });

  it('URL-encodes the id of a rotate, before `/rotate`', async () => {
    const backend = await useMockBackend({ seed: [token('a/b c?', 'Odd id')] });
    const { previous } = await new RestTokenClient({ endpoint: '/api/tokens' }).rotate(
      'a/b c?',
      { expiresInDays: 1, gracePeriodHours: 1 },
      liveSignal(),
    );
    expect(new URL(backend.requests[0]!.url).pathname).to.equal('/api/tokens/a%2Fb%20c%3F/rotate');
    expect(previous?.id).to.equal('a/b c?');
  });

  it('sends Content-Type only with a body, and always accepts JSON and problem+json', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    await client.list(liveSignal());
    await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
    await client.rotate('tok_1', { expiresInDays: 7 }, liveSignal());
    await client.revoke('tok_1', liveSignal());

    expect(backend.requests.map((r) => [r.operation, r.headers['content-type']])).to.deep.equal([
      ['list', undefined],
      ['create', 'application/json'],
      ['rotate', 'application/json'],
      ['revoke', undefined],
    ]);
    for (const request of backend.requests) {
      expect(request.headers.accept).to.equal('application/json, application/problem+json');
    }
  });
});

describe('RestTokenClient: endpoints', () => {
  const here = () => location.origin;
  // The collection URL is used exactly as configured; an item URL never gets a double slash.
  const cases: { name: string; endpoint: () => string; mockEndpoint: () => string; collection: () => string; item?: () => string }[] = [
    {
      name: 'root-relative',
      endpoint: () => '/api/tokens',
      mockEndpoint: () => '/api/tokens',
      collection: () => `${here()}/api/tokens`,
    },
    {
      name: 'root-relative with a trailing slash',
      endpoint: () => '/api/tokens/',
      mockEndpoint: () => '/api/tokens',
      collection: () => `${here()}/api/tokens/`,
      item: () => `${here()}/api/tokens/tok_1`,
    },
    {
      name: 'document-relative',
      endpoint: () => 'api/v2/tokens',
      mockEndpoint: () => '/api/v2/tokens',
      collection: () => `${here()}/api/v2/tokens`,
    },
    {
      name: 'absolute, same origin',
      endpoint: () => `${here()}/api/tokens`,
      mockEndpoint: () => '/api/tokens',
      collection: () => `${here()}/api/tokens`,
    },
    {
      name: 'absolute, another origin, with a trailing slash',
      endpoint: () => 'https://tokens.example.test/v1/tokens/',
      mockEndpoint: () => 'https://tokens.example.test/v1/tokens',
      collection: () => 'https://tokens.example.test/v1/tokens/',
      item: () => 'https://tokens.example.test/v1/tokens/tok_1',
    },
  ];

  for (const { name, endpoint, mockEndpoint, collection, item } of cases) {
    it(`${name}: list, create, rotate, revoke and activity reach the right URLs`, async () => {
      const backend = await useMockBackend({ endpoint: mockEndpoint(), seed: [token('tok_1', 'CI')] });
      const client = new RestTokenClient({ endpoint: endpoint() });
      const itemUrl = item ? item() : `${collection()}/tok_1`;

      expect((await client.list(liveSignal())).tokens).to.have.length(1);
      const { token: created } = await client.create({ name: 'Second', expiresInDays: 1 }, liveSignal());
      const { token: rotated } = await client.rotate('tok_1', { expiresInDays: 1, gracePeriodHours: 1 }, liveSignal());
      await client.activity('tok_1', null, liveSignal());
      await client.revoke('tok_1', liveSignal());
      await client.activity(null, null, liveSignal());

      expect(backend.requests.map((r) => [r.method, r.url])).to.deep.equal([
        ['GET', collection()],
        ['POST', collection()],
        ['POST', `${itemUrl}/rotate`],
        ['GET', `${itemUrl}/activity`],
        ['DELETE', itemUrl],
        ['GET', `${collection().replace(/\/$/, '')}/activity`],
      ]);
      expect(backend.tokens().map((t) => t.id)).to.deep.equal([rotated.id, created.id]);
    });
  }
});

describe('RestTokenClient: headers', () => {
  it('sends a headers object with every request', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    const client = new RestTokenClient({
      endpoint: '/api/tokens',
      headers: { Authorization: 'Bearer static', 'X-Tenant': 'acme' },
    });

    await client.list(liveSignal());
    await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
    await client.rotate('tok_1', { expiresInDays: 7 }, liveSignal());
    await client.revoke('tok_1', liveSignal());

    expect(backend.requests).to.have.length(4);
    for (const request of backend.requests) {
      expect(request.headers).to.include({ authorization: 'Bearer static', 'x-tenant': 'acme' });
    }
  });

  it('calls a headers function once per request and sends each fresh value', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    let calls = 0;
    const client = new RestTokenClient({
      endpoint: '/api/tokens',
      headers: async () => {
        calls += 1;
        return { 'X-CSRF-Token': `csrf-${calls}` };
      },
    });

    await client.list(liveSignal());
    await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
    await client.rotate('tok_1', { expiresInDays: 7 }, liveSignal());
    await client.revoke('tok_1', liveSignal());
    await client.list(liveSignal());

    expect(calls).to.equal(5);
    expect(backend.requests.map((r) => r.headers['x-csrf-token'])).to.deep.equal(['csrf-1', 'csrf-2', 'csrf-3', 'csrf-4', 'csrf-5']);
  });

  it('awaits an async headers function before sending', async () => {
    const backend = await useMockBackend();
    let resolveHeaders: (value: Record<string, string>) => void = () => {};
    let called = false;
    const client = new RestTokenClient({
      endpoint: '/api/tokens',
      headers: () => {
        called = true;
        return new Promise((resolve) => (resolveHeaders = resolve));
      },
    });

    const listing = client.list(liveSignal());
    await waitUntil(() => called, 'the headers function was not called');
    expect(backend.requests, 'nothing is sent while the headers are pending').to.have.length(0);
    resolveHeaders({ Authorization: 'Bearer refreshed' });
    await listing;

    expect(backend.requests.map((r) => r.headers.authorization)).to.deep.equal(['Bearer refreshed']);
  });

  it('accepts a synchronous headers function', async () => {
    const backend = await useMockBackend();
    const client = new RestTokenClient({ endpoint: '/api/tokens', headers: () => ({ Authorization: 'Bearer sync' }) });
    await client.list(liveSignal());
    expect(backend.requests[0]?.headers.authorization).to.equal('Bearer sync');
  });
});

describe('RestTokenClient: credentials and defaults', () => {
  it('sends credentials `same-origin` by default', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    await client.list(liveSignal());
    await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
    await client.rotate('tok_1', { expiresInDays: 7 }, liveSignal());
    await client.revoke('tok_1', liveSignal());

    expect(client.credentials).to.equal('same-origin');
    expect(backend.requests.map((r) => r.credentials)).to.deep.equal(['same-origin', 'same-origin', 'same-origin', 'same-origin']);
  });

  for (const credentials of ['include', 'omit'] as const) {
    it(`passes credentials \`${credentials}\` to every request`, async () => {
      const backend = await useMockBackend({ endpoint: 'https://tokens.example.test/v1/tokens', seed: [token('tok_1', 'CI')] });
      const client = new RestTokenClient({ endpoint: 'https://tokens.example.test/v1/tokens', credentials });

      await client.list(liveSignal());
      await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
      await client.rotate('tok_1', { expiresInDays: 7 }, liveSignal());
      await client.revoke('tok_1', liveSignal());

      expect(backend.requests.map((r) => r.credentials)).to.deep.equal([credentials, credentials, credentials, credentials]);
    });
  }

  it('times out after 30 s unless told otherwise', () => {
    expect(DEFAULT_TIMEOUT_MS).to.equal(30_000);
    expect(new RestTokenClient({ endpoint: '/api/tokens' }).timeoutMs).to.equal(30_000);
    expect(new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: 5_000 }).timeoutMs).to.equal(5_000);
  });
});

describe('RestTokenClient: requests are checked before they are sent', () => {
  // The casts are the point: a host's code or an adapter may be untyped JavaScript.
  const createCases: { name: string; request: unknown; field: string; expected: string; received: string }[] = [
    { name: 'a missing name', request: { expiresInDays: 30 }, field: 'name', expected: 'a string', received: 'it is missing' },
    {
      name: 'a blank name',
      request: { name: '   ', expiresInDays: 30 },
      field: 'name',
      expected: 'a non-empty string',
      received: 'it is empty',
    },
    {
      name: 'a name over 100 characters',
      request: { name: 'n'.repeat(101), expiresInDays: 30 },
      field: 'name',
      expected: 'at most 100 characters',
      received: 'it is out of range',
    },
    {
      name: 'a description over 500 characters',
      request: { name: 'ok', description: 'd'.repeat(501), expiresInDays: 30 },
      field: 'description',
      expected: 'at most 500 characters',
      received: 'it is out of range',
    },
    { name: 'a missing lifetime', request: { name: 'ok' }, field: 'expiresInDays', expected: 'a number', received: 'it is missing' },
    {
      name: 'a lifetime of 0 days',
      request: { name: 'ok', expiresInDays: 0 },
      field: 'expiresInDays',
      expected: 'more than 0',
      received: 'it is out of range',
    },
    {
      name: 'a fractional lifetime',
      request: { name: 'ok', expiresInDays: 1.5 },
      field: 'expiresInDays',
      expected: 'a whole number',
      received: 'it is a fractional number',
    },
    {
      name: 'a lifetime as text',
      request: { name: 'ok', expiresInDays: '30' },
      field: 'expiresInDays',
      expected: 'a number',
      received: 'it is a string',
    },
    {
      name: 'an empty scope list',
      request: { name: 'ok', expiresInDays: 30, scopes: [] },
      field: 'scopes',
      expected: 'a non-empty list',
      received: 'it is empty',
    },
    {
      name: 'a scope that is not text',
      request: { name: 'ok', expiresInDays: 30, scopes: ['repo:read', 7] },
      field: 'scopes[1]',
      expected: 'a string',
      received: 'it is a number',
    },
    {
      name: 'scopes that are one string',
      request: { name: 'ok', expiresInDays: 30, scopes: 'repo:read' },
      field: 'scopes',
      expected: 'a list',
      received: 'it is a string',
    },
  ];

  for (const { name, request, field, expected, received } of createCases) {
    it(`create: ${name} is an InvalidRequestError naming \`${field}\`, and nothing is sent`, async () => {
      const backend = await useMockBackend();
      const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).create(request as CreateTokenRequest, liveSignal()));

      expect(error).to.be.instanceOf(InvalidRequestError);
      expect(error).to.be.instanceOf(PatError);
      const invalid = error as InvalidRequestError;
      expect(invalid.kind).to.equal('invalid-request');
      expect(invalid.operation).to.equal('create');
      expect([invalid.field, invalid.expected, invalid.received]).to.deep.equal([field, expected, received]);
      expect(invalid.message).to.equal(`The request was not sent: “${field}” should be ${expected}, but ${received}.`);
      expect(backend.requests).to.deep.equal([]);
    });
  }

  const rotateCases: { name: string; request: unknown; field: string; expected: string }[] = [
    {
      name: 'a grace period over 168 hours',
      request: { expiresInDays: 30, gracePeriodHours: 169 },
      field: 'gracePeriodHours',
      expected: 'at most 168',
    },
    {
      name: 'a negative grace period',
      request: { expiresInDays: 30, gracePeriodHours: -1 },
      field: 'gracePeriodHours',
      expected: 'at least 0',
    },
    {
      name: 'a fractional grace period',
      request: { expiresInDays: 30, gracePeriodHours: 1.5 },
      field: 'gracePeriodHours',
      expected: 'a whole number',
    },
    {
      name: 'a grace period of null',
      request: { expiresInDays: 30, gracePeriodHours: null },
      field: 'gracePeriodHours',
      expected: 'a number',
    },
    { name: 'a missing lifetime', request: { gracePeriodHours: 24 }, field: 'expiresInDays', expected: 'a number' },
    { name: 'a negative lifetime', request: { expiresInDays: -7 }, field: 'expiresInDays', expected: 'more than 0' },
    { name: 'no request at all', request: undefined, field: '', expected: 'an object' },
  ];

  for (const { name, request, field, expected } of rotateCases) {
    it(`rotate: ${name} is an InvalidRequestError${field ? ` naming \`${field}\`` : ''}, and nothing is sent`, async () => {
      const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
      const error = await rejectionOf(
        new RestTokenClient({ endpoint: '/api/tokens' }).rotate('tok_1', request as RotateTokenRequest, liveSignal()),
      );

      expect(error).to.be.instanceOf(InvalidRequestError);
      const invalid = error as InvalidRequestError;
      expect(invalid.operation).to.equal('rotate');
      expect([invalid.field, invalid.expected]).to.deep.equal([field, expected]);
      if (field) expect(invalid.message).to.contain(`“${field}”`);
      expect(backend.requests).to.deep.equal([]);
      expect(backend.tokens().map((t) => t.id)).to.deep.equal(['tok_1']);
    });
  }

  for (const id of ['', 42, undefined]) {
    it(`rotate and revoke: an id of ${JSON.stringify(id) ?? 'undefined'} is refused, so no request reaches the collection URL`, async () => {
      const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
      const client = new RestTokenClient({ endpoint: '/api/tokens' });

      const errors = [
        await rejectionOf(client.rotate(id as string, { expiresInDays: 1 }, liveSignal())),
        await rejectionOf(client.revoke(id as string, liveSignal())),
      ];

      expect(
        errors.map((e) => [e instanceof InvalidRequestError, (e as InvalidRequestError).field, (e as PatError).operation]),
      ).to.deep.equal([
        [true, 'id', 'rotate'],
        [true, 'id', 'revoke'],
      ]);
      expect(backend.requests).to.deep.equal([]);
    });
  }

  it('sends the request as the contract reads it: the name trimmed, unknown members left out', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });
    const sneaky = { name: '  Deploy  ', expiresInDays: 7, secret: 'pat_chosen', isAdmin: true } as CreateTokenRequest;

    await client.create(sneaky, liveSignal());
    await client.rotate('tok_1', { expiresInDays: 7, gracePeriodHours: 0, revokeOthers: true } as RotateTokenRequest, liveSignal());

    expect(backend.requests.map((r) => r.body)).to.deep.equal([
      { name: 'Deploy', expiresInDays: 7 },
      { expiresInDays: 7, gracePeriodHours: 0 },
    ]);
  });

  it("never echoes the request's values in the error", async () => {
    await useMockBackend();
    const name = 'x'.repeat(95) + 'LEAKY';
    const error = await rejectionOf(
      new RestTokenClient({ endpoint: '/api/tokens' }).create(
        { name: name + '!', expiresInDays: 1, scopes: ['LEAKY_SCOPE', ''] },
        liveSignal(),
      ),
    );
    const everything = [String(error), JSON.stringify(error), (error as InvalidRequestError).received].join(' | ');
    expect(everything).not.to.contain('LEAKY');
  });
});
