// pat-elements/server in a Next.js app: the token service, and the token API that reads the app's
// login through next/headers (cookies() knows the request being served).
import { cookies } from 'next/headers';
import { createFetchHandler, createTokenService, memoryStore, type TokenService } from 'pat-elements/server';
import { userOfSession } from './users';

// One service for the server: Next.js may load this module once per route.
const shared = globalThis as typeof globalThis & { patTokens?: TokenService };
export const tokens = (shared.patTokens ??= createTokenService({
  store: memoryStore(),
  prefix: 'acme',
  scopes: [
    { id: 'repo:read', label: 'Read repositories' },
    { id: 'deploy', label: 'Deploy' },
  ],
}));

export const tokenApi = createFetchHandler(tokens, {
  basePath: '/api/tokens',
  authenticate: async () => userOfSession((await cookies()).get('sid')?.value),
});
