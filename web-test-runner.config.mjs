/**
 * Browser tests: TypeScript straight from src/ and test/ (no build step), in the system's
 * headless Chromium, with msw's service worker served at the origin root.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, findBrowser } from './scripts/find-browser.mjs';
import { countReporter } from './scripts/count-reporter.mjs';
import { layoutCommandsPlugin } from './test/support/commands.mjs';

const require = createRequire(import.meta.url);
// msw's worker unregisters itself when its last page closes; with test pages opening and closing
// side by side, a page that loads at that moment stays uncontrolled and its requests go unmocked.
// The test browser's profile is thrown away after the run, so the worker can simply stay.
const selfUnregister = 'self.registration.unregister()';
const mswWorker = readFileSync(require.resolve('msw/mockServiceWorker.js'), 'utf8');
if (!mswWorker.includes(selfUnregister)) throw new Error(`msw's worker changed: review the patch in ${import.meta.url}`);
const serviceWorker = mswWorker.replace(selfUnregister, 'void 0');

const reporters = [defaultReporter(), summaryReporter({ flatten: false })];
if (process.env.PAT_RESULTS_FILE) reporters.push(countReporter(process.env.PAT_RESULTS_FILE));

export default {
  // test/consumers/ holds host projects with their own runners (Vitest in jsdom, …): not ours.
  files: ['test/**/*.test.ts', '!test/consumers/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // One file at a time by default: files that open modal dialogs and send keys interfere when two
  // pages share the browser (seen as lost close events under load). PAT_TEST_CONCURRENCY=2 is
  // faster on an idle machine for quick local runs.
  concurrency: Number(process.env.PAT_TEST_CONCURRENCY ?? 1),
  testFramework: { config: { timeout: 10_000 } },
  testsFinishTimeout: 10 * 60_000,
  browserStartTimeout: 60_000,
  reporters,
  // Lit's one-time dev-mode banner is noise; its other dev warnings stay visible.
  testRunnerHtml: (testFramework) => `<!doctype html><html><head>
    <script>window.litIssuedWarnings = new Set(['dev-mode']);</script>
    </head><body><script type="module" src="${testFramework}"></script></body></html>`,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), layoutCommandsPlugin()],
  middleware: [
    function mockServiceWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = serviceWorker;
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser(),
        headless: true,
        args: [
          ...CHROMIUM_ARGS,
          // Test files run in parallel pages; a page Chromium treats as hidden would otherwise get
          // no animation frames and throttled timers, and its tests would time out.
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
    }),
  ],
};
