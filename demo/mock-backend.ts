/**
 * The demo's backend: `pat-elements/mock` in an msw service worker, so every page of the demo
 * runs with no server beyond Vite. Seeded like a real account, with a real network's latency.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockBackend, type MockBackend } from 'pat-elements/mock';

export const ENDPOINT = '/api/tokens';

export interface DemoBackend {
  backend: MockBackend;
  worker: SetupWorker;
}

export async function startMockBackend(): Promise<DemoBackend> {
  const backend = createMockBackend({ endpoint: ENDPOINT, seed: 'demo', latency: { min: 250, max: 700 }, slowMs: 4000 });
  const worker = setupWorker(...backend.handlers);
  // Everything but the token API (Vite's modules, the bundle) goes to the dev server untouched.
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return { backend, worker };
}
