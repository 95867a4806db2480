// `pat-elements/server` as a Node host meets it: compiled as `npm run build` compiles it (tsc),
// it loads in plain Node (no TypeScript loader) and serves a token end to end, on the memory
// store and on PGlite. Built into its own folder under .scratch/, so it never races the package
// build test over dist/.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
mkdirSync(join(root, '.scratch'), { recursive: true });
const outDir = mkdtempSync(join(root, '.scratch/package-server-'));
after(() => rmSync(outDir, { recursive: true, force: true }));

const build = spawnSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', outDir],
  {
    cwd: root,
    encoding: 'utf8',
  },
);

test('package.json exports ./server as types and an ES module that the build emits', () => {
  assert.equal(build.status, 0, build.stdout + build.stderr);
  const entry = pkg.exports['./server'];
  assert.deepEqual(entry, { types: './dist/server/index.d.ts', default: './dist/server/index.js' });
  for (const target of Object.values(entry)) assert.ok(existsSync(join(outDir, target.replace('./dist/', ''))), `${target} is built`);
  assert.equal(pkg.peerDependenciesMeta?.pg?.optional, true, 'pg is an optional peer');
  assert.equal(pkg.peerDependenciesMeta?.['@electric-sql/pglite']?.optional, true, 'PGlite is an optional peer');
});

test('in plain Node, the built server creates, lists and verifies a token on the memory store and PGlite', () => {
  const script = `
    import { PGlite } from '@electric-sql/pglite';
    import { createFetchHandler, createTokenService, memoryStore, postgresStore } from '${join(outDir, 'server/index.js')}';
    const results = [];
    for (const store of [memoryStore(), postgresStore(new PGlite())]) {
      await store.migrate();
      const service = createTokenService({ store, prefix: 'acme' });
      const handler = createFetchHandler(service, { basePath: '/api/tokens', authenticate: () => 'ada' });
      const created = await handler(new Request('http://host/api/tokens', {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ci', expiresInDays: 30 }),
      }));
      const { secret } = await created.json();
      const listed = await (await handler(new Request('http://host/api/tokens'))).json();
      results.push({ status: created.status, listed: listed.tokens.length, verified: (await service.verify(secret))?.userId });
    }
    console.log(JSON.stringify(results));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.deepEqual(JSON.parse(run.stdout), [
    { status: 201, listed: 1, verified: 'ada' },
    { status: 201, listed: 1, verified: 'ada' },
  ]);
});
