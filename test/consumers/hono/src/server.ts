// A Hono app on Node (@hono/node-server): a login middleware of its own that puts the user in
// Hono's context, pat-elements/server for the tokens reading that context, and a route of the
// app's own behind requireToken. Nothing else is written for the tokens.
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createFetchHandler, createTokenService, memoryStore } from 'pat-elements/server';

type Env = { Variables: { userId: string | null } };

// The app's login: a session cookie, and a middleware that sets c.var.userId.
const USERS: Record<string, { id: string; password: string }> = {
  ada: { id: 'u-ada', password: 'lovelace' },
  bob: { id: 'u-bob', password: 'builder' },
};
const sessions = new Map<string, string>();
const app = new Hono<Env>();
app.post('/login', async (c) => {
  const { username, password } = await c.req.parseBody();
  const user = typeof username === 'string' ? USERS[username] : undefined;
  if (!user || user.password !== password) return c.json({ error: 'wrong name or password' }, 401);
  const sid = crypto.randomUUID();
  sessions.set(sid, user.id);
  setCookie(c, 'sid', sid, { httpOnly: true, sameSite: 'Lax', path: '/' });
  return c.json({ user: username });
});
app.use('*', async (c, next) => {
  const sid = getCookie(c, 'sid');
  c.set('userId', (sid && sessions.get(sid)) || null);
  await next();
});

const tokens = createTokenService({
  store: memoryStore(),
  prefix: 'acme',
  scopes: [
    { id: 'repo:read', label: 'Read repositories' },
    { id: 'deploy', label: 'Deploy' },
  ],
});

const tokenApi = createFetchHandler(tokens, { basePath: '/api/tokens', authenticate: (_request, c: Context<Env>) => c.var.userId });
app.all('/api/tokens', (c) => tokenApi(c.req.raw, c));
app.all('/api/tokens/*', (c) => tokenApi(c.req.raw, c));

const readRepos = tokens.requireToken({
  scopes: ['repo:read'],
  clientIp: (_request, c) => getConnInfo(c as Context).remote.address,
  onRefused: ({ reason, status }) => console.log(`refused ${status} ${reason}`),
});
const repos = readRepos.handler((_request, token, c: Context<Env>) => c.json({ owner: token.userId, repos: ['pat-elements'] }));
app.get('/api/repos', (c) => repos(c.req.raw, c));

serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`listening ${info.port}`));
