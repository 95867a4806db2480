/**
 * Someone who found a key in a log pastes it into the filter to find its token. The filter finds
 * tokens by their key prefix; a whole secret is cut down to that prefix before anything keeps it:
 * the list never holds a secret, not in its state, its events, the URL or the console.
 */
import type { Token } from '../api/schemas.js';

/** Shorter than this, or with a space, it is a search, not a secret. */
const MIN_SECRET_LENGTH = 20;

/** The reference server's format: `{prefix}_` and 4 characters shown, then the rest of the secret. */
const SECRET_FORMAT = /^([A-Za-z][\w-]*_[A-Za-z0-9]{4})[A-Za-z0-9]{16,}$/;

/**
 * `text`, or the key prefix of the secret it is: the partial key of a listed token it starts with,
 * else the reference format's prefix.
 */
export function withoutSecret(text: string, tokens: readonly Token[] | undefined): string {
  const value = text.trim();
  if (value.length < MIN_SECRET_LENGTH || /\s/.test(value)) return text;
  const token = tokens?.find(({ partialKey }) => partialKey && value.length > partialKey.length && value.startsWith(partialKey));
  return token?.partialKey ?? SECRET_FORMAT.exec(value)?.[1] ?? text;
}
