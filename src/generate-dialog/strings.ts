import type { PluralString } from '../internal/strings.js';

/** Every user-visible string of `<pat-generate-dialog>`; hosts override any of them via `strings`. */
export interface GenerateDialogStrings {
  dialogHeading: string;
  /** Without a scope catalogue: tokens inherit the account's permissions. */
  dialogPermissionsNote: string;
  /** With a scope catalogue: the token can do what the user allows below. */
  dialogScopedNote: string;
  /** The accessible name of the close button in the dialog's corner. */
  dialogClose: string;
  dialogNameLabel: string;
  dialogNameHint: string;
  dialogDescriptionLabel: string;
  dialogExpirationLabel: string;
  /** `{days}` is replaced by the number of days. */
  dialogExpirationDays: PluralString;
  dialogExpirationCustom: string;
  dialogExpirationNever: string;
  dialogCustomDateLabel: string;
  /** `{date}` is replaced by the expiry date in the user's locale. */
  dialogExpiresOn: string;
  dialogNeverExpires: string;
  dialogPickDate: string;
  dialogCancel: string;
  dialogSubmit: string;
  dialogSubmitting: string;
  dialogNameRequired: string;
  /** `{max}` and `{length}` are replaced by the limit and the current length. */
  dialogNameTooLong: string;
  /** `{max}` and `{length}` are replaced by the limit and the current length. */
  dialogDescriptionTooLong: string;
  dialogDateRequired: string;
  /** `{min}` and `{max}` are replaced by the first and last allowed dates. */
  dialogDateOutOfRange: string;
  dialogDateTooEarly: string;
  dialogNotConfigured: string;
  /** The legend of the scope checkboxes. */
  dialogScopesLabel: string;
  /** Checks or clears every scope of a group (shown for groups of more than three). */
  dialogScopesSelectAll: string;
  dialogScopesRequired: string;
  /** Regenerate: what the token can do when it has no scopes (all of its owner's permissions). */
  dialogScopesAll: string;
  dialogRegenerateHeading: string;
  dialogRegenerateNote: string;
  dialogRegenerateSubmit: string;
  dialogRegenerateSubmitting: string;
  /** When the current token stops working once it is regenerated: the grace period's label. */
  dialogGraceLabel: string;
  dialogGraceImmediately: string;
  /** `{count}` hours from now. */
  dialogGraceHours: PluralString;
  /** `{count}` days from now (for whole days from 2 days up). */
  dialogGraceDays: PluralString;
  /** `{key}`: the current token's masked key; the warning under "Immediately". */
  dialogGraceNone: string;
  /** `{date}`: the date and time the current token stops working, in the user's locale. */
  dialogGraceUntil: string;
  /** A regenerate answered 404: the token was deleted (or replaced) elsewhere. */
  dialogTokenGone: string;
}

export const defaultGenerateDialogStrings: GenerateDialogStrings = {
  dialogHeading: 'Generate new token',
  dialogPermissionsNote: 'The token can do everything your account can do. Anyone who has it can act as you, so treat it like a password.',
  dialogScopedNote: 'The token can do only what you allow below. Anyone who has it can do that as you, so treat it like a password.',
  dialogClose: 'Close',
  dialogNameLabel: 'Name',
  dialogNameHint: 'What is this token for? For example “CI deploy” or “Laptop CLI”.',
  dialogDescriptionLabel: 'Description (optional)',
  dialogExpirationLabel: 'Expiration',
  dialogExpirationDays: { one: '{days} day', other: '{days} days' },
  dialogExpirationCustom: 'Custom date…',
  dialogExpirationNever: 'No expiration',
  dialogCustomDateLabel: 'Expiration date',
  dialogExpiresOn: 'Expires on {date}',
  dialogNeverExpires: 'This token never expires. If it leaks, it keeps working until someone deletes it.',
  dialogPickDate: 'Pick the date the token should stop working.',
  dialogCancel: 'Cancel',
  dialogSubmit: 'Generate token',
  dialogSubmitting: 'Generating…',
  dialogNameRequired: 'Enter a name for the token.',
  dialogNameTooLong: 'Use at most {max} characters (this is {length}).',
  dialogDescriptionTooLong: 'Use at most {max} characters (this is {length}).',
  dialogDateRequired: 'Pick an expiration date.',
  dialogDateOutOfRange: 'Pick a date from {min} to {max}.',
  dialogDateTooEarly: 'Pick a date after today.',
  dialogNotConfigured: 'This form is not connected to a token service: set its endpoint or client.',
  dialogScopesLabel: 'Permissions',
  dialogScopesSelectAll: 'Select all',
  dialogScopesRequired: 'Choose at least one permission.',
  dialogScopesAll: 'All of your permissions',
  dialogRegenerateHeading: 'Regenerate token',
  dialogRegenerateNote:
    'The new token gets a new secret and keeps the name, description and permissions. Update everything that uses the current one.',
  dialogRegenerateSubmit: 'Regenerate token',
  dialogRegenerateSubmitting: 'Regenerating…',
  dialogGraceLabel: 'Current token stops working',
  dialogGraceImmediately: 'Immediately',
  dialogGraceHours: { one: 'In {count} hour', other: 'In {count} hours' },
  dialogGraceDays: { one: 'In {count} day', other: 'In {count} days' },
  dialogGraceNone: 'Anything still using {key} fails the moment you regenerate.',
  dialogGraceUntil: 'The current token keeps working until {date}.',
  dialogTokenGone: 'This token no longer exists. It was deleted or regenerated elsewhere.',
};
