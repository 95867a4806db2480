/**
 * `npm run demo`: serves demo/ with the package's source aliased as `pat-elements`, exactly as a
 * host would import it; `/api/…` answered by the reference server (`pat-elements/server` over
 * PGlite, data in `.demo-data/` or `PAT_DEMO_DATA`); and msw's service worker at the root for the
 * pages that run on the mock backend in the browser. Pages:
 *
 * - `/` — a host settings page around `<pat-token-list>` on the real server, with a control
 *   panel; `/?backend=mock` is the same page on the mock (as it runs when hosted without a server);
 * - `/bundle.html` — plain HTML using only `dist/pat-elements.bundle.js` (on the mock);
 * - `/react/` — a React 19 page using the custom elements natively (on the mock).
 * - `/vue/` — a Vue 3 page using them as custom elements (on the mock).
 *
 * Every page is served under a strict Content Security Policy (no inline scripts or styles), as
 * the elements promise to work under one.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import type { BuildOptions } from 'esbuild';
import { defineConfig, type Plugin } from 'vite';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('.', import.meta.url));
const src = (path: string) => join(root, 'src', path);

const DEMO_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
].join('; ');

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

/** Newest modification time of any file under `dir`. */
function newestChange(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((newest, entry) => Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs), 0);
}

/**
 * `/pat-elements.bundle.js` is dist's self-contained bundle, the file a host without a bundler
 * uses. When dist has none, or src changed since, it is rebuilt first with the build's own
 * esbuild options, so the page never runs a stale or different bundle.
 */
function distBundle(): Plugin {
  const bundlePath = join(root, 'dist', 'pat-elements.bundle.js');
  return {
    name: 'pat-dist-bundle',
    configureServer(server) {
      server.middlewares.use('/pat-elements.bundle.js', async (_req, res, next) => {
        try {
          let fresh = false;
          try {
            fresh = statSync(bundlePath).mtimeMs >= newestChange(join(root, 'src'));
          } catch {
            fresh = false;
          }
          if (!fresh) {
            const { build } = await import('esbuild');
            const buildScript = pathToFileURL(join(root, 'scripts/build.mjs')).href;
            const { bundleOptions } = (await import(buildScript)) as { bundleOptions(): BuildOptions };
            await build({ ...bundleOptions(), outfile: bundlePath, logLevel: 'warning' });
            server.config.logger.info('built dist/pat-elements.bundle.js for /bundle.html');
          }
          res.setHeader('Content-Type', 'text/javascript');
          res.end(readFileSync(bundlePath));
        } catch (error) {
          next(error);
        }
      });
    },
  };
}

/**
 * `/api/…` on the dev server: the demo's backend (demo/server/), the package's reference server
 * over PGlite. Loaded only when serving, so `vite build` never touches the database; closed with
 * the server, so a restart never finds it open.
 */
function demoServer(): Plugin {
  return {
    name: 'pat-demo-server',
    async configureServer(server) {
      const { createDemoBackend } = await import('./demo/server/demo-backend.js');
      const backend = createDemoBackend({ dataDir: process.env.PAT_DEMO_DATA || join(root, '.demo-data') });
      server.middlewares.use(backend.middleware);
      server.httpServer?.once('close', () => void backend.close());
    },
  };
}

/** The demo's pages are served with a strict CSP: an inline style or script in them would fail. */
function strictCsp(): Plugin {
  return {
    name: 'pat-demo-csp',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        if (path.endsWith('/') || path.endsWith('.html')) res.setHeader('Content-Security-Policy', DEMO_CSP);
        next();
      });
    },
  };
}

export default defineConfig({
  root: join(root, 'demo'),
  plugins: [
    strictCsp(),
    demoServer(),
    mockServiceWorker(),
    distBundle(),
    // The Vue page: `pat-*` tags are custom elements, not Vue components to resolve.
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pat-') } } }),
  ],
  resolve: {
    alias: [
      { find: /^pat-elements\/define$/, replacement: src('define.ts') },
      { find: /^pat-elements\/mock$/, replacement: src('mock/index.ts') },
      { find: /^pat-elements\/locales\/([\w-]+)$/, replacement: src('locales/$1.ts') },
      { find: /^pat-elements$/, replacement: src('index.ts') },
    ],
  },
  optimizeDeps: {
    // Scan the package's source too, not only what the pages import at first: a dependency found
    // late makes Vite reload the page, which would reset the in-page mock backend mid-demo.
    entries: ['**/*.html', '../src/**/*.ts'],
  },
  server: {
    port: Number(process.env.PORT ?? 5173),
    strictPort: false,
    open: false,
    // The e2e run (PAT_DEMO_E2E=1) serves the tree as it was at start: an edit made meanwhile must
    // not reload the page, which would reset the in-page mock backend mid-run.
    ...(process.env.PAT_DEMO_E2E ? { hmr: false, watch: null } : {}),
  },
  build: {
    // `vite build` proves the host page and the React and Vue pages build for production; the
    // bundle page has nothing to build (it loads dist's bundle as is).
    outDir: join(root, 'demo-dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: join(root, 'demo/index.html'),
        react: join(root, 'demo/react/index.html'),
        vue: join(root, 'demo/vue/index.html'),
      },
    },
  },
});
