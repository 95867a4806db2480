import type { PatError } from '../api/errors.js';
import type { TokenOperation } from '../api/token-client.js';

/**
 * Something failed and was shown to the user; `error.message` is in plain words. `config` is a
 * host's configuration the element could not use as given (e.g. a scope catalogue with duplicate
 * ids): it is reported to the developer, and the element carries on with what was valid.
 */
export interface PatErrorDetail {
  operation: TokenOperation | 'copy' | 'config';
  error: PatError | Error;
}
