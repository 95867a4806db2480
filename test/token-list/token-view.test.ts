/** The derived view (filter + sort + pinned new tokens) and the small pure helpers of the list. */
import { expect } from '@open-wc/testing';
import { withoutSecret } from '../../src/token-list/filter-secret.js';
import { statusCounts } from '../../src/token-list/status-filter.js';
import { DEFAULT_SORT, deriveTokenView, memoizedTokenView, nextSort, type TokenViewInput } from '../../src/token-list/token-view.js';
import { expiryStatus, tokenStatus } from '../../src/token-list/token-status.js';
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

  it('finds a token by its key prefix', () => {
    expect(ids(deriveTokenView(input({ filter: 'pat_Kx9d' })))).to.deep.equal(['tok_tf']);
    expect(ids(deriveTokenView(input({ filter: 'x7Q1' })))).to.deep.equal(['tok_graf']);
  });

  it('keeps only the tokens a status filter accepts, with the text filter on top', () => {
    const expired = (token: { expiresAt: string | null }) => tokenStatus(token as never, NOW, 7) === 'expired';
    expect(ids(deriveTokenView(input({ only: expired })))).to.deep.equal(['tok_old']);
    expect(ids(deriveTokenView(input({ only: expired, filter: 'terra' })))).to.deep.equal([]);
  });

  it('puts a replaced token right after the token that replaced it, whatever the sort, chains in order', () => {
    const tokens = [
      token({ id: 'a', name: 'Alpha', createdAt: at(-1) }),
      token({ id: 'ci2', name: 'CI', createdAt: at(0, -1) }),
      token({ id: 'ci1', name: 'CI', createdAt: at(-30), replacedBy: 'ci2' }),
      token({ id: 'ci0', name: 'CI', createdAt: at(-90), replacedBy: 'ci1' }),
      token({ id: 'z', name: 'Zulu', createdAt: at(-60) }),
      token({ id: 'orphan', name: 'Orphan', createdAt: at(-5), replacedBy: 'gone' }),
    ];
    expect(ids(deriveTokenView(input({ tokens })))).to.deep.equal(['ci2', 'ci1', 'ci0', 'a', 'orphan', 'z']);
    const byName = deriveTokenView(input({ tokens, sort: { key: 'name', direction: 'descending' } }));
    expect(ids(byName)).to.deep.equal(['z', 'orphan', 'ci2', 'ci1', 'ci0', 'a']);
    // A cycle (a server's mistake) loses no token.
    const cycle = [token({ id: 'p', name: 'P', replacedBy: 'q' }), token({ id: 'q', name: 'Q', replacedBy: 'p' })];
    expect(ids(deriveTokenView(input({ tokens: cycle }))).sort()).to.deep.equal(['p', 'q']);
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

describe('tokenStatus and statusCounts', () => {
  it('gives each token one status: revoked, then expired, then replaced, then expiring, else active', () => {
    const revocation = { at: at(-1), reason: 'leaked' as const };
    const cases: [string, Parameters<typeof token>[0]][] = [
      ['revoked', { id: '1', name: 'x', expiresAt: at(-1), replacedBy: 'y', revocation }],
      ['expired', { id: '2', name: 'x', expiresAt: at(-1), replacedBy: 'y' }],
      ['replaced', { id: '3', name: 'x', expiresAt: at(0, 5), replacedBy: 'y' }],
      ['expiring', { id: '4', name: 'x', expiresAt: at(3) }],
      ['active', { id: '5', name: 'x', expiresAt: at(30) }],
      ['active', { id: '6', name: 'x', expiresAt: null }],
      ['active', { id: '7', name: 'x', expiresAt: at(30), revocation: null }],
    ];
    for (const [status, fields] of cases) expect(tokenStatus(token(fields), NOW, 7), fields.id).to.equal(status);
    expect([
      ...statusCounts(
        cases.map(([, fields]) => token(fields)),
        NOW,
        7,
      ),
    ]).to.deep.equal([
      ['revoked', 1],
      ['expired', 1],
      ['replaced', 1],
      ['expiring', 1],
      ['active', 3],
    ]);
  });
});

describe('withoutSecret (a secret pasted into the filter)', () => {
  const listed = [token({ id: 'a', name: 'A', partialKey: 'nimbus_qzS2' }), token({ id: 'b', name: 'B', partialKey: 'x7Q1' })];

  it("becomes the key prefix of the listed token it belongs to, or the reference format's prefix", () => {
    expect(withoutSecret('nimbus_qzS2aB3dE5fG7hJ9kL1mN3pQ5rS7tV9w0Xy1Z', listed)).to.equal('nimbus_qzS2');
    expect(withoutSecret('  x7Q1e8R9t0Y1u2I3o4P5a6S7d8  ', listed)).to.equal('x7Q1');
    expect(withoutSecret('pat_Zz9Y8x7W6v5U4t3S2r1Q0p9O8n7M6l5K4j3I', listed), 'a token no longer listed').to.equal('pat_Zz9Y');
  });

  it('leaves a search alone: a key prefix, a name, words', () => {
    for (const search of ['nimbus_qzS2', 'nimbus', 'CI deploy for the payments service', 'KubernetesClusterAutoscalerProduction', '']) {
      expect(withoutSecret(search, listed)).to.equal(search);
    }
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
