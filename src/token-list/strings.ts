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
  /** `{count}` of `{max}`: the count at the server's maximum, counted as the server counts (plural by `{count}`). */
  tokenCountOfMax: PluralString;
  /** `{shown}`, `{total}`: the count while a filter is active. */
  filteredCount: string;
  /** `{count}`: the server's maximum. Beside the count at the maximum; it describes the unavailable generate button. */
  tokenLimitReached: PluralString;
  filterLabel: string;
  filterPlaceholder: string;
  /** The status filter's label. */
  statusLabel: string;
  /** The status filter's first choice: every token. */
  statusAll: string;
  statusActive: string;
  statusExpiring: string;
  /** `{name}`, `{count}`: a choice of the status filter and how many tokens have it. */
  statusOption: string;
  /** Labels the one sort control of the card layout. */
  sortBy: string;
  /** `{column}`: the card layout's sort choices, by name … */
  sortAToZ: string;
  sortZToA: string;
  /** … and by a date. */
  sortEarliestFirst: string;
  sortLatestFirst: string;
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
  /** Last used less than a minute ago. */
  justNow: string;
  newBadge: string;
  /** On a token that a regenerate replaced; it keeps working for its grace period. */
  replacedBadge: string;
  /** `{key}`: the masked key of the token that replaced this one. */
  replacedByKey: string;
  /** `{when}`: how soon a replaced token stops working, e.g. "in 21 hours". */
  stopsWorking: string;
  /** A token that never expires where the policy wants every token to. */
  neverExpiresBadge: string;
  /** Under that badge. */
  neverExpiresNudge: string;
  /** On a token the system revoked: it stays listed and never works again. */
  revokedBadge: string;
  /**
   * Why and when, on a line of its own: a secret scanner found it in public code. `{date}`: when it
   * was revoked; `{url}`: where it was found, shown as a link (its host and path).
   */
  revokedLeaked: string;
  /** `{date}`: the same, when the scanner did not say where (or not at an http(s) address). */
  revokedLeakedNoUrl: string;
  /** `{date}`: an administrator revoked it. */
  revokedAdmin: string;
  /** `{date}`: revoked with every token of the account, after a compromise or a password reset. */
  revokedAccount: string;
  /** In the Permissions column, for a token without scopes: it has all of its owner's permissions. */
  scopesAll: string;
  /** In the Permissions column, for a token limited to no scope at all. */
  scopesNone: string;
  /** `{count}`: the button that shows a token's permissions beyond the first. */
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
  /** The confirmation's heading; the token's name, key and state follow on lines of their own. */
  confirmDeleteHeading: string;
  /** `{key}`, `{when}`: deleting a token in its grace period. */
  confirmDeleteReplaced: string;
  /** `{key}`: deleting a token that replaced another ends that one's grace period too. */
  confirmDeleteSuccessor: string;
  confirmDeleteBody: string;
  confirmDeleteCancel: string;
  confirmDeleteConfirm: string;
  /** `{name}`: announced to screen readers after a delete. */
  tokenDeleted: string;
  /** `{name}`: the accessible name of a row's checkbox. */
  selectToken: string;
  /** The checkbox that selects every token the filters show. */
  selectAll: string;
  /** `{count}`: in place of the token count while tokens are selected. */
  selectedCount: PluralString;
  deleteSelected: string;
  clearSelection: string;
  /** Deletes every expired token, selected or not. */
  deleteExpired: string;
  /** `{count}`: the heading of the confirmation of a bulk delete; the tokens are listed under it. */
  confirmBulkHeading: PluralString;
  confirmBulkBody: string;
  confirmBulkConfirm: string;
  /** `{count}`: the tokens the confirmation does not list one by one. */
  confirmBulkMore: string;
  /** `{count}`: announced after a bulk delete … */
  bulkDeleted: PluralString;
  /** … followed, when some failed (each says why in its row), by this. */
  bulkFailed: PluralString;
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
}

export const defaultTokenListStrings: TokenListStrings = {
  tableCaption: 'Personal access tokens',
  generateButton: 'Generate new token',
  loadingTokens: 'Loading tokens…',
  tokenCount: { one: '{count} token', other: '{count} tokens' },
  tokenCountOfMax: { one: '{count} of {max} token', other: '{count} of {max} tokens' },
  filteredCount: 'Showing {shown} of {total}',
  tokenLimitReached: {
    one: 'You have reached the limit of {count} token. Delete a token you no longer use to generate a new one.',
    other: 'You have reached the limit of {count} tokens. Delete a token you no longer use to generate a new one.',
  },
  filterLabel: 'Filter tokens',
  filterPlaceholder: 'Name, description or key',
  statusLabel: 'Status',
  statusAll: 'All',
  statusActive: 'Active',
  statusExpiring: 'Expiring soon',
  statusOption: '{name} ({count})',
  sortBy: 'Sort by',
  sortAToZ: '{column}, A to Z',
  sortZToA: '{column}, Z to A',
  sortEarliestFirst: '{column}, earliest first',
  sortLatestFirst: '{column}, latest first',
  columnName: 'Name',
  columnKey: 'Key',
  columnCreated: 'Created',
  columnExpires: 'Expires',
  columnLastUsed: 'Last used',
  columnScopes: 'Permissions',
  columnActions: 'Actions',
  keyStartingWith: 'Key starting with {partialKey}',
  keyHidden: 'Key hidden',
  expiresNever: 'Never',
  expiredBadge: 'Expired',
  expiresTodayBadge: 'Expires today',
  expiresInDays: { one: 'Expires in {days} day', other: 'Expires in {days} days' },
  lastUsedNever: 'Never',
  justNow: 'just now',
  newBadge: 'New',
  replacedBadge: 'Replaced',
  replacedByKey: 'Replaced by {key}',
  stopsWorking: 'Stops working {when}',
  neverExpiresBadge: 'No expiration',
  neverExpiresNudge: 'Regenerate it with an expiration date.',
  revokedBadge: 'Revoked',
  revokedLeaked: 'Revoked automatically on {date}: found in public code at {url}',
  revokedLeakedNoUrl: 'Revoked automatically on {date}: found in public code.',
  revokedAdmin: 'Revoked by an administrator on {date}.',
  revokedAccount: 'Revoked on {date} with all of your tokens, to protect your account.',
  scopesAll: 'All permissions',
  scopesNone: 'None',
  scopesMore: '+{count}',
  scopesMoreLabel: { one: '+{count} more permission of “{name}”', other: '+{count} more permissions of “{name}”' },
  scopesFewer: 'Show fewer',
  regenerateButton: 'Regenerate',
  regenerateButtonLabel: 'Regenerate token “{name}”',
  deleteButton: 'Delete',
  deleteButtonLabel: 'Delete token “{name}”',
  deletingButton: 'Deleting…',
  deletingButtonLabel: 'Deleting token “{name}”',
  confirmDeleteHeading: 'Delete this token?',
  confirmDeleteReplaced: 'It was replaced by {key} and stops working {when} anyway.',
  confirmDeleteSuccessor: 'It replaced {key}: deleting it stops that token too.',
  confirmDeleteBody: "Anything using it stops working immediately. This can't be undone.",
  confirmDeleteCancel: 'Cancel',
  confirmDeleteConfirm: 'Delete token',
  tokenDeleted: 'Deleted token “{name}”.',
  selectToken: 'Select “{name}”',
  selectAll: 'Select all',
  selectedCount: { one: '{count} selected', other: '{count} selected' },
  deleteSelected: 'Delete selected',
  clearSelection: 'Clear selection',
  deleteExpired: 'Delete all expired',
  confirmBulkHeading: { one: 'Delete {count} token?', other: 'Delete {count} tokens?' },
  confirmBulkBody: "Anything using them stops working immediately. This can't be undone.",
  confirmBulkConfirm: 'Delete tokens',
  confirmBulkMore: 'and {count} more',
  bulkDeleted: { one: 'Deleted {count} token.', other: 'Deleted {count} tokens.' },
  bulkFailed: { one: '{count} could not be deleted.', other: '{count} could not be deleted.' },
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
};
