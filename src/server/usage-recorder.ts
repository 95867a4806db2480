/**
 * Token uses (`lastUsedAt` and recent callers), recorded off the request's path: `verify` hands a
 * use over and returns at once; uses gather for a moment and are written in one store call per
 * batch: each token's latest use, and its latest use by each caller (at most
 * `MAX_RECENT_CALLERS`, the newest). A write that fails (a read-only database, an outage) is kept
 * for the next batch, up to a bound, and reported once per cause. Authentication never waits on a
 * write, nor fails for one.
 */
import { MAX_RECENT_CALLERS } from './activity.js';
import { TokenServiceError } from './errors.js';
import type { RecordedUses, TokenStore, TokenUse } from './store.js';

export interface UsageOptions {
  /** How long uses gather before they are written, in milliseconds. Default 1000. */
  flushIntervalMs?: number;
  /** A batch this large is written at once. Default 500. */
  maxBatch?: number;
}

export interface UsageRecorder {
  /** Notes a use; never waits, never throws. */
  record(use: TokenUse): void;
  /** Writes what was noted so far (and waits for a write under way); never rejects. */
  flush(): Promise<void>;
}

/** Uses kept while writes fail: per token (with up to `MAX_RECENT_CALLERS` callers each), so this many tokens; beyond it, new uses are dropped. */
export const MAX_PENDING_USES = 10_000;

function positive(value: number | undefined, fallback: number, name: string, integer = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new TypeError(`usage.${name} must be a number above 0${integer ? ', whole' : ''}.`);
  }
  return value;
}

function causeOf(error: unknown): string {
  if (error instanceof TokenServiceError) return `${error.code}: ${error.message}`;
  const { name, code, message } = (error ?? {}) as { name?: unknown; code?: unknown; message?: unknown };
  return `${String(name)} ${String(code)}: ${String(message)}`;
}

/** One token's pending uses: its latest, and the latest by each caller. */
interface PendingToken {
  latest: TokenUse;
  byCaller: Map<string, TokenUse>;
}

const callerKey = (use: TokenUse) => JSON.stringify([use.caller?.ip ?? null, use.caller?.userAgent ?? null]);

/**
 * `newCallers` hears the uses a write found new callers in (for their activity events); it is
 * awaited before the write counts as done, so `flush()` waits for it too.
 */
export function createUsageRecorder(
  store: TokenStore,
  options: UsageOptions,
  report: (cause: string, error: unknown) => void,
  newCallers?: (uses: readonly TokenUse[]) => Promise<void>,
): UsageRecorder {
  const flushIntervalMs = positive(options.flushIntervalMs, 1_000, 'flushIntervalMs');
  const maxBatch = positive(options.maxBatch, 500, 'maxBatch', true);
  const write: ((uses: TokenUse[]) => Promise<void | RecordedUses>) | undefined = store.recordUses
    ? (uses) => store.recordUses!(uses)
    : store.markUsed
      ? async (uses) => void (await Promise.all(uses.map((use) => store.markUsed!(use.tokenId, use.at, use.at))))
      : undefined;

  let pending = new Map<string, PendingToken>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | undefined;
  /** The last write failed: wait for the timer rather than write again at once. */
  let failing = false;

  /** Keeps `use` as its token's latest, and its caller's, unless later ones are kept. */
  function keep(use: TokenUse): boolean {
    let kept = pending.get(use.tokenId);
    if (!kept) {
      if (pending.size >= MAX_PENDING_USES) return false;
      kept = { latest: use, byCaller: new Map() };
      pending.set(use.tokenId, kept);
    } else if (kept.latest.at < use.at) kept.latest = use;
    if (!use.caller) return true;
    const key = callerKey(use);
    const byCaller = kept.byCaller.get(key);
    if (byCaller && byCaller.at >= use.at) return true;
    kept.byCaller.delete(key);
    kept.byCaller.set(key, use);
    // A token used by many callers at once keeps the newest few: what the store keeps of them.
    if (kept.byCaller.size > MAX_RECENT_CALLERS) {
      const oldest = [...kept.byCaller].reduce((a, b) => (b[1].at < a[1].at ? b : a));
      kept.byCaller.delete(oldest[0]);
    }
    return true;
  }

  /** The uses to write: per token, its use by each caller, and its latest if no caller's is as late. */
  function batchOf(tokens: Map<string, PendingToken>): TokenUse[] {
    const batch: TokenUse[] = [];
    for (const { latest, byCaller } of tokens.values()) {
      const callers = [...byCaller.values()];
      batch.push(...callers);
      if (callers.some((use) => use.at >= latest.at)) continue;
      const { caller: _known, ...plain } = latest;
      batch.push(plain);
    }
    return batch;
  }

  function schedule(): void {
    if (timer !== undefined || pending.size === 0) return;
    timer = setTimeout(() => void flush(), flushIntervalMs);
    // A pending write must not keep a finishing process alive; `flush()` is for a clean shutdown.
    (timer as { unref?: () => void }).unref?.();
  }

  function keepOrDrop(use: TokenUse): void {
    if (keep(use)) return;
    report(
      'usage-dropped',
      new Error(`pat-elements/server: more than ${MAX_PENDING_USES} tokens' uses wait to be written; lastUsedAt of the others is dropped.`),
    );
  }

  async function writeBatch(batch: TokenUse[]): Promise<void> {
    let written: void | RecordedUses;
    try {
      written = await write!(batch);
      failing = false;
    } catch (error) {
      failing = true;
      report(
        causeOf(error),
        new Error(`pat-elements/server: lastUsedAt of ${batch.length} token(s) not recorded; kept for the next try.`, { cause: error }),
      );
      for (const use of batch) keepOrDrop(use);
      return;
    }
    if (newCallers && written?.newCallers.length) await newCallers(written.newCallers);
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // One write at a time: during an outage each may wait for the store's deadline.
    while (writing) await writing;
    if (pending.size === 0 || !write) return;
    const batch = batchOf(pending);
    pending = new Map();
    writing = writeBatch(batch).finally(() => {
      writing = undefined;
      if (pending.size >= maxBatch && !failing) void flush();
      else schedule();
    });
    await writing;
  }

  return {
    record(use) {
      if (!write) return;
      keepOrDrop(use);
      if (pending.size >= maxBatch && !writing && !failing) void flush();
      else schedule();
    },
    flush,
  };
}
