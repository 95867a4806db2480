// The server's examples type-check against the real API: every ```ts block of docs/server.md, of
// docs/activity.md, of docs/secret-scanning.md and of the README's Express, Hono and Next.js
// examples, each compiled as its own module (host functions it only mentions are declared; Hono,
// nodemailer and the Next.js alias are stubbed, Express and pg have their real types).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, it } from 'node:test';
import ts from 'typescript';
import { codeBlocks, readDoc, section } from '../support/markdown.mjs';

const root = join(import.meta.dirname, '../..');
const README_HOSTS = ['Express', 'Hono', 'Next.js'];
const serverDocBlocks = codeBlocks(readDoc('docs/server.md'), 'ts');
const activityDocBlocks = codeBlocks(readDoc('docs/activity.md'), 'ts');
const scanningDocBlocks = codeBlocks(readDoc('docs/secret-scanning.md'), 'ts');
const readme = readDoc('README.md');
const hostBlocks = new Map(README_HOSTS.map((host) => [host, codeBlocks(section(readme, host, 'README.md'), 'ts')]));
const blocks = [...serverDocBlocks, ...activityDocBlocks, ...scanningDocBlocks, ...[...hostBlocks.values()].flat()];

mkdirSync(join(root, '.scratch'), { recursive: true });
const dir = mkdtempSync(join(root, '.scratch/readme-server-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const STUBS = `
declare module 'hono' {
  type Env = { Variables?: Record<string, unknown> };
  export interface Context<E extends Env = Env> {
    req: { raw: Request; header(name: string): string | undefined };
    var: E['Variables'] & {};
    json(body: unknown, status?: number): Response;
  }
  type Handler<E extends Env> = (c: Context<E>) => Response | Promise<Response>;
  export class Hono<E extends Env = Env> { all(path: string, handler: Handler<E>): this; get(path: string, handler: Handler<E>): this; }
}
declare module '@/lib/tokens' {
  export const handler: import('pat-elements/server').FetchHandler;
  export const tokenApi: import('pat-elements/server').FetchHandler;
  export const tokens: import('pat-elements/server').TokenService;
}
declare module '@/auth' {
  export function auth(): Promise<{ user?: { id?: string } } | null>;
}
declare module 'express-session' {}
declare module 'nodemailer' {
  interface Transporter { sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown> }
  const nodemailer: { createTransport(url: string | undefined): Transporter };
  export default nodemailer;
}
// What @types/passport and @types/express-session add to Express's request (with the host's SessionData).
declare namespace Express {
  interface User { id: string }
  interface Request { user?: User; session: { userId?: string } }
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
  // The host's own code the examples call.
  const hostDeclarations: Record<string, string> = {
    reposOf: 'declare function reposOf(userId: string): Promise<unknown[]>;',
    startDeploy: 'declare function startDeploy(app: string, userId: string): Promise<unknown>;',
    log: 'declare const log: { info(message: string, fields: object): void };',
    secret: 'declare const secret: string;',
    remoteAddress: 'declare const remoteAddress: string | undefined;',
    userAgent: 'declare const userAgent: string | undefined;',
    userId: 'declare const userId: string;',
    notifyOwner: 'declare function notifyOwner(userId: string, name: string, url: string | null, why: string | null): Promise<void>;',
    store: "declare const store: import('pat-elements/server').TokenStore;",
    mailer: 'declare const mailer: { send(userId: string, text: string): Promise<void> };',
  };
  for (const [name, declaration] of Object.entries(hostDeclarations)) {
    if (!declares(name) && new RegExp(`\\b${name}\\b`).test(block)) lines.push(declaration);
  }
  return `${lines.join('\n')}\n`;
}

it('docs/server.md has the examples it promises: plain Node, requireToken, check, Express, Hono, Next.js', () => {
  assert.ok(serverDocBlocks.length >= 5, `found ${serverDocBlocks.length} blocks`);
  for (const needle of ['postgresStore', 'requireToken(', 'tokens.check(', 'tokenOf(req)', "from 'express'", "from 'hono'", 'as GET']) {
    assert.ok(
      serverDocBlocks.some((block) => block.includes(needle)),
      needle,
    );
  }
});

it('docs/activity.md has the examples it promises: onActivity, expiry reminders, a complete cron job', () => {
  for (const needle of ['onActivity:', 'expiryReminders:', 'tokens.maintain()', 'pool.end()', 'sendMail(']) {
    assert.ok(
      activityDocBlocks.some((block) => block.includes(needle)),
      needle,
    );
  }
});

it('docs/secret-scanning.md shows the receiver, the hook, revokeLeaked, revokeAll and the test scanner', () => {
  for (const needle of ['secretScanning:', 'onRevocation:', 'tokens.revokeLeaked(', 'tokens.revokeAll(', 'createTestSecretScanner()']) {
    assert.ok(
      scanningDocBlocks.some((block) => block.includes(needle)),
      needle,
    );
  }
});

it("the README's Express, Hono and Next.js examples each mount the token API and accept a token", () => {
  for (const [host, found] of hostBlocks) {
    assert.ok(found.length > 0, `the README has a ts example under "${host}"`);
    const code = found.join('\n');
    assert.match(code, /\/api\/tokens|tokenApi as GET/, `${host} mounts the token API`);
    assert.match(code, /tokens\.requireToken\(/, `${host} has a route that accepts a token, through requireToken`);
    assert.doesNotMatch(code, /authorization|Bearer/i, `${host} reads no Authorization header by hand`);
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
