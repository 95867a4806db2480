/**
 * One msw worker per test page, reset to a fresh mock backend per test. Requests are mocked at
 * the network level (a service worker), so our own client code runs unchanged.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../../src/mock/index.js';

let worker: SetupWorker | undefined;

/**
 * Test pages start side by side. A page that loaded before another one registered the worker is
 * not controlled, and msw reloads such a page, which fails its tests. Registering here (the same
 * registration for every page) makes this page one that the worker claims as it activates.
 */
async function untilControlled(): Promise<void> {
  const container = navigator.serviceWorker;
  if (container.controller) return;
  const worker = await container.register('/mockServiceWorker.js').then((r) => r.installing ?? r.waiting ?? r.active);
  if (!worker) return;
  // Activation ends after its claim, so once it is over no claim can still come for this page.
  await new Promise<void>((resolve) => {
    const settle = () => {
      if (!container.controller && worker.state !== 'activated') return;
      container.removeEventListener('controllerchange', settle);
      worker.removeEventListener('statechange', settle);
      resolve();
    };
    container.addEventListener('controllerchange', settle);
    worker.addEventListener('statechange', settle);
    settle();
  });
}

async function ensureWorker(): Promise<SetupWorker> {
  if (!worker) {
    await untilControlled();
    worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  }
  return worker;
}

/** Starts (once) the worker and replaces all handlers with a new in-memory backend. */
export async function useMockBackend(options: MockBackendOptions = {}): Promise<MockBackend> {
  const backend = createMockBackend({ seed: [], ...options });
  (await ensureWorker()).resetHandlers(...backend.handlers);
  return backend;
}

/** Adds handlers in front of the backend's, for one-off answers a fault kind does not cover. */
export async function useHandlers(...handlers: RequestHandler[]): Promise<void> {
  (await ensureWorker()).use(...handlers);
}
