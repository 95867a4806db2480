/**
 * How a dialog used alone learns what the list learns from its answer: the server's scope
 * catalogue and policy. It asks its client's `list` once, when first opened (and again only for
 * another client, or after a failure). A dialog composed by a list is given the list's answer and
 * asks nothing.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError, PartialListError } from '../api/errors.js';
import type { ValidatedClient } from '../api/token-client.js';
import type { ServerSettings } from './dialog-settings.js';

export interface ServerSettingsLoaderOptions {
  loaded: (settings: ServerSettings) => void;
  /** The list could not be read: the form goes on with the host's settings and the defaults. */
  failed: (error: unknown) => void;
}

function withoutTokens({ scopes, policy }: ServerSettings): ServerSettings {
  return { ...(scopes && { scopes }), ...(policy && { policy }) };
}

export class ServerSettingsLoader implements ReactiveController {
  readonly #options: ServerSettingsLoaderOptions;
  /** The client asked (or being asked); undefined: ask again at the next `load`. */
  #asked: ValidatedClient | undefined;
  #request: AbortController | undefined;
  #pending: Promise<void> | undefined;
  /** What the last answer said, to tell it from settings a list gave. */
  #loaded: ServerSettings | undefined;

  constructor(host: ReactiveControllerHost, options: ServerSettingsLoaderOptions) {
    host.addController(this);
    this.#options = options;
  }

  /** Settles when the answer asked for is in (or failed); undefined when nothing is being asked. */
  get pending(): Promise<void> | undefined {
    return this.#pending;
  }

  /** Whether `settings` came from this loader (not from a list). */
  isOwn(settings: ServerSettings | undefined): boolean {
    return settings === undefined || settings === this.#loaded;
  }

  /** Asks `client` for the list, unless it was asked already. */
  load(client: ValidatedClient): void {
    if (client === this.#asked) return;
    this.#request?.abort();
    const request = (this.#request = new AbortController());
    this.#asked = client;
    const settle = (settings: ServerSettings) => {
      this.#loaded = settings;
      this.#options.loaded(settings);
    };
    this.#pending = client
      .list(request.signal)
      .then(
        (answer) => settle(withoutTokens(answer)),
        (error: unknown) => {
          // Some tokens broke the contract: the catalogue and policy beside them are still good.
          if (error instanceof PartialListError) return settle(withoutTokens(error.answer));
          if (this.#request === request) this.#asked = undefined;
          if (!isAbortError(error)) this.#options.failed(error);
        },
      )
      .finally(() => {
        if (this.#request === request) this.#pending = this.#request = undefined;
      });
  }

  hostDisconnected(): void {
    if (!this.#request) return;
    // Asked again when the dialog is next opened on the page.
    this.#request.abort();
    this.#asked = undefined;
  }
}
