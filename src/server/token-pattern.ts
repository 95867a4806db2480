/**
 * The regular expression that finds this host's secrets in text, for secret scanners (GitHub's
 * partner program asks for one, GitLab and others too): the prefix, `_`, 36 base62 characters
 * (30 random and the 6 of the checksum), not inside a longer word. Scanners then check the
 * checksum, or let `revokeLeaked` do it (a match whose checksum is wrong is `not-ours`).
 */
import { assertValidPrefix, CHECKSUM_LENGTH, RANDOM_LENGTH } from './token-format.js';

/** The pattern of `{prefix}_…` secrets, as a string any regex flavour reads (PCRE, RE2, Hyperscan, JavaScript). */
export function tokenPattern(prefix: string): string {
  assertValidPrefix(prefix);
  // \b: a secret starts where a word does (`xacme_…` is not one) and ends with it.
  return `\\b${prefix}_[0-9A-Za-z]{${RANDOM_LENGTH + CHECKSUM_LENGTH}}\\b`;
}
