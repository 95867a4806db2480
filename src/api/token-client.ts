import type {
  ActivityPage,
  CreateTokenRequest,
  CreateTokenResponse,
  ListTokensResponse,
  RotateTokenRequest,
  RotateTokenResponse,
  Token,
} from './schemas.js';

/**
 * What the elements need from a backend. The default implementation is `RestTokenClient`; a host
 * whose API has another shape implements this interface as an adapter and sets it as the
 * elements' `client` property. Whatever an adapter returns is validated like a response.
 */
export interface TokenClient {
  /**
   * The user's tokens: the array alone, or the whole list answer, whose scope catalogue and policy
   * configure the elements (what the host sets on them wins).
   */
  list(signal: AbortSignal): Promise<Token[] | ListTokensResponse>;
  create(request: CreateTokenRequest, signal: AbortSignal): Promise<CreateTokenResponse>;
  /** Resolves when the token is gone, including when it was already gone. */
  revoke(id: string, signal: AbortSignal): Promise<void>;
  /**
   * Replaces a token with a new one (same name, description and scopes; a new secret). The old
   * one keeps working for the grace period. Optional: an adapter without it gets no "Regenerate".
   */
  rotate?(id: string, request: RotateTokenRequest, signal: AbortSignal): Promise<RotateTokenResponse>;
  /**
   * A page of activity, newest first: one token's (`tokenId`, with its recent callers on the first
   * page) or all of the user's (`null`); `cursor` is the `next` of the page before, `null` for the
   * first. Optional: an adapter without it gets no detail view in the list.
   */
  activity?(tokenId: string | null, cursor: string | null, signal: AbortSignal): Promise<ActivityPage>;
}

/** A client whose answers are checked (`validatingClient`): its `list()` gives the whole answer. */
export interface ValidatedClient extends TokenClient {
  list(signal: AbortSignal): Promise<ListTokensResponse>;
}

/** The things the elements do with a backend; used to label errors and events. */
export type TokenOperation = 'list' | 'create' | 'revoke' | 'rotate' | 'activity';
