import type { Token } from '../api/schemas.js';
import { fill } from '../internal/strings.js';

/** Every user-visible string of `<pat-token-reveal>`; hosts override any of them via `strings`. */
export interface TokenRevealStrings {
  revealHeading: string;
  /** Used when the reveal knows the token's metadata; `{name}` is replaced by its name. */
  revealHeadingNamed: string;
  revealWarning: string;
  revealSecretLabel: string;
  revealCopy: string;
  revealCopied: string;
  /** The show/hide toggle inside the secret's field, while the secret is hidden … */
  revealShow: string;
  /** … and while it is shown. */
  revealHide: string;
  revealUsageLabel: string;
  revealCopyUsage: string;
  revealCopiedStatus: string;
  revealUsageCopiedStatus: string;
  revealCopyFailed: string;
  revealUsageCopyFailed: string;
  revealAcknowledge: string;
  revealDone: string;
  revealDoneHint: string;
  revealDismissBlocked: string;
}

export const defaultTokenRevealStrings: TokenRevealStrings = {
  revealHeading: 'Copy your new token now',
  revealHeadingNamed: 'Copy your new token “{name}” now',
  revealWarning: "You won't be able to see it again. Store it somewhere safe, such as a password manager.",
  revealSecretLabel: 'Token',
  revealCopy: 'Copy token',
  revealCopied: 'Copied',
  revealShow: 'Show',
  revealHide: 'Hide',
  revealUsageLabel: 'Example usage',
  revealCopyUsage: 'Copy example',
  revealCopiedStatus: 'Token copied to the clipboard.',
  revealUsageCopiedStatus: 'Example copied to the clipboard.',
  revealCopyFailed: "Couldn't copy to the clipboard. The token is selected: press Ctrl+C (⌘C on a Mac) to copy it yourself.",
  revealUsageCopyFailed: "Couldn't copy to the clipboard. The example is selected: press Ctrl+C (⌘C on a Mac) to copy it yourself.",
  revealAcknowledge: 'I have stored this token somewhere safe',
  revealDone: 'Done',
  revealDoneHint: 'Copy the token, or tick the box once you have stored it, to finish.',
  revealDismissBlocked: 'Your token is still on screen. Copy it or confirm that you stored it, then choose Done.',
};

/** The reveal's heading, naming the token when its metadata is known. */
export function revealHeadingFor(strings: TokenRevealStrings, token: Token | undefined): string {
  return token?.name ? fill(strings.revealHeadingNamed, { name: token.name }) : strings.revealHeading;
}
