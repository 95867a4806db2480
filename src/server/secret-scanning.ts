/**
 * The receiver of GitHub's secret scanning partner program: when a secret matching the host's
 * pattern turns up in public code, GitHub POSTs it here, signed; each one of ours is revoked at
 * once (`service.revokeLeaked`) and the host is told (`onLeak`). Mounted by `createFetchHandler`
 * at `{basePath}/secret-scanning` when it is given `secretScanning`.
 *
 * ```
 * POST {basePath}/secret-scanning
 * Github-Public-Key-Identifier: <key id>
 * Github-Public-Key-Signature: <base64 DER ECDSA P-256 / SHA-256 signature of the raw body>
 * [{ "token": "acme_…", "type": "acme_personal_access_token", "url": "https://github.com/…", "source": "content" }]
 * -> 200 [{ "token_hash": "<sha256 hex>", "token_type": "acme_personal_access_token", "label": "true_positive" }]
 * ```
 *
 * Nothing is read before the signature is checked against GitHub's key: a missing, malformed or
 * wrong signature, or an unknown key, is a 401 that changes nothing. No user session is involved.
 */
import { SetupError, TokenServiceError } from './errors.js';
import { readBodyBytes, rewrittenBodies } from './json-body.js';
import { json, problem } from './responses.js';
import type { RevocationEvent } from './revocation.js';
import type { TokenService } from './token-service.js';

/** Where GitHub publishes the keys it signs with. */
export const GITHUB_SECRET_SCANNING_KEYS_URL = 'https://api.github.com/meta/public_keys/secret_scanning';

/** GitHub's key document: its signing keys (PEM, SPKI), one of them current; the others are being rotated out. */
export interface SecretScanningKeyDocument {
  public_keys: ReadonlyArray<{ key_identifier: string; key: string; is_current?: boolean }>;
}

/**
 * GitHub's keys: the document itself; a URL that serves it (`GITHUB_SECRET_SCANNING_KEYS_URL`),
 * kept for an hour and fetched again when a report names a key it lacks, at most once a minute;
 * or a function returning it (called as the URL would be fetched).
 */
export type SecretScanningKeys =
  SecretScanningKeyDocument | string | URL | (() => SecretScanningKeyDocument | Promise<SecretScanningKeyDocument>);

/** What `onLeak` hears: a token GitHub's report revoked, its owner, where it was found and in what. */
export type LeakEvent = RevocationEvent & { reason: 'leaked' };

export interface SecretScanningOptions {
  keys: SecretScanningKeys;
  /**
   * Called for each token a report revoked (not again for the same report, nor for secrets that
   * are not ours), after the revocation is stored: e-mail the owner. Awaited before GitHub gets
   * its answer; keep it quick (queue the e-mail). What it throws goes to the handler's `onError`.
   */
  onLeak?(event: LeakEvent): void | Promise<void>;
}

/** GitHub's reports are a few KB; 1 MB is room for thousands of secrets in one. */
export const MAX_REPORT_BYTES = 1024 * 1024;
/** A URL or function's document is used this long before it is fetched again. */
export const KEYS_MAX_AGE_MS = 3_600_000;
/** A report naming a key the document lacks fetches it again, but no more often than this. */
export const KEYS_REFETCH_INTERVAL_MS = 60_000;
const KEYS_FETCH_TIMEOUT_MS = 5_000;

const unauthorized = (detail: string) => problem(401, { detail });

// --- Keys -------------------------------------------------------------------------------------

function parseKeyDocument(value: unknown): Map<string, string> {
  const keys = (value as Partial<SecretScanningKeyDocument> | null)?.public_keys;
  if (!Array.isArray(keys))
    throw new TypeError('a secret-scanning key document is { public_keys: [{ key_identifier, key, is_current }] }.');
  const byId = new Map<string, string>();
  for (const entry of keys as unknown[]) {
    const { key_identifier: id, key } = (entry ?? {}) as { key_identifier?: unknown; key?: unknown };
    if (typeof id === 'string' && id !== '' && typeof key === 'string') byId.set(id, key);
  }
  return byId;
}

function base64Bytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) return null;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A PEM public key (SPKI) as an ECDSA P-256 verification key; null when it is not one. */
async function importKey(pem: string): Promise<CryptoKey | null> {
  const body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s+/g, '');
  const der = base64Bytes(body);
  if (!der) return null;
  try {
    return await crypto.subtle.importKey('spki', der, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    return null;
  }
}

/**
 * Web Crypto's `CryptoKey`, opaque in the declarations: a host's Node project compiles without the
 * DOM library, which is where that name is declared.
 */
export type VerificationKey = object;

export interface KeySource {
  /** The verification key with this id; `null` when the document has none (or not a P-256 one). */
  keyFor(id: string): Promise<VerificationKey | null>;
}

/** How long ago the document was loaded, and the clock it is compared with (tests move it). */
export function createKeySource(keys: SecretScanningKeys, now: () => number = Date.now): KeySource {
  const imported = new Map<string, Promise<CryptoKey | null>>();
  const keyOf = (pem: string) => {
    let key = imported.get(pem);
    if (!key) imported.set(pem, (key = importKey(pem)));
    return key;
  };

  if (typeof keys === 'object' && !(keys instanceof URL)) {
    const byId = parseKeyDocument(keys);
    return { keyFor: async (id) => (byId.has(id) ? keyOf(byId.get(id)!) : null) };
  }

  const load: () => Promise<unknown> =
    typeof keys === 'function'
      ? async () => keys()
      : async () => {
          const url = new URL(keys);
          if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('secretScanning.keys must be an http(s) URL.');
          const response = await fetch(url, {
            headers: { Accept: 'application/json' },
            signal: AbortSignal.timeout(KEYS_FETCH_TIMEOUT_MS),
          });
          if (!response.ok) throw new Error(`the key document at ${url.href} answered ${response.status}`);
          return response.json();
        };
  if (typeof keys !== 'function') new URL(keys); // a malformed URL is the host's mistake: thrown at setup

  /** The document last loaded: each key (PEM) by its id, and when. */
  let held: { byId: Map<string, string>; at: number } | undefined;
  let loading: Promise<void> | undefined;
  /** When the document was last asked for, fetched or not: the bound on refetches. */
  let askedAt = -Infinity;
  const reload = () =>
    (loading ??= (async () => {
      askedAt = now();
      try {
        held = { byId: parseKeyDocument(await load()), at: now() };
      } finally {
        loading = undefined;
      }
    })());

  return {
    async keyFor(id) {
      if (!held || now() - held.at >= KEYS_MAX_AGE_MS) {
        try {
          await reload();
        } catch (error) {
          // A stale document still verifies what it can; without one, nothing can be verified.
          if (!held) throw new KeysUnavailableError(error);
        }
      } else if (!held.byId.has(id) && now() - askedAt >= KEYS_REFETCH_INTERVAL_MS) {
        // A key GitHub started signing with since the last fetch; an attacker's made-up ids cost one fetch a minute.
        await reload().catch(() => {});
      }
      const pem = held!.byId.get(id);
      return pem === undefined ? null : keyOf(pem);
    },
  };
}

/** The key document could not be fetched, and none was fetched before: a 503, GitHub retries. */
export class KeysUnavailableError extends Error {
  override readonly name = 'KeysUnavailableError';
  constructor(cause: unknown) {
    super('pat-elements/server: the secret-scanning key document could not be loaded, so no report can be verified.', { cause });
  }
}

// --- Signatures ---------------------------------------------------------------------------------

const COORDINATE = 32;

/**
 * An ECDSA signature in DER (`SEQUENCE { INTEGER r, INTEGER s }`, what GitHub sends) as IEEE P1363
 * (`r || s`, 32 bytes each, what Web Crypto verifies); null for anything else.
 */
export function derToP1363(der: Uint8Array): Uint8Array<ArrayBuffer> | null {
  let at = 0;
  const length = (): number | null => {
    const first = der[at++];
    if (first === undefined) return null;
    if (first < 0x80) return first;
    if (first !== 0x81) return null; // P-256 signatures are under 256 bytes
    const value = der[at++];
    return value !== undefined && value >= 0x80 ? value : null;
  };
  const integer = (): Uint8Array | null => {
    if (der[at++] !== 0x02) return null;
    const size = length();
    if (size === null || size === 0 || at + size > der.length) return null;
    let value = der.subarray(at, at + size);
    at += size;
    if (value[0]! & 0x80) return null; // negative: not a signature value
    while (value.length > 1 && value[0] === 0) value = value.subarray(1);
    return value.length <= COORDINATE ? value : null;
  };
  if (der[at++] !== 0x30) return null;
  const total = length();
  if (total === null || at + total !== der.length) return null;
  const r = integer();
  const s = integer();
  if (!r || !s || at !== der.length) return null;
  const out = new Uint8Array(2 * COORDINATE);
  out.set(r, COORDINATE - r.length);
  out.set(s, 2 * COORDINATE - s.length);
  return out;
}

async function verifies(key: CryptoKey, signature: string, body: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const der = base64Bytes(signature.trim());
  const raw = der && derToP1363(der);
  if (!raw) return false;
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, raw, body);
}

// --- The receiver ------------------------------------------------------------------------------

interface ReportedSecret {
  token: string;
  type: string;
  url: string | null;
  source: string | null;
}

function parseReport(bytes: Uint8Array<ArrayBuffer>): ReportedSecret[] | Response {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return problem(400, { detail: 'The report is not valid JSON.' });
  }
  const notAReport = problem(422, { detail: 'The report must be a JSON array of { token, type, url?, source? }.' });
  if (!Array.isArray(value)) return notAReport;
  const reported: ReportedSecret[] = [];
  for (const entry of value as unknown[]) {
    const { token, type, url, source } = (entry ?? {}) as Record<string, unknown>;
    if (typeof token !== 'string' || (type !== undefined && typeof type !== 'string')) return notAReport;
    reported.push({
      token,
      type: type ?? '',
      url: typeof url === 'string' ? url : null,
      source: typeof source === 'string' ? source : null,
    });
  }
  return reported;
}

export interface SecretScanningReceiver {
  /** Answers one POST to `{basePath}/secret-scanning`. */
  receive(request: Request): Promise<Response>;
}

export function createSecretScanningReceiver(
  service: TokenService,
  options: SecretScanningOptions,
  onError: (error: unknown, request: Request) => void,
): SecretScanningReceiver {
  if (!options || options.keys === undefined || options.keys === null) {
    throw new TypeError('secretScanning needs keys: GitHub’s key document, its URL, or a function returning it.');
  }
  if (options.onLeak !== undefined && typeof options.onLeak !== 'function')
    throw new TypeError('secretScanning.onLeak must be a function.');
  const keys = createKeySource(options.keys);

  return {
    async receive(request) {
      const keyId = request.headers.get('github-public-key-identifier');
      const signature = request.headers.get('github-public-key-signature');
      if (!keyId || !signature)
        return unauthorized('A report must be signed: Github-Public-Key-Identifier and Github-Public-Key-Signature.');

      const body = await readBodyBytes(request, MAX_REPORT_BYTES);
      if (!body.ok) return body.response;

      let key: VerificationKey | null;
      try {
        key = await keys.keyFor(keyId);
      } catch (error) {
        if (!(error instanceof KeysUnavailableError)) throw error;
        onError(error, request);
        throw new TokenServiceError('unavailable', error.message, undefined, { cause: error });
      }
      if (!key) return unauthorized('The report is signed with a key that is not GitHub’s.');
      if (!(await verifies(key as CryptoKey, signature, body.bytes))) {
        if (rewrittenBodies.has(request)) {
          onError(
            new SetupError(
              'pat-elements/server: a body parser (express.json()?) read a secret-scanning report before the token handler, so its ' +
                'signature, over the bytes GitHub sent, cannot be checked: mount the token handler before body parsers, or give ' +
                'its secret-scanning path express.raw({ type: "application/json" }).',
            ),
            request,
          );
        }
        return unauthorized('The report’s signature does not match its body.');
      }

      const reported = parseReport(body.bytes);
      if (reported instanceof Response) return reported;

      const results = await service.revokeLeaked(reported.map(({ token, url, source }) => ({ secret: token, url, source })));
      if (options.onLeak) {
        for (const { event } of results) {
          if (!event) continue;
          try {
            await options.onLeak(event as LeakEvent);
          } catch (error) {
            onError(error, request);
          }
        }
      }
      return json(
        200,
        results.map((result, index) => ({
          token_hash: result.secretHash,
          token_type: reported[index]!.type,
          label: result.outcome === 'revoked' || result.outcome === 'already-revoked' ? 'true_positive' : 'false_positive',
        })),
      );
    },
  };
}
