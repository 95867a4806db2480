/**
 * `RestTokenClient` against the REST contract, through msw at the network level: every operation
 * succeeds, URLs are built right for every endpoint form, bodies are JSON, and the host's headers
 * and credentials reach the server.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { DEFAULT_TIMEOUT_MS, RestTokenClient, type Token } from '../../src/api/index.js';
import { useMockBackend } from '../support/mock-backend.js';
import { liveSignal } from './rejection.js';

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

    const tokens = await client.list(liveSignal());

    expect(tokens).to.deep.equal(seed);
    expect(backend.requests.map((r) => [r.method, new URL(r.url).pathname])).to.deep.equal([['GET', '/api/tokens']]);
  });

  it('lists an empty account as an empty array', async () => {
    await useMockBackend();
    const tokens = await new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal());
    expect(tokens).to.deep.equal([]);
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

  it('URL-encodes ids, so `a/b c` stays one path segment', async () => {
    const backend = await useMockBackend({ seed: [token('a/b c', 'Odd id'), token('x?y#z%', 'Odder id')] });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    await client.revoke('a/b c', liveSignal());
    await client.revoke('x?y#z%', liveSignal());

    expect(backend.requests.map((r) => new URL(r.url).pathname)).to.deep.equal([
      '/api/tokens/a%2Fb%20c',
      '/api/tokens/x%3Fy%23z%25',
    ]);
    expect(backend.tokens()).to.deep.equal([]);
  });

  it('sends Content-Type only with a body, and always accepts JSON and problem+json', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'CI')] });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });

    await client.list(liveSignal());
    await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
    await client.revoke('tok_1', liveSignal());

    expect(backend.requests.map((r) => [r.operation, r.headers['content-type']])).to.deep.equal([
      ['list', undefined],
      ['create', 'application/json'],
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
    it(`${name}: list, create and revoke reach the right URLs`, async () => {
      const backend = await useMockBackend({ endpoint: mockEndpoint(), seed: [token('tok_1', 'CI')] });
      const client = new RestTokenClient({ endpoint: endpoint() });

      expect(await client.list(liveSignal())).to.have.length(1);
      const { token: created } = await client.create({ name: 'Second', expiresInDays: 1 }, liveSignal());
      await client.revoke('tok_1', liveSignal());

      expect(backend.requests.map((r) => [r.method, r.url])).to.deep.equal([
        ['GET', collection()],
        ['POST', collection()],
        ['DELETE', item ? item() : `${collection()}/tok_1`],
      ]);
      expect(backend.tokens().map((t) => t.id)).to.deep.equal([created.id]);
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
    await client.revoke('tok_1', liveSignal());

    expect(backend.requests).to.have.length(3);
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
    await client.revoke('tok_1', liveSignal());
    await client.list(liveSignal());

    expect(calls).to.equal(4);
    expect(backend.requests.map((r) => r.headers['x-csrf-token'])).to.deep.equal(['csrf-1', 'csrf-2', 'csrf-3', 'csrf-4']);
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
    await client.revoke('tok_1', liveSignal());

    expect(client.credentials).to.equal('same-origin');
    expect(backend.requests.map((r) => r.credentials)).to.deep.equal(['same-origin', 'same-origin', 'same-origin']);
  });

  for (const credentials of ['include', 'omit'] as const) {
    it(`passes credentials \`${credentials}\` to every request`, async () => {
      const backend = await useMockBackend({ endpoint: 'https://tokens.example.test/v1/tokens', seed: [token('tok_1', 'CI')] });
      const client = new RestTokenClient({ endpoint: 'https://tokens.example.test/v1/tokens', credentials });

      await client.list(liveSignal());
      await client.create({ name: 'New', expiresInDays: 7 }, liveSignal());
      await client.revoke('tok_1', liveSignal());

      expect(backend.requests.map((r) => r.credentials)).to.deep.equal([credentials, credentials, credentials]);
    });
  }

  it('times out after 30 s unless told otherwise', () => {
    expect(DEFAULT_TIMEOUT_MS).to.equal(30_000);
    expect(new RestTokenClient({ endpoint: '/api/tokens' }).timeoutMs).to.equal(30_000);
    expect(new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: 5_000 }).timeoutMs).to.equal(5_000);
  });
});
