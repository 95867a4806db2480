/**
 * The only form in which a secret is stored: its SHA-256. Where the runtime offers Node's crypto
 * without an import (`process.getBuiltinModule`: Node 20.16+, Bun, Deno), the hash is computed
 * synchronously: Web Crypto's digest is asynchronous, and the hop to its thread pool was most of
 * `verify`'s p99 on a busy machine. Elsewhere (Workers, browsers) Web Crypto does it. Both give
 * the same digest; the tests compare them.
 */
interface NodeCrypto {
  createHash(algorithm: 'sha256'): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
}

const runtime = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
const nodeCrypto = runtime.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
const encoder = new TextEncoder();

/** SHA-256 of the secret's UTF-8 bytes through Web Crypto, as 64 lowercase hex digits. */
export async function hashWithWebCrypto(secret: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(secret)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** SHA-256 of the secret's UTF-8 bytes, as 64 lowercase hex digits. */
export async function hashSecret(secret: string): Promise<string> {
  return nodeCrypto ? nodeCrypto.createHash('sha256').update(secret, 'utf8').digest('hex') : hashWithWebCrypto(secret);
}
