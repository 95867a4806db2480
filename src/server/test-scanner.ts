/**
 * A stand-in for GitHub's secret scanning, for a host's tests and demos: its own ECDSA P-256 key
 * pair, published as GitHub publishes its keys, and reports signed as GitHub signs them (SHA-256
 * over the raw body, the signature in base64 DER). Give `keys` to `secretScanning.keys`, and
 * POST what `report` returns to `{basePath}/secret-scanning`.
 */
import type { SecretScanningKeyDocument } from './secret-scanning.js';

/** A reported secret, in GitHub's words. */
export interface ScannerFinding {
  token: string;
  /** The name the host registered for its secrets, e.g. `acme_personal_access_token`. */
  type?: string;
  /** Where it was found. */
  url?: string;
  /** In what: `content`, `commit`, `pull_request_description`, `issue_comment`, … */
  source?: string;
}

export interface TestSecretScanner {
  /** The key's id, sent as `Github-Public-Key-Identifier`. */
  readonly keyId: string;
  /** The key document, as GitHub serves it: this scanner's public key, current. */
  readonly keys: SecretScanningKeyDocument;
  /** The headers that sign `body`: the key's id and the base64 DER signature. */
  sign(body: string): Promise<Record<string, string>>;
  /** A signed report of `findings`, as GitHub POSTs it to `url` (your `{basePath}/secret-scanning`). */
  report(url: string | URL, findings: readonly ScannerFinding[]): Promise<Request>;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** One DER INTEGER of a P1363 half: leading zeros dropped, a zero added when the top bit is set. */
function derInteger(half: Uint8Array): number[] {
  let start = 0;
  while (start < half.length - 1 && half[start] === 0) start += 1;
  const value = [...half.subarray(start)];
  return [0x02, ...(value[0]! & 0x80 ? [value.length + 1, 0, ...value] : [value.length, ...value])];
}

/** Web Crypto's signature (`r || s`) as DER, what GitHub sends. */
export function p1363ToDer(signature: Uint8Array): Uint8Array {
  const half = signature.length / 2;
  const body = [...derInteger(signature.subarray(0, half)), ...derInteger(signature.subarray(half))];
  return new Uint8Array([0x30, body.length, ...body]);
}

export async function createTestSecretScanner({ keyId }: { keyId?: string } = {}): Promise<TestSecretScanner> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const pem = `-----BEGIN PUBLIC KEY-----\n${toBase64(spki).replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`;
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  const id = keyId ?? [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');

  const sign = async (body: string) => {
    const raw = new Uint8Array(
      await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(body)),
    );
    return { 'Github-Public-Key-Identifier': id, 'Github-Public-Key-Signature': toBase64(p1363ToDer(raw)) };
  };

  return {
    keyId: id,
    keys: { public_keys: [{ key_identifier: id, key: pem, is_current: true }] },
    sign,
    async report(url, findings) {
      const body = JSON.stringify(findings.map((finding) => ({ type: 'personal_access_token', source: 'content', ...finding })));
      return new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(await sign(body)) }, body });
    },
  };
}
