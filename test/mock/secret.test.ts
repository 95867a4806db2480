/** The mock's secrets: the documented format, from the CSPRNG, every base62 character in use. */
import { expect } from '@open-wc/testing';
import { generateSecret, partialKeyOf } from '../../src/mock/index.js';

const SECRET = /^pat_[0-9A-Za-z]{40}$/;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

describe('mock secrets', () => {
  it('are `pat_` and 40 base62 characters, and never repeat in 500', () => {
    const secrets = Array.from({ length: 500 }, () => generateSecret());
    for (const secret of secrets) expect(secret).to.match(SECRET);
    expect(new Set(secrets).size).to.equal(500);
  });

  it('use all 62 characters, none left out and none favoured', () => {
    // 300 × 40 = 12 000 characters: the chance that a fair source misses one of 62 is ~1e-83.
    const body = Array.from({ length: 300 }, () => generateSecret().slice(4)).join('');
    expect(new Set(body).size).to.equal(62);
    expect([...new Set(body)].sort().join('')).to.equal([...BASE62].sort().join(''));
    // And no character dominates: a fair source gives each ~194 times; bias would show far above.
    const counts = new Map<string, number>();
    for (const char of body) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(Math.max(...counts.values())).to.be.below(300);
  });

  it('come from crypto.getRandomValues', () => {
    const original = crypto.getRandomValues;
    let calls = 0;
    crypto.getRandomValues = function <T extends ArrayBufferView | null>(array: T): T {
      calls += 1;
      return original.call(crypto, array as ArrayBufferView & Uint8Array) as T;
    };
    try {
      expect(generateSecret()).to.match(SECRET);
    } finally {
      crypto.getRandomValues = original;
    }
    expect(calls).to.be.greaterThan(0);
  });

  it('honour another length', () => {
    expect(generateSecret(16)).to.match(/^pat_[0-9A-Za-z]{16}$/);
  });

  it('show the first 8 characters as the partial key', () => {
    const secret = generateSecret();
    expect(partialKeyOf(secret)).to.equal(secret.slice(0, 8));
    expect(partialKeyOf(secret)).to.match(/^pat_[0-9A-Za-z]{4}$/);
  });
});
