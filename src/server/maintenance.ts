/**
 * `service.maintain()`: the one entry point for a host's scheduler (a cron job, a timer, several
 * processes at once). It is a list of steps run in order; each is one kind of clean-up done by one
 * optional store method that is atomic and idempotent on its own, so runs that overlap, or a run
 * after one that crashed, do each thing once and leave every count right. Each step reports what
 * it did as counts; a step whose store method is missing, or that the policy turns off, is skipped
 * and says why. Later features add their steps to `MAINTENANCE_STEPS`.
 */
import { ACTIVITY_STEP, EXPIRY_EVENTS_STEP, EXPIRY_REMINDERS_STEP, type ActivityMaintenance } from './activity-maintenance.js';
import type { ResolvedPolicy } from './policy.js';
import type { TokenStore } from './store.js';

/** What one step did. */
export interface MaintenanceStepResult {
  /** The step's name: `expiry-events`, `expired`, `revoked`, `past-grace`, `expiry-reminders`, `activity` or `live-token-counts`. */
  step: string;
  /** What it did, e.g. `{ deleted: 12 }`; empty when skipped. */
  counts: Record<string, number>;
  /** Why it did nothing, when that was on purpose: its store method is missing, or the policy turns it off. */
  skipped?: string;
}

/** What `maintain()` did, step by step. */
export interface MaintenanceReport {
  /** The time the steps worked from (the service's clock), ISO 8601. */
  at: string;
  steps: MaintenanceStepResult[];
}

export interface MaintenanceContext {
  store: TokenStore;
  policy: Readonly<ResolvedPolicy>;
  now: Date;
  /** The activity trail and the expiry reminders, for their steps. */
  activity?: ActivityMaintenance;
}

export interface MaintenanceStep {
  name: string;
  run(context: MaintenanceContext): Promise<Omit<MaintenanceStepResult, 'step'>>;
}

const DAY_MS = 86_400_000;
const skipped = (why: string) => ({ counts: {}, skipped: why });

export const MAINTENANCE_STEPS: readonly MaintenanceStep[] = [
  EXPIRY_EVENTS_STEP,
  {
    // First: deleting an expired token ends its predecessor's grace in the same store call.
    name: 'expired',
    async run({ store, policy, now }) {
      if (policy.expiredRetentionDays === null) return skipped('the policy keeps expired tokens (expiredRetentionDays: null)');
      if (!store.purgeExpired) return skipped('the store has no purgeExpired()');
      const expiredBefore = new Date(now.getTime() - policy.expiredRetentionDays * DAY_MS);
      return { counts: { deleted: await store.purgeExpired(expiredBefore) } };
    },
  },
  {
    name: 'revoked',
    async run({ store, policy, now }) {
      if (policy.revokedRetentionDays === null) return skipped('the policy keeps revoked tokens (revokedRetentionDays: null)');
      if (!store.purgeRevoked) return skipped('the store has no purgeRevoked()');
      const revokedBefore = new Date(now.getTime() - policy.revokedRetentionDays * DAY_MS);
      return { counts: { deleted: await store.purgeRevoked(revokedBefore) } };
    },
  },
  {
    name: 'past-grace',
    async run({ store, now }) {
      if (!store.purgePastGrace) return skipped('the store has no purgePastGrace()');
      return { counts: { deleted: await store.purgePastGrace(now) } };
    },
  },
  EXPIRY_REMINDERS_STEP,
  ACTIVITY_STEP,
  {
    // Last: it corrects what anything else (a person with psql, say) left wrong.
    name: 'live-token-counts',
    async run({ store }) {
      if (!store.recountLiveTokens) return skipped('the store keeps no count of live tokens (no recountLiveTokens())');
      return { counts: { corrected: await store.recountLiveTokens() } };
    },
  },
];

/** Runs `steps` in order; a step that throws stops the run (the next run, idempotent, picks up). */
export async function runMaintenance(
  context: MaintenanceContext,
  steps: readonly MaintenanceStep[] = MAINTENANCE_STEPS,
): Promise<MaintenanceReport> {
  const results: MaintenanceStepResult[] = [];
  for (const step of steps) results.push({ step: step.name, ...(await step.run(context)) });
  return { at: context.now.toISOString(), steps: results };
}
