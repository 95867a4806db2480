/**
 * `maintain()`'s steps for the activity trail and expiry reminders (docs/activity.md):
 *
 * - `expiry-events`: each token that expired since the last run gets its `expired` event, once;
 * - `expiry-reminders`: each token expiring within the window is handed to the host's notifier
 *   once, and gets its `expiry-reminder` event;
 * - `activity`: events past their retention, or beyond the per-user cap, go.
 *
 * "Once" holds across runs and processes because each token is claimed by a conditional update
 * in the store (one statement; on the memory store, before its first `await`): two runs at the
 * same moment claim different tokens, never the same one twice.
 */
import type { Token } from '../api/schemas.js';
import { activityEvent, type ActivityLog } from './activity.js';
import type { MaintenanceStep } from './maintenance.js';
import type { StoredToken } from './store.js';

const DAY_MS = 86_400_000;
/** Tokens claimed per store call: a notifier gets them in order, a crash loses at most this many claims. */
export const CLAIM_BATCH = 100;

/** What the host's notifier is handed: one token expiring soon, never a secret. */
export interface ExpiryReminder {
  /** The token's owner: whom to tell. */
  userId: string;
  /** The token as the list shows it. */
  token: Token;
  expiresAt: Date;
  /** Whole days left, rounded down (0: it expires within a day). */
  daysLeft: number;
}

export interface ExpiryReminderOptions {
  /** Tokens expiring within this many days are reminded. Default 7. */
  withinDays?: number;
  /**
   * Tells the owner (an e-mail, a notification). Awaited: a reminder counts as sent when it
   * resolves. When it throws, the token is released and the next run tries again.
   */
  notify(reminder: ExpiryReminder): void | Promise<void>;
}

export interface ResolvedReminders {
  withinDays: number;
  notify: ExpiryReminderOptions['notify'];
}

export function resolveReminders(options: ExpiryReminderOptions | undefined): ResolvedReminders | undefined {
  if (options === undefined) return undefined;
  if (typeof options?.notify !== 'function') throw new TypeError('expiryReminders needs a notify(reminder) function.');
  const withinDays = options.withinDays ?? 7;
  if (!Number.isInteger(withinDays) || withinDays < 1 || withinDays > 366) {
    throw new TypeError('expiryReminders.withinDays must be a whole number of days from 1 to 366.');
  }
  return { withinDays, notify: options.notify };
}

/** What these steps need beyond the store, the policy and the time. */
export interface ActivityMaintenance {
  log: ActivityLog;
  reminders: ResolvedReminders | undefined;
  toWire(token: StoredToken): Token;
  report(cause: string, error: unknown): void;
}

const skipped = (why: string) => ({ counts: {}, skipped: why });

export const EXPIRY_EVENTS_STEP: MaintenanceStep = {
  // Before `expired`, which deletes tokens long expired: their expiry is recorded first.
  name: 'expiry-events',
  async run({ store, now, activity }) {
    if (!activity || !store.claimExpired) return skipped('the store has no claimExpired()');
    let recorded = 0;
    for (;;) {
      const claimed = await store.claimExpired(now, CLAIM_BATCH);
      await activity.log.record(
        claimed.map((token) =>
          activityEvent({ type: 'expired', at: token.expiresAt ?? now, token, actor: { kind: 'system' }, expiresAt: token.expiresAt }),
        ),
      );
      recorded += claimed.length;
      if (claimed.length < CLAIM_BATCH) return { counts: { recorded } };
    }
  },
};

export const EXPIRY_REMINDERS_STEP: MaintenanceStep = {
  name: 'expiry-reminders',
  async run({ store, now, activity }) {
    const reminders = activity?.reminders;
    if (!activity || !reminders) return skipped('no expiryReminders.notify was given');
    if (!store.claimExpiryReminders) return skipped('the store has no claimExpiryReminders()');
    const until = new Date(now.getTime() + reminders.withinDays * DAY_MS);
    let sent = 0;
    const failed: StoredToken[] = [];
    for (;;) {
      const claimed = await store.claimExpiryReminders(now, until, CLAIM_BATCH);
      for (const token of claimed) {
        const expiresAt = token.expiresAt!;
        try {
          await reminders.notify({
            userId: token.userId,
            token: activity.toWire(token),
            expiresAt,
            daysLeft: Math.floor((expiresAt.getTime() - now.getTime()) / DAY_MS),
          });
        } catch (error) {
          failed.push(token);
          activity.report(
            'expiry-reminders',
            new Error('pat-elements/server: an expiry reminder failed; it is tried again at the next maintain().', { cause: error }),
          );
          continue;
        }
        sent += 1;
        await activity.log.record([activityEvent({ type: 'expiry-reminder', at: now, token, actor: { kind: 'system' }, expiresAt })]);
      }
      if (claimed.length < CLAIM_BATCH) break;
    }
    // Released only now: released at once, a failed token would be claimed again by this run.
    for (const token of failed) await store.releaseExpiryReminder?.(token.id, now);
    return { counts: { sent, failed: failed.length } };
  },
};

export const ACTIVITY_STEP: MaintenanceStep = {
  name: 'activity',
  async run({ store, now, activity }) {
    if (!activity || !store.pruneActivity) return skipped('the store has no pruneActivity()');
    const deleted = await store.pruneActivity(new Date(now.getTime() - activity.log.options.retentionDays * DAY_MS));
    return { counts: { deleted } };
  },
};
