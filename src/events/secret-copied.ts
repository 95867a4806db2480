/** The secret (or the usage snippet containing it) was written to the clipboard. */
export interface SecretCopiedDetail {
  /** The id of the token whose secret was copied, when the reveal knows it. */
  tokenId: string | undefined;
  /** What was copied: the bare secret or the usage snippet. */
  what: 'secret' | 'usage';
}
