/**
 * The server hosts' projects (Express with passport, Hono, Next.js) as a running app: started by
 * their own command, and exercised over HTTP as a host's users would: a login of the app's own,
 * the token API behind it, and the app's `/api/repos` behind `requireToken({ scopes: ['repo:read'] })`.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';

/**
 * Starts `command` in `dir` and resolves once its output matches `ready` (whose first group,
 * if any, is the port). `stop()` ends it by its PID; `waitForOutput(pattern)` resolves when the
 * app has printed a line matching `pattern` (its `onRefused` hook logs there).
 */
export function startApp(dir, command, args, { ready, port, env = {} }) {
  const child = spawn(command, args, {
    cwd: dir,
    env: { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const watchers = new Set();
  const hear = (chunk) => {
    output += chunk;
    for (const watcher of watchers) watcher();
  };
  child.stdout.on('data', hear);
  child.stderr.on('data', hear);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  /** Resolves with the match once the output has it; rejects if the app exits first. */
  function waitForOutput(pattern) {
    return new Promise((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (!match) return;
        watchers.delete(check);
        resolve(match);
      };
      watchers.add(check);
      check();
      void exited.then((code) => {
        if (watchers.delete(check)) reject(new Error(`the app exited (${code}) before printing ${pattern}:\n${output}`));
      });
    });
  }

  const started = waitForOutput(ready).then((match) => `http://127.0.0.1:${port ?? match[1]}`);
  return {
    started,
    waitForOutput,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Signs in through the app's own login (a form post) and returns the session cookie it set. */
export async function logIn(origin, path, username, password) {
  const response = await fetch(`${origin}${path}`, {
    method: 'POST',
    body: new URLSearchParams({ username, password }),
    redirect: 'manual',
  });
  assert.equal(response.status, 200, `log in as ${username}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((setCookie) => setCookie.split(';')[0])
    .join('; ');
  assert.ok(cookie, 'the login set a session cookie');
  return cookie;
}

/**
 * What every server host proves: the token API answers the app's own login (creates, with a
 * JSON body, and a 401 without it), and the app's `/api/repos` lets a token with `repo:read`
 * through, and refuses no token (401), a token without the scope (403) and a made-up one (401),
 * as RFC 6750 says; the app's `onRefused` hook hears each reason. Returns both users' cookies.
 */
export async function exerciseServerHost(app, origin, loginPath) {
  const ada = await logIn(origin, loginPath, 'ada', 'lovelace');
  const bob = await logIn(origin, loginPath, 'bob', 'builder');
  const create = async (body) => {
    const response = await fetch(`${origin}/api/tokens`, {
      method: 'POST',
      headers: { cookie: ada, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(response.status, 201, `create: ${await response.clone().text()}`);
    return (await response.json()).secret;
  };
  const reader = await create({ name: 'reader', expiresInDays: 7, scopes: ['repo:read'] });
  const deployer = await create({ name: 'deployer', expiresInDays: 7, scopes: ['deploy'] });
  const listed = await fetch(`${origin}/api/tokens`, { headers: { cookie: ada } });
  assert.deepEqual((await listed.json()).tokens.map((token) => token.name).sort(), ['deployer', 'reader']);
  const bobs = await fetch(`${origin}/api/tokens`, { headers: { cookie: bob } });
  assert.deepEqual((await bobs.json()).tokens, [], "bob's session sees none of ada's tokens");
  assert.equal((await fetch(`${origin}/api/tokens`)).status, 401, 'no session, no token API');

  const repos = (authorization) => fetch(`${origin}/api/repos`, { headers: authorization ? { authorization } : {} });
  const allowed = await repos(`Bearer ${reader}`);
  assert.equal(allowed.status, 200);
  assert.deepEqual(await allowed.json(), { owner: 'u-ada', repos: ['pat-elements'] });

  const refusals = [
    [undefined, 401, 'Bearer', 'refused 401 missing'],
    [`Bearer ${deployer}`, 403, 'Bearer error="insufficient_scope", scope="repo:read"', 'refused 403 insufficient-scope'],
    [`Bearer ${reader.slice(0, -1)}${reader.endsWith('x') ? 'y' : 'x'}`, 401, 'Bearer error="invalid_token"', 'refused 401 malformed'],
  ];
  for (const [authorization, status, challenge, logged] of refusals) {
    const refused = await repos(authorization);
    assert.equal(refused.status, status, String(authorization && authorization.slice(0, 12)));
    assert.equal(refused.headers.get('www-authenticate'), challenge);
    assert.equal(refused.headers.get('content-type'), 'application/problem+json');
    assert.equal((await refused.json()).status, status);
    await app.waitForOutput(new RegExp(`^${logged}$`, 'm'));
  }
  return { ada, bob };
}
