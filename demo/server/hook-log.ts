/**
 * What the demo host's hooks heard, for the control panel: `onActivity` (every event of the
 * trail, as a host's audit log or SIEM gets it) and `expiryReminders.notify` (what a host would
 * e-mail). The newest 50, each numbered, so the panel asks only for what it has not shown.
 */
import type { ExpiryReminder, TokenActivity } from '../../src/server/index.js';

export type HookEntry =
  | { seq: number; hook: 'onActivity'; event: TokenActivity }
  | { seq: number; hook: 'notify'; reminder: Omit<ExpiryReminder, 'expiresAt'> & { expiresAt: string } };

const KEPT = 50;

export interface HookLog {
  activity(event: TokenActivity): void;
  notify(reminder: ExpiryReminder): void;
  /** The entries numbered above `after`, oldest first. */
  after(after: number): HookEntry[];
  /** Forgets the entries (the numbers go on, so the panel never mistakes a new one for a shown one). */
  clear(): void;
}

export function createHookLog(): HookLog {
  let entries: HookEntry[] = [];
  let seq = 0;
  const add = (entry: HookEntry) => {
    entries.push(entry);
    if (entries.length > KEPT) entries = entries.slice(-KEPT);
  };
  return {
    activity: (event) => add({ seq: (seq += 1), hook: 'onActivity', event }),
    notify: (reminder) => add({ seq: (seq += 1), hook: 'notify', reminder: { ...reminder, expiresAt: reminder.expiresAt.toISOString() } }),
    after: (after) => entries.filter((entry) => entry.seq > after),
    clear: () => void (entries = []),
  };
}
