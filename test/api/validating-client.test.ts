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
  type Token,
  type TokenClient,
} from '../../src/api/index.js';
import { liveSignal, rejectionOf } from './rejection.js';

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
function adapter(answers: { list?: unknown; create?: unknown; revoke?: () => Promise<void> }): TokenClient {
  return {
    list: async () => answers.list as Token[],
    create: async () => answers.create as CreateTokenResponse,
    revoke: answers.revoke ?? (async () => undefined),
  };
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
    { name: 'a list that is not an array', list: { tokens: [valid] }, field: 'tokens', expected: 'a list' },
    { name: 'a token missing its name', list: [valid, { ...valid, name: undefined }], field: 'tokens[1].name', expected: 'a string' },
    { name: 'a date that is not ISO 8601', list: [{ ...valid, createdAt: 'yesterday at noon' }], field: 'tokens[0].createdAt', expected: 'an ISO 8601 date-time', forbidden: ['yesterday'] },
    { name: 'a Date object instead of a string', list: [{ ...valid, expiresAt: new Date() }], field: 'tokens[0].expiresAt', expected: 'a string' },
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

  it('passes valid answers through and drops unknown fields', async () => {
    const client = validatingClient(
      adapter({
        list: [{ ...valid, scopes: ['repo'] }],
        create: { token: { ...valid, owner: 'me' }, secret: 'pat_x', requestId: 'r1' },
      }),
    );

    expect(await client.list(liveSignal())).to.deep.equal([valid]);
    expect(await client.create({ name: 'x', expiresInDays: 1 }, liveSignal())).to.deep.equal({ token: valid, secret: 'pat_x' });
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
    });

    expect(await rejectionOf(client.list(liveSignal()))).to.equal(refused);
    expect(await rejectionOf(client.create({ name: 'x', expiresInDays: 1 }, liveSignal()))).to.equal(aborted);
    expect(await rejectionOf(client.revoke('tok_1', liveSignal()))).to.equal(refused);
  });

  it('returns the built-in REST client as it is, since it validates already', () => {
    const rest = new RestTokenClient({ endpoint: '/api/tokens' });
    expect(validatingClient(rest)).to.equal(rest);
  });
});
