import type { PluralString } from '../internal/strings.js';

/**
 * Every user-visible string of `<pat-token-list>`; hosts override any of them via `strings`.
 * `{name}`-style placeholders are filled in by the element. A `PluralString` has a form per CLDR
 * plural category, chosen with `Intl.PluralRules` for the element's locale.
 */
export interface TokenListStrings {
  /** The table's accessible name (a visually hidden caption; `::part(caption)` can show it). */
  tableCaption: string;
  generateButton: string;
  loadingTokens: string;
  /** `{count}` */
  tokenCount: PluralString;
  /** `{shown}`, `{total}`: the count while a filter is active. */
  filteredCount: string;
  filterLabel: string;
  filterPlaceholder: string;
  /** Leads the sort buttons when the table is shown as cards. */
  sortBy: string;
  columnName: string;
  columnKey: string;
  columnCreated: string;
  columnExpires: string;
  columnLastUsed: string;
  columnScopes: string;
  columnActions: string;
  /** `{partialKey}`: the accessible name of the masked key. */
  keyStartingWith: string;
  /** When the server sends an empty partial key. */
  keyHidden: string;
  expiresNever: string;
  expiredBadge: string;
  expiresTodayBadge: string;
  /** `{days}` */
  expiresInDays: PluralString;
  lastUsedNever: string;
  newBadge: string;
  /** On a token that a regenerate replaced; it keeps working for its grace period. */
  replacedBadge: string;
  /** `{when}`: how soon a replaced token stops working, e.g. "in 21 hours". */
  stopsWorking: string;
  /** In the Scopes column, for a token without scopes: it has all of its owner's permissions. */
  scopesAll: string;
  /** In the Scopes column, for a token limited to no scope at all. */
  scopesNone: string;
  /** `{count}`: the button that shows a token's scopes beyond the first three. */
  scopesMore: string;
  /** `{count}`, `{name}`: that button's accessible name (it starts with the visible text). */
  scopesMoreLabel: PluralString;
  /** Hides them again. */
  scopesFewer: string;
  regenerateButton: string;
  /** `{name}`: the regenerate button's accessible name. */
  regenerateButtonLabel: string;
  deleteButton: string;
  /** `{name}`: the delete button's accessible name. */
  deleteButtonLabel: string;
  deletingButton: string;
  /** `{name}` */
  deletingButtonLabel: string;
  /** `{name}` */
  confirmDeleteHeading: string;
  confirmDeleteBody: string;
  confirmDeleteCancel: string;
  confirmDeleteConfirm: string;
  /** `{name}`: announced to screen readers after a delete. */
  tokenDeleted: string;
  /** `{reason}`: in the row whose delete failed, with Retry. */
  deleteFailed: string;
  loadFailed: string;
  /** When reloading fails while the previous list is still shown; the reason follows. */
  refreshFailed: string;
  /** `{count}`: the list answer had tokens that break the contract; the others are shown. */
  tokensLeftOut: PluralString;
  retryButton: string;
  retryingButton: string;
  dismissButton: string;
  emptyHeading: string;
  emptyBody: string;
  /** `{filter}` */
  noMatches: string;
  clearFilter: string;
  /**
   * Under the name of a token the system revoked (it stays listed and never works again). `{date}`:
   * when; `{url}`, where a leaked secret was found, becomes a link.
   */
  revokedLeaked: string;
  /** `{date}`: a leak whose scanner did not say where. */
  revokedLeakedNoUrl: string;
  /** `{date}` */
  revokedByAdmin: string;
  /** `{date}`: all of the user's tokens were revoked, after a compromise or a password reset. */
  revokedWithAccount: string;
}

export const defaultTokenListStrings: TokenListStrings = {
  tableCaption: 'Personal access tokens',
  generateButton: 'Generate new token',
  loadingTokens: 'Loading tokens…',
  tokenCount: { one: '{count} token', other: '{count} tokens' },
  filteredCount: 'Showing {shown} of {total}',
  filterLabel: 'Filter tokens',
  filterPlaceholder: 'Name or description',
  sortBy: 'Sort by',
  columnName: 'Name',
  columnKey: 'Key',
  columnCreated: 'Created',
  columnExpires: 'Expires',
  columnLastUsed: 'Last used',
  columnScopes: 'Scopes',
  columnActions: 'Actions',
  keyStartingWith: 'Key starting with {partialKey}',
  keyHidden: 'Key hidden',
  expiresNever: 'Never',
  expiredBadge: 'Expired',
  expiresTodayBadge: 'Expires today',
  expiresInDays: { one: 'Expires in {days} day', other: 'Expires in {days} days' },
  lastUsedNever: 'Never',
  newBadge: 'New',
  replacedBadge: 'Replaced',
  stopsWorking: 'Stops working {when}',
  scopesAll: 'All permissions',
  scopesNone: 'None',
  scopesMore: '+{count} more',
  scopesMoreLabel: { one: '+{count} more scope of “{name}”', other: '+{count} more scopes of “{name}”' },
  scopesFewer: 'Show fewer',
  regenerateButton: 'Regenerate',
  regenerateButtonLabel: 'Regenerate token “{name}”',
  deleteButton: 'Delete',
  deleteButtonLabel: 'Delete token “{name}”',
  deletingButton: 'Deleting…',
  deletingButtonLabel: 'Deleting token “{name}”',
  confirmDeleteHeading: 'Delete token “{name}”?',
  confirmDeleteBody: "Anything using it stops working immediately. This can't be undone.",
  confirmDeleteCancel: 'Cancel',
  confirmDeleteConfirm: 'Delete token',
  tokenDeleted: 'Deleted token “{name}”.',
  deleteFailed: "Couldn't delete this token. {reason}",
  loadFailed: "Couldn't load your tokens.",
  refreshFailed: "Couldn't refresh the list.",
  tokensLeftOut: {
    one: "{count} token couldn't be shown: the server's answer for it was not understood.",
    other: "{count} tokens couldn't be shown: the server's answer for them was not understood.",
  },
  retryButton: 'Retry',
  retryingButton: 'Retrying…',
  dismissButton: 'Dismiss',
  emptyHeading: 'No tokens yet',
  emptyBody: 'Generate a token to let a script, CLI or integration act on your behalf. It has the same permissions as your account.',
  noMatches: 'No tokens match “{filter}”.',
  clearFilter: 'Clear filter',
  revokedLeaked: 'Revoked automatically on {date}: found in public code at {url}',
  revokedLeakedNoUrl: 'Revoked automatically on {date}: found in public code.',
  revokedByAdmin: 'Revoked by an administrator on {date}.',
  revokedWithAccount: 'Revoked on {date} with all of your tokens, to protect your account.',
};
