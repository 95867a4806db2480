/**
 * Failures the host hears about through an `onError` hook, once per distinct cause rather than
 * once per request: an outage fails every call until it ends, and a log line per request would
 * bury what happened (and cost the host as much as the requests). A cause is reported again when
 * it comes back after a quiet minute, so a second outage is not hidden by the first.
 */
export type ErrorHook = (error: unknown) => void;

/** How long a cause must stay away before it is reported again. */
export const REPORT_AGAIN_AFTER_MS = 60_000;
/** Causes are a handful of codes; a bound keeps odd messages from growing the map without end. */
const MAX_CAUSES = 100;

export function consoleHook(what: string): ErrorHook {
  return (error) => console.error(`pat-elements/server: ${what}:`, error);
}

/** `report(cause, error)`: passes `error` to `onError` unless `cause` was reported within the last minute. */
export function oncePerCause(onError: ErrorHook): (cause: string, error: unknown) => void {
  const lastSeen = new Map<string, number>();
  return (cause, error) => {
    const now = Date.now();
    const seen = lastSeen.get(cause);
    if (lastSeen.size >= MAX_CAUSES && seen === undefined) lastSeen.clear();
    lastSeen.set(cause, now);
    if (seen !== undefined && now - seen < REPORT_AGAIN_AFTER_MS) return;
    try {
      onError(error);
    } catch (hookError) {
      // Reports come from event listeners and timers: a throwing hook must not crash the host.
      console.error('pat-elements/server: the onError hook threw:', hookError);
    }
  };
}
