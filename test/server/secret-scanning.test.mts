// The secret-scanning receiver's parts that need no store: DER signatures as Web Crypto reads them,
// GitHub's keys by document, URL or function (cached, refetched at a bounded rate), the regular
// expression of a prefix's tokens, and `pat-elements token-pattern`.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import {
  createFetchHandler,
  createTestSecretScanner,
  createTokenService,
  memoryStore,
  SetupError,
  tokenPattern,
  toNodeListener,
  type SecretScanningKeyDocument,
} from '../../src/server/index.js';
import { createKeySource, derToP1363, KEYS_MAX_AGE_MS, KEYS_REFETCH_INTERVAL_MS } from '../../src/server/secret-scanning.js';
import { p1363ToDer } from '../../src/server/test-scanner.js';
import { generateSecret } from '../../src/server/token-format.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('signatures: DER as GitHub sends it, IEEE P1363 as Web Crypto verifies it', () => {
  it('round-trips every shape of r and s: high bit set (a zero byte added), leading zeros (dropped), short values', () => {
    const cases = [
      new Uint8Array(64).fill(0xff),
      new Uint8Array(64).fill(0x01),
      Uint8Array.from({ length: 64 }, (_, i) => (i < 3 || (i >= 32 && i < 35) ? 0 : i)),
      Uint8Array.from({ length: 64 }, (_, i) => (i === 31 || i === 63 ? 7 : 0)),
    ];
    for (const raw of cases) {
      const der = p1363ToDer(raw);
      assert.equal(der[0], 0x30);
      assert.deepEqual(derToP1363(der), raw);
    }
  });

  it('refuses what is not a signature: wrong tags, lengths, trailing bytes, negative or oversized integers', () => {
    const good = p1363ToDer(new Uint8Array(64).fill(0x11));
    const bad = [
      new Uint8Array([]),
      Uint8Array.from([0x31, ...good.subarray(1)]),
      Uint8Array.from([...good, 0x00]),
      Uint8Array.from([0x30, good[1]! + 1, ...good.subarray(2)]),
      Uint8Array.from([0x30, 0x06, 0x02, 0x01, 0x81, 0x02, 0x01, 0x01]),
      Uint8Array.from([0x30, 0x06, 0x03, 0x01, 0x01, 0x02, 0x01, 0x01]),
      Uint8Array.from([0x30, 0x25, 0x02, 0x21, 0x01, ...new Uint8Array(32).fill(1), 0x02, 0x00]),
      Uint8Array.from([0x30, 0x26, 0x02, 0x21, 0x01, ...new Uint8Array(32).fill(1), 0x02, 0x01, 0x01]),
    ];
    for (const der of bad) assert.equal(derToP1363(der), null, Buffer.from(der).toString('hex'));
  });

  it('a report signed the way GitHub signs verifies with Web Crypto after the conversion', async () => {
    const scanner = await createTestSecretScanner();
    const key = (await createKeySource(scanner.keys).keyFor(scanner.keyId)) as CryptoKey | null;
    const body = '[{"token":"x"}]';
    const signature = Buffer.from((await scanner.sign(body))['Github-Public-Key-Signature']!, 'base64');
    assert.ok(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key!, derToP1363(signature)!, new TextEncoder().encode(body)));
    assert.equal(
      await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key!, signature, new TextEncoder().encode(body)),
      false,
      'Web Crypto does not read DER: without the conversion nothing would ever verify',
    );
  });
});

describe('GitHub’s keys', () => {
  /** A key document that changes, behind a function that counts how often it is asked. */
  function documents() {
    const state = { asked: 0, document: { public_keys: [] } as SecretScanningKeyDocument, fail: false };
    return {
      state,
      load: () => {
        state.asked += 1;
        if (state.fail) throw new Error('GitHub is down');
        return state.document;
      },
    };
  }

  it('a key that appears later is found by a refetch on its unknown id, at most once per interval whatever the ids', async () => {
    const [first, second] = [await createTestSecretScanner(), await createTestSecretScanner()];
    const { state, load } = documents();
    state.document = first.keys;
    let now = 1_000_000;
    const source = createKeySource(load, () => now);

    assert.ok(await source.keyFor(first.keyId));
    assert.equal(state.asked, 1);
    state.document = { public_keys: [...first.keys.public_keys, ...second.keys.public_keys] };
    now += KEYS_REFETCH_INTERVAL_MS - 1;
    for (let n = 0; n < 50; n += 1) assert.equal(await source.keyFor(`made-up-${n}`), null);
    assert.equal(await source.keyFor(second.keyId), null, 'within the interval: not fetched again');
    assert.equal(state.asked, 1, 'fifty unknown ids cost no fetch');
    now += 1;
    assert.ok(await source.keyFor(second.keyId), 'after it: fetched again, and found');
    assert.equal(state.asked, 2);
    await Promise.all(Array.from({ length: 20 }, (_, n) => source.keyFor(`other-${n}`)));
    assert.equal(state.asked, 2);
  });

  it('parallel requests share one fetch; the document is fetched again when it is an hour old; a failed fetch keeps the old one', async () => {
    const scanner = await createTestSecretScanner();
    const { state, load } = documents();
    state.document = scanner.keys;
    let now = 0;
    const source = createKeySource(
      async () => load(),
      () => now,
    );
    await Promise.all(Array.from({ length: 10 }, () => source.keyFor(scanner.keyId)));
    assert.equal(state.asked, 1);
    now += KEYS_MAX_AGE_MS;
    state.fail = true;
    assert.ok(await source.keyFor(scanner.keyId), 'GitHub down: the last document still verifies');
    assert.equal(state.asked, 2);
    state.fail = false;
    state.document = { public_keys: [] };
    now += KEYS_MAX_AGE_MS;
    assert.equal(await source.keyFor(scanner.keyId), null, 'a key GitHub withdrew stops verifying within the hour');
  });

  it('without any document (the first fetch failed) a report is a 503 with Retry-After, and the host hears why', async () => {
    const failures: unknown[] = [];
    const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
    const handler = createFetchHandler(service, {
      basePath: '/api/tokens',
      authenticate: () => null,
      secretScanning: {
        keys: () => {
          throw new Error('GitHub is down');
        },
      },
      onError: (error) => failures.push(error),
    });
    const scanner = await createTestSecretScanner();
    const answer = await handler(await scanner.report('http://host/api/tokens/secret-scanning', [{ token: generateSecret('pat') }]));
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '5');
    assert.equal(failures.length, 1);
    assert.equal(((failures[0] as Error).cause as Error).message, 'GitHub is down');
  });

  describe('from a URL', () => {
    const servers: Server[] = [];
    after(() => Promise.all(servers.map((server) => new Promise((done) => server.close(done)))));

    it('fetched once and kept; a report with a key in it revokes', async () => {
      const scanner = await createTestSecretScanner();
      let fetched = 0;
      const server = createServer((_request, response) => {
        fetched += 1;
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(scanner.keys));
      });
      servers.push(server);
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      const { port } = server.address() as { port: number };
      const leaks: string[] = [];
      const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
      const handler = createFetchHandler(service, {
        basePath: '/api/tokens',
        authenticate: () => null,
        secretScanning: {
          keys: `http://127.0.0.1:${port}/meta/public_keys/secret_scanning`,
          onLeak: (event) => void leaks.push(event.token.id),
        },
      });
      const made = await Promise.all([1, 2, 3].map((n) => service.create('ada', { name: `t${n}`, expiresInDays: 1 })));
      for (const { secret } of made) {
        const answer = await handler(await scanner.report('http://host/api/tokens/secret-scanning', [{ token: secret }]));
        assert.equal(answer.status, 200);
      }
      assert.deepEqual(
        leaks,
        made.map(({ token }) => token.id),
      );
      assert.equal(fetched, 1);
    });

    it('a URL that is not http(s), or no keys at all, is a mistake found at setup', () => {
      const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
      const authenticate = () => null;
      assert.throws(() => createFetchHandler(service, { authenticate, secretScanning: { keys: 'not a url' } }), TypeError);
      assert.throws(() => createFetchHandler(service, { authenticate, secretScanning: { keys: { keys: [] } as never } }), /public_keys/);
      assert.throws(() => createFetchHandler(service, { authenticate, secretScanning: {} as never }), /needs keys/);
    });
  });
});

describe('behind a body parser (toNodeListener)', () => {
  const servers: Server[] = [];
  after(() => Promise.all(servers.map((server) => new Promise((done) => server.close(done)))));

  it('express.json() first: 401, and the host is told to mount the handler first or use express.raw(); express.raw(): verified', async () => {
    const scanner = await createTestSecretScanner();
    const failures: unknown[] = [];
    const service = createTokenService({ store: memoryStore(), prefix: 'pat' });
    const listener = toNodeListener(
      createFetchHandler(service, {
        basePath: '/api/tokens',
        authenticate: () => null,
        secretScanning: { keys: scanner.keys },
        onError: (error) => failures.push(error),
      }),
    );
    let raw = false;
    // What express.json() / express.raw() leave: the parsed value (or the bytes) in req.body, marked by req._body.
    const server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const bytes = Buffer.concat(chunks);
      Object.assign(req, { body: raw ? bytes : JSON.parse(bytes.toString('utf8')), _body: true });
      listener(req, res);
    });
    servers.push(server);
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const { port } = server.address() as { port: number };
    const { secret } = await service.create('ada', { name: 'deploy', expiresInDays: 1 });
    // GitHub's JSON need not be what JSON.stringify writes: a space after a colon is enough to differ.
    const body = `[{"token": "${secret}", "type": "pat", "url": "https://github.com/x", "source": "content"}]`;
    const send = async () =>
      fetch(`http://127.0.0.1:${port}/api/tokens/secret-scanning`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(await scanner.sign(body)) },
        body,
      });

    assert.equal((await send()).status, 401);
    assert.equal(failures.length, 1);
    assert.ok(failures[0] instanceof SetupError);
    assert.match(
      (failures[0] as Error).message,
      /mount the token handler before body parsers, or give its secret-scanning path express\.raw/,
    );
    assert.ok(await service.verify(secret));
    raw = true;
    assert.equal((await send()).status, 200);
    assert.equal(await service.verify(secret), null);
    assert.equal(failures.length, 1);
  });
});

describe('tokenPattern and `pat-elements token-pattern`', () => {
  it('matches every secret of the prefix, in text, and nothing of another prefix or a longer word', () => {
    const pattern = new RegExp(tokenPattern('acme'), 'g');
    const secrets = Array.from({ length: 200 }, () => generateSecret('acme'));
    const text = secrets.map((secret, n) => (n % 2 ? `TOKEN="${secret}"` : `key: ${secret}\n`)).join(' ');
    assert.deepEqual(text.match(pattern), secrets);
    for (const miss of [
      generateSecret('ghp'),
      `x${generateSecret('acme')}`,
      `${generateSecret('acme')}a`,
      'acme_short',
      generateSecret('acme_x'),
    ]) {
      assert.equal(new RegExp(tokenPattern('acme')).test(miss), false, miss);
    }
    assert.throws(() => tokenPattern('9lives'), TypeError);
  });

  it('the CLI prints it, and says what is wrong with a bad prefix (exit 2)', async () => {
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/check/cli.ts', ...args], { cwd: root });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
        child.on('close', (code) => done({ code, stdout, stderr }));
      });
    assert.deepEqual(await run(['token-pattern', 'acme']), { code: 0, stdout: `${tokenPattern('acme')}\n`, stderr: '' });
    const bad = await run(['token-pattern', 'ac-me']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^pat-elements token-pattern: prefix must be/);
    assert.equal((await run(['token-pattern'])).code, 2);
  });
});
