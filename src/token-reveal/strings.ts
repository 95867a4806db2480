/** Every user-visible string of `<pat-token-reveal>`; hosts override any of them via `strings`. */
export interface TokenRevealStrings {
  revealHeading: string;
}

export const defaultTokenRevealStrings: TokenRevealStrings = {
  revealHeading: 'Copy your new token now',
};
