/** The user dismissed the reveal; the secret is gone from the page. */
export interface RevealDismissedDetail {
  tokenId: string | undefined;
  /** Whether the secret was copied with the copy button before dismissal. */
  copied: boolean;
}
