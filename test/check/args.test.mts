// The command line of `pat-elements check`: what it accepts, and a clear line for what it does not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCheckArgs, UsageError } from '../../src/check/args.js';
import { DEFAULT_CHECK_TIMEOUT_MS } from '../../src/check/check-contract.js';

const ENDPOINT = 'https://example.com/api/tokens';

test('an endpoint alone: every clause, no headers, the default timeout, text output', () => {
  assert.deepEqual(parseCheckArgs(['check', ENDPOINT]), {
    endpoint: ENDPOINT,
    headers: {},
    otherHeaders: {},
    write: true,
    timeoutMs: DEFAULT_CHECK_TIMEOUT_MS,
    json: false,
  });
});

test('every option, -H repeated and in both spellings, options before or after the endpoint', () => {
  const args = parseCheckArgs([
    'check',
    '-H',
    'Authorization: Bearer a:b',
    ENDPOINT,
    '--header',
    'X-CSRF-Token:  t0k  ',
    '--no-write',
    '--timeout',
    '2500',
    '--json',
    '-O',
    'Authorization: Bearer c:d',
    '--other-header',
    'X-CSRF-Token: t1k',
  ]);
  assert.deepEqual(args, {
    endpoint: ENDPOINT,
    headers: { Authorization: 'Bearer a:b', 'X-CSRF-Token': 't0k' },
    otherHeaders: { Authorization: 'Bearer c:d', 'X-CSRF-Token': 't1k' },
    write: false,
    timeoutMs: 2500,
    json: true,
  });
});

test('--help and -h ask for the usage', () => {
  assert.equal(parseCheckArgs(['--help']), 'help');
  assert.equal(parseCheckArgs(['check', '-h']), 'help');
});

const usageErrors: Array<[string[], RegExp]> = [
  [[], /^missing the command: pat-elements check <endpoint>$/],
  [['check'], /^missing <endpoint>, the token collection's URL$/],
  [['verify', ENDPOINT], /^unknown command "verify"; the commands are "check" and "token-pattern"$/],
  [['check', '/api/tokens'], /^<endpoint> must be an absolute URL \(http:\/\/… or https:\/\/…\), not "\/api\/tokens"$/],
  [['check', 'ftp://example.com/tokens'], /^<endpoint> must be an http:\/\/ or https:\/\/ URL, not ftp:$/],
  [['check', ENDPOINT, 'more'], /^unexpected argument "more"$/],
  [['check', ENDPOINT, '-H', 'Authorization Bearer s3cr3t'], /^-H expects "Name: value", and -H number 1 is not that$/],
  [['check', ENDPOINT, '-H', 'A: b', '-H', 'Bad Name: s3cr3t'], /^-H expects "Name: value", and -H number 2 is not that$/],
  [['check', ENDPOINT, '-O', 'Cookie session=s3cr3t'], /^--other-header expects "Name: value", and --other-header number 1 is not that$/],
  [
    ['check', ENDPOINT, '-H', 'Cookie: sid=s3cr3t', '-O', 'cookie:  sid=s3cr3t'],
    /^--other-header gives the same headers as -H; give a second user's, to prove one user cannot reach another's tokens$/,
  ],
  [['check', ENDPOINT, '--timeout', '5s'], /^--timeout expects a whole number of milliseconds, not "5s"$/],
  [['check', ENDPOINT, '--timeout', '0'], /^--timeout expects a whole number of milliseconds, not "0"$/],
  [['check', ENDPOINT, '--timeout'], /^Option '--timeout <value>' argument missing$/],
  [['check', ENDPOINT, '--jsn'], /^Unknown option '--jsn'$/],
];
for (const [argv, message] of usageErrors) {
  test(`usage error: ${argv.join(' ') || '(nothing)'}`, () => {
    assert.throws(
      () => parseCheckArgs(argv),
      (error: unknown) => {
        assert.ok(error instanceof UsageError);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /s3cr3t/, 'a header is never echoed: it may be a credential');
        return true;
      },
    );
  });
}
