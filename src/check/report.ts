/** What `pat-elements check` prints: one line per clause (and a fix on a failure), or JSON. */
import type { ClauseStatus } from './clauses.js';
import { passed, type CheckReport, type ClauseResult } from './check-contract.js';

const STATUS_LABELS: Record<ClauseStatus, string> = {
  pass: 'pass',
  fail: 'FAIL',
  'not-offered': 'not offered',
  skipped: 'skipped',
};
const STATUS_WIDTH = 11;
const ID_WIDTH = 17;

export function formatHeading(endpoint: string): string {
  return `Checking ${endpoint} against the pat-elements REST contract\n\n`;
}

/** `pass         list               GET answers 200 with { "tokens": [...] } (3 tokens)` */
export function formatResult(result: ClauseResult): string {
  const text = result.status === 'pass' ? `${result.claim}${result.reason ? ` (${result.reason})` : ''}` : (result.reason ?? result.claim);
  const line = `${STATUS_LABELS[result.status].padEnd(STATUS_WIDTH)}  ${result.id.padEnd(ID_WIDTH)}  ${text}`;
  return result.hint ? `${line}\n${' '.repeat(STATUS_WIDTH + ID_WIDTH + 4)}fix: ${result.hint}` : line;
}

export function countResults(results: readonly ClauseResult[]): Record<ClauseStatus, number> {
  const counts: Record<ClauseStatus, number> = { pass: 0, fail: 0, 'not-offered': 0, skipped: 0 };
  for (const result of results) counts[result.status] += 1;
  return counts;
}

/** The lines after the clauses: the cleanup, an interruption, the counts. */
export function formatSummary(report: CheckReport): string {
  const lines = [''];
  const { made, left } = report.cleanup;
  if (left.length) {
    const tokens = left.length === 1 ? '1 token' : `${left.length} tokens`;
    lines.push(`Cleanup: ${tokens} this run made could not be deleted; delete ${left.length === 1 ? 'it' : 'them'} by hand:`);
    for (const token of left) lines.push(`  ${token.id}${token.name ? ` (${token.name})` : ''}`);
  } else if (made) {
    lines.push(`Cleanup: ${made === 1 ? 'the token this run made is' : `the ${made} tokens this run made are all`} deleted.`);
  }
  if (report.interrupted) lines.push(`Interrupted after ${report.results.length} clause${report.results.length === 1 ? '' : 's'}.`);
  const counts = countResults(report.results);
  lines.push(`${counts.pass} passed, ${counts.fail} failed, ${counts['not-offered']} not offered, ${counts.skipped} skipped`);
  return lines.join('\n');
}

/** The `--json` document. It carries no secret: none is ever part of a report. */
export function toJson(report: CheckReport): string {
  return JSON.stringify(
    {
      endpoint: report.endpoint,
      ok: passed(report),
      interrupted: report.interrupted,
      counts: countResults(report.results),
      clauses: report.results,
      cleanup: report.cleanup,
    },
    null,
    2,
  );
}
