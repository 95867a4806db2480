// Hosts often stub <dialog> in jsdom with a showModal() and a close() that only set `open` (no
// `close` event, no returnValue). A create and a delete must still complete with such stubs, as
// they do with none (tokens.test.ts, the docs' example).
import { setupServer } from 'msw/node';
import { createMockBackend } from 'pat-elements/mock';
import { deleteToken, dismissReveal, findRow, generateToken, tokenRows, waitForTokens } from 'pat-elements/testing';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import 'pat-elements/define';

const backend = createMockBackend({ endpoint: '/api/tokens', seed: 'demo' });
const server = setupServer(...backend.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const prototype = HTMLDialogElement.prototype;
beforeEach(() => {
  prototype.showModal = function (this: HTMLDialogElement) {
    this.open = true;
  };
  prototype.close = function (this: HTMLDialogElement) {
    this.open = false;
  };
});
afterEach(() => {
  Reflect.deleteProperty(prototype, 'showModal');
  Reflect.deleteProperty(prototype, 'close');
});

test('with stubs that fire no close event, a token is created, listed and deleted', async () => {
  document.body.innerHTML = '<pat-token-list endpoint="/api/tokens"></pat-token-list>';
  const list = document.querySelector('pat-token-list')!;
  const before = (await waitForTokens(list)).map((row) => row.name);

  const { token, secret } = await generateToken(list, { name: 'Stubbed dialog', description: 'jsdom' });
  expect(secret.startsWith(token.partialKey)).toBe(true);
  await dismissReveal(list);
  expect(findRow(list, 'Stubbed dialog')).toMatchObject({ id: token.id, description: 'jsdom', badges: ['new'] });

  expect(await deleteToken(list, /^Stubbed/)).toMatchObject({ id: token.id });
  expect(tokenRows(list).map((row) => row.name)).toEqual(before);
  expect(backend.requests.map((request) => request.operation)).toEqual(['list', 'create', 'revoke']);
});
