import type { PatError } from '../api/errors.js';
import type { TokenOperation } from '../api/token-client.js';

/** Something failed and was shown to the user; `error.message` is in plain words. */
export interface PatErrorDetail {
  operation: TokenOperation | 'copy';
  error: PatError | Error;
}
