/**
 * The secret's format, as GitHub's: `{prefix}_` + 30 random base62 characters + the CRC-32 of
 * those 30 characters in base62, left-padded with `0` to 6. The prefix lets secret scanners find
 * leaked tokens; the checksum lets `verify` reject a mistyped or made-up token without a lookup.
 * 30 base62 characters carry 178 bits of randomness.
 */
import { crc32 } from './crc32.js';

export const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
export const RANDOM_LENGTH = 30;
export const CHECKSUM_LENGTH = 6;
/** How many random characters `partialKey` shows after the prefix. */
export const PARTIAL_KEY_LENGTH = 4;

/** Letters, digits and underscores, starting with a letter: what scanners' patterns expect. */
const PREFIX_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;
const BASE62_PATTERN = /^[0-9A-Za-z]*$/;

export function assertValidPrefix(prefix: string): void {
  if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) {
    throw new TypeError('prefix must be 1–32 letters, digits or underscores, starting with a letter (e.g. "pat" or "ghp").');
  }
}

/** `length` base62 characters from the platform's CSPRNG (Web Crypto), without modulo bias. */
export function randomBase62(length: number): string {
  let out = '';
  // getRandomValues fills at most 64 KB at a time.
  const bytes = new Uint8Array(Math.min(length * 2, 65_536));
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 248 = 62 × 4: bytes at or above it would favour the first characters.
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** `value` in base62, left-padded with `0` to `width`. */
export function toBase62(value: number, width: number): string {
  let out = '';
  let rest = value;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

const encoder = new TextEncoder();

export function checksumOf(random: string): string {
  return toBase62(crc32(encoder.encode(random)), CHECKSUM_LENGTH);
}

export function generateSecret(prefix: string): string {
  const random = randomBase62(RANDOM_LENGTH);
  return `${prefix}_${random}${checksumOf(random)}`;
}

/**
 * Whether `secret` has this prefix, the right length and alphabet, and a matching checksum. Pure
 * string work: nothing is looked up, so a wrong token costs no database query.
 */
export function isWellFormedSecret(secret: unknown, prefix: string): secret is string {
  if (typeof secret !== 'string') return false;
  const head = `${prefix}_`;
  if (secret.length !== head.length + RANDOM_LENGTH + CHECKSUM_LENGTH || !secret.startsWith(head)) return false;
  const body = secret.slice(head.length);
  if (!BASE62_PATTERN.test(body)) return false;
  return checksumOf(body.slice(0, RANDOM_LENGTH)) === body.slice(RANDOM_LENGTH);
}

/** What may be shown later: the prefix and the first random characters. */
export function partialKeyOf(secret: string, prefix: string): string {
  return secret.slice(0, prefix.length + 1 + PARTIAL_KEY_LENGTH);
}

const TOKEN_ID_RANDOM_LENGTH = 20;
const TOKEN_ID_PATTERN = new RegExp(`^tok_[0-9A-Za-z]{${TOKEN_ID_RANDOM_LENGTH}}$`);

/** Token ids: not secret (they appear in URLs), random so they reveal nothing about other tokens. */
export function newTokenId(): string {
  return `tok_${randomBase62(TOKEN_ID_RANDOM_LENGTH)}`;
}

/** Whether `id` has the shape `newTokenId` gives: anything else names no token, and costs no query. */
export function isTokenId(id: unknown): id is string {
  return typeof id === 'string' && TOKEN_ID_PATTERN.test(id);
}
