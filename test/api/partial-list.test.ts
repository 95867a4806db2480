/**
 * A list answer with some broken tokens: the valid ones survive in a `PartialListError` (a
 * `ContractError` naming the first broken field), from the REST client and from an adapter alike;
 * with no valid token at all it is a plain `ContractError`.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { ContractError, PartialListError, RestTokenClient, validatingClient, type Token } from '../../src/api/index.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { liveSignal, rejectionOf } from '../support/rejection.js';

const valid = (id: string): Token => ({
  id,
  name: `Token ${id}`,
  description: null,
  partialKey: 'pat_Ab12',
  createdAt: '2026-03-01T09:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
});

describe('a list answer with broken tokens', () => {
  it('REST: keeps the valid tokens in order, counts the others and names the first broken field', async () => {
    await useMockBackend();
    await useHandlers(
      http.get('/api/tokens', () =>
        HttpResponse.json({ tokens: [valid('a'), { ...valid('b'), createdAt: 'soon' }, valid('c'), { id: 'd' }] }),
      ),
    );
    const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal()));

    expect(error).to.be.instanceOf(PartialListError);
    expect(error).to.be.instanceOf(ContractError);
    const partial = error as PartialListError;
    expect(partial.tokens.map((token) => token.id)).to.deep.equal(['a', 'c']);
    expect(partial.rejected).to.equal(2);
    expect(partial.field).to.equal('tokens[1].createdAt');
    expect(partial.message).not.to.contain('soon');
    expect(partial.operation).to.equal('list');
  });

  it('an adapter: the same, through the validating wrapper', async () => {
    const client = validatingClient({
      list: async () => [valid('a'), { ...valid('b'), name: 7 }] as Token[],
      create: async () => ({ token: valid('x'), secret: 'pat_x' }),
      revoke: async () => undefined,
    });
    const error = await rejectionOf(client.list(liveSignal()));
    expect(error).to.be.instanceOf(PartialListError);
    expect((error as PartialListError).tokens.map((token) => token.id)).to.deep.equal(['a']);
    expect((error as PartialListError).field).to.equal('tokens[1].name');
  });

  it('no valid token: a plain ContractError, as for any broken answer', async () => {
    await useMockBackend();
    await useHandlers(http.get('/api/tokens', () => HttpResponse.json({ tokens: [{ ...valid('a'), id: 42 }] })));
    const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal()));
    expect(error).to.be.instanceOf(ContractError);
    expect(error).not.to.be.instanceOf(PartialListError);
    expect((error as ContractError).field).to.equal('tokens[0].id');
  });

  it('a valid answer is the tokens, with unknown fields dropped', async () => {
    await useMockBackend();
    await useHandlers(http.get('/api/tokens', () => HttpResponse.json({ tokens: [{ ...valid('a'), owner: 'me' }] })));
    expect(await new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal())).to.deep.equal({ tokens: [valid('a')] });
  });
});
