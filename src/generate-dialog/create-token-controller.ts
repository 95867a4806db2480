import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../api/errors.js';
import type { CreateTokenRequest, CreateTokenResponse } from '../api/schemas.js';
import type { TokenClient } from '../api/token-client.js';

/** How a create attempt ended; `undefined` from `create()` means it was refused or aborted. */
type CreateOutcome = { ok: true; response: CreateTokenResponse } | { ok: false; error: unknown };

/**
 * Runs one create request at a time for its host and aborts it when the host leaves the page.
 * Unlike `@lit/task`, it keeps no copy of the result: the response carries the secret, which must
 * only pass through on its way to the reveal.
 */
export class CreateTokenController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #inFlight: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True from the moment `create()` is called until its answer (or abort). */
  get pending(): boolean {
    return this.#inFlight !== undefined;
  }

  /**
   * Sends the request unless one is already in flight (then resolves to undefined: a second
   * submit never makes a second POST). An aborted request also resolves to undefined, even when
   * an adapter that ignores its signal answers anyway.
   */
  async create(client: TokenClient, request: CreateTokenRequest): Promise<CreateOutcome | undefined> {
    if (this.#inFlight) return undefined;
    const controller = new AbortController();
    this.#inFlight = controller;
    this.#host.requestUpdate();
    try {
      const response = await client.create(request, controller.signal);
      return controller.signal.aborted ? undefined : { ok: true, response };
    } catch (error) {
      return controller.signal.aborted || isAbortError(error) ? undefined : { ok: false, error };
    } finally {
      if (this.#inFlight === controller) this.#inFlight = undefined;
      this.#host.requestUpdate();
    }
  }

  /** Cancels the request in flight, closing its connection. */
  abort(): void {
    const controller = this.#inFlight;
    if (!controller) return;
    this.#inFlight = undefined;
    controller.abort();
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
  }
}
