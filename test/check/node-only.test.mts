// The checker runs in Node without a DOM: what it loads is its own code, the contract's schemas
// and zod, never an element, Lit or a browser global.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('the CLI bundles for Node from src/check, src/api, the server’s token format and zod alone', async () => {
  const result = await esbuild.build({
    entryPoints: [`${root}src/check/cli.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const strays = inputs.filter(
    (input) =>
      !/^(src\/check\/|src\/api\/(schemas|parse|errors|error-strings)\.ts$|src\/server\/(token-pattern|token-format|crc32)\.ts$|node_modules\/zod\/)/.test(
        input,
      ),
  );
  assert.deepEqual(strays, []);
  assert.ok(inputs.includes('src/api/schemas.ts'), 'it validates with the contract schemas');
});
