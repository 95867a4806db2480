/**
 * What the control panel drives, whichever backend answers `/api/tokens`:
 *
 * - the reference server (`npm run demo`): `pat-elements/server` over PGlite in Vite's dev
 *   server, its faults armed through the demo-only `/api/demo/…` endpoints;
 * - the mock (`/?backend=mock`, or wherever the page is hosted without that server):
 *   `pat-elements/mock` in a service worker.
 */
import type { Token } from 'pat-elements';
import type { MockFault } from 'pat-elements/mock';
import { DEMO_MAX_TOKENS, startMockBackend } from './mock-backend.js';

/** The faults the panel offers; both backends have them. */
export type DemoFault = Extract<MockFault, 'server-error' | 'slow' | 'network' | 'schema-violation' | 'empty-list'>;

export interface BackendControls {
  readonly kind: 'server' | 'mock';
  /** Arms `fault` for the next request (a load, for an empty list). Settles with the request it hit, e.g. `GET /api/tokens`, or `undefined` when a reset or another fault replaced it. */
  injectFault(fault: DemoFault): Promise<string | undefined>;
  /** Back to the seeded account, with no fault armed. */
  reset(): Promise<void>;
  /** Adds tokens until the account has as many as the server allows (`DEMO_MAX_TOKENS`); resolves with how many it added. */
  fillToLimit(): Promise<number>;
  /** Revokes every working token of the demo user, as `service.revokeAll(userId, 'account')`; how many, and what the host's hook heard. */
  revokeAll(): Promise<{ revoked: number; heard: unknown[] }>;
  /** The server only: the demo's scanner reports `secret` as found at `url`. */
  leak?(secret: string, url: string): Promise<LeakAnswer>;
}

/** What the demo's scanner got back, and what followed. */
export interface LeakAnswer {
  /** The receiver's answer to the signed report, and its body (GitHub's feedback). */
  status: number;
  feedback?: unknown;
  /** What `onLeak` received. */
  onLeak?: unknown[];
  /** What `GET /api/whoami` answers the secret now. */
  whoami?: number;
  error?: string;
}

function serverControls(): BackendControls {
  return {
    kind: 'server',
    async injectFault(fault) {
      const response = await fetch('/api/demo/fault', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ fault }),
      });
      if (response.status !== 200) return undefined;
      return ((await response.json()) as { request: string }).request;
    },
    async reset() {
      await fetch('/api/demo/reset', { method: 'POST' });
    },
    async revokeAll() {
      const answer = (await (await fetch('/api/demo/revoke-all', { method: 'POST' })).json()) as {
        revoked: number;
        onRevocation: unknown[];
      };
      return { revoked: answer.revoked, heard: answer.onRevocation };
    },
    async leak(secret, url) {
      const response = await fetch('/api/demo/leak', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ secret, url }),
      });
      return (await response.json()) as LeakAnswer;
    },
    async fillToLimit() {
      const response = await fetch('/api/demo/fill', { method: 'POST' });
      return ((await response.json()) as { added: number }).added;
    },
  };
}

async function mockControls(): Promise<BackendControls> {
  const { backend, worker } = await startMockBackend();
  let pending: { fault: DemoFault; settle: (request: string | undefined) => void } | undefined;
  const replace = () => {
    pending?.settle(undefined);
    pending = undefined;
  };
  worker.events.on('request:start', ({ request }) => {
    const { pathname } = new URL(request.url);
    if (!pending || !pathname.startsWith('/api/tokens')) return;
    if (pending.fault === 'empty-list' && request.method !== 'GET') return;
    pending.settle(`${request.method} ${pathname}`);
    pending = undefined;
  });
  return {
    kind: 'mock',
    injectFault(fault) {
      replace();
      // An empty list only makes sense as the answer to a load; every other fault hits whatever comes next.
      backend.failNext(fault, fault === 'empty-list' ? { operation: 'list' } : {});
      return new Promise((settle) => {
        pending = { fault, settle };
      });
    },
    async reset() {
      replace();
      backend.reset('demo');
    },
    async revokeAll() {
      // The mock has no hook to hear: what it revoked is what a host's onRevocation would.
      const revoked = backend.simulateRevocation({ reason: 'account' });
      return { revoked: revoked.length, heard: revoked.map((token) => ({ reason: 'account', token: token.name })) };
    },
    async fillToLimit() {
      const tokens = backend.tokens();
      // Counted as the server counts: a token a regenerate replaced, or one revoked, does not count.
      const missing = Math.max(0, DEMO_MAX_TOKENS - tokens.filter((token) => !token.replacedBy && !token.revocation).length);
      backend.reset([...tokens, ...fillerTokens(missing)]);
      return missing;
    },
  };
}

/** `count` tokens as a busy account has them: one a day, each for a batch job, reading repositories. */
function fillerTokens(count: number): Token[] {
  const DAY = 86_400_000;
  const now = Date.now();
  return Array.from({ length: count }, (_, index) => {
    const createdAt = now - (index + 1) * DAY;
    return {
      id: `tok_batch_${index + 1}`,
      name: `Batch job ${index + 1}`,
      partialKey: `pat_${(index + 1).toString(36).padStart(4, '0')}`,
      createdAt: new Date(createdAt).toISOString(),
      expiresAt: new Date(createdAt + 180 * DAY).toISOString(),
      lastUsedAt: null,
      scopes: ['repo:read'],
    };
  });
}

/** The server when it is there (the dev server answers its status), else the mock. */
export async function connectBackend(): Promise<BackendControls> {
  if (new URLSearchParams(location.search).get('backend') !== 'mock') {
    const status = await fetch('/api/demo/status').catch(() => undefined);
    if (status?.ok) return serverControls();
  }
  return mockControls();
}
