import { setupWorker } from 'msw/browser';
import { RestTokenClient } from 'pat-elements';
import { createMockBackend } from 'pat-elements/mock';
import 'pat-elements/define';

const backend = createMockBackend({ endpoint: '/api/tokens', seed: 'demo', latency: { min: 200, max: 600 } });
await setupWorker(...backend.handlers).start({ quiet: true, onUnhandledRequest: 'bypass' });

const output = document.querySelector('#tokens')!;
try {
  const tokens = await new RestTokenClient({ endpoint: '/api/tokens' }).list(new AbortController().signal);
  output.textContent = JSON.stringify(tokens, null, 2);
} catch (error) {
  output.textContent = (error as Error).message;
}
