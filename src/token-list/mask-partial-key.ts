/**
 * The hidden part of every key is drawn with the same number of dots, so the page never reveals
 * how long a secret is (docs/architecture.md, security rule 4).
 */
export const MASK_LENGTH = 4;
export const MASK = '•'.repeat(MASK_LENGTH);

export interface MaskedKey {
  /** What the server allows to be shown, exactly as sent. */
  visible: string;
  /** A fixed-length run of dots, independent of the token. */
  mask: string;
}

export function maskPartialKey(partialKey: string): MaskedKey {
  return { visible: partialKey, mask: MASK };
}
