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
  /** `{name}`, `{reason}` */
  deleteFailed: string;
  loadFailed: string;
  /** `{reason}`: when reloading fails while the previous list is still shown. */
  refreshFailed: string;
  retryButton: string;
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
  filteredCount: 'Showing {shown} of {total}',
  filterLabel: 'Filter tokens',
  filterPlaceholder: 'Name or description',
  sortBy: 'Sort by',
  columnName: 'Name',
  columnKey: 'Key',
  columnCreated: 'Created',
  columnExpires: 'Expires',
  columnLastUsed: 'Last used',
  columnActions: 'Actions',
  keyStartingWith: 'Key starting with {partialKey}',
  keyHidden: 'Key hidden',
  expiresNever: 'Never',
  expiredBadge: 'Expired',
  expiresTodayBadge: 'Expires today',
  expiresInDays: { one: 'Expires in {days} day', other: 'Expires in {days} days' },
  lastUsedNever: 'Never used',
  newBadge: 'New',
  deleteButton: 'Delete',
  deleteButtonLabel: 'Delete token “{name}”',
  deletingButton: 'Deleting…',
  deletingButtonLabel: 'Deleting token “{name}”',
  confirmDeleteHeading: 'Delete token “{name}”?',
  confirmDeleteBody: "Anything using it stops working immediately. This can't be undone.",
  confirmDeleteCancel: 'Cancel',
  confirmDeleteConfirm: 'Delete token',
  tokenDeleted: 'Deleted token “{name}”.',
  deleteFailed: "Couldn't delete “{name}”. {reason}",
  loadFailed: "Couldn't load your tokens.",
  refreshFailed: "Couldn't refresh the list. {reason}",
  retryButton: 'Retry',
  dismissButton: 'Dismiss',
  emptyHeading: 'No tokens yet',
  emptyBody:
    'Generate a token to let a script, CLI or integration act on your behalf. It has the same permissions as your account.',
  noMatches: 'No tokens match “{filter}”.',
  clearFilter: 'Clear filter',
};
