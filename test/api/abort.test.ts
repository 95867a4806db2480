/**
 * A caller's abort (element removed, request superseded) rejects with an `AbortError` that
 * `isAbortError` recognises and that is not a `PatError`, at every moment of a request; and a
 * finished request, however it ended, leaves no timer and no listener behind.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { PatError, RestTokenClient, TimeoutError, isAbortError, isPatError, type TokenOperation } from '../../src/api/index.js';
import type { MockBackend } from '../../src/mock/index.js';
import { useMockBackend } from '../support/mock-backend.js';
import { liveSignal, rejectionOf } from '../support/rejection.js';

/** A timeout no other code on the page uses, so its timer can be told apart from msw's. */
const TIMEOUT_MS = 12_345;

const seeded = {
  id: 'tok_seeded',
  name: 'Seeded',
  partialKey: 'pat_Zz90',
  createdAt: '2026-02-01T08:00:00Z',
  expiresAt: null,
};

function run(client: RestTokenClient, operation: TokenOperation, signal: AbortSignal): Promise<unknown> {
  if (operation === 'list') return client.list(signal);
  if (operation === 'create') return client.create({ name: 'Fresh token', expiresInDays: 30 }, signal);
  if (operation === 'rotate') return client.rotate(seeded.id, { expiresInDays: 30, gracePeriodHours: 1 }, signal);
  return client.revoke(seeded.id, signal);
}

/** Records the abort listeners added to and removed from one signal. */
function spyOnListeners(signal: AbortSignal) {
  const added: EventListenerOrEventListenerObject[] = [];
  const removed: EventListenerOrEventListenerObject[] = [];
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  Object.assign(signal, {
    addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
      if (type === 'abort') added.push(listener);
      add.call(signal, type, listener, options);
    },
    removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
      if (type === 'abort') removed.push(listener);
      remove.call(signal, type, listener, options);
    },
  });
  return {
    added,
    /** Listeners still attached: added and never removed. */
    left: () => added.filter((listener) => !removed.includes(listener)),
  };
}

/** Records the client's timeout timers (recognised by their delay) and which were cleared. */
function spyOnTimeoutTimers() {
  const originalSet = window.setTimeout;
  const originalClear = window.clearTimeout;
  const started: number[] = [];
  const cleared = new Set<number>();
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const id = originalSet(handler, delay, ...args);
    if (delay === TIMEOUT_MS) started.push(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) cleared.add(id);
    originalClear(id);
  }) as typeof window.clearTimeout;
  return {
    started,
    left: () => started.filter((id) => !cleared.has(id)),
    restore() {
      window.setTimeout = originalSet;
      window.clearTimeout = originalClear;
    },
  };
}

function expectAbortError(error: unknown) {
  expect(error).to.be.instanceOf(DOMException);
  expect((error as DOMException).name).to.equal('AbortError');
  expect(isAbortError(error)).to.equal(true);
  expect(isPatError(error)).to.equal(false);
  expect(error).not.to.be.instanceOf(PatError);
}

describe('RestTokenClient: abort', () => {
  let timers: ReturnType<typeof spyOnTimeoutTimers>;
  let backend: MockBackend;
  let client: RestTokenClient;

  beforeEach(async () => {
    backend = await useMockBackend({ seed: [seeded] });
    client = new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: TIMEOUT_MS });
    timers = spyOnTimeoutTimers();
  });

  afterEach(() => timers.restore());

  for (const operation of ['list', 'create', 'revoke', 'rotate'] as const) {
    describe(operation, () => {
      it('an abort before the call rejects at once and sends nothing', async () => {
        const controller = new AbortController();
        controller.abort();
        const listeners = spyOnListeners(controller.signal);

        expectAbortError(await rejectionOf(run(client, operation, controller.signal)));

        // A request that had been sent would be recorded before this later one is answered.
        await client.list(liveSignal());
        expect(backend.requests.map((r) => r.operation)).to.deep.equal(['list']);
        expect(listeners.left()).to.deep.equal([]);
        expect(timers.left()).to.deep.equal([]);
      });

      it('an abort while waiting for the answer rejects and leaves no timer or listener', async () => {
        backend.failNext('timeout', { operation });
        const controller = new AbortController();
        const listeners = spyOnListeners(controller.signal);

        const pending = run(client, operation, controller.signal);
        await waitUntil(() => backend.requests.length === 1, 'the request never reached the server');
        controller.abort();

        expectAbortError(await rejectionOf(pending));
        expect(listeners.added, 'the client follows the caller signal').to.have.length(1);
        expect(listeners.left()).to.deep.equal([]);
        expect(timers.started).to.have.length(1);
        expect(timers.left()).to.deep.equal([]);
      });

      it('an abort while the host headers are pending rejects without waiting for them', async () => {
        let headersCalled = false;
        const hanging = new RestTokenClient({
          endpoint: '/api/tokens',
          timeoutMs: TIMEOUT_MS,
          headers: () => {
            headersCalled = true;
            return new Promise(() => {});
          },
        });
        const controller = new AbortController();
        const listeners = spyOnListeners(controller.signal);

        const pending = run(hanging, operation, controller.signal);
        await waitUntil(() => headersCalled, 'the headers function was not called');
        controller.abort();

        expectAbortError(await rejectionOf(pending));
        expect(backend.requests).to.deep.equal([]);
        expect(listeners.left()).to.deep.equal([]);
        expect(timers.left()).to.deep.equal([]);
      });

      it('a successful request leaves no timer or listener', async () => {
        const controller = new AbortController();
        const listeners = spyOnListeners(controller.signal);

        await run(client, operation, controller.signal);

        expect(listeners.added).to.have.length(1);
        expect(listeners.left()).to.deep.equal([]);
        expect(timers.started).to.have.length(1);
        expect(timers.left()).to.deep.equal([]);
      });

      it('a failed request leaves no timer or listener', async () => {
        backend.failNext('server-error', { operation });
        const controller = new AbortController();
        const listeners = spyOnListeners(controller.signal);

        expect(await rejectionOf(run(client, operation, controller.signal))).to.be.instanceOf(PatError);

        expect(listeners.left()).to.deep.equal([]);
        expect(timers.left()).to.deep.equal([]);
      });
    });
  }

  it('rejects with the caller’s own abort reason', async () => {
    backend.failNext('timeout');
    const controller = new AbortController();
    const reason = new DOMException('The token list left the page.', 'AbortError');

    const pending = client.list(controller.signal);
    await waitUntil(() => backend.requests.length === 1, 'the request never reached the server');
    controller.abort(reason);

    expect(await rejectionOf(pending)).to.equal(reason);
  });

  it('a later abort of a finished request changes nothing', async () => {
    const controller = new AbortController();
    const { tokens } = await client.list(controller.signal);
    controller.abort();
    expect(tokens).to.have.length(1);
    expect(timers.left()).to.deep.equal([]);
  });

  it('a timeout while the host headers are pending is a TimeoutError, not a hang', async () => {
    timers.restore();
    const hanging = new RestTokenClient({ endpoint: '/api/tokens', timeoutMs: 50, headers: () => new Promise(() => {}) });
    const error = await rejectionOf(hanging.list(liveSignal()));
    expect(error).to.be.instanceOf(TimeoutError);
    expect(backend.requests).to.deep.equal([]);
  });
});
