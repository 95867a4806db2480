import { parseCreateResponse, parseTokenArray } from './parse.js';
import { RestTokenClient } from './rest-token-client.js';
import type { TokenClient } from './token-client.js';

/**
 * Wraps a host's adapter so that what it returns is checked like a server response: a wrong
 * adapter shows a contract error naming the field instead of breaking the page. The built-in
 * `RestTokenClient` already validates, so it is returned as it is.
 */
export function validatingClient(client: TokenClient): TokenClient {
  if (client instanceof RestTokenClient) return client;
  return {
    list: async (signal) => parseTokenArray(await client.list(signal)),
    create: async (request, signal) => parseCreateResponse(await client.create(request, signal)),
    revoke: (id, signal) => client.revoke(id, signal),
  };
}
