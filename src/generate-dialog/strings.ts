import type { PluralString } from '../internal/strings.js';

/** Every user-visible string of `<pat-generate-dialog>`; hosts override any of them via `strings`. */
export interface GenerateDialogStrings {
  dialogHeading: string;
  /** Tokens inherit the account's permissions; hosts with scoped tokens may say otherwise. */
  dialogPermissionsNote: string;
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
}

export const defaultGenerateDialogStrings: GenerateDialogStrings = {
  dialogHeading: 'Generate new token',
  dialogPermissionsNote:
    'The token can do everything your account can do. Anyone who has it can act as you, so treat it like a password.',
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
};
