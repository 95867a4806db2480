const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `pat_` + `length` base62 characters from the platform CSPRNG, without modulo bias. */
export function generateSecret(length = 40): string {
  let out = 'pat_';
  const bytes = new Uint8Array(length * 2);
  while (out.length < length + 4) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      // 248 = 62 × 4: bytes at or above it would favour the first characters.
      if (byte < 248 && out.length < length + 4) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** What the server may show later: `pat_` and the first four random characters. */
export function partialKeyOf(secret: string): string {
  return secret.slice(0, 8);
}

export function randomId(): string {
  return `tok_${generateSecret(16).slice(4)}`;
}
