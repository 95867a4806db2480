// The README's server examples type-check against the real API: every ```ts block of "The
// server" section, compiled as its own module (host functions it only mentions are declared;
// Hono and the Next.js alias are stubbed, Express has its real types).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import ts from 'typescript';

const root = join(import.meta.dirname, '../..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.slice(readme.indexOf('## The server'), readme.indexOf('\n## ', readme.indexOf('## The server') + 1));
const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

mkdirSync(join(root, '.scratch'), { recursive: true });
const dir = mkdtempSync(join(root, '.scratch/readme-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const STUBS = `
declare module 'hono' {
  export interface Context { req: { raw: Request } }
  export class Hono { all(path: string, handler: (c: Context) => Response | Promise<Response>): this; }
}
declare module '@/lib/tokens' {
  export const handler: import('pat-elements/server').FetchHandler;
}
`;

/** Declarations of what a block uses but leaves to the host (or to the README's first example). */
function prelude(block: string): string {
  const declares = (name: string) => new RegExp(`\\b(const|function|let|import[^;]*)\\s*\\{?[^;]*\\b${name}\\b`).test(block);
  const lines: string[] = [];
  if (!declares('toNodeListener') && block.includes('toNodeListener')) lines.push(`import { toNodeListener } from 'pat-elements/server';`);
  if (!declares('tokens') && block.includes('tokens.')) lines.push(`declare const tokens: import('pat-elements/server').TokenService;`);
  if (!declares('handler') && /\bhandler\b/.test(block)) lines.push(`declare const handler: import('pat-elements/server').FetchHandler;`);
  lines.push('declare function sessionUserId(request: Request): Promise<string | null>;');
  return `${lines.join('\n')}\n`;
}

it('has the examples it promises: plain Node, verify, Express, Hono, Next.js', () => {
  assert.ok(blocks.length >= 5, `found ${blocks.length} blocks`);
  for (const needle of ['postgresStore', 'tokens.verify', "from 'express'", "from 'hono'", 'as GET']) {
    assert.ok(
      blocks.some((block) => block.includes(needle)),
      needle,
    );
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
