/**
 * `npm run demo`: serves demo/ with the package's source aliased as `pat-elements`, exactly as a
 * host would import it, and msw's service worker at the root so the mock backend runs in the
 * browser with no server of its own.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

function mockServiceWorker(): Plugin {
  const body = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'pat-mock-service-worker',
    configureServer(server) {
      server.middlewares.use('/mockServiceWorker.js', (_req, res) => {
        res.setHeader('Content-Type', 'application/javascript');
        res.end(body);
      });
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  plugins: [mockServiceWorker()],
  resolve: {
    alias: [
      { find: /^pat-elements\/define$/, replacement: src('define.ts') },
      { find: /^pat-elements\/mock$/, replacement: src('mock/index.ts') },
      { find: /^pat-elements$/, replacement: src('index.ts') },
    ],
  },
  server: { port: Number(process.env.PORT ?? 5173), strictPort: false, open: false },
});
