/**
 * `GET /api/whoami`: the host's own API, protected by personal access tokens. It is what a host
 * writes around `service.verify`: `Authorization: Bearer <secret>` → who the token acts for.
 */
import { RETRY_AFTER_SECONDS, TokenServiceError, type FetchHandler, type NodeContext, type TokenService } from '../../src/server/index.js';

export interface DemoUser {
  id: string;
  name: string;
}

const problem = (status: number, title: string, detail: string, headers: Record<string, string> = {}) =>
  Response.json(
    { type: 'about:blank', title, status, detail },
    { status, headers: { ...headers, 'Content-Type': 'application/problem+json' } },
  );

export function whoamiHandler(service: TokenService, users: readonly DemoUser[]): FetchHandler<NodeContext> {
  return async (request, { req }) => {
    if (request.method !== 'GET') return problem(405, 'Method Not Allowed', 'Use GET here.', { Allow: 'GET' });
    const secret = request.headers.get('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    // Who called, for the token's recent callers and its "used from a new address" event.
    const ip = (req.socket as { remoteAddress?: string }).remoteAddress;
    const userAgent = request.headers.get('user-agent');
    const caller = { ...(ip ? { ip } : {}), ...(userAgent ? { userAgent } : {}) };
    let verified;
    try {
      verified = secret ? await service.verify(secret, { caller }) : null;
    } catch (error) {
      // The database cannot answer: say so, never "bad token".
      if (error instanceof TokenServiceError && error.code === 'unavailable') {
        return problem(503, 'Service Unavailable', 'Try again in a moment.', { 'Retry-After': String(RETRY_AFTER_SECONDS) });
      }
      throw error;
    }
    if (!verified) {
      return problem(401, 'Unauthorized', 'This token is not valid: it is unknown, expired or revoked.', { 'WWW-Authenticate': 'Bearer' });
    }
    // The page refreshes the list right after this answer to show "Last used": write the use first.
    // (An API of your own would not wait: the use is written within a second anyway.)
    await service.flushUsage();
    const user = users.find((candidate) => candidate.id === verified.userId);
    const token = (await service.list(verified.userId)).find((candidate) => candidate.id === verified.tokenId);
    return Response.json(
      {
        user: { id: verified.userId, name: user?.name ?? verified.userId },
        token: { id: verified.tokenId, name: token?.name ?? null },
        scopes: verified.scopes,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  };
}
