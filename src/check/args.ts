/// <reference types="node" />
/**
 * The command line of `pat-elements check`. Anything wrong with it is a `UsageError`, one line
 * the CLI prints before exiting with 2.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_CHECK_TIMEOUT_MS } from './check-contract.js';

export const USAGE = `Usage: pat-elements check <endpoint> [options]

Checks that the token API at <endpoint> (the collection's absolute URL, e.g.
https://example.com/api/tokens) speaks the pat-elements REST contract. It creates a few
tokens named "pat-elements check …" and deletes them before it ends.

Options:
  -H, --header "Name: value"  Send this header with every request (repeatable), e.g.
                              -H "Authorization: Bearer …" or -H "Cookie: session=…"
  -O, --other-header "Name: value"
                              A second user's header (repeatable): proves that user can
                              neither see, delete nor rotate the first user's token
      --no-write              Run only the clauses that change nothing (no token is created)
      --timeout <ms>          Give up on a request after this long (default ${DEFAULT_CHECK_TIMEOUT_MS})
      --json                  Print the results as JSON
  -h, --help                  Show this help

Exit status: 0 every clause passed, 1 a clause failed (or a token could not be deleted),
2 a usage error or the endpoint could not be reached, 130 interrupted.`;

export interface CheckArgs {
  endpoint: string;
  headers: Record<string, string>;
  /** A second user's headers (`--other-header`), for the isolation clause; empty without. */
  otherHeaders: Record<string, string>;
  write: boolean;
  timeoutMs: number;
  json: boolean;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An HTTP header name: RFC 9110's `token`. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `['check', url, …]` → options, `'help'`, or a thrown `UsageError`. */
export function parseCheckArgs(argv: readonly string[]): CheckArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        header: { type: 'string', short: 'H', multiple: true },
        'other-header': { type: 'string', short: 'O', multiple: true },
        'no-write': { type: 'boolean' },
        timeout: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // node:util words it well ("Unknown option '--jsn'"); its hints about `--` do not apply.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';

  const [command, endpoint, ...extra] = positionals;
  if (command !== 'check')
    throw new UsageError(
      command
        ? `unknown command "${command}"; the commands are "check" and "token-pattern"`
        : 'missing the command: pat-elements check <endpoint>',
    );
  if (!endpoint) throw new UsageError("missing <endpoint>, the token collection's URL");
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`<endpoint> must be an absolute URL (http://… or https://…), not "${endpoint}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`<endpoint> must be an http:// or https:// URL, not ${url.protocol}`);

  const headers = parseHeaders(values.header, '-H');
  const otherHeaders = parseHeaders(values['other-header'], '--other-header');
  if (Object.keys(otherHeaders).length && sameHeaders(headers, otherHeaders)) {
    throw new UsageError(
      "--other-header gives the same headers as -H; give a second user's, to prove one user cannot reach another's tokens",
    );
  }

  let timeoutMs = DEFAULT_CHECK_TIMEOUT_MS;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout);
    if (!/^\d+$/.test(values.timeout) || timeoutMs < 1)
      throw new UsageError(`--timeout expects a whole number of milliseconds, not "${values.timeout}"`);
  }

  return { endpoint, headers, otherHeaders, write: !values['no-write'], timeoutMs, json: Boolean(values.json) };
}

/** `["Name: value", …]` → `{ Name: "value" }`; a mistake names the option and the number, never the header (a credential). */
function parseHeaders(given: readonly string[] | undefined, option: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [index, header] of (given ?? []).entries()) {
    const colon = header.indexOf(':');
    const name = header.slice(0, colon).trim();
    if (colon < 0 || !HEADER_NAME.test(name)) {
      throw new UsageError(`${option} expects "Name: value", and ${option} number ${index + 1} is not that`);
    }
    headers[name] = header.slice(colon + 1).trim();
  }
  return headers;
}

const sameHeaders = (a: Record<string, string>, b: Record<string, string>) => {
  const normal = (headers: Record<string, string>) =>
    JSON.stringify(
      Object.entries(headers)
        .map(([name, value]) => [name.toLowerCase(), value])
        .sort(),
    );
  return normal(a) === normal(b);
};
