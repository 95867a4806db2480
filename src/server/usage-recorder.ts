/**
 * Token uses (`lastUsedAt`), recorded off the request's path: `verify` hands a use over and
 * returns at once; uses gather for a moment and are written in one store call per batch, each
 * token's latest use only. A write that fails (a read-only database, an outage) is kept for the
 * next batch, up to a bound, and reported once per cause. Authentication never waits on a write,
 * nor fails for one.
 */
import { TokenServiceError } from './errors.js';
import type { TokenStore, TokenUse } from './store.js';

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

/** Uses kept while writes fail: one per token, so this many tokens; beyond it, new uses are dropped. */
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

export function createUsageRecorder(
  store: TokenStore,
  options: UsageOptions,
  report: (cause: string, error: unknown) => void,
): UsageRecorder {
  const flushIntervalMs = positive(options.flushIntervalMs, 1_000, 'flushIntervalMs');
  const maxBatch = positive(options.maxBatch, 500, 'maxBatch', true);
  const write = store.recordUses
    ? (uses: TokenUse[]) => store.recordUses!(uses)
    : store.markUsed
      ? async (uses: TokenUse[]) => void (await Promise.all(uses.map((use) => store.markUsed!(use.tokenId, use.at, use.at))))
      : undefined;

  let pending = new Map<string, TokenUse>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> | undefined;
  /** The last write failed: wait for the timer rather than write again at once. */
  let failing = false;

  /** Keeps `use` unless a later use of its token is already kept. */
  function keep(use: TokenUse): boolean {
    const kept = pending.get(use.tokenId);
    if (kept && kept.at >= use.at) return true;
    if (!kept && pending.size >= MAX_PENDING_USES) return false;
    pending.set(use.tokenId, use);
    return true;
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
    try {
      await write!(batch);
      failing = false;
    } catch (error) {
      failing = true;
      report(
        causeOf(error),
        new Error(`pat-elements/server: lastUsedAt of ${batch.length} token(s) not recorded; kept for the next try.`, { cause: error }),
      );
      for (const use of batch) keepOrDrop(use);
    }
  }

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    // One write at a time: during an outage each may wait for the store's deadline.
    while (writing) await writing;
    if (pending.size === 0 || !write) return;
    const batch = [...pending.values()];
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
