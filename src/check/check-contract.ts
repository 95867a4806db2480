/**
 * Runs the contract's clauses against a live endpoint, then deletes every token the run made:
 * those whose create or rotate answer arrived (by id), and those whose answer never did, e.g. on
 * Ctrl-C mid-request (by the run's unique name).
 */
import { CannotCheckError, CLAUSES, type ClauseId, type ClauseStatus, type Outcome, type RunContext } from './clauses.js';
import { listedTokens } from './inspect.js';
import { InterruptedError, NoAnswerError, Probe } from './probe.js';

export interface CheckOptions {
  /** The token collection's absolute URL, e.g. `https://example.com/api/tokens`. */
  endpoint: string;
  /** Sent with every request (but the one that checks for a 401): credentials, CSRF tokens. */
  headers?: Readonly<Record<string, string>>;
  /** A second user's headers: the `isolation` clause proves they cannot reach the first user's token. */
  otherHeaders?: Readonly<Record<string, string>>;
  /** `false` runs only the read-only clauses (`--no-write`). Default `true`. */
  write?: boolean;
  /** Per request. Default `DEFAULT_CHECK_TIMEOUT_MS`. */
  timeoutMs?: number;
  /** Stops the run (Ctrl-C); what it made is still deleted. */
  signal?: AbortSignal;
  /** Stops the cleanup too (a second Ctrl-C). */
  cleanupSignal?: AbortSignal;
  /** Called as each clause ends, so output can follow the run. */
  onResult?(result: ClauseResult): void;
}

export interface ClauseResult {
  id: ClauseId;
  /** What a pass means. */
  claim: string;
  status: ClauseStatus;
  /** Why it failed, was skipped or is not offered; on a pass, an optional detail. */
  reason?: string;
  /** How to fix it; on a failure only. */
  hint?: string;
}

export interface CheckReport {
  endpoint: string;
  results: ClauseResult[];
  /** Stopped by `signal` before every clause ran. */
  interrupted: boolean;
  /** Why the check could not run at all (unreachable, credentials refused), in one line. */
  error?: string;
  cleanup: CleanupReport;
}

export interface CleanupReport {
  /** Tokens this run made, as far as it knows (by id or by its name in the list). */
  made: number;
  /** Tokens still there after the cleanup, for the user to delete by hand. */
  left: Array<{ id: string; name?: string }>;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 10_000;
/** Every token the checker makes is named `pat-elements check <run> <role>`. */
export const TOKEN_NAME_PREFIX = 'pat-elements check';

/** True when the report has no failed clause, nothing left behind, and the run completed. */
export function passed(report: CheckReport): boolean {
  return !report.error && !report.interrupted && !report.cleanup.left.length && report.results.every((r) => r.status !== 'fail');
}

export async function checkContract(options: CheckOptions): Promise<CheckReport> {
  const signal = options.signal ?? new AbortController().signal;
  const write = options.write ?? true;
  const headers = options.headers ?? {};
  const otherHeaders = options.otherHeaders ?? {};
  const probe = new Probe({
    endpoint: options.endpoint,
    headers,
    otherHeaders,
    timeoutMs: options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    signal,
  });
  const runName = `${TOKEN_NAME_PREFIX} ${randomTag()}`;
  const context: RunContext = {
    probe,
    headersGiven: Object.keys(headers).length > 0,
    otherGiven: Object.keys(otherHeaders).length > 0,
    endpoint: options.endpoint,
    nameFor: (role) => `${runName} ${role}`,
    made: new Set(),
    madeByOther: new Set(),
    outcomes: new Map(),
    judged: [],
  };
  const cleanEverything = async () => {
    const mine = await cleanUp(probe, context.made, runName, false, options.cleanupSignal);
    // The second user makes nothing unless the backend let them rotate the first user's token.
    if (!context.madeByOther.size) return mine;
    const theirs = await cleanUp(probe, context.madeByOther, runName, true, options.cleanupSignal);
    return { made: mine.made + theirs.made, left: [...mine.left, ...theirs.left] };
  };

  let run: ClausesRun;
  try {
    run = await runClauses(context, write, signal, options);
  } catch (bug) {
    // A fault of the checker itself must not leave tokens behind either.
    if (write) await cleanEverything();
    throw bug;
  }
  // Nothing is made before the first clause has passed, so a run that could not start has nothing to clean.
  const cleanup = write && !run.error ? await cleanEverything() : { made: 0, left: [] };
  return { endpoint: options.endpoint, ...run, cleanup };
}

type ClausesRun = Pick<CheckReport, 'results' | 'interrupted' | 'error'>;

async function runClauses(context: RunContext, write: boolean, signal: AbortSignal, options: CheckOptions): Promise<ClausesRun> {
  const results: ClauseResult[] = [];
  for (const clause of CLAUSES) {
    if (signal.aborted) return { results, interrupted: true };
    let outcome: Outcome;
    if (!write && !clause.readOnly) outcome = { status: 'skipped', reason: '--no-write' };
    else {
      try {
        outcome = await clause.run(context);
      } catch (thrown) {
        if (thrown instanceof InterruptedError) return { results, interrupted: true };
        if (thrown instanceof CannotCheckError) return { results, interrupted: false, error: thrown.message };
        if (!(thrown instanceof NoAnswerError)) throw thrown;
        // Nothing ever answered: a wrong address or a server that is down, not a contract matter.
        if (context.probe.exchanges.length === 0) {
          return { results, interrupted: false, error: `could not reach ${options.endpoint}: ${thrown.why}` };
        }
        outcome = { status: 'fail', reason: thrown.message };
      }
    }
    context.outcomes.set(clause.id, outcome);
    const result: ClauseResult = { id: clause.id, claim: clause.claim, ...outcome };
    if (outcome.status === 'fail') result.hint = clause.hint;
    results.push(result);
    options.onResult?.(result);
  }
  return { results, interrupted: false };
}

async function cleanUp(
  probe: Probe,
  made: ReadonlySet<string>,
  runName: string,
  asOther: boolean,
  signal = new AbortController().signal,
): Promise<CleanupReport> {
  const known = new Map<string, string | undefined>([...made].map((id) => [id, undefined]));
  const deleted = new Set<string>();
  const remove = async (id: string) => {
    try {
      const exchange = await probe.send('DELETE', { path: Probe.tokenPath(id), asOther }, false, signal);
      // 404: already gone (revoked by a clause, or a rotation with no grace period).
      if ((exchange.status >= 200 && exchange.status < 300) || exchange.status === 404) deleted.add(id);
    } catch (error) {
      if (!(error instanceof NoAnswerError)) throw error;
    }
  };
  /** This run's tokens in the list, or `undefined` when the list cannot be read. */
  const listed = async () => {
    try {
      const exchange = await probe.send('GET', { asOther }, false, signal);
      const tokens = exchange.status === 200 ? listedTokens(exchange.json) : undefined;
      return tokens
        ?.filter((token) => typeof token.id === 'string' && typeof token.name === 'string' && token.name.startsWith(`${runName} `))
        .map((token) => ({ id: token.id as string, name: token.name as string }));
    } catch (error) {
      if (!(error instanceof NoAnswerError)) throw error;
      return undefined;
    }
  };

  try {
    for (const id of made) await remove(id);
    // The list finds what a create made whose answer never arrived; a second look proves it gone.
    for (let round = 0; round < 2; round += 1) {
      const mine = await listed();
      if (!mine) break;
      for (const token of mine) known.set(token.id, token.name);
      if (round === 1 || !mine.length) {
        return { made: known.size, left: mine };
      }
      for (const token of mine) await remove(token.id);
    }
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
  }
  // Without a readable list (or stopped), what was not deleted is all we can tell.
  const left = [...known].filter(([id]) => !deleted.has(id)).map(([id, name]) => (name ? { id, name } : { id }));
  return { made: known.size, left };
}

/** Six base-36 characters: tells this run's tokens from another run's. */
function randomTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (byte) => (byte % 36).toString(36)).join('');
}
