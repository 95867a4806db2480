/** Every user-visible string of `<pat-token-list>`; hosts override any of them via `strings`. */
export interface TokenListStrings {
  generateButton: string;
}

export const defaultTokenListStrings: TokenListStrings = {
  generateButton: 'Generate new token',
};
