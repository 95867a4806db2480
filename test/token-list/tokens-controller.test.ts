/**
 * `TokensController` on its own, with the real REST client against the mock backend: the
 * guarantees the element relies on but cannot reach through its UI.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { TokenClient } from '../../src/api/token-client.js';
import { TokensController } from '../../src/token-list/tokens-controller.js';
import { useMockBackend } from '../support/mock-backend.js';
import { sampleTokens } from './fixtures.js';

/** The smallest host a controller needs: it records update requests and drives the lifecycle. */
class TestHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete = Promise.resolve(true);
  addController(controller: ReactiveController) {
    this.controllers.push(controller);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  /** What Lit does on every update: controllers see it first (the task checks its args here). */
  update() {
    for (const controller of this.controllers) controller.hostUpdate?.();
  }
  connect() {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect() {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

function setUp(client: () => TokenClient | undefined) {
  const host = new TestHost();
  const errors: unknown[] = [];
  const controller = new TokensController(host, { client, onLoadError: (error) => errors.push(error) });
  host.connect();
  return { host, controller, errors };
}

describe('TokensController', () => {
  it('loads on the first update and again when the client changes, forgetting the old tokens', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    let client: TokenClient = new RestTokenClient({ endpoint: '/api/tokens' });
    const { host, controller } = setUp(() => client);
    host.update();
    await waitUntil(() => controller.tokens !== undefined);
    expect(controller.tokens).to.have.length(4);

    backend.failNext('slow', { operation: 'list' });
    client = new RestTokenClient({ endpoint: '/api/tokens?other' });
    host.update();
    expect(controller.tokens, 'another client’s tokens are not shown').to.equal(undefined);
    expect(controller.loading).to.be.true;
    host.disconnect();
  });

  it('sends one DELETE however often revoke is called while it is in flight', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), latency: 50 });
    const { controller } = setUp(() => new RestTokenClient({ endpoint: '/api/tokens' }));
    const token = sampleTokens()[0]!;

    const results = await Promise.all([controller.revoke(token), controller.revoke(token), controller.revoke(token)]);
    expect(results.map((r) => r.status)).to.deep.equal(['revoked', 'skipped', 'skipped']);
    expect(backend.requests.filter((r) => r.operation === 'revoke')).to.have.length(1);
    expect(controller.isRevoking(token.id)).to.be.false;
  });

  it('reports a failed load once, and never an aborted one', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    const { host, controller, errors } = setUp(() => new RestTokenClient({ endpoint: '/api/tokens' }));
    backend.failNext('forbidden', { operation: 'list' });
    host.update();
    await waitUntil(() => controller.loadError !== undefined);
    expect(errors).to.have.length(1);

    backend.failNext('timeout', { operation: 'list' });
    const reload = controller.reload();
    host.disconnect();
    await reload;
    expect(errors).to.have.length(1);
    expect(controller.loadError, 'an abort is not an error').to.equal(undefined);
  });
});
