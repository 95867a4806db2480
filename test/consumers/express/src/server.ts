// An Express 5 app as its guides make one: express.json() first, express-session and passport
// for the login, then pat-elements/server for the tokens, reusing that login, and a route of the
// app's own behind requireToken. Nothing else is written for the tokens.
import express from 'express';
import session from 'express-session';
import passport from 'passport';
import { Strategy as LocalStrategy } from 'passport-local';
import type { AddressInfo } from 'node:net';
import { createFetchHandler, createTokenService, memoryStore, toNodeListener, tokenOf, type NodeContext } from 'pat-elements/server';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- where passport's types put the user: Express's global namespace
  namespace Express {
    interface User {
      id: string;
      name: string;
    }
  }
}

// The app's login, as passport-local's guide writes it.
const USERS = [
  { id: 'u-ada', name: 'ada', password: 'lovelace' },
  { id: 'u-bob', name: 'bob', password: 'builder' },
];
passport.use(
  new LocalStrategy((username, password, done) => {
    const user = USERS.find((candidate) => candidate.name === username && candidate.password === password);
    done(null, user ? { id: user.id, name: user.name } : false);
  }),
);
passport.serializeUser((user, done) => done(null, user.id));
passport.deserializeUser((id: string, done) => {
  const user = USERS.find((candidate) => candidate.id === id);
  done(null, user ? { id: user.id, name: user.name } : false);
});

const tokens = createTokenService({
  store: memoryStore(),
  prefix: 'acme',
  scopes: [
    { id: 'repo:read', label: 'Read repositories' },
    { id: 'deploy', label: 'Deploy' },
  ],
});

const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: 'consumer-test', resave: false, saveUninitialized: false }));
app.use(passport.session());
app.post('/login', passport.authenticate('local'), (req, res) => {
  res.json({ user: req.user?.name });
});

app.use(
  '/api/tokens',
  toNodeListener(
    createFetchHandler(tokens, {
      basePath: '/api/tokens',
      authenticate: (_request, { req }: NodeContext<express.Request>) => req.user?.id ?? null,
    }),
  ),
);

const readRepos = tokens.requireToken({
  scopes: ['repo:read'],
  onRefused: ({ reason, status }) => console.log(`refused ${status} ${reason}`),
});
app.get('/api/repos', readRepos.middleware, (req, res) => {
  res.json({ owner: tokenOf(req).userId, repos: ['pat-elements'] });
});

const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${(server.address() as AddressInfo).port}`));
