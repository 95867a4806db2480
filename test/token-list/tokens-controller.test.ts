/**
 * `TokensController` on its own, with the real REST client against the mock backend: the
 * guarantees the element relies on but cannot reach through its UI.
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { Token } from '../../src/api/schemas.js';
import type { ValidatedClient } from '../../src/api/token-client.js';
import { validatingClient } from '../../src/api/validating-client.js';
import { TokensController } from '../../src/token-list/tokens-controller.js';
import { useMockBackend } from '../support/mock-backend.js';
import { sampleTokens } from '../support/list-harness.js';

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

function setUp(client: () => ValidatedClient | undefined) {
  const host = new TestHost();
  const errors: unknown[] = [];
  const controller = new TokensController(host, { client, onLoadError: (error) => errors.push(error) });
  host.connect();
  return { host, controller, errors };
}

describe('TokensController', () => {
  it('loads on the first update and again when the client changes, forgetting the old tokens', async () => {
    const backend = await useMockBackend({ seed: sampleTokens() });
    let client: ValidatedClient = new RestTokenClient({ endpoint: '/api/tokens' });
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
    const client = new RestTokenClient({ endpoint: '/api/tokens' });
    const { host, controller, errors } = setUp(() => client);
    backend.failNext('forbidden', { operation: 'list' });
    host.update();
    await waitUntil(() => controller.failure !== undefined);
    expect(errors).to.have.length(1);

    backend.failNext('timeout', { operation: 'list' });
    const reload = controller.reload();
    host.disconnect();
    await reload;
    expect(errors).to.have.length(1);
    expect(controller.failure === errors[0], 'an abort is not an error: the failure shown stays the last real one').to.be.true;
  });

  it('keeps the last failure while a retry runs, and forgets it once a load succeeds', async () => {
    const backend = await useMockBackend({ seed: sampleTokens(), latency: 50 });
    const client = new RestTokenClient({ endpoint: '/api/tokens' });
    const { host, controller } = setUp(() => client);
    backend.failNext('server-error', { operation: 'list' });
    host.update();
    await waitUntil(() => controller.failure !== undefined);
    const retry = controller.reload();
    expect(controller.loading).to.be.true;
    expect(controller.failure, 'still known while retrying').to.not.equal(undefined);
    await retry;
    expect(controller.failure).to.equal(undefined);
    expect(controller.tokens).to.have.length(4);
    host.disconnect();
  });

  it('keeps the valid tokens of a partly broken answer, counts the others, and reports it', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const valid = sampleTokens();
    const client = validatingClient({
      list: async () => [valid[0], { ...valid[1], partialKey: 7 }, valid[2]] as Token[],
      create: async () => ({ token: valid[0]!, secret: 'x' }),
      revoke: async () => undefined,
    });
    const { host, controller, errors } = setUp(() => client);
    host.update();
    await waitUntil(() => controller.tokens !== undefined);
    expect(controller.tokens!.map((t) => t.id)).to.deep.equal(['tok_ci', 'tok_graf']);
    expect(controller.leftOut).to.equal(1);
    expect(controller.failure, 'a partial list is not a failed load').to.equal(undefined);
    expect(errors).to.have.length(1);
    host.disconnect();
  });

  it('replaces a regenerated token: the new one first and new, the old one as the server now describes it, or gone', async () => {
    await useMockBackend({ seed: sampleTokens() });
    const { host, controller } = setUp(() => new RestTokenClient({ endpoint: '/api/tokens' }));
    host.update();
    await waitUntil(() => controller.tokens !== undefined);
    const [ci, tf] = sampleTokens();
    const fresh = { ...ci!, id: 'tok_new', name: 'CI deploy' };
    controller.replace('tok_ci', fresh, { ...ci!, replacedBy: 'tok_new' });
    expect(controller.tokens!.map((t) => t.id)).to.deep.equal(['tok_new', 'tok_ci', 'tok_tf', 'tok_graf', 'tok_old']);
    expect(controller.tokens!.find((t) => t.id === 'tok_ci')!.replacedBy).to.equal('tok_new');
    expect(controller.newIds).to.deep.equal(['tok_new']);

    controller.replace('tok_tf', { ...tf!, id: 'tok_new2' }, null);
    expect(controller.tokens!.map((t) => t.id)).to.deep.equal(['tok_new2', 'tok_new', 'tok_ci', 'tok_graf', 'tok_old']);
    host.disconnect();
  });
});
