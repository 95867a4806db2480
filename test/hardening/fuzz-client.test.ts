/**
 * Property-based fuzzing of every answer `RestTokenClient` parses: 1,500 generated responses per
 * operation (valid, near-valid, garbage, error bodies). Each call either resolves with data that
 * renders sensibly (non-empty id, dates that are real dates) or rejects with one of our typed
 * errors whose message reads well and never echoes a secret. Nothing else (no TypeError, no
 * RangeError) may come out.
 *
 * The platform's `fetch` is replaced by one that answers with the generated `Response`, so the
 * whole client runs unchanged but without a round trip through the service worker per case; the
 * rendering is fuzzed through msw in fuzz-render.test.ts.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ContractError, HttpError, isPatError } from '../../src/api/errors.js';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { Token } from '../../src/api/schemas.js';
import { validatingClient } from '../../src/api/validating-client.js';
import { defaultStrings } from '../../src/internal/pat-strings.js';
import { describeError } from '../../src/internal/strings.js';
import { createResponse, listResponse, revokeResponse, toResponse, type GeneratedResponse } from '../support/arbitraries.js';

const RUNS = 1500;
const strings = defaultStrings;
const BAD_WORDS = /undefined|NaN|Invalid Date|\[object /;

function answerWith(generated: GeneratedResponse): void {
  window.fetch = () => Promise.resolve(toResponse(generated));
}

function expectRenderableToken(token: Token): void {
  expect(token.id).to.be.a('string').and.not.equal('');
  expect(token.name).to.be.a('string');
  expect(token.partialKey).to.be.a('string');
  for (const date of [token.createdAt, token.expiresAt, token.lastUsedAt]) {
    if (date === null || date === undefined) continue;
    expect(Number.isNaN(new Date(date).getTime()), `${date} is a real date`).to.be.false;
  }
}

/** A failure the elements can show: a typed error with a clear, secret-free message. */
function expectShowableError(error: unknown, answer: GeneratedResponse, secret?: string): void {
  if (!isPatError(error)) throw new Error(`not a typed error: ${String(error)}`, { cause: error });
  const message = describeError(error, strings);
  expect(message.trim()).to.not.equal('');
  // The server's own words (a problem's title or detail) may say anything; ours must read well.
  const fromServer = error instanceof HttpError && (message === error.detail || message === error.title);
  if (!fromServer) expect(BAD_WORDS.test(message), `message reads well: ${message} (answer ${answer.body.slice(0, 80)})`).to.be.false;
  if (error instanceof ContractError) expect(BAD_WORDS.test(error.message), error.message).to.be.false;
  if (secret) {
    expect(JSON.stringify({ message: error.message, describe: message, stack: error.stack }).includes(secret), 'no secret in the error').to
      .be.false;
    if (error instanceof HttpError) expect(JSON.stringify(error.fieldErrors).includes(secret)).to.be.false;
  }
}

describe('fuzzing what the client parses', () => {
  const originalFetch = window.fetch;
  const client = new RestTokenClient({ endpoint: '/api/fuzz' });
  const signal = new AbortController().signal;
  afterEach(() => {
    window.fetch = originalFetch;
  });

  it(`list: ${RUNS} generated answers end in tokens that render or a typed error`, async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(listResponse, async (generated) => {
        answerWith(generated);
        try {
          const { tokens } = await client.list(signal);
          expect(generated.status).to.equal(200);
          tokens.forEach(expectRenderableToken);
        } catch (error) {
          expectShowableError(error, generated);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`create: ${RUNS} generated answers end in a token and secret or a typed error that never echoes the secret`, async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(createResponse, async (generated) => {
        answerWith(generated);
        try {
          const created = await client.create({ name: 'fuzz', expiresInDays: 30 }, signal);
          expectRenderableToken(created.token);
          expect(created.secret).to.equal(generated.secret);
        } catch (error) {
          expectShowableError(error, generated, generated.secret);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`revoke: ${RUNS} generated answers resolve (2xx, 404) or reject with a typed error`, async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(revokeResponse, async (generated) => {
        answerWith(generated);
        try {
          await client.revoke('tok_1', signal);
          expect((generated.status >= 200 && generated.status < 300) || generated.status === 404, `resolved on ${generated.status}`).to.be
            .true;
        } catch (error) {
          expectShowableError(error, generated);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`a host adapter's results: ${RUNS} generated values are validated like answers`, async function () {
    this.timeout(60_000);
    await fc.assert(
      fc.asyncProperty(listResponse, createResponse, async (listed, created) => {
        const parse = (generated: GeneratedResponse) => {
          try {
            return JSON.parse(generated.body) as unknown;
          } catch {
            return generated.body;
          }
        };
        const listedValue = parse(listed);
        const adapter = validatingClient({
          list: async () => (listedValue as { tokens?: unknown })?.tokens as Token[],
          create: async () => parse(created) as never,
          revoke: async () => undefined,
        });
        await adapter.list(signal).then(
          ({ tokens }) => tokens.forEach(expectRenderableToken),
          (error) => expectShowableError(error, listed),
        );
        await adapter.create({ name: 'fuzz', expiresInDays: 1 }, signal).then(
          (result) => expectRenderableToken(result.token),
          (error) => expectShowableError(error, created, created.secret),
        );
      }),
      { numRuns: RUNS },
    );
  });
});
