/** The derived view (filter + sort + pinned new tokens) and the small pure helpers of the list. */
import { expect } from '@open-wc/testing';
import { DEFAULT_SORT, deriveTokenView, memoizedTokenView, nextSort, type TokenViewInput } from '../../src/token-list/token-view.js';
import { expiryStatus } from '../../src/token-list/expiry-status.js';
import { NOW, at, sampleTokens, token } from '../support/list-harness.js';

const ids = (tokens: readonly { id: string }[]) => tokens.map((t) => t.id);

function input(overrides: Partial<TokenViewInput> = {}): TokenViewInput {
  return { tokens: sampleTokens(), filter: '', sort: DEFAULT_SORT, locale: 'en', pinned: [], ...overrides };
}

describe('token view', () => {
  it("sorts names with the locale's collation and numbers in order", () => {
    const tokens = [
      token({ id: '10', name: 'Key 10' }),
      token({ id: '2', name: 'key 2' }),
      token({ id: 'a', name: 'Äpfel' }),
      token({ id: 'z', name: 'Zebra' }),
    ];
    const view = deriveTokenView(input({ tokens, sort: { key: 'name', direction: 'ascending' }, locale: 'de' }));
    expect(ids(view)).to.deep.equal(['a', '2', '10', 'z']);
  });

  it('breaks ties newest first, then by id, so the order is stable', () => {
    const tokens = [
      token({ id: 'b', name: 'Same', createdAt: at(-2) }),
      token({ id: 'a', name: 'Same', createdAt: at(-2) }),
      token({ id: 'c', name: 'Same', createdAt: at(-1) }),
    ];
    expect(ids(deriveTokenView(input({ tokens, sort: { key: 'name', direction: 'ascending' } })))).to.deep.equal(['c', 'a', 'b']);
  });

  it('filters on trimmed text in name or description', () => {
    expect(ids(deriveTokenView(input({ filter: '  INFRA ' })))).to.deep.equal(['tok_tf']);
    expect(ids(deriveTokenView(input({ filter: 'nothing like it' })))).to.deep.equal([]);
  });

  it('puts pinned tokens first, in pinned order, only if they pass the filter', () => {
    expect(ids(deriveTokenView(input({ pinned: ['tok_old', 'tok_graf'] })))).to.deep.equal(['tok_old', 'tok_graf', 'tok_ci', 'tok_tf']);
    expect(ids(deriveTokenView(input({ pinned: ['tok_old'], filter: 'terra' })))).to.deep.equal(['tok_tf']);
  });

  it('is memoised: the same inputs give the same array, any change recomputes', () => {
    const view = memoizedTokenView();
    const base = input();
    const first = view(base);
    expect(view({ ...base, sort: { ...DEFAULT_SORT } }), 'equal sort by value').to.equal(first);
    expect(view({ ...base, filter: 'ci' })).to.not.equal(first);
    const sorted = view({ ...base, sort: { key: 'name', direction: 'ascending' } });
    expect(ids(sorted)[0]).to.equal('tok_old');
    expect(view({ ...base, sort: { key: 'name', direction: 'ascending' }, tokens: [...base.tokens] })).to.not.equal(sorted);
  });

  it('toggles direction on the same column and starts each column in its natural direction', () => {
    expect(nextSort(DEFAULT_SORT, 'createdAt')).to.deep.equal({ key: 'createdAt', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'name')).to.deep.equal({ key: 'name', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'expiresAt')).to.deep.equal({ key: 'expiresAt', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'lastUsedAt')).to.deep.equal({ key: 'lastUsedAt', direction: 'descending' });
  });
});

describe('expiryStatus', () => {
  it('is "never" for null, "expired" at or after the instant, "expiring" within the threshold', () => {
    expect(expiryStatus(null, NOW, 7)).to.deep.equal({ kind: 'never' });
    expect(expiryStatus(NOW.toISOString(), NOW, 7)).to.deep.equal({ kind: 'expired' });
    expect(expiryStatus(at(0, 3), NOW, 7)).to.deep.equal({ kind: 'expiring', days: 0 });
    expect(expiryStatus(at(7), NOW, 7)).to.deep.equal({ kind: 'expiring', days: 7 });
    expect(expiryStatus(at(8), NOW, 7)).to.deep.equal({ kind: 'active' });
    expect(expiryStatus(at(3), NOW, 0)).to.deep.equal({ kind: 'active' });
  });
});
