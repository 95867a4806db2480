/**
 * Reads a request's JSON body with the checks a public endpoint needs: JSON only (415), at most
 * `MAX_BODY_BYTES` (413, checked while reading, so a huge or endless body is never buffered),
 * valid UTF-8 and JSON (400).
 */
import { problem } from './responses.js';

/** The contract's requests are a few hundred bytes; 16 KB leaves room and nothing more. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * Requests whose body `toNodeListener` wrote again from what a parser left (`express.json()`'s
 * object): the same JSON, not the same bytes, which a signature over the raw body (GitHub's
 * secret-scanning reports) cannot match.
 */
export const rewrittenBodies = new WeakSet<Request>();

export type BodyResult = { ok: true; value: unknown } | { ok: false; response: Response };

function isJsonType(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'));
}

export const tooLarge = (maxBytes = MAX_BODY_BYTES) =>
  problem(413, {
    detail: `The request body must be at most ${maxBytes >= 1024 * 1024 ? `${maxBytes / 1024 / 1024} MB` : `${maxBytes / 1024} KB`}.`,
  });

/** The body's bytes, at most `maxBytes` (413 beyond, checked while reading: a huge body is never buffered). */
export async function readBodyBytes(
  request: Request,
  maxBytes: number,
): Promise<{ ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; response: Response }> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > maxBytes) return { ok: false, response: tooLarge(maxBytes) };
  const chunks: Uint8Array[] = [];
  let length = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (length + value.byteLength > maxBytes) {
        await reader.cancel();
        return { ok: false, response: tooLarge(maxBytes) };
      }
      chunks.push(value);
      length += value.byteLength;
    }
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export async function readJsonBody(request: Request): Promise<BodyResult> {
  if (!isJsonType(request.headers.get('content-type'))) {
    return { ok: false, response: problem(415, { detail: 'Send the request body as JSON, with Content-Type: application/json.' }) };
  }
  const body = await readBodyBytes(request, MAX_BODY_BYTES);
  if (!body.ok) return body;

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body.bytes);
  } catch {
    return { ok: false, response: problem(400, { detail: 'The request body is not valid UTF-8.' }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, response: problem(400, { detail: 'The request body is not valid JSON.' }) };
  }
}
