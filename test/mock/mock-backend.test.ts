/**
 * `pat-elements/mock` speaks the contract: plain `fetch` against its msw handlers (the client is
 * tested on its own in test/api), checking what hosts rely on in their tests and demos.
 */
import { expect } from '@open-wc/testing';
import * as z from 'zod/mini';
import {
  ActivityPageSchema,
  ListTokensResponseSchema,
  parseRotateResponse,
  parseTokenArray,
  RestTokenClient,
  ScopeSchema,
  TimeoutError,
  type Token,
} from '../../src/api/index.js';
import { demoScopes, MOCK_FAULTS, type MockBackendOptions, type MockFault } from '../../src/mock/index.js';
import { useMockBackend } from '../support/mock-backend.js';

const SECRET = /^pat_[0-9A-Za-z]{40}$/;
const DAY = 86_400_000;
const NOW = new Date('2026-06-15T12:00:00Z');

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(body),
});

async function create(body: unknown): Promise<{ status: number; type: string | null; body: any }> {
  const response = await fetch('/api/tokens', json(body));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

async function rotate(id: string, body: unknown): Promise<{ status: number; type: string | null; body: any }> {
  const response = await fetch(`/api/tokens/${encodeURIComponent(id)}/rotate`, json(body));
  return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
}

async function list(): Promise<Token[]> {
  const response = await fetch('/api/tokens');
  expect(response.status).to.equal(200);
  return ((await response.json()) as { tokens: Token[] }).tokens;
}

const token = (id: string, name: string, createdAt: string): Token => ({
  id,
  name,
  partialKey: 'pat_Ab12',
  createdAt,
  expiresAt: null,
});

describe('mock backend: create', () => {
  it('answers 201 with the token and a `pat_` + 40 base62 secret whose first 8 characters are the partial key', async () => {
    await useMockBackend({ now: () => NOW });

    const { status, body } = await create({ name: '  Deploy bot ', description: ' Ships ', expiresInDays: 7 });

    expect(status).to.equal(201);
    expect(body.secret).to.match(SECRET);
    expect(body.token).to.deep.include({
      name: 'Deploy bot',
      description: 'Ships',
      partialKey: body.secret.slice(0, 8),
      createdAt: NOW.toISOString(),
      expiresAt: new Date(NOW.getTime() + 7 * DAY).toISOString(),
      lastUsedAt: null,
    });
    expect(body.token.id).to.match(/^tok_[0-9A-Za-z]{16}$/);
  });

  it('gives every token its own secret and id', async () => {
    await useMockBackend();
    const created = await Promise.all(Array.from({ length: 40 }, (_, i) => create({ name: `Token ${i}`, expiresInDays: 30 })));
    const secrets = created.map((c) => c.body.secret as string);
    for (const secret of secrets) expect(secret).to.match(SECRET);
    expect(new Set(secrets).size).to.equal(40);
    expect(new Set(created.map((c) => c.body.token.id)).size).to.equal(40);
  });

  it('never keeps the secret: not in the store, the recorded requests or the list', async () => {
    const backend = await useMockBackend();
    const secrets: string[] = [];
    for (const name of ['One', 'Two', 'Three']) secrets.push((await create({ name, expiresInDays: 1 })).body.secret);
    const listed = JSON.stringify(await list());
    const stored = JSON.stringify(backend.tokens());
    const recorded = JSON.stringify(backend.requests);

    expect(backend.tokens()).to.have.length(3);
    for (const secret of secrets) {
      for (const text of [listed, stored, recorded]) {
        expect(text).not.to.contain(secret);
        expect(text).not.to.contain(secret.slice(8));
      }
    }
  });

  it('accepts `expiresInDays: null` as never expiring, and a blank description as none', async () => {
    await useMockBackend();
    const { status, body } = await create({ name: 'Forever', description: '   ', expiresInDays: null });
    expect(status).to.equal(201);
    expect(body.token.expiresAt).to.equal(null);
    expect(body.token.description).to.equal(null);
  });

  it('accepts the longest allowed lifetime', async () => {
    await useMockBackend({ maxLifetimeDays: 90 });
    expect((await create({ name: 'Longest', expiresInDays: 90 })).status).to.equal(201);
  });

  it('lists a new token first', async () => {
    await useMockBackend({ seed: [token('tok_old', 'Old', '2020-01-01T00:00:00Z')], now: () => NOW });
    const { body } = await create({ name: 'New', expiresInDays: 1 });
    expect((await list()).map((t) => t.id)).to.deep.equal([body.token.id, 'tok_old']);
  });
});

describe('mock backend: create validation', () => {
  const invalid: { name: string; body: unknown; field: string; options?: MockBackendOptions }[] = [
    { name: 'a missing name', body: { expiresInDays: 30 }, field: 'name' },
    { name: 'a blank name', body: { name: '   ', expiresInDays: 30 }, field: 'name' },
    { name: 'a name that is not text', body: { name: 42, expiresInDays: 30 }, field: 'name' },
    { name: 'a name over 100 characters', body: { name: 'x'.repeat(101), expiresInDays: 30 }, field: 'name' },
    { name: 'a description that is not text', body: { name: 'ok', description: 5, expiresInDays: 30 }, field: 'description' },
    {
      name: 'a description over 500 characters',
      body: { name: 'ok', description: 'd'.repeat(501), expiresInDays: 30 },
      field: 'description',
    },
    { name: 'a missing duration', body: { name: 'ok' }, field: 'expiresInDays' },
    { name: 'a duration of 0 days', body: { name: 'ok', expiresInDays: 0 }, field: 'expiresInDays' },
    { name: 'a negative duration', body: { name: 'ok', expiresInDays: -3 }, field: 'expiresInDays' },
    { name: 'a fractional duration', body: { name: 'ok', expiresInDays: 1.5 }, field: 'expiresInDays' },
    { name: 'a duration as text', body: { name: 'ok', expiresInDays: '30' }, field: 'expiresInDays' },
    { name: 'a duration over the default 366 days', body: { name: 'ok', expiresInDays: 367 }, field: 'expiresInDays' },
    {
      name: 'a duration over a configured maximum',
      body: { name: 'ok', expiresInDays: 31 },
      field: 'expiresInDays',
      options: { maxLifetimeDays: 30 },
    },
    {
      name: 'no expiration where it is not allowed',
      body: { name: 'ok', expiresInDays: null },
      field: 'expiresInDays',
      options: { allowNoExpiration: false },
    },
  ];

  for (const { name, body, field, options } of invalid) {
    it(`rejects ${name} with 422 problem+json naming \`${field}\``, async () => {
      const backend = await useMockBackend(options);
      const answer = await create(body);

      expect(answer.status).to.equal(422);
      expect(answer.type).to.equal('application/problem+json');
      expect(answer.body).to.include({ status: 422, title: 'Unprocessable Entity' });
      expect(Object.keys(answer.body.errors)).to.deep.equal([field]);
      expect(answer.body.errors[field]).to.be.a('string').and.not.be.empty;
      expect(backend.tokens()).to.deep.equal([]);
    });
  }

  it('names every invalid field at once', async () => {
    await useMockBackend();
    const answer = await create({ name: '', description: 7, expiresInDays: 0 });
    expect(Object.keys(answer.body.errors).sort()).to.deep.equal(['description', 'expiresInDays', 'name']);
  });

  it('rejects a body that is not JSON with 400 problem+json', async () => {
    const backend = await useMockBackend();
    const response = await fetch('/api/tokens', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{name:' });
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
    expect(await response.json()).to.include({ status: 400, title: 'Bad Request' });
    expect(backend.tokens()).to.deep.equal([]);
  });

  it('answers 409 problem+json to a name already in use, ignoring case and spaces', async () => {
    const backend = await useMockBackend();
    expect((await create({ name: 'Laptop CLI', expiresInDays: 30 })).status).to.equal(201);

    const answer = await create({ name: ' laptop cli ', expiresInDays: 30 });

    expect(answer.status).to.equal(409);
    expect(answer.type).to.equal('application/problem+json');
    expect(answer.body).to.include({ status: 409, title: 'Conflict' });
    expect(answer.body.errors.name).to.be.a('string').and.not.be.empty;
    expect(backend.tokens()).to.have.length(1);
  });
});

describe('mock backend: revoke', () => {
  it('answers 204 with no body and forgets the token', async () => {
    const backend = await useMockBackend({
      seed: [token('tok_a', 'A', '2026-01-01T00:00:00Z'), token('tok_b', 'B', '2026-01-02T00:00:00Z')],
    });
    const response = await fetch('/api/tokens/tok_a', { method: 'DELETE' });
    expect(response.status).to.equal(204);
    expect(await response.text()).to.equal('');
    expect(backend.tokens().map((t) => t.id)).to.deep.equal(['tok_b']);
  });

  it('answers 404 problem+json for an unknown id', async () => {
    await useMockBackend();
    const response = await fetch('/api/tokens/tok_nope', { method: 'DELETE' });
    expect(response.status).to.equal(404);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
  });

  it('decodes an URL-encoded id', async () => {
    const backend = await useMockBackend({ seed: [token('a/b c', 'Odd', '2026-01-01T00:00:00Z')] });
    const response = await fetch(`/api/tokens/${encodeURIComponent('a/b c')}`, { method: 'DELETE' });
    expect(response.status).to.equal(204);
    expect(backend.tokens()).to.deep.equal([]);
  });
});

describe('mock backend: tokens the system revoked', () => {
  const FOUND_AT = 'https://github.com/octo/app/blob/main/.env';

  it('simulateRevocation revokes one token as a scanner would: listed with why and when, 409 on regenerate, deletable', async () => {
    const backend = await useMockBackend({
      now: () => NOW,
      seed: [token('tok_a', 'A', '2026-01-01T00:00:00Z'), token('tok_b', 'B', '2026-02-01T00:00:00Z')],
    });
    const [revoked] = backend.simulateRevocation({ id: 'tok_a', url: FOUND_AT });
    const revocation = { at: NOW.toISOString(), reason: 'leaked', url: FOUND_AT };
    expect(revoked?.revocation).to.deep.equal(revocation);

    const listed = parseTokenArray(await list());
    expect(listed.map((t) => [t.id, t.revocation ?? null])).to.deep.equal([
      ['tok_b', null],
      ['tok_a', revocation],
    ]);
    expect(listed[1]!.expiresAt).to.equal(NOW.toISOString(), 'it stopped working then');
    const refused = await rotate('tok_a', { expiresInDays: 7 });
    expect(refused.status).to.equal(409);
    expect(refused.body.detail).to.match(/revoked and cannot be regenerated/);
    expect((await fetch('/api/tokens/tok_a', { method: 'DELETE' })).status).to.equal(204);
    expect((await list()).map((t) => t.id)).to.deep.equal(['tok_b']);
    expect(() => backend.simulateRevocation({ id: 'tok_a' })).to.throw(/no token "tok_a"/);
    const [event] = backend.activity().filter((each) => each.type === 'revoked');
    expect(event).to.include({ tokenId: 'tok_a', tokenName: 'A', actor: 'system', reason: 'leaked', url: FOUND_AT, at: NOW.toISOString() });
  });

  it('without an id, revokes every token that still works, as revokeAll does; expired and revoked ones stay as they were', async () => {
    const expired = { ...token('tok_old', 'Old', '2026-01-01T00:00:00Z'), expiresAt: '2026-02-01T00:00:00Z' };
    const leaked = {
      ...token('tok_leak', 'Leaked', '2026-01-02T00:00:00Z'),
      revocation: { at: '2026-03-01T00:00:00Z', reason: 'leaked' as const },
    };
    const backend = await useMockBackend({
      now: () => NOW,
      seed: [
        token('tok_a', 'A', '2026-01-03T00:00:00Z'),
        { ...token('tok_b', 'B', '2026-01-04T00:00:00Z'), replacedBy: 'tok_a' },
        expired,
        leaked,
      ],
    });
    const revoked = backend.simulateRevocation({ reason: 'account' });
    expect(revoked.map((t) => t.id).sort()).to.deep.equal(['tok_a', 'tok_b']);
    const byId = Object.fromEntries((await list()).map((t) => [t.id, t]));
    expect(byId.tok_a!.revocation?.reason).to.equal('account');
    expect(byId.tok_b!.replacedBy).to.equal(null, 'a revoked token leads to nothing');
    expect(byId.tok_old!.revocation ?? null).to.equal(null);
    expect(byId.tok_leak!.revocation).to.deep.equal(leaked.revocation, 'a seeded revoked token is listed as it was seeded');
  });

  it('a revoked token holds no slot toward maxTokensPerUser, as on the server', async () => {
    const backend = await useMockBackend({ now: () => NOW, seed: [token('tok_a', 'A', '2026-01-01T00:00:00Z')], maxTokensPerUser: 1 });
    expect((await create({ name: 'Second', expiresInDays: 7 })).status).to.equal(409);
    backend.simulateRevocation({ id: 'tok_a' });
    expect((await create({ name: 'Second', expiresInDays: 7 })).status).to.equal(201);
    expect((await create({ name: 'Third', expiresInDays: 7 })).status).to.equal(409);
  });
});

describe('mock backend: scopes', () => {
  const catalogue = [
    { id: 'repo:read', label: 'Read repositories' },
    { id: 'repo:write', label: 'Write repositories' },
  ];

  it('stores and returns the scopes of a create, in the order sent, without duplicates', async () => {
    const backend = await useMockBackend({ scopes: catalogue });
    const { status, body } = await create({ name: 'Scoped', expiresInDays: 7, scopes: ['repo:write', 'repo:read', 'repo:write'] });

    expect(status).to.equal(201);
    expect(body.token.scopes).to.deep.equal(['repo:write', 'repo:read']);
    expect(backend.tokens()[0]?.scopes).to.deep.equal(['repo:write', 'repo:read']);
    expect((await list())[0]?.scopes).to.deep.equal(['repo:write', 'repo:read']);
  });

  it('gives a create without scopes the catalogue’s defaults, refuses it when there are none, and all only when all are chosen', async () => {
    await useMockBackend({ scopes: [{ ...catalogue[0]!, default: true }, catalogue[1]!] });
    const defaults = await create({ name: 'Defaults', expiresInDays: 7 });
    expect(defaults.status).to.equal(201);
    expect(defaults.body.token.scopes).to.deep.equal(['repo:read']);
    const all = await create({ name: 'Everything', expiresInDays: 7, scopes: ['repo:read', 'repo:write'] });
    expect(all.body.token.scopes).to.deep.equal(['repo:read', 'repo:write']);

    await useMockBackend({ scopes: catalogue });
    const none = await create({ name: 'Nothing chosen', expiresInDays: 7 });
    expect(none.status).to.equal(422);
    expect(none.body.errors).to.deep.equal({ scopes: 'Choose at least one permission.' });
  });

  it('without a catalogue, a create without scopes has all permissions: no `scopes` on the token', async () => {
    await useMockBackend();
    const { status, body } = await create({ name: 'Everything', expiresInDays: 7 });
    expect(status).to.equal(201);
    expect(body.token).not.to.have.property('scopes');
  });

  it('without a catalogue, stores any non-empty list of ids as sent', async () => {
    await useMockBackend();
    const { status, body } = await create({ name: 'Anything', expiresInDays: 7, scopes: ['whatever:i:want'] });
    expect(status).to.equal(201);
    expect(body.token.scopes).to.deep.equal(['whatever:i:want']);
  });

  const invalid: { name: string; scopes: unknown; message: RegExp; options?: MockBackendOptions }[] = [
    {
      name: 'an unknown id',
      scopes: ['repo:read', 'repo:delete'],
      message: /^Unknown scope: repo:delete\.$/,
      options: { scopes: catalogue },
    },
    { name: 'two unknown ids', scopes: ['admin', 'root'], message: /^Unknown scopes: admin, root\.$/, options: { scopes: catalogue } },
    { name: 'an empty list', scopes: [], message: /at least one scope/, options: { scopes: catalogue } },
    { name: 'an empty list, without a catalogue', scopes: [], message: /at least one scope/ },
    { name: 'null', scopes: null, message: /list of scope ids/ },
    { name: 'one string instead of a list', scopes: 'repo:read', message: /list of scope ids/, options: { scopes: catalogue } },
    { name: 'an id that is not text', scopes: ['repo:read', 5], message: /list of scope ids/, options: { scopes: catalogue } },
    { name: 'an empty id', scopes: [''], message: /list of scope ids/ },
  ];

  for (const { name, scopes, message, options } of invalid) {
    it(`rejects ${name} with 422 naming \`scopes\`, and creates nothing`, async () => {
      const backend = await useMockBackend(options);
      const answer = await create({ name: 'Scoped', expiresInDays: 7, scopes });

      expect(answer.status).to.equal(422);
      expect(answer.type).to.equal('application/problem+json');
      expect(answer.body.errors).to.have.keys(['scopes']);
      expect(answer.body.errors.scopes).to.match(message);
      expect(backend.tokens()).to.deep.equal([]);
    });
  }

  it('names bad scopes together with the other invalid fields', async () => {
    await useMockBackend({ scopes: catalogue });
    const answer = await create({ name: '', expiresInDays: 0, scopes: ['nope'] });
    expect(Object.keys(answer.body.errors).sort()).to.deep.equal(['expiresInDays', 'name', 'scopes']);
  });

  it('hands out copies of the scopes too, so a test cannot change the store by accident', async () => {
    const backend = await useMockBackend({ seed: [{ ...token('tok_1', 'One', '2026-01-01T00:00:00Z'), scopes: ['repo:read'] }] });
    backend.tokens()[0]!.scopes!.push('repo:admin');
    expect((await list())[0]?.scopes).to.deep.equal(['repo:read']);
  });

  it('`demoScopes` is a valid catalogue: unique ids, labels, descriptions, a few groups, some with more than three, some defaults', () => {
    for (const scope of demoScopes) expect(ScopeSchema.safeParse(scope).success, scope.id).to.equal(true);
    expect(new Set(demoScopes.map((s) => s.id)).size).to.equal(demoScopes.length);
    expect(demoScopes.every((s) => s.group && s.description)).to.equal(true);
    // Every text in English, German and Arabic: the demo's languages with a catalogue of their own.
    for (const { label, description, group } of demoScopes) {
      for (const text of [label, description, group]) expect(Object.keys(text as object)).to.deep.equal(['en', 'de', 'ar']);
    }
    const sizes = new Map<string, number>();
    for (const { group } of demoScopes) {
      const name = (group as Record<string, string>).en!;
      sizes.set(name, (sizes.get(name) ?? 0) + 1);
    }
    expect([...sizes.keys()]).to.include.members(['Repositories', 'Issues', 'Packages', 'Account']);
    expect(
      [...sizes.values()].filter((n) => n > 3),
      'groups with more than three scopes',
    ).to.have.length.at.least(2);
    expect(
      [...sizes.values()].filter((n) => n <= 3),
      'groups with three or fewer',
    ).to.have.length.at.least(1);
    expect(
      demoScopes.filter((s) => s.default),
      'checked by default',
    ).to.have.length.at.least(2);
    expect(
      demoScopes.filter((s) => !s.default),
      'not checked by default',
    ).to.have.length.at.least(2);
  });
});

describe('mock backend: what the list answer tells the page', () => {
  it('carries the catalogue and the policy options given, and nothing of either when none is', async () => {
    await useMockBackend({ scopes: demoScopes, maxLifetimeDays: 90, maxTokensPerUser: 3, presets: [7, 30] });
    const body = await (await fetch('/api/tokens')).json();
    expect(() => ListTokensResponseSchema.parse(body)).not.to.throw();
    expect(body.scopes).to.deep.equal(demoScopes);
    expect(body.policy).to.deep.equal({ maxLifetimeDays: 90, maxTokensPerUser: 3, presets: [7, 30] });

    await useMockBackend();
    expect(Object.keys(await (await fetch('/api/tokens')).json())).to.deep.equal(['tokens']);
  });

  it('refuses a create beyond maxTokensPerUser with 409, counting as the server does (a replaced token does not count)', async () => {
    const replaced = { ...token('tok_old', 'Old', '2026-01-01T00:00:00Z'), replacedBy: 'tok_new' };
    await useMockBackend({ seed: [token('tok_new', 'New', '2026-01-02T00:00:00Z'), replaced], maxTokensPerUser: 2 });
    expect((await create({ name: 'Second', expiresInDays: 7 })).status).to.equal(201);
    const third = await create({ name: 'Third', expiresInDays: 7 });
    expect(third.status).to.equal(409);
    expect(third.type).to.equal('application/problem+json');
    expect(third.body.detail).to.contain('2 tokens, the most allowed');
  });

  it('applies the server’s input rule: control characters, direction overrides and invisible names are 422', async () => {
    await useMockBackend();
    for (const [body, field] of [
      [{ name: 'CI\u001b[31m', expiresInDays: 7 }, 'name'],
      [{ name: 'abc\u202Egpj.exe', expiresInDays: 7 }, 'name'],
      [{ name: '\u200B\u200B', expiresInDays: 7 }, 'name'],
      [{ name: 'ok', description: 'bell\u0007', expiresInDays: 7 }, 'description'],
    ] as const) {
      const answer = await create(body);
      expect(answer.status, JSON.stringify(body)).to.equal(422);
      expect(Object.keys(answer.body.errors)).to.deep.equal([field]);
    }
    const multiline = await create({ name: 'ok', description: 'line one\nline two', expiresInDays: 7 });
    expect(multiline.status, 'a line break in a description is text').to.equal(201);
  });
});

describe('mock backend: rotate', () => {
  const HOUR = 3_600_000;
  const scoped = (expiresAt: string | null): Token => ({
    id: 'tok_old',
    name: 'CI deploy',
    description: 'Pushes releases',
    partialKey: 'pat_Old1',
    createdAt: '2026-01-01T00:00:00Z',
    expiresAt,
    lastUsedAt: '2026-06-15T11:00:00Z',
    scopes: ['repo:read', 'repo:write'],
  });
  const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();
  const inHours = (hours: number) => new Date(NOW.getTime() + hours * HOUR).toISOString();

  it("answers 201 with a new token of the old one's name, description and scopes, a new secret and the asked lifetime", async () => {
    const backend = await useMockBackend({ now: () => NOW, seed: [scoped(inDays(30))] });

    const { status, body } = await rotate('tok_old', { expiresInDays: 60, gracePeriodHours: 24 });

    expect(status).to.equal(201);
    expect(() => parseRotateResponse(body), 'the answer is contract-valid').not.to.throw();
    expect(body.secret).to.match(SECRET);
    expect(body.token).to.deep.equal({
      id: body.token.id,
      name: 'CI deploy',
      description: 'Pushes releases',
      partialKey: body.secret.slice(0, 8),
      createdAt: NOW.toISOString(),
      expiresAt: inDays(60),
      lastUsedAt: null,
      scopes: ['repo:read', 'repo:write'],
    });
    expect(body.token.id).to.match(/^tok_[0-9A-Za-z]{16}$/);
    expect(body.token.id).not.to.equal('tok_old');
    expect(backend.tokens().map((t) => t.id)).to.deep.equal([body.token.id, 'tok_old']);
  });

  it('keeps at most one predecessor in its grace period: regenerating the new token ends the older one’s grace', async () => {
    const backend = await useMockBackend({ now: () => NOW, seed: [scoped(inDays(30))] });
    const first = await rotate('tok_old', { expiresInDays: 30, gracePeriodHours: 24 });
    const second = await rotate(first.body.token.id, { expiresInDays: 30, gracePeriodHours: 24 });
    expect(second.status).to.equal(201);
    expect(backend.tokens().map((t) => t.id)).to.deep.equal([second.body.token.id, first.body.token.id]);
  });

  it('keeps the old token working for the grace period and names its successor', async () => {
    const backend = await useMockBackend({ now: () => NOW, seed: [scoped(inDays(30))] });

    const { body } = await rotate('tok_old', { expiresInDays: 60, gracePeriodHours: 24 });

    const expected = { ...scoped(inDays(30)), expiresAt: inHours(24), replacedBy: body.token.id };
    expect(body.previous).to.deep.equal(expected);
    expect(backend.tokens()[1]).to.deep.equal(expected);
  });

  it('never lets the grace period make the old token live longer than it would have', async () => {
    await useMockBackend({ now: () => NOW, seed: [scoped(inHours(5))] });
    const { body } = await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 168 });
    expect(body.previous.expiresAt).to.equal(inHours(5));
  });

  it('gives a token that never expired the grace period as its end', async () => {
    await useMockBackend({ now: () => NOW, seed: [scoped(null)] });
    const { body } = await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 168 });
    expect(body.previous.expiresAt).to.equal(inHours(168));
  });

  it('regenerates an expired token too; the old one stays expired', async () => {
    await useMockBackend({ now: () => NOW, seed: [scoped(inDays(-2))] });
    const { status, body } = await rotate('tok_old', { expiresInDays: 30, gracePeriodHours: 1 });
    expect(status).to.equal(201);
    expect(body.previous.expiresAt).to.equal(inDays(-2));
    expect(body.token.expiresAt).to.equal(inDays(30));
  });

  for (const request of [{ expiresInDays: 30, gracePeriodHours: 0 }, { expiresInDays: 30 }]) {
    it(`revokes the old token at once ${'gracePeriodHours' in request ? 'with a grace period of 0' : 'without a grace period'}: \`previous\` is null`, async () => {
      const backend = await useMockBackend({
        now: () => NOW,
        seed: [scoped(inDays(30)), token('tok_other', 'Other', '2025-01-01T00:00:00Z')],
      });
      const { status, body } = await rotate('tok_old', request);
      expect(status).to.equal(201);
      expect(body.previous).to.equal(null);
      expect(backend.tokens().map((t) => t.id)).to.deep.equal([body.token.id, 'tok_other']);
    });
  }

  it('gives a token with all permissions a successor with all permissions, and honours `expiresInDays: null`', async () => {
    await useMockBackend({ now: () => NOW, seed: [token('tok_all', 'All', '2026-01-01T00:00:00Z')] });
    const { body } = await rotate('tok_all', { expiresInDays: null });
    expect(body.token).not.to.have.property('scopes');
    expect(body.token.expiresAt).to.equal(null);
  });

  it('never keeps the new secret: not in the store, the recorded requests or the list', async () => {
    const backend = await useMockBackend({ seed: [scoped(null)] });
    const { body } = await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 1 });
    for (const text of [JSON.stringify(await list()), JSON.stringify(backend.tokens()), JSON.stringify(backend.requests)]) {
      expect(text).not.to.contain(body.secret);
      expect(text).not.to.contain(body.secret.slice(8));
    }
  });

  it('answers 404 problem+json for an unknown id, and changes nothing', async () => {
    const backend = await useMockBackend({ seed: [scoped(null)] });
    const answer = await rotate('tok_gone', { expiresInDays: 7 });
    expect(answer.status).to.equal(404);
    expect(answer.type).to.equal('application/problem+json');
    expect(answer.body).to.include({ status: 404, title: 'Not Found' });
    expect(backend.tokens().map((t) => t.id)).to.deep.equal(['tok_old']);
  });

  it('decodes an URL-encoded id', async () => {
    await useMockBackend({ seed: [{ ...scoped(null), id: 'a/b c' }] });
    const { status, body } = await rotate('a/b c', { expiresInDays: 7, gracePeriodHours: 2 });
    expect(status).to.equal(201);
    expect(body.previous.id).to.equal('a/b c');
  });

  it('answers 409 to a second regenerate of a token already replaced', async () => {
    const backend = await useMockBackend({ seed: [scoped(null)] });
    const first = await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 24 });
    const again = await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 24 });
    expect(again.status).to.equal(409);
    expect(again.type).to.equal('application/problem+json');
    expect(backend.tokens().map((t) => t.id)).to.deep.equal([first.body.token.id, 'tok_old']);
  });

  it('keeps the name while both tokens live: the old one is not a conflict', async () => {
    const backend = await useMockBackend({ seed: [scoped(null)] });
    expect((await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 24 })).status).to.equal(201);
    expect(backend.tokens().map((t) => t.name)).to.deep.equal(['CI deploy', 'CI deploy']);
  });

  const invalid: { name: string; body: unknown; fields: string[]; options?: MockBackendOptions }[] = [
    { name: 'a grace period over 168 hours', body: { expiresInDays: 7, gracePeriodHours: 169 }, fields: ['gracePeriodHours'] },
    { name: 'a negative grace period', body: { expiresInDays: 7, gracePeriodHours: -1 }, fields: ['gracePeriodHours'] },
    { name: 'a fractional grace period', body: { expiresInDays: 7, gracePeriodHours: 1.5 }, fields: ['gracePeriodHours'] },
    { name: 'a grace period as text', body: { expiresInDays: 7, gracePeriodHours: '24' }, fields: ['gracePeriodHours'] },
    {
      name: 'a grace period over a configured maximum',
      body: { expiresInDays: 7, gracePeriodHours: 25 },
      fields: ['gracePeriodHours'],
      options: { maxGracePeriodHours: 24 },
    },
    { name: 'a missing lifetime', body: { gracePeriodHours: 1 }, fields: ['expiresInDays'] },
    { name: 'a fractional lifetime', body: { expiresInDays: 2.5 }, fields: ['expiresInDays'] },
    { name: 'a lifetime of 0 days', body: { expiresInDays: 0 }, fields: ['expiresInDays'] },
    {
      name: 'a lifetime over a configured maximum',
      body: { expiresInDays: 31 },
      fields: ['expiresInDays'],
      options: { maxLifetimeDays: 30 },
    },
    {
      name: 'no expiration where it is not allowed',
      body: { expiresInDays: null },
      fields: ['expiresInDays'],
      options: { allowNoExpiration: false },
    },
    {
      name: 'a bad lifetime and a bad grace period',
      body: { expiresInDays: -1, gracePeriodHours: 500 },
      fields: ['expiresInDays', 'gracePeriodHours'],
    },
  ];

  for (const { name, body, fields, options } of invalid) {
    it(`rejects ${name} with 422 naming ${fields.map((f) => `\`${f}\``).join(' and ')}, and changes nothing`, async () => {
      const backend = await useMockBackend({ ...options, seed: [scoped(null)] });
      const answer = await rotate('tok_old', body);

      expect(answer.status).to.equal(422);
      expect(answer.type).to.equal('application/problem+json');
      expect(Object.keys(answer.body.errors).sort()).to.deep.equal(fields);
      for (const field of fields) expect(answer.body.errors[field]).to.be.a('string').and.not.be.empty;
      expect(backend.tokens()).to.deep.equal([scoped(null)]);
    });
  }

  it('accepts the longest grace period the contract allows: 168 hours', async () => {
    await useMockBackend({ now: () => NOW, seed: [scoped(null)] });
    expect((await rotate('tok_old', { expiresInDays: 7, gracePeriodHours: 168 })).status).to.equal(201);
  });

  it('rejects a body that is not JSON with 400 problem+json', async () => {
    const backend = await useMockBackend({ seed: [scoped(null)] });
    const response = await fetch('/api/tokens/tok_old/rotate', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{',
    });
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/problem+json');
    expect(backend.tokens()).to.deep.equal([scoped(null)]);
  });
});

describe('mock backend: seed', () => {
  it("'demo' holds a realistic mix: expiring in 3 days, expired, never expiring, used and never used", async () => {
    const backend = await useMockBackend({ seed: 'demo', now: () => NOW });
    const tokens = backend.tokens();
    const expiresIn = (t: Token) => (t.expiresAt === null ? Infinity : (Date.parse(t.expiresAt) - NOW.getTime()) / DAY);

    expect(tokens.length).to.be.at.least(5);
    expect(
      tokens.filter((t) => expiresIn(t) === 3),
      'expiring in 3 days',
    ).to.have.length(1);
    expect(
      tokens.filter((t) => expiresIn(t) < 0),
      'expired',
    ).to.have.length.at.least(1);
    expect(
      tokens.filter((t) => t.expiresAt === null),
      'never expires',
    ).to.have.length.at.least(1);
    expect(
      tokens.filter((t) => expiresIn(t) > 7 && expiresIn(t) !== Infinity),
      'plainly active',
    ).to.have.length.at.least(1);
    expect(
      tokens.filter((t) => t.lastUsedAt),
      'used',
    ).to.have.length.at.least(1);
    expect(
      tokens.filter((t) => t.lastUsedAt === null),
      'never used',
    ).to.have.length.at.least(1);
    expect(
      tokens.filter((t) => t.description),
      'with a description',
    ).to.have.length.at.least(1);
    expect(
      tokens.filter((t) => !t.description),
      'without a description',
    ).to.have.length.at.least(1);
    for (const t of tokens) {
      if (t.lastUsedAt) expect(Date.parse(t.lastUsedAt), `${t.id} used in the past`).to.be.at.most(NOW.getTime());
      expect(Date.parse(t.createdAt), `${t.id} created in the past`).to.be.below(NOW.getTime());
    }
  });

  it("'demo' is contract-valid, newest first, with partial keys only", async () => {
    await useMockBackend({ seed: 'demo', now: () => NOW });
    const response = await fetch('/api/tokens');
    const body: unknown = await response.json();

    expect(ListTokensResponseSchema.safeParse(body).success).to.equal(true);
    const tokens = parseTokenArray((body as { tokens: unknown }).tokens);
    const created = tokens.map((t) => Date.parse(t.createdAt));
    expect(created).to.deep.equal([...created].sort((a, b) => b - a));
    for (const t of tokens) expect(t.partialKey).to.match(/^pat_[0-9A-Za-z]{4}$/);
    expect(new Set(tokens.map((t) => t.id)).size).to.equal(tokens.length);
  });

  it("'demo' has scoped tokens, one with all permissions, and scopes only from `demoScopes`", async () => {
    const backend = await useMockBackend({ seed: 'demo', now: () => NOW });
    const tokens = backend.tokens();
    const known = new Set(demoScopes.map((scope) => scope.id));

    expect(
      tokens.filter((t) => t.scopes?.length),
      'limited to scopes',
    ).to.have.length.at.least(4);
    expect(
      tokens.filter((t) => !t.scopes),
      'all permissions',
    ).to.have.length.at.least(1);
    expect(new Set(tokens.flatMap((t) => t.scopes ?? [])).size, 'several different scopes').to.be.at.least(5);
    for (const id of tokens.flatMap((t) => t.scopes ?? [])) expect(known.has(id), `${id} is in the catalogue`).to.equal(true);
  });

  it("'demo' has a token in its grace period: replaced by a newer token of the same name, description and scopes", async () => {
    const backend = await useMockBackend({ seed: 'demo', now: () => NOW });
    const tokens = backend.tokens();
    const replaced = tokens.filter((t) => t.replacedBy);

    expect(replaced).to.have.length(1);
    const [old] = replaced;
    const successor = tokens.find((t) => t.id === old!.replacedBy)!;
    expect(successor, 'replacedBy names a token of the account').to.exist;
    expect([successor.name, successor.description, successor.scopes]).to.deep.equal([old!.name, old!.description, old!.scopes]);
    expect(Date.parse(successor.createdAt)).to.be.above(Date.parse(old!.createdAt));
    const graceLeft = Date.parse(old!.expiresAt!) - NOW.getTime();
    expect(graceLeft, 'still working').to.be.above(0);
    expect(graceLeft, 'within a grace period from the rotation').to.be.at.most(
      Date.parse(successor.createdAt) + 168 * 3_600_000 - NOW.getTime(),
    );
  });

  it('is the demo account by default', async () => {
    const backend = await useMockBackend({ seed: undefined, now: () => NOW });
    expect(backend.tokens().some((t) => t.id === 'tok_ci_deploy')).to.equal(true);
  });

  it('takes given tokens, copied, sorted newest first', async () => {
    const seed = [token('tok_old', 'Old', '2025-01-01T00:00:00Z'), token('tok_new', 'New', '2026-01-01T00:00:00Z')];
    const backend = await useMockBackend({ seed });
    seed[0]!.name = 'Changed by the caller';
    expect(backend.tokens().map((t) => [t.id, t.name])).to.deep.equal([
      ['tok_new', 'New'],
      ['tok_old', 'Old'],
    ]);
  });

  it('hands out copies, so a test cannot change the store by accident', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'One', '2026-01-01T00:00:00Z')] });
    backend.tokens()[0]!.name = 'Mutated';
    expect((await list())[0]?.name).to.equal('One');
  });

  it('reset() replaces the store and forgets requests and queued faults', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'One', '2026-01-01T00:00:00Z')] });
    await list();
    backend.failNext('server-error');

    backend.reset([token('tok_2', 'Two', '2026-01-02T00:00:00Z')]);

    expect(backend.requests).to.deep.equal([]);
    expect((await list()).map((t) => t.id)).to.deep.equal(['tok_2']);
  });
});

describe('mock backend: latency', () => {
  async function timedList(): Promise<number> {
    const started = performance.now();
    await list();
    return performance.now() - started;
  }

  it('delays every answer by the configured latency', async () => {
    await useMockBackend({ latency: 250 });
    expect(await timedList()).to.be.at.least(249);
    expect(await timedList(), 'every answer, not only the first').to.be.at.least(249);
  });

  it('delays by at least the minimum of a range', async () => {
    await useMockBackend({ latency: { min: 150, max: 200 } });
    expect(await timedList()).to.be.at.least(149);
  });

  it('setLatency() applies to the next request', async () => {
    const backend = await useMockBackend();
    backend.setLatency(200);
    expect(await timedList()).to.be.at.least(199);
  });

  it("the 'slow' fault answers correctly after `slowMs`", async () => {
    const backend = await useMockBackend({ slowMs: 300, seed: [token('tok_1', 'One', '2026-01-01T00:00:00Z')] });
    backend.failNext('slow');
    const started = performance.now();
    const tokens = await list();
    expect(performance.now() - started).to.be.at.least(299);
    expect(tokens.map((t) => t.id)).to.deep.equal(['tok_1']);
  });

  it("the 'timeout' fault never answers", async () => {
    const backend = await useMockBackend();
    backend.failNext('timeout');
    const error = await new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: 200 })
      .list(new AbortController().signal)
      .catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TimeoutError);
  });
});

describe('mock backend: failNext', () => {
  const seed = [token('tok_1', 'One', '2026-01-01T00:00:00Z')];

  it('without an operation hits the next request of any kind, once', async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('forbidden');

    expect((await fetch('/api/tokens/tok_1', { method: 'DELETE' })).status).to.equal(403);
    expect((await fetch('/api/tokens')).status).to.equal(200);
    expect(backend.tokens()).to.have.length(1);
  });

  it('with an operation lets the other operations through', async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('server-error', { operation: 'create' });

    expect((await fetch('/api/tokens')).status).to.equal(200);
    expect((await fetch('/api/tokens/tok_1', { method: 'DELETE' })).status).to.equal(204);
    expect((await create({ name: 'Blocked', expiresInDays: 1 })).status).to.equal(500);
    expect((await create({ name: 'Allowed', expiresInDays: 1 })).status).to.equal(201);
    expect(backend.tokens().map((t) => t.name)).to.deep.equal(['Allowed']);
  });

  it('with `times` hits that many requests in a row', async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('unauthorized', { operation: 'list', times: 3 });

    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await fetch('/api/tokens')).status);

    expect(statuses).to.deep.equal([401, 401, 401, 200]);
  });

  it('queues faults in order', async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('server-error', { operation: 'list' });
    backend.failNext('forbidden', { operation: 'list' });

    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await fetch('/api/tokens')).status);

    expect(statuses).to.deep.equal([500, 403, 200]);
  });

  it("'validation' on a rotate names the rotate's own fields", async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('validation', { operation: 'rotate' });
    const answer = await rotate('tok_1', { expiresInDays: 1 });
    expect(answer.status).to.equal(422);
    expect(Object.keys(answer.body.errors).sort()).to.deep.equal(['expiresInDays', 'gracePeriodHours']);
  });

  it('with the rotate operation hits only rotates', async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('server-error', { operation: 'rotate' });

    expect((await fetch('/api/tokens')).status).to.equal(200);
    expect((await create({ name: 'Allowed', expiresInDays: 1 })).status).to.equal(201);
    expect((await rotate('tok_1', { expiresInDays: 1 })).status).to.equal(500);
    expect((await rotate('tok_1', { expiresInDays: 1 })).status).to.equal(201);
    expect(backend.requests.map((r) => r.operation)).to.deep.equal(['list', 'create', 'rotate', 'rotate']);
  });

  it("'schema-violation' on a rotate sends a broken answer and changes nothing", async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('schema-violation', { operation: 'rotate' });
    const answer = await rotate('tok_1', { expiresInDays: 1 });
    expect(answer.status).to.equal(201);
    expect(answer.body.token.id).to.be.a('number');
    expect(backend.tokens().map((t) => t.id)).to.deep.equal(['tok_1']);
  });

  it("'extra-fields' adds only fields the contract does not know, on every operation with a body", async () => {
    const backend = await useMockBackend({ seed });
    const known = new Set(['id', 'name', 'description', 'partialKey', 'createdAt', 'expiresAt', 'lastUsedAt', 'scopes', 'replacedBy']);
    const unknownIn = (t: Record<string, unknown>) => Object.keys(t).filter((key) => !known.has(key));

    backend.failNext('extra-fields', { operation: 'list' });
    const listed = await (await fetch('/api/tokens')).json();
    backend.failNext('extra-fields', { operation: 'create' });
    const created = (await create({ name: 'Two', expiresInDays: 1 })).body;
    backend.failNext('extra-fields', { operation: 'rotate' });
    const rotated = (await rotate('tok_1', { expiresInDays: 1, gracePeriodHours: 1 })).body;

    expect(Object.keys(listed).filter((key) => key !== 'tokens')).not.to.be.empty;
    expect(Object.keys(created).filter((key) => key !== 'token' && key !== 'secret')).not.to.be.empty;
    expect(Object.keys(rotated).filter((key) => !['token', 'secret', 'previous'].includes(key))).not.to.be.empty;
    for (const t of [...listed.tokens, created.token, rotated.token, rotated.previous]) {
      expect(unknownIn(t), 'extra fields on every token').not.to.be.empty;
    }
    // The contract's own optional fields are never the "extra" ones: they would change what the client keeps.
    const stored = new Map(backend.tokens().map((t) => [t.id, t]));
    for (const t of [created.token, rotated.token, rotated.previous]) {
      const kept = Object.fromEntries(Object.entries(t).filter(([key]) => known.has(key)));
      expect(kept).to.deep.equal(stored.get(t.id));
    }
    expect(listed.tokens[0]).not.to.have.property('scopes');
  });

  it("'empty-list' answers an empty list once, then the store again", async () => {
    const backend = await useMockBackend({ seed });
    backend.failNext('empty-list');
    expect(await list()).to.deep.equal([]);
    expect(await list()).to.have.length(1);
  });

  it('offers every documented fault kind', () => {
    expect([...MOCK_FAULTS].sort()).to.deep.equal(
      [
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
      ].sort(),
    );
  });

  const statusOf: [MockFault, number][] = [
    ['server-error', 500],
    ['unauthorized', 401],
    ['forbidden', 403],
    ['not-found', 404],
    ['conflict', 409],
    ['validation', 422],
    ['non-json-error', 502],
  ];
  for (const [fault, status] of statusOf) {
    it(`'${fault}' answers ${status}${status === 502 ? ' with HTML' : ' with problem+json'} for every operation`, async () => {
      const backend = await useMockBackend({ seed });
      const requests: [string, RequestInit][] = [
        ['/api/tokens', {}],
        ['/api/tokens', json({ name: 'x', expiresInDays: 1 })],
        ['/api/tokens/tok_1', { method: 'DELETE' }],
        ['/api/tokens/tok_1/rotate', json({ expiresInDays: 1 })],
      ];
      for (const [url, init] of requests) {
        backend.failNext(fault);
        const response = await fetch(url, init);
        expect(response.status).to.equal(status);
        const type = response.headers.get('content-type');
        if (status === 502) {
          expect(type).to.equal('text/html');
        } else {
          expect(type).to.equal('application/problem+json');
          expect(await response.json()).to.include({ status, type: 'about:blank' });
        }
      }
      expect(
        backend.tokens().map((t) => t.id),
        'a fault changes nothing',
      ).to.deep.equal(['tok_1']);
    });
  }
});

describe('mock backend: records requests', () => {
  it('keeps operation, method, URL, headers, credentials and the parsed create and rotate bodies', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'One', '2026-01-01T00:00:00Z')] });
    await fetch('/api/tokens', { headers: { 'X-Trace': 'a' } });
    await fetch('/api/tokens', { ...json({ name: 'New', expiresInDays: 2 }), credentials: 'include' });
    await fetch('/api/tokens/tok_1/rotate', json({ expiresInDays: 2, gracePeriodHours: 1 }));
    await fetch('/api/tokens/tok_1', { method: 'DELETE', credentials: 'omit' });

    expect(
      backend.requests.map(({ operation, method, url, credentials, body }) => ({
        operation,
        method,
        path: new URL(url).pathname,
        credentials,
        body,
      })),
    ).to.deep.equal([
      { operation: 'list', method: 'GET', path: '/api/tokens', credentials: 'same-origin', body: undefined },
      { operation: 'create', method: 'POST', path: '/api/tokens', credentials: 'include', body: { name: 'New', expiresInDays: 2 } },
      {
        operation: 'rotate',
        method: 'POST',
        path: '/api/tokens/tok_1/rotate',
        credentials: 'same-origin',
        body: { expiresInDays: 2, gracePeriodHours: 1 },
      },
      { operation: 'revoke', method: 'DELETE', path: '/api/tokens/tok_1', credentials: 'omit', body: undefined },
    ]);
    expect(backend.requests[0]?.headers['x-trace']).to.equal('a');
  });
});

describe('mock backend: activity', () => {
  const page = async (path: string) => {
    const response = await fetch(path);
    expect(response.status).to.equal(200);
    return z.parse(ActivityPageSchema, await response.json());
  };

  it('records what the contract’s routes did, newest first, per token (with what names it) and per user', async () => {
    let time = Date.parse('2026-06-15T12:00:00Z');
    await useMockBackend({ now: () => new Date((time += 1_000)) });
    const { body: made } = await create({ name: 'CI', expiresInDays: 30 });
    const { body: rotated } = await rotate(made.token.id, { expiresInDays: 30, gracePeriodHours: 1 });
    await fetch(`/api/tokens/${rotated.token.id}`, { method: 'DELETE' });

    const all = await page('/api/tokens/activity');
    expect(all.events.map((e) => [e.type, e.tokenId, e.relatedTokenId ?? null, e.tokenName])).to.deep.equal([
      ['deleted', rotated.token.id, null, 'CI'],
      ['regenerated', made.token.id, rotated.token.id, 'CI'],
      ['created', made.token.id, null, 'CI'],
    ]);
    expect(all.next).to.equal(null);
    expect(all.callers, 'callers belong to one token’s page').to.equal(undefined);
    const second = await page(`/api/tokens/${rotated.token.id}/activity`);
    expect(second.events.map((e) => e.type)).to.deep.equal(['deleted', 'regenerated']);
    expect(second.callers).to.deep.equal([]);
  });

  it('useToken: a new caller once (an event, first among the callers), at most five kept, lastUsedAt moved', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'One', '2026-01-01T00:00:00Z')], now: () => NOW });
    for (let n = 1; n <= 7; n += 1) backend.useToken('tok_1', { ip: `192.0.2.${n}`, userAgent: 'curl/8.5' }, new Date(NOW.getTime() + n));
    backend.useToken('tok_1', { ip: '192.0.2.7', userAgent: 'curl/8.5' }, new Date(NOW.getTime() + 100));
    const { events, callers } = await page('/api/tokens/tok_1/activity');
    expect(events.map((e) => e.ip)).to.deep.equal([
      '192.0.2.7',
      '192.0.2.6',
      '192.0.2.5',
      '192.0.2.4',
      '192.0.2.3',
      '192.0.2.2',
      '192.0.2.1',
    ]);
    expect(callers?.map((c) => c.ip)).to.deep.equal(['192.0.2.7', '192.0.2.6', '192.0.2.5', '192.0.2.4', '192.0.2.3']);
    expect(backend.tokens()[0]!.lastUsedAt).to.equal(new Date(NOW.getTime() + 100).toISOString());
    expect(() => backend.useToken('tok_gone')).to.throw(/no token tok_gone/);
  });

  it('pages by an opaque cursor; one it did not give is a 422 on cursor', async () => {
    const backend = await useMockBackend({ seed: [token('tok_1', 'One', '2026-01-01T00:00:00Z')], activityPageSize: 2 });
    for (let n = 1; n <= 5; n += 1) backend.useToken('tok_1', { ip: `192.0.2.${n}` }, new Date(NOW.getTime() + n));
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const current = await page(`/api/tokens/activity${next ? `?cursor=${encodeURIComponent(next)}` : ''}`);
      expect(current.events.length).to.be.at.most(2);
      seen.push(...current.events.map((e) => e.ip!));
      next = current.next;
    } while (next);
    expect(seen).to.deep.equal(['192.0.2.5', '192.0.2.4', '192.0.2.3', '192.0.2.2', '192.0.2.1']);
    const refused = await fetch('/api/tokens/activity?cursor=bogus');
    expect(refused.status).to.equal(422);
    expect((await refused.json()).errors).to.have.property('cursor');
  });

  it('the demo seed’s trail agrees with its tokens: every token has one, callers match lastUsedAt', async () => {
    const backend = await useMockBackend({ seed: 'demo', now: () => NOW });
    const events = backend.activity();
    for (const t of backend.tokens()) {
      const { events: mine, callers } = await page(`/api/tokens/${t.id}/activity`);
      expect(mine.length, t.name).to.be.above(0);
      expect(callers?.[0]?.lastUsedAt ?? null, t.name).to.equal(t.lastUsedAt ?? null);
    }
    expect(new Set(events.map((e) => e.type))).to.deep.equal(
      new Set(['created', 'regenerated', 'new-caller', 'expired', 'expiry-reminder']),
    );
    const times = events.map((e) => Date.parse(e.at));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    expect(times.every((t) => t <= NOW.getTime())).to.equal(true);
  });

  it('activity: false answers 404, as a backend without the routes; faults hit the activity operation', async () => {
    await useMockBackend({ activity: false });
    expect((await fetch('/api/tokens/activity')).status).to.equal(404);
    const backend = await useMockBackend();
    backend.failNext('server-error', { operation: 'activity' });
    expect((await fetch('/api/tokens')).status, 'another operation is not hit').to.equal(200);
    expect((await fetch('/api/tokens/activity')).status).to.equal(500);
    backend.failNext('empty-list', { operation: 'activity' });
    expect((await page('/api/tokens/activity')).events).to.deep.equal([]);
  });
});
