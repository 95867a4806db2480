// pat-elements/server stays apart from the elements: bundled for Node it holds only its own
// modules, the contract's schemas and zod, and nothing that needs a DOM; and the browser bundle
// holds none of it.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
// @ts-expect-error: a plain .mjs script without declarations.
import { bundleOptions } from '../../scripts/build.mjs';

const root = join(import.meta.dirname, '../..');

async function inputsOf(options: esbuild.BuildOptions): Promise<{ inputs: string[]; code: string }> {
  const result = await esbuild.build({ ...options, write: false, metafile: true, logLevel: 'silent' });
  return { inputs: Object.keys(result.metafile!.inputs), code: result.outputFiles![0]!.text };
}

describe('the server’s boundary', () => {
  it('bundled for Node, src/server/index.ts holds only its own modules, the contract’s schemas and input rule, and zod', async () => {
    const { inputs, code } = await inputsOf({
      entryPoints: [join(root, 'src/server/index.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      absWorkingDir: root,
    });
    const ours = inputs.filter((path) => !path.startsWith('node_modules/'));
    const theirs = inputs.filter((path) => path.startsWith('node_modules/'));
    assert.ok(
      ours.some((path) => path === 'src/server/token-service.ts'),
      'the bundle is the server',
    );
    assert.deepEqual(
      ours.filter((path) => !path.startsWith('src/server/')).sort(),
      ['src/api/schemas.ts', 'src/api/text-rules.ts'],
      'from outside src/server, only the contract and its input rule',
    );
    assert.deepEqual(
      theirs.filter((path) => !path.startsWith('node_modules/zod/')),
      [],
      'no dependency but zod (no lit, no @lit/*, no msw)',
    );
    for (const dom of ['HTMLElement', 'customElements', 'document.', 'window.', 'localStorage']) {
      assert.ok(!code.includes(dom), `the bundle mentions ${dom}`);
    }
    assert.doesNotMatch(code, /from\s*["']node:/, 'no Node module either: it runs on Workers, Deno and Bun too');
  });

  it('the browser bundle holds nothing of the server', async () => {
    const { inputs } = await inputsOf(bundleOptions());
    assert.ok(
      inputs.some((path) => path.includes('src/token-list/')),
      'the bundle is the elements',
    );
    assert.deepEqual(
      inputs.filter((path) => path.includes('src/server/')),
      [],
    );
  });
});
