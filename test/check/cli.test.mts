// `pat-elements check` as a user runs it: a separate process, its output, its exit status, and
// its cleanup when it is interrupted.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLAUSES } from '../../src/check/clauses.js';
import { PGlite } from '@electric-sql/pglite';
import { createFetchHandler, createTokenService, memoryStore, postgresStore, type TokenStore } from '../../src/server/index.js';
import { CREDENTIALS, OTHER_CREDENTIALS, problem, startMock, userOf, type RunningBackend, type Wrapper } from './support/backends.mjs';
import { BREAKAGES, routeOf } from './support/broken.mjs';
import { serve } from './support/serve.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const AUTH = ['-H', `Authorization: ${CREDENTIALS.Authorization}`];
const OTHER = ['-O', `Authorization: ${OTHER_CREDENTIALS.Authorization}`];

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts the CLI from source (`tsx`); `finished` settles when the process has exited. */
function startCli(args: readonly string[]): { child: ChildProcess; finished: Promise<Finished> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/check/cli.ts', ...args], { cwd: root });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
  const finished = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { child, finished };
}

const runCli = (args: readonly string[]) => startCli(args).finished;

/** The reference server (pat-elements/server) at /api/tokens, signing in the two test users; closed after the file. */
async function referenceServer(store: TokenStore, options: { basePath?: string; onError?: () => void } = {}) {
  const service = createTokenService({ store, prefix: 'pat' });
  const handler = createFetchHandler(service, {
    basePath: options.basePath ?? '/api/tokens',
    authenticate: (request) => userOf(request) ?? null,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  const served = await serve(() => handler);
  backends.push({ endpoint: '', tokens: async () => [], close: served.close });
  return { endpoint: `${served.origin}/api/tokens` };
}

const backends: RunningBackend[] = [];
async function backend(wrap?: Wrapper) {
  const started = await startMock(wrap);
  backends.push(started);
  return started;
}
after(() => Promise.all(backends.map((started) => started.close())));

/** A promise with its `resolve` outside. */
function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** Never answers; ends when the client gives up on the request (closes the connection). */
function hang(request: Request): Promise<Response> {
  return new Promise((resolve) => request.signal.addEventListener('abort', () => resolve(new Response(null, { status: 499 }))));
}

const lineOf = (stdout: string, id: string) => stdout.split('\n').filter((line) => new RegExp(`^\\S+(?: offered)?\\s+${id}\\s`).test(line));

describe('pat-elements check, the command', () => {
  test('a backend that keeps the contract: exit 0, one line per clause, then the cleanup and the counts', async () => {
    const { endpoint } = await backend();
    const { code, stdout, stderr } = await runCli(['check', endpoint, ...AUTH, ...OTHER]);
    assert.equal(stderr, '');
    assert.equal(code, 0, stdout);
    assert.match(stdout, new RegExp(`^Checking ${endpoint} against the pat-elements REST contract\n`));
    for (const clause of CLAUSES) assert.equal(lineOf(stdout, clause.id).length, 1, `one line for ${clause.id}`);
    assert.match(stdout, /\nCleanup: the \d+ tokens this run made are all deleted\.\n/);
    assert.match(stdout, /\n\d+ passed, 0 failed, \d not offered, 0 skipped\n$/);
  });

  test('--json: one JSON document with every clause, the counts and the cleanup', async () => {
    const { endpoint } = await backend();
    const { code, stdout } = await runCli(['check', endpoint, ...AUTH, ...OTHER, '--json']);
    assert.equal(code, 0);
    const report = JSON.parse(stdout);
    assert.equal(report.ok, true);
    assert.equal(report.endpoint, endpoint);
    assert.deepEqual(
      report.clauses.map((clause: { id: string }) => clause.id),
      CLAUSES.map((clause) => clause.id),
    );
    assert.equal(report.counts.fail, 0);
    assert.deepEqual(report.cleanup.left, []);
  });

  test('a failed clause: exit 1, a FAIL line with the reason, and the fix under it', async () => {
    const { endpoint } = await backend(BREAKAGES.create[0]!.wrap);
    const { code, stdout } = await runCli(['check', endpoint, ...AUTH]);
    assert.equal(code, 1);
    const lines = stdout.split('\n');
    const failed = lines.findIndex((line) => line.startsWith('FAIL'));
    assert.match(lines[failed]!, /^FAIL\s+create\s+POST answered 200; expected 201$/);
    assert.match(lines[failed + 1]!, /^\s+fix: Answer POST \{endpoint\} with 201/);
    assert.match(stdout, /\n\d+ passed, 1 failed, /);
  });

  test('--no-write: only the read-only clauses run, and no request could change anything', async () => {
    const started = await backend();
    const { code, stdout } = await runCli(['check', started.endpoint, ...AUTH, '--no-write']);
    assert.equal(code, 0, stdout);
    for (const clause of CLAUSES) {
      const [line] = lineOf(stdout, clause.id);
      if (clause.readOnly) assert.doesNotMatch(line!, /--no-write/);
      else assert.match(line!, /^skipped\s+\S+\s+--no-write$/);
    }
    const requests = started.mock.requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);
    assert.ok(requests.length > 0);
    for (const request of requests) assert.match(request, /^(GET \/api\/tokens|DELETE \/api\/tokens\/pat-elements-check-\w+-missing)$/);
  });

  test('-H is repeatable: every header given reaches every request', async () => {
    const csrf: Wrapper = (handler) => async (request) =>
      request.method === 'GET' || request.headers.get('x-csrf-token') === 'c5rf' ? handler(request) : problem(403, 'Forbidden');
    const { endpoint } = await backend(csrf);
    const withBoth = await runCli(['check', endpoint, ...AUTH, '-H', 'X-CSRF-Token: c5rf']);
    assert.equal(withBoth.code, 0, withBoth.stdout);
    const withOne = await runCli(['check', endpoint, ...AUTH]);
    assert.equal(withOne.code, 1);
    assert.match(lineOf(withOne.stdout, 'create')[0]!, /POST answered 403; expected 201/);
  });

  test('--timeout: a request that gets no answer in time fails its clause, and the run goes on', async () => {
    const hangOnMalformed: Wrapper = (handler) => async (request) => {
      const body = request.method === 'POST' ? await request.clone().text() : '';
      return body.startsWith('{') && !body.endsWith('}') ? hang(request) : handler(request);
    };
    const { endpoint } = await backend(hangOnMalformed);
    const { code, stdout } = await runCli(['check', endpoint, ...AUTH, '--timeout', '3000']);
    assert.equal(code, 1);
    assert.match(lineOf(stdout, 'malformed-json')[0]!, /^FAIL\s+malformed-json\s+POST got no answer: no answer within 3000 ms$/);
    assert.equal(lineOf(stdout, 'content-types').length, 1, 'the clauses after it still ran');
  });

  test('an endpoint nobody answers: exit 2 and one line', async () => {
    const closed = await serve(() => async () => new Response());
    await closed.close();
    const { code, stdout, stderr } = await runCli(['check', `${closed.origin}/api/tokens`, ...AUTH]);
    assert.equal(code, 2);
    assert.match(stderr, /^pat-elements check: could not reach http:\/\/127\.0\.0\.1:\d+\/api\/tokens: ECONNREFUSED\n$/);
    assert.doesNotMatch(stdout, /pass|FAIL/);
  });

  test('credentials missing or refused: exit 2 and one line that says how to give them', async () => {
    const { endpoint } = await backend();
    const without = await runCli(['check', endpoint]);
    assert.equal(without.code, 2);
    assert.equal(without.stderr, 'pat-elements check: GET answered 401: the endpoint wants credentials; give them with -H "Name: value"\n');
    const wrong = await runCli(['check', endpoint, '-H', 'Authorization: Bearer expired']);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /^pat-elements check: GET answered 401 with the -H headers given: are they right, and still valid\?\n$/);
  });

  test('without --other-header the isolation clause is skipped, saying how to run it; with it, it runs', async () => {
    const { endpoint } = await backend();
    const alone = await runCli(['check', endpoint, ...AUTH]);
    assert.equal(alone.code, 0, alone.stdout);
    assert.match(
      lineOf(alone.stdout, 'isolation')[0]!,
      /^skipped\s+isolation\s+needs a second user's headers: give them with --other-header$/,
    );
    const both = await runCli(['check', endpoint, ...AUTH, ...OTHER]);
    assert.match(lineOf(both.stdout, 'isolation')[0]!, /^pass\s+isolation\s+a second user can neither see, delete nor rotate/);
    const leaky = await backend(BREAKAGES.isolation[0]!.wrap);
    const refused = await runCli(['check', leaky.endpoint, ...AUTH, ...OTHER]);
    assert.equal(refused.code, 1);
    assert.match(
      lineOf(refused.stdout, 'isolation')[0]!,
      /^FAIL\s+isolation\s+DELETE …\/\{id\} of the first user's token, as the second user, answered 403/,
    );
    assert.deepEqual(await leaky.tokens(), [], 'both users’ tokens are cleaned up');
  });

  test('every route answers 404 (a wrong endpoint, or a basePath that is not the mount): exit 2 and one line that says so', async () => {
    const { endpoint } = await backend();
    const atApi = await runCli(['check', endpoint.replace(/\/tokens$/, ''), ...AUTH]);
    assert.equal(atApi.code, 2);
    assert.match(
      atApi.stderr,
      /^pat-elements check: GET http:\/\/127\.0\.0\.1:\d+\/api answered 404: nothing is served at this address\. Give the token collection's URL \(the page's endpoint\), and check that the server's base path is the path it is mounted at \(pat-elements\/server: createFetchHandler's basePath\); an empty collection answers 200 with \{ "tokens": \[\] \}\.\n$/,
    );
    assert.doesNotMatch(atApi.stdout, /pass|FAIL/, 'no clause reported: not "unknown-id passes" for nothing');

    // The reference server told basePath '/tokens' but mounted at /api/tokens.
    const mismatched = await referenceServer(memoryStore(), { basePath: '/tokens', onError: () => {} });
    const wrongBase = await runCli(['check', mismatched.endpoint, ...AUTH]);
    assert.equal(wrongBase.code, 2);
    assert.match(wrongBase.stderr, /answered 404 \("There is nothing at this address\."\): nothing is served at this address\..*basePath/);
  });

  test("a failure shows the server's problem detail: a forgotten migrate() is named in the list's line", async () => {
    const db = new PGlite();
    // PGlite starts in seconds (14 s seen on a loaded machine): ready before the CLI's 10 s timeout starts.
    await db.waitReady;
    try {
      const server = await referenceServer(postgresStore(db, { onError: () => {} }), { onError: () => {} });
      const { code, stdout } = await runCli(['check', server.endpoint, ...AUTH]);
      assert.equal(code, 1);
      assert.equal(
        lineOf(stdout, 'list')[0],
        'FAIL         list               GET answered 500 ("The token store is not set up: the server must call migrate() on its store before serving."); expected 200',
      );
    } finally {
      await db.close();
    }
  });

  // Every usage error takes this path; args.test.mts covers each one's message.
  test('a usage error: exit 2, one line on stderr, nothing sent, and no header echoed', async () => {
    const { code, stdout, stderr } = await runCli(['check', 'http://localhost/api/tokens', '-H', 'Authorization Bearer s3cr3t']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(stderr, 'pat-elements: -H expects "Name: value", and -H number 1 is not that (see pat-elements check --help)\n');
  });

  test('--help: the usage, exit 0', async () => {
    const { code, stdout } = await runCli(['check', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: pat-elements check <endpoint> \[options\]/);
    for (const option of ['--header', '--other-header', '--no-write', '--timeout', '--json']) assert.ok(stdout.includes(option), option);
  });
});

describe('pat-elements check, interrupted', () => {
  /**
   * Holds one answer until the checker gives up on it: `during` holds the create's answer after
   * the token was made (the checker never learns its id), `after` holds the next request once the
   * create was answered. `held` settles as soon as the server holds it.
   */
  function holdAroundCreate(when: 'during' | 'after'): { wrap: Wrapper; held: Promise<void> } {
    const held = deferred();
    let created = false;
    let holding = true;
    const wrap: Wrapper = (handler) => async (request) => {
      if (holding && created) {
        holding = false;
        held.resolve();
        return hang(request);
      }
      const response = await handler(request);
      if (routeOf(request).kind === 'create' && response.status === 201 && !created) {
        created = true;
        if (when === 'during') {
          holding = false;
          held.resolve();
          await hang(request);
        }
      }
      return response;
    };
    return { wrap, held: held.promise };
  }

  for (const [signal, when, code] of [
    ['SIGINT', 'during', 130],
    ['SIGTERM', 'after', 143],
  ] as const) {
    test(`${signal} ${when} the create's answer: the token is deleted, exit ${code}`, async () => {
      const hold = holdAroundCreate(when);
      const started = await backend(hold.wrap);
      const { child, finished } = startCli(['check', started.endpoint, ...AUTH]);
      await hold.held;
      assert.equal((await started.tokens()).length, 1, 'the backend made the token');
      child.kill(signal);
      const { code: exitCode, stdout, stderr } = await finished;
      assert.equal(exitCode, code);
      assert.match(stderr, new RegExp(`${signal}: stopping, and deleting the tokens this run made`));
      assert.match(stdout, /\nCleanup: the token this run made is deleted\.\nInterrupted after \d+ clauses\.\n/);
      assert.deepEqual(await started.tokens(), [], 'no token is left behind');
    });
  }

  test('a second Ctrl-C while the cleanup is stuck quits at once, naming the token left behind', async () => {
    const madeOne = deferred();
    const stuck = deferred();
    let created: string | undefined;
    const stuckAfterCreate: Wrapper = (handler) => async (request) => {
      if (created) {
        if (request.method === 'DELETE') stuck.resolve();
        else madeOne.resolve();
        return hang(request);
      }
      const response = await handler(request);
      if (routeOf(request).kind === 'create' && response.status === 201)
        created = ((await response.clone().json()) as { token: { id: string } }).token.id;
      return response;
    };
    const started = await backend(stuckAfterCreate);
    const { child, finished } = startCli(['check', started.endpoint, ...AUTH]);
    await madeOne.promise;
    child.kill('SIGINT');
    await stuck.promise;
    child.kill('SIGINT');
    const { code, stdout } = await finished;
    assert.equal(code, 130);
    assert.match(stdout, new RegExp(`1 token this run made could not be deleted; delete it by hand:\n  ${created}\n`));
    assert.equal((await started.tokens()).length, 1);
  });
});
