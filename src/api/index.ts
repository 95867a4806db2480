export * from './schemas.js';
export { ScopeSchema, type Scope } from './scopes.js';
export type { TokenClient, TokenOperation } from './token-client.js';
export * from './errors.js';
export { RestTokenClient, DEFAULT_TIMEOUT_MS } from './rest-token-client.js';
export type { HeadersOption, HeadersValue, RestTokenClientOptions } from './rest-token-client.js';
export { validatingClient } from './validating-client.js';
export { parseActivityPage, parseCreateResponse, parseListResponse, parseRotateResponse, parseTokenArray } from './parse.js';
