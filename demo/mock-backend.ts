/**
 * The demo's backend: `pat-elements/mock` in an msw service worker, so every page of the demo
 * runs with no server beyond Vite. Seeded like a real account, with a real network's latency, and
 * stating the reference server's catalogue and policy in its list answer.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockBackend, demoScopes, type MockBackend } from 'pat-elements/mock';

export const ENDPOINT = '/api/tokens';
/** The per-user maximum both backends enforce and state in their list answer (the server's default). */
export const DEMO_MAX_TOKENS = 100;

export interface DemoBackend {
  backend: MockBackend;
  worker: SetupWorker;
}

export async function startMockBackend(): Promise<DemoBackend> {
  // The reference server's catalogue and policy, stated in the list answer as the server states them.
  const backend = createMockBackend({
    endpoint: ENDPOINT,
    seed: 'demo',
    scopes: demoScopes,
    maxLifetimeDays: 366,
    allowNoExpiration: false,
    maxTokensPerUser: DEMO_MAX_TOKENS,
    latency: { min: 250, max: 700 },
    slowMs: 4000,
  });
  const worker = setupWorker(...backend.handlers);
  // Everything but the token API (Vite's modules, the bundle) goes to the dev server untouched.
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return { backend, worker };
}
