// The secret's format: GitHub's layout, a CRC-32 that zlib agrees with, unbiased randomness, and
// the SHA-256 that is stored in its place.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, it } from 'node:test';
import { crc32 } from '../../src/server/crc32.js';
import { hashSecret, hashWithWebCrypto } from '../../src/server/hash.js';
import {
  BASE62,
  checksumOf,
  generateSecret,
  isWellFormedSecret,
  partialKeyOf,
  randomBase62,
  toBase62,
} from '../../src/server/token-format.js';

describe('CRC-32', () => {
  it('matches the standard check value and zlib', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array()), 0);
    for (let n = 0; n < 200; n += 1) {
      const text = randomBase62(30);
      assert.equal(crc32(new TextEncoder().encode(text)), zlibCrc32(text), text);
    }
  });
});

describe('base62', () => {
  it('encodes with 0-9A-Za-z, left-padded; any CRC-32 fits in 6 characters', () => {
    assert.equal(toBase62(0, 6), '000000');
    assert.equal(toBase62(61, 1), 'z');
    assert.equal(toBase62(62, 1), '10');
    assert.equal(toBase62(0xffffffff, 6), '4gfFC3');
    assert.equal(toBase62(0xffffffff, 6).length, 6);
  });

  it('draws every character equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const sample = randomBase62(62 * 2000);
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    assert.equal(counts.size, 62);
    for (const [char, count] of counts) assert.ok(count > 1600 && count < 2400, `${char}: ${count} of an expected 2000`);
  });
});

describe('secrets', () => {
  it('are {prefix}_ + 30 random base62 + the 6-character base62 CRC-32 of those 30', () => {
    const secret = generateSecret('ghp');
    assert.match(secret, /^ghp_[0-9A-Za-z]{36}$/);
    const random = secret.slice(4, 34);
    assert.equal(secret.slice(34), toBase62(zlibCrc32(random), 6));
    assert.equal(checksumOf(random), secret.slice(34));
    assert.ok(isWellFormedSecret(secret, 'ghp'));
    assert.equal(partialKeyOf(secret, 'ghp'), secret.slice(0, 8));
    assert.equal(partialKeyOf(generateSecret('nimbus'), 'nimbus').length, 'nimbus_'.length + 4);
  });

  it('never repeat', () => {
    const seen = new Set(Array.from({ length: 10_000 }, () => generateSecret('pat')));
    assert.equal(seen.size, 10_000);
  });

  it('are recognised only with their own prefix, length, alphabet and checksum', () => {
    const secret = generateSecret('pat');
    const body = secret.slice(4);
    assert.ok(!isWellFormedSecret(secret, 'pa'));
    assert.ok(!isWellFormedSecret(`pat-${body}`, 'pat'));
    assert.ok(!isWellFormedSecret(`pat_${body.slice(0, 29)}-${body.slice(30)}`, 'pat'));
    assert.ok(!isWellFormedSecret(`${secret} `, 'pat'));
    const wrongChecksum = body.slice(0, 35) + BASE62[(BASE62.indexOf(body[35]!) + 1) % 62];
    assert.equal(wrongChecksum.length, body.length);
    assert.ok(!isWellFormedSecret(`pat_${wrongChecksum}`, 'pat'));
  });
});

describe('the stored hash', () => {
  it('is the SHA-256 of the secret, the same through Node’s crypto and Web Crypto', async () => {
    assert.equal(await hashSecret('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(await hashWithWebCrypto('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    for (let n = 0; n < 50; n += 1) {
      const secret = generateSecret('pat');
      const expected = createHash('sha256').update(secret).digest('hex');
      assert.equal(await hashSecret(secret), expected);
      assert.equal(await hashWithWebCrypto(secret), expected);
    }
  });
});
