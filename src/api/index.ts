export * from './schemas.js';
export type { TokenClient, TokenOperation, ValidatedClient } from './token-client.js';
export * from './errors.js';
export { RestTokenClient, DEFAULT_TIMEOUT_MS } from './rest-token-client.js';
export type { HeadersOption, HeadersValue, RestTokenClientOptions } from './rest-token-client.js';
export { validatingClient } from './validating-client.js';
export {
  parseActivityPage,
  parseCreateResponse,
  parseListResponse,
  parseListResult,
  parseRotateResponse,
  parseTokenArray,
} from './parse.js';
