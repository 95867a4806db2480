#!/usr/bin/env node
/**
 * `npm run bench:server`: how fast `verify` is, where it counts, on a durable PostgreSQL.
 *
 * - PostgreSQL is a local server this script starts (scripts/postgres.mjs) with its durability
 *   settings at their defaults (fsync, synchronous_commit, full_page_writes on; printed), and
 *   stops by its PID. 100,000 tokens (1,000 users × 100) are seeded with a bulk insert.
 * - `verify` runs from 1 and from 4 Node processes at once (scripts/bench-server-worker.mjs),
 *   each with 4 requests in flight (and, on PostgreSQL, a `pg` Pool of 4 connections), for a
 *   fixed time: on tokens used in the last minute ("reused": the lookup by hash) and on tokens
 *   never used ("first use": the lookup and the `lastUsedAt` write). The memory store runs the
 *   same, each process with its own store of the 100,000 tokens.
 * - A bare round trip (`SELECT 1`) from 4 × 4 tells the query's cost from the machine's.
 * - Each figure has the load average (1 minute) beside it, taken when its run ended: on a shared
 *   machine it says how much the figure is worth.
 *
 * Targets (p99, 4 processes × 4 in flight): ≤ 1 ms on memory, ≤ 5 ms on durable PostgreSQL.
 * Prints a Markdown table. Options: --seconds=N per run (8), --tokens=N (100000).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { postgresStore } from '../src/server/index.ts';
import { hashSecret } from '../src/server/hash.ts';
import { generateSecret, newTokenId, partialKeyOf } from '../src/server/token-format.ts';
import { startPostgres } from './postgres.mjs';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    tokens: { type: 'string', default: '100000' },
  },
});
const SECONDS = Number(values.seconds);
const TOKENS = Number(values.tokens);
const PER_USER = 100;
const IN_FLIGHT = 4;
const PREFIX = 'bench';
const TARGET_P99_MS = { memory: 1, postgres: 5 };
/** Tokens each process verifies again and again in a "reused" run. */
const WORKING_SET = 1000;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
const ms = (value) => (value < 0.1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));
const load = () => loadavg()[0].toFixed(2);
const worker = new URL('./bench-server-worker.mjs', import.meta.url).pathname;

/** 100,000 tokens, generated as the service would, written to a file the workers read. */
async function makeTokens(dir) {
  const tokens = [];
  for (let n = 0; n < TOKENS; n += 1) tokens.push([newTokenId(), `user-${Math.floor(n / PER_USER)}`, generateSecret(PREFIX)]);
  const file = join(dir, 'tokens.json');
  writeFileSync(file, JSON.stringify(tokens));
  return { tokens, file };
}

/** The tokens and each user's count of live tokens, 10,000 rows per INSERT … SELECT FROM unnest(). */
async function seed(pool, tokens) {
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + 90 * 86_400_000);
  const start = performance.now();
  for (let from = 0; from < tokens.length; from += 10_000) {
    const batch = tokens.slice(from, from + 10_000);
    const hashes = await Promise.all(batch.map(([, , secret]) => hashSecret(secret)));
    await pool.query(
      `INSERT INTO pat_tokens (id, user_id, secret_hash, partial_key, name, created_at, expires_at)
       SELECT id, user_id, decode(hash, 'hex'), partial_key, 'bench', $5::timestamptz, $6::timestamptz
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(id, user_id, hash, partial_key)`,
      [
        batch.map(([id]) => id),
        batch.map(([, user]) => user),
        hashes,
        batch.map(([, , secret]) => partialKeyOf(secret, PREFIX)),
        createdAt,
        expiresAt,
      ],
    );
  }
  await pool.query(`INSERT INTO pat_token_owners (user_id, live_tokens) SELECT user_id, count(*) FROM pat_tokens GROUP BY user_id`);
  await pool.query('ANALYZE pat_tokens');
  return performance.now() - start;
}

/** How PostgreSQL runs `verify`'s lookup with the table full: the plan and its execution time. */
async function explainLookup(pool, secret) {
  const { rows } = await pool.query(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM pat_tokens WHERE secret_hash = decode($1, 'hex')`, [
    await hashSecret(secret),
  ]);
  const [{ Plan: plan, 'Execution Time': execution }] = rows[0]['QUERY PLAN'];
  return `${plan['Node Type']}${plan['Index Name'] ? ` using ${plan['Index Name']}` : ''}, executed in ${ms(execution)} ms`;
}

/** Runs `processes` workers at once on `slices` (one per worker); merges what they measured. */
async function phase({ store, kind, processes, slices, url, tokensFile }) {
  const children = slices.slice(0, processes).map((slice) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        worker,
        JSON.stringify({ store, kind, url, tokensFile, slice, seconds: SECONDS, inFlight: IN_FLIGHT, prefix: PREFIX }),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => {
      const { value, done } = await lines.next();
      if (done) throw new Error(`a ${store} worker exited (code ${child.exitCode}) before answering`);
      return JSON.parse(value);
    };
    return { child, next };
  });
  try {
    await Promise.all(children.map(({ next }) => next()));
    for (const { child } of children) child.stdin.write('go\n');
    const results = await Promise.all(children.map(({ next }) => next()));
    const loadAtEnd = load();
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const count = results.reduce((sum, r) => sum + r.count, 0);
    const elapsedMs = Math.max(...results.map((r) => r.elapsedMs));
    return {
      store,
      kind,
      processes,
      count,
      perSecond: Math.round((count / elapsedMs) * 1000),
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      exhausted: results.some((r) => r.exhausted),
      load: loadAtEnd,
    };
  } finally {
    for (const { child } of children) {
      child.stdin.end();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

/**
 * Disjoint slices of the tokens: a working set per process for "reused", and for "first use"
 * tokens no earlier run verified (on the shared database a token's first use happens once).
 */
function slicesFor(processes, from, to) {
  const size = Math.floor((to - from) / processes);
  return Array.from({ length: processes }, (_, n) => [from + n * size, from + (n + 1) * size]);
}

async function main() {
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim()}), load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')} at the start\n`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'pat-bench-'));
  const server = await startPostgres({ durable: true });
  const pool = new pg.Pool({ connectionString: server.url, max: 4 });
  pool.on('error', () => {});
  const results = [];
  let plan;
  try {
    const [settings] = (
      await pool.query(
        `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync,
                current_setting('synchronous_commit') AS synchronous_commit, current_setting('full_page_writes') AS full_page_writes`,
      )
    ).rows;
    console.log(
      `PostgreSQL ${settings.version}: fsync=${settings.fsync}, synchronous_commit=${settings.synchronous_commit}, full_page_writes=${settings.full_page_writes}; data in ${server.dataDir}`,
    );
    await postgresStore(pool).migrate();
    const { tokens, file: tokensFile } = await makeTokens(dir);
    const seedMs = await seed(pool, tokens);
    console.log(
      `Seeded ${TOKENS.toLocaleString('en-US')} tokens of ${TOKENS / PER_USER} users with a bulk insert in ${(seedMs / 1000).toFixed(1)} s.\n`,
    );

    // Reused: working sets from the start; first use: the rest, split between the 1- and 4-process runs.
    const firstUseFrom = 4 * WORKING_SET;
    const split = firstUseFrom + Math.floor((TOKENS - firstUseFrom) / 3);
    const runs = [
      { store: 'memory', kind: 'reused', processes: 1, slices: slicesFor(1, 0, WORKING_SET) },
      { store: 'memory', kind: 'reused', processes: 4, slices: slicesFor(4, 0, 4 * WORKING_SET) },
      { store: 'memory', kind: 'first use', processes: 1, slices: slicesFor(1, firstUseFrom, TOKENS) },
      { store: 'memory', kind: 'first use', processes: 4, slices: slicesFor(4, firstUseFrom, TOKENS) },
      { store: 'postgres', kind: 'reused', processes: 1, slices: slicesFor(1, 0, WORKING_SET) },
      { store: 'postgres', kind: 'reused', processes: 4, slices: slicesFor(4, 0, 4 * WORKING_SET) },
      { store: 'postgres', kind: 'first use', processes: 1, slices: slicesFor(1, firstUseFrom, split) },
      { store: 'postgres', kind: 'first use', processes: 4, slices: slicesFor(4, split, TOKENS) },
      { store: 'postgres', kind: 'round-trip', processes: 4, slices: slicesFor(4, 0, 4) },
    ];
    for (const run of runs) {
      process.stdout.write(`${run.store}, ${run.kind}, ${run.processes} × ${IN_FLIGHT}…`);
      const result = await phase({ ...run, url: server.url, tokensFile });
      process.stdout.write(` p99 ${ms(result.p99)} ms\n`);
      results.push(result);
    }
    plan = await explainLookup(pool, tokens[0][2]);
  } finally {
    await pool.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  console.log(
    `\n${TOKENS.toLocaleString('en-US')} tokens stored; each row: ${SECONDS} s of verify calls, ${IN_FLIGHT} in flight per process.\n`,
  );
  console.log('| store | verify of | processes × in flight | verifies | verify /s | p50 | p99 | p99 target | load avg (1 min) |');
  console.log('|---|---|---|---:|---:|---:|---:|---|---:|');
  for (const r of results) {
    const label = r.store === 'memory' ? 'memory' : 'PostgreSQL (durable)';
    const what =
      r.kind === 'round-trip'
        ? '`SELECT 1` (round trip)'
        : `${r.kind === 'reused' ? 'a reused token' : 'a first use'}${r.exhausted ? ' (ran out of tokens)' : ''}`;
    const target = r.kind !== 'round-trip' && r.processes === 4 ? TARGET_P99_MS[r.store] : undefined;
    const verdict = target === undefined ? '' : `≤ ${target} ms ${r.p99 <= target ? '✓' : '✗'}`;
    console.log(
      `| ${label} | ${what} | ${r.processes} × ${IN_FLIGHT} | ${r.count.toLocaleString('en-US')} | ${r.perSecond.toLocaleString('en-US')} | ${ms(r.p50)} ms | ${ms(r.p99)} ms | ${verdict} | ${r.load} |`,
    );
  }
  console.log(`\nThe lookup by hash is an ${plan}.`);
  console.log(
    `Load average at the end: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ')} (${availableParallelism()} CPUs).`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
