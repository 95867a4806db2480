#!/usr/bin/env node
/**
 * `npm run bench:server`: how fast `pat-elements/server` is where it matters, on each store:
 *
 * - create throughput while filling the store with 100,000 tokens (1,000 users × 100, the
 *   default per-user maximum), through the service as a host calls it;
 * - `verify` latency (p50, p99) and throughput with those 100,000 tokens stored: a token used in
 *   the last minute (a lookup by hash), a token's first use in a minute (the lookup and the
 *   `lastUsedAt` write), and a mistyped token (the checksum, no query);
 *
 * on the memory store, PGlite (in memory) and PostgreSQL through a `pg` Pool (a local server it
 * starts with scripts/postgres.mjs and stops by its PID). For the SQL stores it also prints the
 * lookup's plan and execution time, and a bare round trip's latency (`SELECT 1`), to tell the
 * query's cost from the machine's. Targets: verify p99 ≤ 1 ms in memory,
 * ≤ 5 ms on local PostgreSQL. Prints a Markdown table. Runs TypeScript through tsx.
 *
 * Options: --tokens=N (100000), --verifies=N (5000), --stores=memory,pglite,postgres.
 */
import { parseArgs } from 'node:util';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createTokenService, memoryStore, postgresStore } from '../src/server/index.ts';
import { startPostgres } from './postgres.mjs';

const { values } = parseArgs({
  options: {
    tokens: { type: 'string', default: '100000' },
    verifies: { type: 'string', default: '5000' },
    stores: { type: 'string', default: 'memory,pglite,postgres' },
  },
});
const TOKENS = Number(values.tokens);
const VERIFIES = Number(values.verifies);
const PER_USER = 100;
/** Requests in flight for the throughput figures and for filling PostgreSQL. */
const CONCURRENCY = 16;
const TARGET_P99_MS = { memory: 1, postgres: 5 };

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))];
const ms = (value) => (value < 0.1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(1));
const perSecond = (count, elapsedMs) => Math.round((count / elapsedMs) * 1000).toLocaleString('en-US');

/** Runs `task(i)` for i in [0, count) with `concurrency` in flight; returns the elapsed ms. */
async function runAll(count, concurrency, task) {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
  return performance.now() - start;
}

/** Latency of `task(i)` one at a time: p50, p99 and the rate. */
async function latency(count, task) {
  const times = new Array(count);
  const start = performance.now();
  for (let i = 0; i < count; i += 1) {
    const t = performance.now();
    await task(i);
    times[i] = performance.now() - t;
  }
  const elapsed = performance.now() - start;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p99: percentile(times, 0.99), rate: perSecond(count, elapsed) };
}

function shuffled(array) {
  const copy = [...array];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

/** How PostgreSQL runs the lookup by hash with the table full: the plan and its execution time. */
async function explainLookup(db, secret) {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(secret).digest('hex');
  const { rows } = await db.query(`EXPLAIN (ANALYZE, FORMAT JSON) SELECT id FROM pat_tokens WHERE secret_hash = decode($1, 'hex')`, [hash]);
  const [{ Plan: plan, 'Execution Time': execution }] = rows[0]['QUERY PLAN'];
  return `${plan['Node Type']}${plan['Index Name'] ? ` using ${plan['Index Name']}` : ''}, executed in ${ms(execution)} ms`;
}

async function benchStore(label, store, fillConcurrency, db) {
  await store.migrate();
  let now = new Date();
  const service = createTokenService({ store, prefix: 'bench', clock: () => now });

  // Fill: users of 100 tokens each; a sample of secrets is kept to verify with.
  const users = Math.ceil(TOKENS / PER_USER);
  const sample = [];
  const keepEvery = Math.max(1, Math.floor(TOKENS / (VERIFIES * 2)));
  process.stdout.write(`${label}: creating ${TOKENS.toLocaleString('en-US')} tokens…`);
  const fillMs = await runAll(users, fillConcurrency, async (user) => {
    for (let n = 0; n < PER_USER && user * PER_USER + n < TOKENS; n += 1) {
      const { secret } = await service.create(`user-${user}`, { name: `token ${n}`, expiresInDays: 90 });
      if ((user * PER_USER + n) % keepEvery === 0) sample.push(secret);
    }
  });
  process.stdout.write(` ${(fillMs / 1000).toFixed(1)} s\n`);

  // What one trip to the database costs on this machine right now, whatever the query.
  const roundTrip = db ? await latency(VERIFIES, () => db.query('SELECT 1')) : undefined;
  const firstUse = shuffled(sample).slice(0, VERIFIES);
  const warm = shuffled(firstUse);
  // A token's first use in a minute: the lookup and the lastUsedAt write.
  const cold = await latency(firstUse.length, (i) => service.verify(firstUse[i]));
  // Used in the last minute (the steady state of a busy token): the lookup alone.
  const hot = await latency(warm.length, (i) => service.verify(warm[i]));
  const hotThroughputMs = await runAll(warm.length, CONCURRENCY, (i) => service.verify(warm[i]));
  const mistyped = warm.map((secret) => `${secret.slice(0, -1)}${secret.endsWith('0') ? '1' : '0'}`);
  const rejected = await latency(mistyped.length, (i) => service.verify(mistyped[i]));
  for (const secret of warm.slice(0, 10)) if (!(await service.verify(secret))) throw new Error(`${label}: a stored secret did not verify`);
  const plan = db ? await explainLookup(db, warm[0]) : undefined;

  return {
    label,
    create: perSecond(TOKENS, fillMs),
    fillConcurrency,
    hot,
    hotThroughput: perSecond(warm.length, hotThroughputMs),
    cold,
    rejected,
    plan,
    roundTrip,
  };
}

async function main() {
  const stores = values.stores.split(',');
  const results = [];
  console.log(
    `Node ${process.version}, ${availableParallelism()} CPUs (${cpus()[0]?.model.trim()}), load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}\n`,
  );

  if (stores.includes('memory')) results.push(await benchStore('memory', memoryStore(), 1));
  if (stores.includes('pglite')) {
    const db = new PGlite();
    try {
      results.push(await benchStore('PGlite (in memory)', postgresStore(db), 1, db));
    } finally {
      await db.close();
    }
  }
  if (stores.includes('postgres')) {
    const server = await startPostgres();
    const pool = new pg.Pool({ connectionString: server.url, max: CONCURRENCY });
    pool.on('error', () => {});
    try {
      const [{ server_version }] = (await pool.query('SHOW server_version')).rows;
      results.push(await benchStore(`PostgreSQL ${server_version.split(' ')[0]} (local, pg Pool)`, postgresStore(pool), CONCURRENCY, pool));
    } finally {
      await pool.end();
      await server.stop();
    }
  }

  console.log(
    `\n${TOKENS.toLocaleString('en-US')} tokens stored; ${VERIFIES.toLocaleString('en-US')} verifies of random stored tokens, one at a time (throughput: ${CONCURRENCY} in flight).\n`,
  );
  console.log(
    '| store | create /s | verify p50 | verify p99 | verify /s (1 / 16 in flight) | first use in a minute p50 / p99 | mistyped p99 | p99 target |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const r of results) {
    const target = r.label === 'memory' ? TARGET_P99_MS.memory : r.label.startsWith('PostgreSQL') ? TARGET_P99_MS.postgres : undefined;
    const verdict = target === undefined ? '—' : `≤ ${target} ms ${r.hot.p99 <= target ? '✓' : '✗'}`;
    console.log(
      `| ${r.label} | ${r.create}${r.fillConcurrency > 1 ? ` (${r.fillConcurrency} in flight)` : ''} | ${ms(r.hot.p50)} ms | ${ms(r.hot.p99)} ms | ${r.hot.rate} / ${r.hotThroughput} | ${ms(r.cold.p50)} / ${ms(r.cold.p99)} ms | ${ms(r.rejected.p99)} ms | ${verdict} |`,
    );
  }
  console.log('');
  for (const r of results) {
    if (!r.plan) continue;
    console.log(
      `${r.label}: the lookup by hash is an ${r.plan}; a bare round trip (SELECT 1) takes ${ms(r.roundTrip.p50)} ms p50, ${ms(r.roundTrip.p99)} ms p99.`,
    );
  }
  console.log(
    `Load average at the end: ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
