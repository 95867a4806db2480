/**
 * A host's adapter is checked like a server answer: garbage becomes a `ContractError` naming the
 * field, valid data passes (extra fields dropped), and errors and aborts pass through untouched.
 */
import { expect } from '@open-wc/testing';
import {
  ContractError,
  HttpError,
  RestTokenClient,
  validatingClient,
  type CreateTokenResponse,
  type RotateTokenResponse,
  type Token,
  type TokenClient,
} from '../../src/api/index.js';
import { liveSignal, rejectionOf } from '../support/rejection.js';

const valid: Token = {
  id: 'tok_1',
  name: 'CI',
  description: null,
  partialKey: 'pat_Ab12',
  createdAt: '2026-03-01T09:00:00Z',
  expiresAt: '2026-09-01T09:00:00+02:00',
  lastUsedAt: null,
};

/** An adapter whose answers the test decides; the casts are the point: hosts' code is untyped. */
function adapter(answers: { list?: unknown; create?: unknown; revoke?: () => Promise<void>; rotate?: unknown }): TokenClient {
  const client: TokenClient = {
    list: async () => answers.list as Token[],
    create: async () => answers.create as CreateTokenResponse,
    revoke: answers.revoke ?? (async () => undefined),
  };
  if ('rotate' in answers) client.rotate = async () => answers.rotate as RotateTokenResponse;
  return client;
}

function expectContractError(error: unknown, field: string, expected: string, forbidden: string[] = []) {
  expect(error).to.be.instanceOf(ContractError);
  const contractError = error as ContractError;
  expect(contractError.field).to.equal(field);
  expect(contractError.expected).to.equal(expected);
  expect(contractError.message).to.contain(`“${field}”`);
  for (const value of forbidden) expect(contractError.message).not.to.contain(value);
}

describe('validatingClient', () => {
  const listCases: { name: string; list: unknown; field: string; expected: string; forbidden?: string[] }[] = [
    { name: 'neither a list nor the whole answer', list: { items: [valid] }, field: 'tokens', expected: 'a list' },
    {
      name: 'a catalogue entry without a label',
      list: { tokens: [valid], scopes: [{ id: 'a' }] },
      field: 'scopes[0].label',
      expected: 'one of the allowed types',
    },
    {
      name: 'a fractional maximum',
      list: { tokens: [valid], policy: { maxTokensPerUser: 1.5 } },
      field: 'policy.maxTokensPerUser',
      expected: 'a whole number',
    },
    { name: 'a token missing its name', list: [valid, { ...valid, name: undefined }], field: 'tokens[1].name', expected: 'a string' },
    {
      name: 'a date that is not ISO 8601',
      list: [{ ...valid, createdAt: 'yesterday at noon' }],
      field: 'tokens[0].createdAt',
      expected: 'an ISO 8601 date-time',
      forbidden: ['yesterday'],
    },
    {
      name: 'a Date object instead of a string',
      list: [{ ...valid, expiresAt: new Date() }],
      field: 'tokens[0].expiresAt',
      expected: 'a string',
    },
    { name: 'a numeric id', list: [{ ...valid, id: 1234567 }], field: 'tokens[0].id', expected: 'a string', forbidden: ['1234567'] },
    { name: 'an empty id', list: [{ ...valid, id: '' }], field: 'tokens[0].id', expected: 'a non-empty string' },
    { name: 'a token that is null', list: [null], field: 'tokens[0]', expected: 'an object' },
  ];

  for (const { name, list, field, expected, forbidden } of listCases) {
    it(`list: ${name} is a ContractError naming \`${field}\``, async () => {
      const error = await rejectionOf(validatingClient(adapter({ list })).list(liveSignal()));
      expectContractError(error, field, expected, forbidden);
    });
  }

  it('create: a secret that is not a string is a ContractError that does not echo it', async () => {
    const client = validatingClient(adapter({ create: { token: valid, secret: 9_876_543_210 } }));
    const error = await rejectionOf(client.create({ name: 'x', expiresInDays: 1 }, liveSignal()));
    expectContractError(error, 'secret', 'a string', ['9876543210']);
  });

  it('create: a broken token is named inside the answer, without leaking the secret', async () => {
    const secret = 'pat_0123456789abcdefghijABCDEFGHIJ0123456789';
    const client = validatingClient(adapter({ create: { token: { ...valid, partialKey: 5 }, secret } }));
    const error = await rejectionOf(client.create({ name: 'x', expiresInDays: 1 }, liveSignal()));
    expectContractError(error, 'token.partialKey', 'a string', [secret, '0123456789abcdef']);
    expect(JSON.stringify(error)).not.to.contain(secret);
  });

  it('create: an answer that is not an object at all', async () => {
    const client = validatingClient(adapter({ create: 'pat_oops' }));
    const error = await rejectionOf(client.create({ name: 'x', expiresInDays: 1 }, liveSignal()));
    expect(error).to.be.instanceOf(ContractError);
    expect((error as ContractError).field).to.equal('');
    expect((error as ContractError).message).not.to.contain('pat_oops');
  });

  it('list: the whole answer passes with its catalogue (text per language) and policy; the tokens alone are an answer without them', async () => {
    const scopes = [{ id: 'repo:read', label: { en: 'Read repositories', de: 'Repositorys lesen' }, default: true }];
    const policy = { maxLifetimeDays: null, allowNoExpiration: true, maxTokensPerUser: 100, maxGracePeriodHours: 24, presets: [7, 30] };
    const whole = validatingClient(adapter({ list: { tokens: [valid], scopes, policy, nextCursor: null } }));
    expect(await whole.list(liveSignal())).to.deep.equal({ tokens: [valid], scopes, policy });
    expect(await validatingClient(adapter({ list: [valid] })).list(liveSignal())).to.deep.equal({ tokens: [valid] });
  });

  it('passes valid answers through and drops unknown fields', async () => {
    const scoped = { ...valid, scopes: ['repo:read'], replacedBy: null };
    const client = validatingClient(
      adapter({
        list: [{ ...scoped, owner: 'me' }],
        create: { token: { ...valid, owner: 'me' }, secret: 'pat_x', requestId: 'r1' },
        rotate: { token: { ...valid, owner: 'me' }, secret: 'pat_y', previous: { ...scoped, replacedBy: 'tok_1' }, requestId: 'r2' },
      }),
    );

    expect(await client.list(liveSignal())).to.deep.equal({ tokens: [scoped] });
    expect(await client.create({ name: 'x', expiresInDays: 1 }, liveSignal())).to.deep.equal({ token: valid, secret: 'pat_x' });
    expect(await client.rotate!('tok_0', { expiresInDays: 1 }, liveSignal())).to.deep.equal({
      token: valid,
      secret: 'pat_y',
      previous: { ...scoped, replacedBy: 'tok_1' },
    });
  });

  it('has no `rotate` when the adapter has none, so nothing offers to regenerate', () => {
    const client = validatingClient(adapter({}));
    expect('rotate' in client).to.equal(false);
    expect(client.rotate).to.equal(undefined);
  });

  it('has `rotate` when the adapter has it, and calls it with the adapter as `this`', async () => {
    const calls: unknown[][] = [];
    const signal = liveSignal();
    const answer = { token: valid, secret: 'pat_x', previous: null };
    const host = {
      answer,
      list: async () => [],
      create: async () => ({ token: valid, secret: 'pat_x' }),
      revoke: async () => undefined,
      async rotate(this: { answer: RotateTokenResponse }, id: string, request: unknown, s: AbortSignal) {
        calls.push([id, request, s]);
        return this.answer;
      },
    };
    const client = validatingClient(host as TokenClient);

    expect(await client.rotate!('tok_1', { expiresInDays: 30, gracePeriodHours: 24 }, signal)).to.deep.equal(answer);
    expect(calls).to.deep.equal([['tok_1', { expiresInDays: 30, gracePeriodHours: 24 }, signal]]);
  });

  const rotateCases: { name: string; rotate: unknown; field: string; expected: string }[] = [
    { name: 'an answer without `previous`', rotate: { token: valid, secret: 'pat_x' }, field: 'previous', expected: 'an object' },
    {
      name: 'a `previous` that is not a token',
      rotate: { token: valid, secret: 'pat_x', previous: { ...valid, createdAt: 5 } },
      field: 'previous.createdAt',
      expected: 'a string',
    },
    {
      name: 'a new token without its id',
      rotate: { token: { ...valid, id: undefined }, secret: 'pat_x', previous: null },
      field: 'token.id',
      expected: 'a string',
    },
    { name: 'an empty secret', rotate: { token: valid, secret: '', previous: null }, field: 'secret', expected: 'a non-empty string' },
    {
      name: 'scopes that are not a list',
      rotate: { token: { ...valid, scopes: 'repo:read' }, secret: 'pat_x', previous: null },
      field: 'token.scopes',
      expected: 'a list',
    },
  ];

  for (const { name, rotate, field, expected } of rotateCases) {
    it(`rotate: ${name} is a ContractError naming \`${field}\``, async () => {
      const error = await rejectionOf(validatingClient(adapter({ rotate })).rotate!('tok_1', { expiresInDays: 1 }, liveSignal()));
      expectContractError(error, field, expected);
    });
  }

  it('rotate: a broken answer does not leak the new secret', async () => {
    const secret = 'pat_0123456789abcdefghijABCDEFGHIJ0123456789';
    const client = validatingClient(adapter({ rotate: { token: { ...valid, name: 7 }, secret, previous: null } }));
    const error = await rejectionOf(client.rotate!('tok_1', { expiresInDays: 1 }, liveSignal()));
    expectContractError(error, 'token.name', 'a string', [secret, '0123456789abcdef']);
    expect(JSON.stringify(error)).not.to.contain(secret);
  });

  it('passes the request, the id and the signal to the adapter', async () => {
    const calls: unknown[][] = [];
    const signal = liveSignal();
    const client = validatingClient({
      list: async (s) => (calls.push(['list', s]), [valid]),
      create: async (request, s) => (calls.push(['create', request, s]), { token: valid, secret: 'pat_x' }),
      revoke: async (id, s) => void calls.push(['revoke', id, s]),
    });

    await client.list(signal);
    await client.create({ name: 'x', expiresInDays: null }, signal);
    await client.revoke('tok_1', signal);

    expect(calls).to.deep.equal([
      ['list', signal],
      ['create', { name: 'x', expiresInDays: null }, signal],
      ['revoke', 'tok_1', signal],
    ]);
  });

  it("passes the adapter's own errors and aborts through unchanged", async () => {
    const refused = new HttpError({ status: 403, title: 'Forbidden' });
    const aborted = new DOMException('Aborted', 'AbortError');
    const client = validatingClient({
      list: () => Promise.reject(refused),
      create: () => Promise.reject(aborted),
      revoke: () => Promise.reject(refused),
      rotate: () => Promise.reject(aborted),
    });

    expect(await rejectionOf(client.list(liveSignal()))).to.equal(refused);
    expect(await rejectionOf(client.create({ name: 'x', expiresInDays: 1 }, liveSignal()))).to.equal(aborted);
    expect(await rejectionOf(client.revoke('tok_1', liveSignal()))).to.equal(refused);
    expect(await rejectionOf(client.rotate!('tok_1', { expiresInDays: 1 }, liveSignal()))).to.equal(aborted);
  });

  it('returns the built-in REST client as it is, since it validates already', () => {
    const rest = new RestTokenClient({ endpoint: '/api/tokens' });
    expect(validatingClient(rest)).to.equal(rest);
  });
});
