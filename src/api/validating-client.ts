import { parseActivityPage, parseCreateResponse, parseListResult, parseRotateResponse } from './parse.js';
import { RestTokenClient } from './rest-token-client.js';
import type { ValidatedClient, TokenClient } from './token-client.js';

/**
 * Wraps a host's adapter so that what it returns is checked like a server response: a wrong
 * adapter shows a contract error naming the field instead of breaking the page. Its `list()` may
 * resolve to the tokens alone or to the whole answer; the wrapped one always gives the whole
 * answer. The built-in `RestTokenClient` already validates, so it is returned as it is.
 */
export function validatingClient(client: TokenClient): ValidatedClient {
  if (client instanceof RestTokenClient) return client;
  const validated: ValidatedClient = {
    // `Token[]` or the whole answer: either way, the whole answer.
    list: async (signal) => parseListResult(await client.list(signal)),
    create: async (request, signal) => parseCreateResponse(await client.create(request, signal)),
    revoke: (id, signal) => client.revoke(id, signal),
  };
  // Only an adapter that can rotate gets `rotate`: its absence is what hides "Regenerate".
  const rotate = client.rotate?.bind(client);
  if (rotate) validated.rotate = async (id, request, signal) => parseRotateResponse(await rotate(id, request, signal));
  // The same for `activity`: without it, the list offers no detail view.
  const activity = client.activity?.bind(client);
  if (activity) validated.activity = async (tokenId, cursor, signal) => parseActivityPage(await activity(tokenId, cursor, signal));
  return validated;
}
