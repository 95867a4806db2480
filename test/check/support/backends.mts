/**
 * Backends for the checker's tests, each a Fetch handler served over HTTP: the msw mock
 * (`pat-elements/mock`) behind a host-like authentication layer.
 */
import { getResponse } from 'msw';
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../../../src/mock/index.js';
import { serve, type FetchHandler } from './serve.mjs';

/** Where every test backend serves the token collection. */
export const COLLECTION_PATH = '/api/tokens';
/** The credentials the test backends require, passed to the checker as `-H`. */
export const CREDENTIALS = { Authorization: 'Bearer pat-elements-check-test' } as const;
/** A second user's, passed as `--other-header`. */
export const OTHER_CREDENTIALS = { Authorization: 'Bearer pat-elements-check-other' } as const;

/** Which of the two test users a request is signed in as, if any. */
export function userOf(request: Request): 'first' | 'second' | undefined {
  const authorization = request.headers.get('authorization');
  return authorization === CREDENTIALS.Authorization ? 'first' : authorization === OTHER_CREDENTIALS.Authorization ? 'second' : undefined;
}

export type Wrapper = (handler: FetchHandler) => FetchHandler;

export interface RunningBackend {
  /** The collection's absolute URL, for `pat-elements check`. */
  endpoint: string;
  /** Every token in the store, for proving that nothing was left behind. */
  tokens(): Promise<Array<{ id: string; name: string }>>;
  close(): Promise<void>;
}

export function problem(status: number, title: string): Response {
  return Response.json({ type: 'about:blank', title, status }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** What a host's auth middleware does in front of the token routes: no credentials, 401. */
export function requireCredentials(handler: FetchHandler): FetchHandler {
  return (request) => (userOf(request) ? handler(request) : Promise.resolve(problem(401, 'Unauthorized')));
}

/** The msw mock as a Fetch handler; a route it does not have answers 404, as a web framework would. */
export function mockHandler(backend: MockBackend): FetchHandler {
  return async (request) => (await getResponse(backend.handlers, request)) ?? problem(404, 'Not Found');
}

/** A catalogue and a policy, stated in the list answer: the checker probes them. */
export const STATED: MockBackendOptions = {
  scopes: [
    { id: 'read', label: 'Read', default: true },
    { id: 'write', label: { en: 'Write', de: 'Schreiben' } },
  ],
  maxLifetimeDays: 90,
  allowNoExpiration: false,
  maxGracePeriodHours: 24,
};

/**
 * The mock (with `options`), behind `requireCredentials`, with `wrap` (a deliberately broken behaviour)
 * outermost. Each user has a mock of their own (the mock knows no users), as a host keeps users apart.
 */
export async function startMock(
  wrap: Wrapper = (handler) => handler,
  options: MockBackendOptions = STATED,
): Promise<RunningBackend & { mock: MockBackend }> {
  let mock!: MockBackend;
  let otherMock!: MockBackend;
  const served = await serve((origin) => {
    mock = createMockBackend({ ...options, endpoint: `${origin}${COLLECTION_PATH}`, seed: [] });
    otherMock = createMockBackend({ ...options, endpoint: `${origin}${COLLECTION_PATH}`, seed: [] });
    const first = mockHandler(mock);
    const second = mockHandler(otherMock);
    return wrap(requireCredentials((request) => (userOf(request) === 'second' ? second(request) : first(request))));
  });
  return {
    endpoint: `${served.origin}${COLLECTION_PATH}`,
    mock,
    tokens: async () => [...mock.tokens(), ...otherMock.tokens()].map(({ id, name }) => ({ id, name })),
    close: served.close,
  };
}
