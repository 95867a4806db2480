#!/usr/bin/env node
/// <reference types="node" />
/**
 * `npx pat-elements check <endpoint> [-H "Name: value"]… [-O "Name: value"]… [--json] [--no-write] [--timeout ms]`:
 * checks a live backend against the REST contract, one line per clause. Ctrl-C (or SIGTERM)
 * stops the run and still deletes what it made; a second one quits at once.
 *
 * `npx pat-elements token-pattern <prefix>`: prints the regular expression of the prefix's tokens,
 * for a secret scanner's registration (docs/secret-scanning.md).
 */
import process from 'node:process';
import { tokenPattern } from '../server/token-pattern.js';
import { parseCheckArgs, UsageError, USAGE } from './args.js';
import { checkContract, passed } from './check-contract.js';
import { formatHeading, formatResult, formatSummary, toJson } from './report.js';

/** 128 + the signal's number, as shells report a process a signal ended. */
const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

const TOKEN_PATTERN_USAGE = `Usage: pat-elements token-pattern <prefix>

Prints the regular expression that finds secrets made with createTokenService({ prefix }),
for GitHub's secret scanning partner program or another scanner.`;

function printTokenPattern(argv: readonly string[]): number {
  const [prefix, ...extra] = argv;
  if (prefix === '-h' || prefix === '--help') {
    process.stdout.write(`${TOKEN_PATTERN_USAGE}\n`);
    return 0;
  }
  try {
    if (prefix === undefined || extra.length) throw new TypeError('give exactly one prefix, e.g. pat-elements token-pattern acme');
    process.stdout.write(`${tokenPattern(prefix)}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`pat-elements token-pattern: ${(error as Error).message}\n`);
    return 2;
  }
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv[0] === 'token-pattern') return printTokenPattern(argv.slice(1));
  let args;
  try {
    args = parseCheckArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`pat-elements: ${error.message} (see pat-elements check --help)\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const stop = new AbortController();
  const stopCleanup = new AbortController();
  let stoppedBy: keyof typeof SIGNAL_EXIT_CODES | undefined;
  const onSignal = (signal: keyof typeof SIGNAL_EXIT_CODES) => {
    if (stoppedBy) {
      stopCleanup.abort();
      return;
    }
    stoppedBy = signal;
    process.stderr.write(`\n${signal}: stopping, and deleting the tokens this run made (again to quit at once)\n`);
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    if (!args.json) process.stdout.write(formatHeading(args.endpoint));
    const report = await checkContract({
      endpoint: args.endpoint,
      headers: args.headers,
      otherHeaders: args.otherHeaders,
      write: args.write,
      timeoutMs: args.timeoutMs,
      signal: stop.signal,
      cleanupSignal: stopCleanup.signal,
      onResult: args.json ? undefined : (result) => process.stdout.write(`${formatResult(result)}\n`),
    });
    if (report.error) {
      process.stderr.write(`pat-elements check: ${report.error}\n`);
      return 2;
    }
    process.stdout.write(`${args.json ? toJson(report) : formatSummary(report)}\n`);
    if (stoppedBy) return SIGNAL_EXIT_CODES[stoppedBy];
    return passed(report) ? 0 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`pat-elements check: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
