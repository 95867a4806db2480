/**
 * The demo's backend, run inside Vite's dev server (`npm run demo`): `pat-elements/server` over
 * PGlite, so the host page talks to a real backend on real PostgreSQL with nothing to install.
 * The data lives in a folder (`.demo-data/` by default), so tokens survive a restart; the panel's
 * "Reset demo data" (or deleting the folder) starts over from the seed.
 *
 * - `/api/tokens…`  the token API: the package's handler, behind the panel's fault layer, with
 *                   GitHub's secret-scanning receiver at `/api/tokens/secret-scanning`;
 * - `/api/whoami`   an API of the host's own, protected by personal access tokens (`verify`);
 * - `/api/demo/…`   demo only, for the control panel: status, fault injection, reset, filling the
 *   account to its limit, what the service's `onActivity` and `expiryReminders.notify` hooks
 *   heard, `maintain()`, a simulated leak (the demo plays the scanner) and "revoke all my tokens".
 */
import { PGlite } from '@electric-sql/pglite';
import { demoScopes } from '../../src/mock/seed.js';
import {
  createFetchHandler,
  createTokenService,
  PGliteInUseError,
  postgresStore,
  toNodeListener,
  TokenServiceError,
  type FetchHandler,
  type NodeContext,
  type NodeRequest,
  type NodeResponse,
  type RevocationEvent,
  type TokenService,
} from '../../src/server/index.js';
import { createFaultLayer, DEMO_FAULTS, type DemoFault } from './fault-layer.js';
import { createDemoScanner, eventSummary } from './scanner.js';
import { createHookLog } from './hook-log.js';
import { seedDemoAccount } from './seed-account.js';
import { whoamiHandler, type DemoUser } from './whoami.js';

/** The demo's one account; a real host's `authenticate` reads its session instead. */
export const DEMO_USER: DemoUser = { id: 'ada', name: 'Ada Lovelace' };
/** Secrets look like `nimbus_…`: the demo host's own prefix, for secret scanners. */
export const DEMO_PREFIX = 'nimbus';

export interface DemoStatus {
  backend: 'server';
  store: string;
  prefix: string;
  faults: readonly DemoFault[];
}

type NodeMiddleware = (request: NodeRequest, response: NodeResponse, next: () => void) => void;

export interface DemoBackend {
  /** Answers `/api/…`; anything else goes on to Vite. */
  readonly middleware: NodeMiddleware;
  close(): Promise<void>;
}

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
const notFound = () =>
  Response.json(
    { type: 'about:blank', title: 'Not Found', status: 404 },
    { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
  );

async function open(dataDir: string) {
  const db = new PGlite(dataDir);
  const store = postgresStore(db);
  await store.migrate();
  // Seeded once: a user who deleted every token finds an empty list after a restart, as they left it.
  await db.query('CREATE TABLE IF NOT EXISTS demo_seeded (at timestamptz NOT NULL)');
  const reseed = async () => {
    await db.query('TRUNCATE pat_tokens, pat_token_owners, pat_activity, demo_seeded');
    await seedDemoAccount(store, { userId: DEMO_USER.id, prefix: DEMO_PREFIX });
    await db.query('INSERT INTO demo_seeded (at) VALUES (now())');
  };
  if ((await db.query('SELECT 1 FROM demo_seeded')).rows.length === 0) await reseed();

  // What the host's onRevocation heard last (revokeAll's events), for the panel.
  let revocations: RevocationEvent[] = [];
  // Declared once, here; the list answer tells the page (which sets nothing but `endpoint`): the
  // catalogue, and at most a year and a day, no token without an expiry (the seeded account has one
  // from before the policy, as real accounts do), 100 tokens per user (the default). Expired tokens
  // stay listed for 90 days, so the panel's maintain() leaves the seeded one there. The hooks write
  // to the panel's log; a real host sends them to its audit log and its mailer.
  const hooks = createHookLog();
  const service = createTokenService({
    store,
    prefix: DEMO_PREFIX,
    scopes: demoScopes,
    policy: { maxLifetimeDays: 366, allowNoExpiration: false, expiredRetentionDays: 90 },
    onActivity: (event) => hooks.activity(event),
    expiryReminders: { withinDays: 7, notify: (reminder) => hooks.notify(reminder) },
    onRevocation: (event) => void revocations.push(event),
  });
  const scanner = await createDemoScanner();
  const faults = createFaultLayer(
    createFetchHandler(service, {
      basePath: '/api/tokens',
      authenticate: () => DEMO_USER.id,
      // The demo's scanner stands in for GitHub: its key is the one document the receiver trusts.
      secretScanning: { keys: scanner.keys, onLeak: scanner.onLeak },
    }),
  );
  const whoami = whoamiHandler(service, [DEMO_USER]);

  const handler: FetchHandler<NodeContext> = async (request, context) => {
    const { pathname, searchParams } = new URL(request.url);
    if (pathname === '/api/tokens' || pathname.startsWith('/api/tokens/')) return faults.handler(request, context);
    if (pathname === '/api/whoami') return whoami(request, context);
    if (pathname === '/api/demo/reset' && request.method === 'POST') {
      faults.disarm();
      await reseed();
      hooks.clear();
      return new Response(null, { status: 204 });
    }
    if (pathname === '/api/demo/leak' && request.method === 'POST') return scanner.handle(request, whoami, context);
    if (pathname === '/api/demo/revoke-all' && request.method === 'POST') {
      revocations = [];
      const revoked = await service.revokeAll(DEMO_USER.id, 'account');
      return json({ revoked, onRevocation: revocations.map(eventSummary) });
    }
    if (pathname === '/api/demo/hooks') return json({ entries: hooks.after(Number(searchParams.get('after')) || 0) });
    // What a host's scheduler runs (a cron job: docs/activity.md); here, a button in the panel.
    if (pathname === '/api/demo/maintain' && request.method === 'POST') return json(await service.maintain());
    if (pathname === '/api/demo/fill' && request.method === 'POST') return json({ added: await fillToLimit(service) });
    if (pathname === '/api/demo/fault' && request.method === 'POST') {
      const { fault } = (await request.json().catch(() => ({}))) as { fault?: DemoFault };
      if (!fault || !DEMO_FAULTS.includes(fault)) return json({ error: `fault must be one of ${DEMO_FAULTS.join(', ')}` }, 400);
      // Answered when the fault has hit a request, so the panel can say which.
      const fired = await faults.arm(fault);
      return fired ? json(fired) : new Response(null, { status: 204 });
    }
    return notFound();
  };
  return { db, service, faults, handler };
}

/** Creates tokens through the service until it refuses one at the per-user maximum; how many it made. */
async function fillToLimit(service: TokenService): Promise<number> {
  for (let added = 0; ; added++) {
    try {
      await service.create(DEMO_USER.id, { name: `Batch job ${added + 1}`, expiresInDays: 180, scopes: ['repo:read'] });
    } catch (error) {
      if (error instanceof TokenServiceError && error.code === 'token-limit') return added;
      throw error;
    }
  }
}

export function createDemoBackend({ dataDir }: { dataDir: string }): DemoBackend {
  // Opened on the first request, not at startup: `vite build` never opens it, and a dev server
  // restarted by a config change opens it only after the old one closed it.
  let opened: ReturnType<typeof open> | undefined;
  const opening = () =>
    (opened ??= open(dataDir).catch((error: unknown) => {
      // The next request tries again, unless another process holds the folder: each try would
      // start one more PGlite on it.
      if (!(error instanceof PGliteInUseError)) opened = undefined;
      throw error;
    }));
  const status: DemoStatus = { backend: 'server', store: `PGlite (${dataDir})`, prefix: DEMO_PREFIX, faults: DEMO_FAULTS };

  const listener = toNodeListener(async (request, context) => {
    if (new URL(request.url).pathname === '/api/demo/status') {
      // The page's first question: answered at once, so the list shows its loading state while
      // the database opens (seconds, the first time, on a busy machine).
      void opening().catch(() => {});
      return json(status);
    }
    return (await opening()).handler(request, context);
  });

  return {
    middleware(request, response, next) {
      if (!request.url?.startsWith('/api/')) return next();
      listener(request, response);
    },
    async close() {
      if (!opened) return;
      const { db, service, faults } = await opened;
      faults.disarm();
      await service.flushUsage();
      await db.close();
    },
  };
}
