/**
 * The demo plays GitHub's secret scanning: a key pair of its own (`createTestSecretScanner`),
 * published to the receiver as GitHub's key document, and reports signed with it. "Simulate a
 * leak" in the panel sends it a secret the user pasted (a scanner reports the secrets it found);
 * it POSTs a signed report to `/api/tokens/secret-scanning`, over HTTP as GitHub would, and
 * answers the panel with what came back, what `onLeak` heard, and what `/api/whoami` now says of
 * that secret. The secret itself goes nowhere else, and is in no answer.
 */
import {
  createTestSecretScanner,
  type FetchHandler,
  type LeakEvent,
  type NodeContext,
  type RevocationEvent,
  type TestSecretScanner,
} from '../../src/server/index.js';

/** Where the demo's secret "was found", unless the panel says. */
export const DEMO_LEAK_URL = 'https://github.com/ada/dotfiles/blob/main/.env';
/** The secret type the demo host registered with the scanner. */
export const DEMO_SECRET_TYPE = 'nimbus_personal_access_token';

/** What the panel shows of a revocation event: the token's metadata, never a secret. */
export function eventSummary({ reason, userId, token, url, source }: RevocationEvent) {
  return { reason, userId, token: { id: token.id, name: token.name, revocation: token.revocation }, url, source };
}

export interface DemoScanner {
  readonly keys: TestSecretScanner['keys'];
  /** The receiver's `onLeak`. */
  onLeak(event: LeakEvent): void;
  /** `POST /api/demo/leak` `{ secret, url? }`; `whoami` is asked with the panel's own request context. */
  handle(request: Request, whoami: FetchHandler<NodeContext>, context: NodeContext): Promise<Response>;
}

export async function createDemoScanner(): Promise<DemoScanner> {
  const scanner = await createTestSecretScanner();
  let heard: LeakEvent[] = [];

  return {
    keys: scanner.keys,
    onLeak(event) {
      heard.push(event);
    },
    async handle(request, whoami, context) {
      const { secret, url } = (await request.json().catch(() => ({}))) as { secret?: unknown; url?: unknown };
      if (typeof secret !== 'string' || !secret.trim()) return Response.json({ error: 'Paste a secret to leak.' }, { status: 400 });
      const report = await scanner.report(new URL('/api/tokens/secret-scanning', request.url), [
        { token: secret.trim(), type: DEMO_SECRET_TYPE, url: typeof url === 'string' && url ? url : DEMO_LEAK_URL, source: 'content' },
      ]);
      heard = [];
      let answer: Response;
      try {
        answer = await fetch(report);
      } catch {
        return Response.json({ error: 'The report could not be sent to /api/tokens/secret-scanning.' }, { status: 502 });
      }
      const feedback: unknown = await answer.json().catch(() => null);
      const check = await whoami(
        new Request(new URL('/api/whoami', request.url), { headers: { Authorization: `Bearer ${secret.trim()}` } }),
        context,
      );
      return Response.json(
        { status: answer.status, feedback, onLeak: heard.map(eventSummary), whoami: check.status },
        { headers: { 'Cache-Control': 'no-store' } },
      );
    },
  };
}
