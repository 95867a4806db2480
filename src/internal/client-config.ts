import { property } from 'lit/decorators.js';
import { RestTokenClient, type HeadersOption } from '../api/rest-token-client.js';
import type { TokenClient, ValidatedClient } from '../api/token-client.js';
import { validatingClient } from '../api/validating-client.js';
import { memo } from './memo.js';
import type { PatElement } from './pat-element.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must accept any arguments (TS2545)
type Constructor<T> = abstract new (...args: any[]) => T;

/** The configuration every element that talks to the backend shares. */
interface ClientConfig {
  endpoint: string;
  client: TokenClient | undefined;
  headers: HeadersOption | undefined;
  credentials: RequestCredentials;
}

export declare abstract class ClientConfigInterface implements ClientConfig {
  endpoint: string;
  client: TokenClient | undefined;
  headers: HeadersOption | undefined;
  credentials: RequestCredentials;
  /** The client to use now, validated; undefined until `endpoint` or `client` is set. */
  protected get tokenClient(): ValidatedClient | undefined;
}

/**
 * Adds `endpoint`, `client`, `headers` and `credentials` to an element, and builds the client
 * from them once per change rather than once per request. `headers` is not one of those inputs:
 * the client reads the element's current headers at each request, so new headers (a React parent
 * passing an equal object again on every render) apply to the next request and never reload.
 */
export function ClientConfigMixin<T extends Constructor<PatElement>>(Base: T) {
  abstract class ClientConfigElement extends Base implements ClientConfig {
    /** Base URL of the token collection, e.g. `/api/tokens` or an absolute URL. */
    @property({ reflect: true }) endpoint = '';

    /** An adapter implementing `TokenClient`, for APIs of another shape. Wins over `endpoint`. */
    @property({ attribute: false }) client: TokenClient | undefined = undefined;

    /**
     * Headers sent with every request: an object, or a function (may be async) called per request.
     * A change applies from the next request on and never reloads.
     */
    @property({ attribute: false }) headers: HeadersOption | undefined = undefined;

    /** Fetch credentials mode: `same-origin` (default), `include` or `omit`. */
    @property({ reflect: true }) credentials: RequestCredentials = 'same-origin';

    readonly #client = memo<ValidatedClient | undefined>();

    /** Called by the client before each request. */
    readonly #currentHeaders = () => {
      const headers = this.headers;
      return (typeof headers === 'function' ? headers() : headers) ?? {};
    };

    protected get tokenClient(): ValidatedClient | undefined {
      return this.#client([this.client, this.endpoint, this.credentials], () =>
        this.client
          ? validatingClient(this.client)
          : this.endpoint
            ? new RestTokenClient({ endpoint: this.endpoint, headers: this.#currentHeaders, credentials: this.credentials })
            : undefined,
      );
    }
  }
  return ClientConfigElement as unknown as Constructor<ClientConfigInterface> & T;
}
