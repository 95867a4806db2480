/**
 * One Node process of `npm run bench:server`: a token service on the memory store (its own, filled
 * with every seeded token) or on the shared PostgreSQL (a `pg` Pool of as many connections as
 * requests in flight), verifying seeded secrets for a fixed time with N requests in flight.
 *
 * Protocol (JSON lines): the parent sends the phase on argv; the worker prepares (for `reused`,
 * one verify of each token of its working set, so each was used in the last minute), answers
 * `{ ready }`, waits for `go` on stdin, runs, and answers `{ count, elapsedMs, latencies }`.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { createTokenService, memoryStore, postgresStore } from '../src/server/index.ts';
import { hashSecret } from '../src/server/hash.ts';
import { partialKeyOf } from '../src/server/token-format.ts';

const phase = JSON.parse(process.argv[2]);
const { store: storeKind, kind, url, tokensFile, slice, seconds, inFlight, prefix } = phase;
const say = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

/** Every seeded token: `[id, userId, secret]`. */
const tokens = JSON.parse(readFileSync(tokensFile, 'utf8'));

let pool;
let store;
if (storeKind === 'memory') {
  store = memoryStore();
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + 90 * 86_400_000);
  for (const [id, userId, secret] of tokens) {
    const token = { id, userId, secretHash: await hashSecret(secret), partialKey: partialKeyOf(secret, prefix) };
    await store.insert({ ...token, name: 'bench', description: null, scopes: null, createdAt, expiresAt }, 100);
  }
} else {
  pool = new pg.Pool({ connectionString: url, max: inFlight });
  pool.on('error', () => {});
  store = postgresStore(pool);
}
const service = createTokenService({ store, prefix });

const secrets = tokens.slice(slice[0], slice[1]).map(([, , secret]) => secret);
let run;
if (kind === 'round-trip') {
  run = () => pool.query('SELECT 1');
} else if (kind === 'reused') {
  // Each verified once now: for the run, every one was used in the last minute (no write).
  for (const secret of secrets) if (!(await service.verify(secret))) throw new Error('a seeded secret did not verify');
  let next = 0;
  run = () => service.verify(secrets[next++ % secrets.length]);
} else {
  let next = 0;
  run = () => (next < secrets.length ? service.verify(secrets[next++]) : undefined);
}
// Warm the connections and the JIT on what the run does not measure.
if (pool) await Promise.all(Array.from({ length: inFlight * 4 }, () => pool.query('SELECT 1')));

say({ ready: process.pid });
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
await lines.next();

const latencies = [];
const start = performance.now();
const end = start + seconds * 1000;
let exhausted = false;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    while (!exhausted && performance.now() < end) {
      const t = performance.now();
      const pending = run();
      if (pending === undefined) {
        exhausted = true;
        return;
      }
      const verified = await pending;
      latencies.push(performance.now() - t);
      if (kind !== 'round-trip' && !verified) throw new Error('a seeded secret did not verify');
    }
  }),
);
const elapsedMs = performance.now() - start;
await pool?.end();
say({ count: latencies.length, elapsedMs, exhausted, latencies: latencies.map((ms) => Math.round(ms * 1000) / 1000) });
