import type { PluralString } from '../internal/strings.js';

/**
 * The strings of `<pat-token-list>`'s detail view of a token (its Activity): where it was used
 * from and what happened to it. Part of `PatStrings`, so hosts override them through `strings`.
 */
export interface ActivityStrings {
  /** The description of each row's name, a button that opens the token's detail view. */
  activityHint: string;
  /** `{name}`: the detail view's heading. */
  activityHeading: string;
  /** `{when}` (e.g. "3 days ago") and `{caller}` (`activityCaller`). */
  activityLastUsedFrom: string;
  /** `{when}`: a last use the server knows no caller of. */
  activityLastUsed: string;
  activityNeverUsed: string;
  /** `{ip}`, `{userAgent}`: one caller, both known. */
  activityCaller: string;
  activityCallersHeading: string;
  activityEventsHeading: string;
  activityLoading: string;
  /** `{count}`: announced when events arrived. */
  activityEventCount: PluralString;
  activityNone: string;
  /** The server answered 404: it keeps no activity. */
  activityNotKept: string;
  /** `{reason}` */
  activityFailed: string;
  /** Loads the next, older page. */
  activityMore: string;
  activityClose: string;
  activityCreated: string;
  /** On the token a regeneration replaced. */
  activityRegenerated: string;
  /** On the token a regeneration made. */
  activityRegeneratedFrom: string;
  /** Used by an address (and client) not among its recent callers. */
  activityNewCaller: string;
  activityRevoked: string;
  activityRevokedLeaked: string;
  activityRevokedAdmin: string;
  activityRevokedAccount: string;
  activityDeleted: string;
  activityExpired: string;
  /** `{date}`: when the token expires. */
  activityReminded: string;
  /** `{caller}`: where the request came from. */
  activityFrom: string;
  /** `{url}`: where a leaked secret was found. */
  activityFoundAt: string;
}

export const defaultActivityStrings: ActivityStrings = {
  activityHint: 'Activity: where it was used from and what happened to it',
  activityHeading: 'Activity of “{name}”',
  activityLastUsedFrom: 'Last used {when} from {caller}',
  activityLastUsed: 'Last used {when}',
  activityNeverUsed: 'Not used yet',
  activityCaller: '{ip}, {userAgent}',
  activityCallersHeading: 'Recently used from',
  activityEventsHeading: 'What happened',
  activityLoading: 'Loading activity…',
  activityEventCount: { one: '{count} event', other: '{count} events' },
  activityNone: 'Nothing recorded yet.',
  activityNotKept: 'This server keeps no activity for tokens.',
  activityFailed: "Couldn't load the activity. {reason}",
  activityMore: 'Show older',
  activityClose: 'Close',
  activityCreated: 'Created',
  activityRegenerated: 'Regenerated: a new token replaced it',
  activityRegeneratedFrom: 'Created by regenerating an earlier token',
  activityNewCaller: 'Used from a new address',
  activityRevoked: 'Revoked',
  activityRevokedLeaked: 'Revoked: its secret was found in public',
  activityRevokedAdmin: 'Revoked by an administrator',
  activityRevokedAccount: 'Revoked with all of your tokens',
  activityDeleted: 'Deleted',
  activityExpired: 'Expired',
  activityReminded: 'Reminder sent: it expires on {date}',
  activityFrom: 'From {caller}',
  activityFoundAt: 'Found at {url}',
};
