/**
 * One msw worker per test page, reset to a fresh mock backend per test. Requests are mocked at
 * the network level (a service worker), so our own client code runs unchanged.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../../src/mock/index.js';

let worker: SetupWorker | undefined;

/**
 * A page that loaded while another test page was still installing the worker is claimed once the
 * worker activates. Wait for that: msw would otherwise reload the page, which fails its tests.
 */
async function untilClaimed(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const pending = registration?.installing ?? registration?.waiting ?? registration?.active;
  if (!pending || navigator.serviceWorker.controller || pending.state === 'activated') return;
  await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
}

async function ensureWorker(): Promise<SetupWorker> {
  if (!worker) {
    await untilClaimed();
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
