/**
 * A `TokenClient` over two real `RestTokenClient`s for the fault matrices: the next request after
 * `timeOutNext()` times out after 400 ms (the one the `timeout` fault holds: an answer that never
 * comes), every other request has the default 30 s. A short timeout on every request let a merely
 * slow answer on a busy machine time out too, and tests failed far from the cause: "a failed
 * refresh keeps the rows" found no rows, because the first load had timed out.
 */
import { RestTokenClient } from '../../src/api/rest-token-client.js';
import type { TokenClient } from '../../src/api/token-client.js';

export const SHORT_TIMEOUT_MS = 400;

export interface ShortTimeoutClient {
  client: TokenClient;
  /** The next request (of any operation) gets the short timeout. */
  timeOutNext(): void;
}

export function shortTimeoutClient(endpoint = '/api/tokens'): ShortTimeoutClient {
  const patient = new RestTokenClient({ endpoint });
  const impatient = new RestTokenClient({ endpoint, timeoutMs: SHORT_TIMEOUT_MS });
  let next = patient;
  const take = (): RestTokenClient => {
    const taken = next;
    next = patient;
    return taken;
  };
  return {
    client: {
      list: (signal) => take().list(signal),
      create: (request, signal) => take().create(request, signal),
      revoke: (id, signal) => take().revoke(id, signal),
    },
    timeOutNext: () => {
      next = impatient;
    },
  };
}
