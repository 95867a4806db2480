/**
 * fast-check generators for what a server (or a broken proxy, or an attacker) can answer: valid
 * bodies, near-valid ones (one field missing or mistyped, a date that almost parses) and garbage.
 */
import fc from 'fast-check';

/** Dates that zod's ISO check may let through and that a formatter could still choke on. */
const trickyDateTimes = fc.constantFrom(
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '9999-12-31T23:59:59.999999999+14:00',
  '2024-02-29T12:00:00Z',
  '2023-02-29T12:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-01-01T24:00:00Z',
  '2026-01-01T23:59:60Z',
  '2026-01-01T00:00:00-23:59',
  '2026-01-01T00:00:00+24:00',
  '2026-01-01',
  '2026-01-01T00:00:00',
  '1970-01-01T00:00:00.000Z',
  '',
);

const generatedDateTimes = fc.stringMatching(/^\d{4}-[01]\d-[0-3]\dT[0-2]\d:[0-6]\d(:[0-6]\d(\.\d{1,9})?)?(Z|[+-][0-2]\d:[0-6]\d)$/);

const validDateTime = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

/** A date-time the contract accepts, mostly realistic, sometimes at the edges. */
export const dateTime = fc.oneof(
  { weight: 4, arbitrary: validDateTime },
  { weight: 1, arbitrary: trickyDateTimes },
  { weight: 1, arbitrary: generatedDateTimes },
);

/** Any text: plain, full unicode, control and bidi characters, markup. */
export const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('<img src=x onerror=alert(1)>', '\u202Egnp.exe', '\u200B', 'undefined', 'NaN', 'null', '{name}', '$&'),
);

export const validToken = fc.record(
  {
    id: fc.string({ minLength: 1 }),
    name: anyText,
    description: fc.option(anyText, { nil: null }),
    partialKey: anyText,
    createdAt: dateTime,
    expiresAt: fc.option(dateTime, { nil: null }),
    lastUsedAt: fc.option(dateTime, { nil: null }),
  },
  { requiredKeys: ['id', 'name', 'partialKey', 'createdAt', 'expiresAt'] },
);

/** Unknown extra members: the contract says a client ignores them. */
const extras = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });

const tokenWithExtras = fc.tuple(validToken, extras).map(([token, extra]) => ({ ...extra, ...token }));

/** A token with exactly one field removed or replaced by a value of any type. */
export const nearValidToken = fc
  .tuple(
    validToken,
    fc.constantFrom('id', 'name', 'description', 'partialKey', 'createdAt', 'expiresAt', 'lastUsedAt'),
    fc.boolean(),
    fc.jsonValue({ maxDepth: 1 }),
  )
  .map(([token, field, remove, value]) => {
    const copy: Record<string, unknown> = { ...token };
    if (remove) delete copy[field];
    else copy[field] = value;
    return copy;
  });

const tokenLike = fc.oneof({ weight: 4, arbitrary: tokenWithExtras }, { weight: 1, arbitrary: nearValidToken });

/** Garbage: any JSON at all, or text that is not JSON. */
const garbageJson = fc.jsonValue({ maxDepth: 3 });

export interface GeneratedResponse {
  status: number;
  contentType: string;
  body: string;
}

const json = (status: number, value: unknown, contentType = 'application/json'): GeneratedResponse => ({
  status,
  contentType,
  body: JSON.stringify(value),
});

const notJson = fc
  .tuple(fc.constantFrom(200, 201, 500, 502), fc.constantFrom('text/html', 'application/json', 'text/plain', ''), fc.string())
  .map(([status, contentType, body]) => ({ status, contentType, body: body.startsWith('{') ? body : `{${body}` }));

/** An error answer: problem+json (valid, near-valid, garbage), or a proxy's page. */
const errorResponse = fc
  .tuple(
    fc.constantFrom(400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 418),
    fc.oneof(
      fc.record(
        {
          type: fc.string(),
          title: anyText,
          status: fc.integer(),
          detail: anyText,
          errors: fc.dictionary(fc.string({ maxLength: 12 }), fc.oneof(anyText, fc.array(anyText, { maxLength: 3 }))),
        },
        { requiredKeys: [] },
      ),
      garbageJson,
    ),
    fc.constantFrom('application/problem+json', 'application/json', 'text/html'),
  )
  .map(([status, problem, contentType]) => json(status, problem, contentType));

export const listResponse: fc.Arbitrary<GeneratedResponse> = fc.oneof(
  { weight: 3, arbitrary: fc.array(tokenWithExtras, { maxLength: 6 }).map((tokens) => json(200, { tokens })) },
  { weight: 3, arbitrary: fc.array(tokenLike, { minLength: 1, maxLength: 6 }).map((tokens) => json(200, { tokens })) },
  { weight: 1, arbitrary: fc.oneof(garbageJson, fc.array(tokenWithExtras, { maxLength: 2 })).map((value) => json(200, value)) },
  { weight: 1, arbitrary: notJson },
  { weight: 2, arbitrary: errorResponse },
);

export const secret = fc
  .string({ minLength: 8, maxLength: 60, unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') })
  .map((s) => `pat_${s}`);

/** A create answer, with the secret it carries (if any) so a test can look for it afterwards. */
export const createResponse: fc.Arbitrary<GeneratedResponse & { secret: string }> = fc
  .tuple(
    secret,
    fc.oneof(
      { weight: 3, arbitrary: tokenWithExtras.map((token) => ({ token })) },
      { weight: 2, arbitrary: nearValidToken.map((token) => ({ token })) },
      { weight: 1, arbitrary: fc.record({ token: fc.jsonValue({ maxDepth: 1 }) }) },
    ),
    fc.constantFrom('ok', 'no-secret', 'secret-mistyped', 'garbage', 'error'),
    fc.oneof(garbageJson, notJson, errorResponse),
  )
  .chain(([secretValue, payload, shape, garbage]) => {
    if (shape === 'ok') return fc.constant({ ...json(201, { ...payload, secret: secretValue }), secret: secretValue });
    if (shape === 'no-secret') return fc.constant({ ...json(201, payload), secret: secretValue });
    // A secret in the wrong place or of the wrong type: the answer is rejected, the value never echoed.
    if (shape === 'secret-mistyped') return fc.constant({ ...json(201, { ...payload, secret: [secretValue] }), secret: secretValue });
    if (shape === 'garbage') {
      const response =
        typeof garbage === 'object' && garbage !== null && 'status' in garbage && 'body' in garbage
          ? (garbage as GeneratedResponse)
          : json(201, garbage);
      return fc.constant({ ...response, secret: secretValue });
    }
    return errorResponse.map((response) => ({ ...response, secret: secretValue }));
  });

/** A DELETE answer: the body of a success is not part of the contract and must be ignored. */
export const revokeResponse: fc.Arbitrary<GeneratedResponse> = fc.oneof(
  fc.constant({ status: 204, contentType: '', body: '' }),
  fc
    .tuple(
      fc.constantFrom(200, 202, 204),
      fc.oneof(
        garbageJson.map((v) => JSON.stringify(v)),
        fc.string(),
      ),
    )
    .map(([status, body]) => ({
      status,
      contentType: 'application/json',
      body: status === 204 ? '' : body,
    })),
  errorResponse,
  notJson.map((response) => ({ ...response, status: 500 })),
);

export function toResponse({ status, contentType, body }: GeneratedResponse): Response {
  const nullBody = status === 204 || status === 205 || status === 304;
  return new Response(nullBody ? null : body, { status, headers: contentType ? { 'Content-Type': contentType } : {} });
}
