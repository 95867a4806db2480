/**
 * The checker's proof against one backend: every clause passes on it as it is, and each
 * deliberately broken variant fails exactly its clause, with nothing left behind and no secret
 * in the report. Registered once per backend (the mock, the reference server's stores).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkContract, type CheckReport } from '../../../src/check/check-contract.js';
import { CLAUSES, type ClauseId, type ClauseStatus } from '../../../src/check/clauses.js';
import { formatResult, formatSummary, toJson } from '../../../src/check/report.js';
import { CREDENTIALS, OTHER_CREDENTIALS, type RunningBackend, type Wrapper } from './backends.mjs';
import { BREAKAGES } from './broken.mjs';

export type StartBackend = (wrap?: Wrapper) => Promise<RunningBackend>;

/** The outermost wrapper of every run: it keeps each secret the backend sends. */
function secretSpy(): { wrap: Wrapper; secrets: string[] } {
  const secrets: string[] = [];
  return {
    secrets,
    wrap: (handler) => async (request) => {
      const response = await handler(request);
      if ((response.headers.get('content-type') ?? '').includes('json') && response.ok) {
        const secret = ((await response.clone().json()) as { secret?: unknown }).secret;
        if (typeof secret === 'string') secrets.push(secret);
      }
      return response;
    },
  };
}

export function statuses(report: CheckReport): Record<string, ClauseStatus> {
  return Object.fromEntries(report.results.map((result) => [result.id, result.status]));
}

/** Runs the checker once against `start(wrap)`, and proves the run left nothing and told no secret. */
export async function checkBackend(start: StartBackend, wrap: Wrapper = (handler) => handler): Promise<CheckReport> {
  const spy = secretSpy();
  const backend = await start((handler) => spy.wrap(wrap(handler)));
  try {
    const report = await checkContract({
      endpoint: backend.endpoint,
      headers: CREDENTIALS,
      otherHeaders: OTHER_CREDENTIALS,
      timeoutMs: 30_000,
    });
    assert.deepEqual(report.cleanup.left, [], 'the run deleted every token it made');
    assert.deepEqual(await backend.tokens(), [], 'the backend holds no token afterwards');
    assert.ok(spy.secrets.length > 0, 'the run saw at least one secret');
    const printed = [toJson(report), ...report.results.map(formatResult), formatSummary(report)].join('\n');
    for (const secret of spy.secrets) assert.ok(!printed.includes(secret), 'no secret reaches the output');
    return report;
  } finally {
    await backend.close();
  }
}

export function describeContractChecks(name: string, start: StartBackend): void {
  describe(`pat-elements check against ${name}`, () => {
    test('every clause passes', async () => {
      const report = await checkBackend(start);
      assert.deepEqual(
        statuses(report),
        Object.fromEntries(CLAUSES.map((clause) => [clause.id, 'pass'])),
        JSON.stringify(report.results, null, 2),
      );
      assert.equal(report.interrupted, false);
    });

    for (const clause of CLAUSES) {
      const breakages = BREAKAGES[clause.id];
      test(`${clause.id}: there is a breakage for it`, () => assert.ok(breakages.length > 0));
      for (const breakage of breakages) {
        test(`${clause.id} fails, and only it, when ${breakage.what}`, async () => {
          const report = await checkBackend(start, breakage.wrap);
          const failed = report.results.filter((result) => result.status === 'fail');
          assert.deepEqual(
            failed.map((result) => result.id),
            [clause.id] satisfies ClauseId[],
            JSON.stringify(report.results, null, 2),
          );
          assert.match(failed[0]!.reason!, breakage.reason);
          assert.equal(failed[0]!.hint, clause.hint, 'a failure comes with its fix');
        });
      }
    }
  });
}
