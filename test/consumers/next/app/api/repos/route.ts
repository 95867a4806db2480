// A route of the app's own, for tokens that may read repositories.
import { tokens } from '@/lib/tokens';

export const GET = tokens
  .requireToken({
    scopes: ['repo:read'],
    clientIp: { header: 'x-forwarded-for' },
    onRefused: ({ reason, status }) => console.log(`refused ${status} ${reason}`),
  })
  .handler((_request, token) => Response.json({ owner: token.userId, repos: ['pat-elements'] }));
