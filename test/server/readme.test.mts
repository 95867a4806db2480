// The server's examples type-check against the real API: every ```ts block of docs/server.md and
// of the README's Express, Hono and Next.js examples, each compiled as its own module (host
// functions it only mentions are declared; Hono and the Next.js alias are stubbed, Express has
// its real types).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import ts from 'typescript';
import { codeBlocks, readDoc, section } from '../support/markdown.mjs';

const root = join(import.meta.dirname, '../..');
const README_HOSTS = ['Express', 'Hono', 'Next.js'];
const serverDocBlocks = codeBlocks(readDoc('docs/server.md'), 'ts');
const readme = readDoc('README.md');
const hostBlocks = new Map(README_HOSTS.map((host) => [host, codeBlocks(section(readme, host, 'README.md'), 'ts')]));
const blocks = [...serverDocBlocks, ...[...hostBlocks.values()].flat()];

mkdirSync(join(root, '.scratch'), { recursive: true });
const dir = mkdtempSync(join(root, '.scratch/readme-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const STUBS = `
declare module 'hono' {
  export interface Context {
    req: { raw: Request; header(name: string): string | undefined };
    json(body: unknown, status?: number): Response;
  }
  type Handler = (c: Context) => Response | Promise<Response>;
  export class Hono { all(path: string, handler: Handler): this; get(path: string, handler: Handler): this; }
}
declare module '@/lib/tokens' {
  export const handler: import('pat-elements/server').FetchHandler;
  export const tokenApi: import('pat-elements/server').FetchHandler;
  export const tokens: import('pat-elements/server').TokenService;
}
`;

/** Declarations of what a block uses but leaves to the host (or to the quick start / the page's first example). */
function prelude(block: string): string {
  const declares = (name: string) =>
    new RegExp(
      `\\b(const|let|var|function|class)\\s+${name}\\b|\\bimport\\s*\\{[^}]*\\b${name}\\b[^}]*\\}|\\bexport\\s+const\\s+${name}\\b`,
    ).test(block);
  const lines: string[] = [];
  if (!declares('toNodeListener') && block.includes('toNodeListener')) lines.push(`import { toNodeListener } from 'pat-elements/server';`);
  if (!declares('tokens') && /\btokens\b[.,]/.test(block)) lines.push(`declare const tokens: import('pat-elements/server').TokenService;`);
  for (const name of ['handler', 'tokenApi']) {
    if (!declares(name) && new RegExp(`\\b${name}\\b`).test(block))
      lines.push(`declare const ${name}: import('pat-elements/server').FetchHandler;`);
  }
  lines.push('declare function sessionUserId(request: Request): Promise<string | null>;');
  lines.push('declare function currentUserId(request: Request): string | null;');
  return `${lines.join('\n')}\n`;
}

it('docs/server.md has the examples it promises: plain Node, verify, Express, Hono, Next.js', () => {
  assert.ok(serverDocBlocks.length >= 5, `found ${serverDocBlocks.length} blocks`);
  for (const needle of ['postgresStore', 'tokens.verify', "from 'express'", "from 'hono'", 'as GET']) {
    assert.ok(
      serverDocBlocks.some((block) => block.includes(needle)),
      needle,
    );
  }
});

it("the README's Express, Hono and Next.js examples each mount the token API and accept a token", () => {
  for (const [host, found] of hostBlocks) {
    assert.ok(found.length > 0, `the README has a ts example under "${host}"`);
    const code = found.join('\n');
    assert.match(code, /\/api\/tokens|tokenApi as GET/, `${host} mounts the token API`);
    assert.match(code, /tokens\.verify\(secret\)/, `${host} has a route that accepts a token`);
  }
});

it('every example type-checks against pat-elements/server', () => {
  const files = blocks.map((block, n) => {
    const file = join(dir, `example-${n}.ts`);
    writeFileSync(file, `${prelude(block)}${block}\nexport {};\n`);
    return file;
  });
  writeFileSync(join(dir, 'stubs.d.ts'), STUBS);
  const program = ts.createProgram([...files, join(dir, 'stubs.d.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    allowSyntheticDefaultImports: true,
    esModuleInterop: true,
    baseUrl: root,
    paths: { 'pat-elements/server': ['src/server/index.ts'] },
  });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || d.file.fileName.startsWith(dir))
    .map((d) => `${d.file ? `${d.file.fileName.slice(dir.length + 1)}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  assert.deepEqual(problems, []);
});
