/**
 * Every way an answer can go wrong, for each of list, create, revoke, rotate and activity. Each case asserts
 * the error class and its properties, and that the error is tagged with the operation. DELETE only
 * cares about the status: its 404 is "already gone" and its body is never read. A rotate's 404 is
 * a failure: the token to replace is gone.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import {
  ContractError,
  HttpError,
  NetworkError,
  PatError,
  RestTokenClient,
  TimeoutError,
  isAbortError,
  type ActivityPage,
  type CreateTokenResponse,
  type RotateTokenResponse,
  type Token,
  type TokenOperation,
} from '../../src/api/index.js';
import type { MockBackend, MockFault } from '../../src/mock/index.js';
import { useHandlers, useMockBackend } from '../support/mock-backend.js';
import { liveSignal, rejectionOf } from '../support/rejection.js';

const SECRET_PATTERN = /pat_[0-9A-Za-z]{40}/;
const TIMEOUT_MS = 50;

const seeded: Token = {
  id: 'tok_seeded',
  name: 'Seeded',
  description: null,
  partialKey: 'pat_Zz90',
  createdAt: '2026-02-01T08:00:00Z',
  expiresAt: null,
  lastUsedAt: '2026-02-02T08:00:00Z',
};

const operations: Record<TokenOperation, (client: RestTokenClient) => Promise<unknown>> = {
  list: (client) => client.list(liveSignal()),
  create: (client) => client.create({ name: 'Fresh token', expiresInDays: 30 }, liveSignal()),
  revoke: (client) => client.revoke(seeded.id, liveSignal()),
  rotate: (client) => client.rotate(seeded.id, { expiresInDays: 30, gracePeriodHours: 0 }, liveSignal()),
  activity: (client) => client.activity(seeded.id, null, liveSignal()),
};

const methods: Record<TokenOperation, 'get' | 'post' | 'delete'> = {
  list: 'get',
  create: 'post',
  revoke: 'delete',
  rotate: 'post',
  activity: 'get',
};
const URLS: Record<TokenOperation, string> = {
  list: '/api/tokens',
  create: '/api/tokens',
  revoke: '/api/tokens/:id',
  rotate: '/api/tokens/:id/rotate',
  activity: '/api/tokens/:id/activity',
};
const urlOf = (operation: TokenOperation) => URLS[operation];

/** The success status of an operation's answer. */
const created = (operation: TokenOperation) => (operation === 'create' || operation === 'rotate' ? 201 : 200);

/** A one-off answer for `operation` that the mock's faults do not give. */
function answer(operation: TokenOperation, response: () => Response) {
  return useHandlers(http[methods[operation]](urlOf(operation), response));
}

function expectHttpError(
  error: unknown,
  operation: TokenOperation,
  expected: { status: number; title?: string; detail?: string; fieldErrors?: Record<string, string>; message?: RegExp | string },
) {
  expect(error).to.be.instanceOf(HttpError);
  const httpError = error as HttpError;
  expect(httpError.kind).to.equal('http');
  expect(httpError.operation).to.equal(operation);
  expect(httpError.status).to.equal(expected.status);
  expect(httpError.title).to.equal(expected.title);
  expect(httpError.detail).to.equal(expected.detail);
  expect(httpError.fieldErrors).to.deep.equal(expected.fieldErrors ?? {});
  const message = expected.message ?? expected.detail ?? expected.title;
  if (message instanceof RegExp) expect(httpError.message).to.match(message);
  else expect(httpError.message).to.equal(message);
}

function expectContractError(error: unknown, operation: TokenOperation, field: string, forbidden: string[]) {
  expect(error).to.be.instanceOf(ContractError);
  const contractError = error as ContractError;
  expect(contractError.kind).to.equal('contract');
  expect(contractError.operation).to.equal(operation);
  expect(contractError.field).to.equal(field);
  expect(contractError.expected).to.be.a('string').and.not.be.empty;
  if (field) expect(contractError.message).to.contain(`“${field}”`);
  // Neither the offending value nor any secret may leak through the error, whichever way it is read.
  const everything = [
    contractError.message,
    contractError.expected,
    contractError.received,
    String(contractError),
    JSON.stringify(contractError),
  ].join(' | ');
  expect(everything).not.to.match(SECRET_PATTERN);
  for (const value of forbidden) expect(everything).not.to.contain(value);
}

interface FaultCase {
  name: string;
  /** Sets up the fault; most come from the mock, some from a one-off handler. */
  arrange: (backend: MockBackend, operation: TokenOperation) => Promise<void> | void;
  /** Checks the rejection; for revoke, cases that DELETE treats as success set `revokeSucceeds`. */
  check: (error: unknown, operation: TokenOperation) => void;
  revokeSucceeds?: boolean;
  /** Only the timeout case shortens the client's timeout: a busy machine must not fail the others. */
  timeoutMs?: number;
}

const fault = (name: MockFault) => (backend: MockBackend, operation: TokenOperation) => backend.failNext(name, { operation });

const cases: FaultCase[] = [
  {
    name: '500 with problem+json',
    arrange: fault('server-error'),
    check: (error, op) =>
      expectHttpError(error, op, {
        status: 500,
        title: 'Internal Server Error',
        detail: 'Something went wrong on our side. Please try again.',
      }),
  },
  {
    name: '401 with problem+json',
    arrange: fault('unauthorized'),
    check: (error, op) =>
      expectHttpError(error, op, { status: 401, title: 'Unauthorized', detail: 'Your session has expired. Sign in again.' }),
  },
  {
    name: '403 with problem+json',
    arrange: fault('forbidden'),
    check: (error, op) =>
      expectHttpError(error, op, {
        status: 403,
        title: 'Forbidden',
        detail: 'You do not have permission to manage tokens.',
      }),
  },
  {
    name: '404 with problem+json',
    arrange: fault('not-found'),
    check: (error, op) => expectHttpError(error, op, { status: 404, title: 'Not Found', detail: 'The requested resource does not exist.' }),
    revokeSucceeds: true,
  },
  {
    name: '409 with problem+json',
    arrange: fault('conflict'),
    check: (error, op) =>
      expectHttpError(
        error,
        op,
        op === 'rotate'
          ? { status: 409, title: 'Conflict', detail: 'This token has already been regenerated.' }
          : {
              status: 409,
              title: 'Conflict',
              detail: 'A token with this name already exists.',
              fieldErrors: { name: 'Choose a name that is not in use.' },
            },
      ),
  },
  {
    name: '422 with problem+json and field errors',
    arrange: fault('validation'),
    check: (error, op) =>
      expectHttpError(error, op, {
        status: 422,
        title: 'Unprocessable Entity',
        detail: 'Some fields are invalid.',
        fieldErrors:
          op === 'rotate'
            ? { expiresInDays: 'This lifetime is not allowed.', gracePeriodHours: 'This grace period is not allowed.' }
            : { name: 'This name is not allowed.', description: 'The description is too long.' },
      }),
  },
  {
    name: '422 with field errors in the array form',
    arrange: (_backend, op) =>
      answer(op, () =>
        HttpResponse.json(
          {
            type: 'https://example.test/problems/validation',
            title: 'Invalid token request',
            status: 422,
            errors: { name: ['Too short.', 'Contains a forbidden word.'], expiresInDays: 'Pick a duration.', description: ['  '] },
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    check: (error, op) =>
      expectHttpError(error, op, {
        status: 422,
        title: 'Invalid token request',
        fieldErrors: { name: 'Too short. Contains a forbidden word.', expiresInDays: 'Pick a duration.' },
      }),
  },
  {
    name: 'a problem body with blank title and detail',
    arrange: (_backend, op) =>
      answer(op, () =>
        HttpResponse.json(
          { title: ' ', detail: '', status: 403 },
          { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    check: (error, op) => expectHttpError(error, op, { status: 403, message: "You don't have permission to do this." }),
  },
  {
    name: 'an error whose JSON is not problem+json',
    arrange: (_backend, op) => answer(op, () => HttpResponse.json({ title: 7, errors: 'nope' }, { status: 500 })),
    check: (error, op) => expectHttpError(error, op, { status: 500, message: /HTTP 500/ }),
  },
  {
    name: '502 with an HTML body',
    arrange: fault('non-json-error'),
    check: (error, op) => {
      expectHttpError(error, op, { status: 502, message: /HTTP 502/ });
      expect((error as Error).message).not.to.contain('<');
    },
  },
  {
    name: 'a network failure',
    arrange: fault('network'),
    check: (error, op) => {
      expect(error).to.be.instanceOf(NetworkError);
      const networkError = error as NetworkError;
      expect(networkError.kind).to.equal('network');
      expect(networkError.operation).to.equal(op);
      expect(networkError.message).to.equal("Couldn't reach the server. Check your connection and try again.");
      expect(networkError.cause).to.be.instanceOf(TypeError);
      expect(isAbortError(networkError)).to.equal(false);
    },
  },
  {
    name: 'a timeout',
    arrange: fault('timeout'),
    timeoutMs: TIMEOUT_MS,
    check: (error, op) => {
      expect(error).to.be.instanceOf(TimeoutError);
      const timeoutError = error as TimeoutError;
      expect(timeoutError.kind).to.equal('timeout');
      expect(timeoutError.operation).to.equal(op);
      expect(timeoutError.timeoutMs).to.equal(TIMEOUT_MS);
      expect(timeoutError.message).to.contain('took too long');
      expect(isAbortError(timeoutError), 'a timeout is shown, unlike an abort').to.equal(false);
    },
  },
  {
    name: 'malformed JSON',
    arrange: fault('malformed-json'),
    check: (error, op) => {
      expectContractError(error, op, '', ['trunc']);
      expect((error as ContractError).expected).to.equal('JSON');
    },
    revokeSucceeds: true,
  },
  {
    name: 'an HTML page where JSON was expected',
    arrange: (_backend, op) =>
      answer(
        op,
        () => new HttpResponse('<!doctype html><title>Sign in</title>', { status: created(op), headers: { 'Content-Type': 'text/html' } }),
      ),
    check: (error, op) => {
      expectContractError(error, op, '', ['Sign in', '<']);
      expect((error as ContractError).received).to.equal('it is text/html');
    },
    revokeSucceeds: true,
  },
  {
    name: 'a schema violation',
    arrange: fault('schema-violation'),
    check: (error, op) => {
      if (op === 'list') {
        expectContractError(error, op, 'tokens[0].createdAt', ['1700000000']);
        expect((error as ContractError).received).to.equal('it is a number');
      } else if (op === 'activity') {
        expectContractError(error, op, 'events[0].at', ['1700000000']);
        expect((error as ContractError).received).to.equal('it is a number');
      } else {
        expectContractError(error, op, 'token.id', ['42']);
        expect((error as ContractError).expected).to.equal('a string');
      }
    },
    revokeSucceeds: true,
  },
  {
    name: 'a missing required field deep in the answer',
    arrange: (_backend, op) => {
      const { partialKey: _dropped, ...broken } = seeded;
      const secret = 'pat_SECRETsecretSECRETsecretSECRETsecret12';
      const event = { id: 'evt_1', type: 'created', at: seeded.createdAt, tokenId: seeded.id, tokenName: secret };
      const { tokenId: _gone, ...brokenEvent } = event;
      const bodies: Partial<Record<TokenOperation, unknown>> = {
        list: { tokens: [seeded, broken] },
        activity: { events: [event, brokenEvent], next: null },
      };
      return answer(op, () => HttpResponse.json(bodies[op] ?? { token: broken, secret, previous: null }, { status: created(op) }));
    },
    check: (error, op) => {
      const fields: Partial<Record<TokenOperation, string>> = { list: 'tokens[1].partialKey', activity: 'events[1].tokenId' };
      expectContractError(error, op, fields[op] ?? 'token.partialKey', ['SECRETsecret']);
      expect((error as ContractError).received).to.equal('it is missing');
    },
    revokeSucceeds: true,
  },
];

describe('RestTokenClient: faults', () => {
  for (const operation of ['list', 'create', 'revoke', 'rotate', 'activity'] as const) {
    describe(operation, () => {
      for (const { name, arrange, check, revokeSucceeds, timeoutMs } of cases) {
        const succeeds = operation === 'revoke' && revokeSucceeds;
        it(`${name}: ${succeeds ? 'counts as deleted' : 'rejects with a typed error'}`, async () => {
          const backend = await useMockBackend({ seed: [seeded] });
          await arrange(backend, operation);
          const client = new RestTokenClient({ endpoint: '/api/tokens', timeoutMs });

          if (succeeds) {
            expect(await operations[operation](client)).to.equal(undefined);
            return;
          }
          const error = await rejectionOf(operations[operation](client));
          expect(error).to.be.instanceOf(PatError);
          check(error, operation);
        });
      }

      it('extra unknown fields: accepted and dropped', async () => {
        const backend = await useMockBackend({ seed: [seeded] });
        backend.useToken(seeded.id, { ip: '203.0.113.7', userAgent: 'curl/8.5' });
        backend.failNext('extra-fields', { operation });
        const client = new RestTokenClient({ endpoint: '/api/tokens' });

        const result = await operations[operation](client);

        if (operation === 'list') {
          expect(result).to.deep.equal({ tokens: [{ ...seeded, lastUsedAt: backend.tokens()[0]!.lastUsedAt }] });
        } else if (operation === 'activity') {
          const page = result as ActivityPage;
          expect(page.events).to.deep.equal(backend.activity());
          expect(page.events.map((event) => [event.type, event.ip])).to.deep.equal([['new-caller', '203.0.113.7']]);
          expect(page.callers?.map((caller) => caller.userAgent)).to.deep.equal(['curl/8.5']);
          expect(page.next).to.equal(null);
        } else if (operation === 'create') {
          const created = result as CreateTokenResponse;
          expect(Object.keys(created).sort()).to.deep.equal(['secret', 'token']);
          expect(created.token).to.deep.equal(backend.tokens()[0]);
          expect(created.token.name).to.equal('Fresh token');
        } else if (operation === 'rotate') {
          const rotated = result as RotateTokenResponse;
          expect(Object.keys(rotated).sort()).to.deep.equal(['previous', 'secret', 'token']);
          expect(rotated.token).to.deep.equal(backend.tokens()[0]);
          expect(rotated.token.name).to.equal(seeded.name);
        } else {
          expect(result).to.equal(undefined);
          expect(backend.tokens()).to.deep.equal([]);
        }
      });
    });
  }

  it('revoke: a 404 for a token that is already gone resolves', async () => {
    const backend = await useMockBackend({ seed: [] });
    await new RestTokenClient({ endpoint: '/api/tokens' }).revoke('tok_gone', liveSignal());
    expect(backend.requests.map((r) => r.operation)).to.deep.equal(['revoke']);
  });

  it('revoke: a body it does not need is never a reason to fail, even on 204-less success', async () => {
    const backend = await useMockBackend({ seed: [seeded] });
    backend.failNext('malformed-json', { operation: 'revoke' });
    await new RestTokenClient({ endpoint: '/api/tokens' }).revoke(seeded.id, liveSignal());
    expect(backend.tokens()).to.deep.equal([]);
  });

  it('list: an answer without the `tokens` list names it', async () => {
    await useMockBackend();
    await answer('list', () => HttpResponse.json({ items: [seeded] }));
    const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal()));
    expectContractError(error, 'list', 'tokens', []);
    expect((error as ContractError).received).to.equal('it is missing');
  });

  it('list: a bare array instead of `{ tokens }` is described at the root', async () => {
    await useMockBackend();
    await answer('list', () => HttpResponse.json([seeded]));
    const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).list(liveSignal()));
    expectContractError(error, 'list', '', []);
    expect((error as ContractError).expected).to.equal('an object');
    expect((error as ContractError).received).to.equal('it is a list');
  });

  it('rotate: a 404 for a token that is gone is an HttpError, not a success', async () => {
    const backend = await useMockBackend({ seed: [] });
    const error = await rejectionOf(
      new RestTokenClient({ endpoint: '/api/tokens' }).rotate('tok_gone', { expiresInDays: 30 }, liveSignal()),
    );
    expectHttpError(error, 'rotate', { status: 404, title: 'Not Found', detail: 'No token with this id.' });
    expect(backend.requests.map((r) => r.operation)).to.deep.equal(['rotate']);
  });

  it('rotate: a 201 without `previous` names it', async () => {
    await useMockBackend({ seed: [seeded] });
    const secret = 'pat_SECRETsecretSECRETsecretSECRETsecret12';
    await answer('rotate', () => HttpResponse.json({ token: seeded, secret }, { status: 201 }));
    const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).rotate(seeded.id, { expiresInDays: 1 }, liveSignal()));
    expectContractError(error, 'rotate', 'previous', ['SECRETsecret']);
    expect((error as ContractError).received).to.equal('it is missing');
  });

  it('create: a 201 without the secret names it', async () => {
    await useMockBackend();
    await answer('create', () => HttpResponse.json({ token: seeded }, { status: 201 }));
    const error = await rejectionOf(new RestTokenClient({ endpoint: '/api/tokens' }).create({ name: 'x', expiresInDays: 1 }, liveSignal()));
    expectContractError(error, 'create', 'secret', []);
    expect((error as ContractError).received).to.equal('it is missing');
  });

  it('a timeout still applies after the host headers were awaited', async () => {
    const backend = await useMockBackend();
    backend.failNext('timeout');
    const client = new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: TIMEOUT_MS, headers: async () => ({ 'X-Id': '1' }) });
    expect(await rejectionOf(client.list(liveSignal()))).to.be.instanceOf(TimeoutError);
  });
});
