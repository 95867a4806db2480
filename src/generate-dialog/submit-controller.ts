import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbortError } from '../api/errors.js';

/** How a request ended; `undefined` from `send()` means it was refused or aborted. */
type Outcome<T> = { ok: true; response: T } | { ok: false; error: unknown };

/**
 * Runs the form's one request at a time (a create or a rotate) and aborts it when the host leaves
 * the page. Unlike `@lit/task`, it keeps no copy of the result: the response carries the secret,
 * which must only pass through on its way to the reveal.
 */
export class SubmitController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  #inFlight: AbortController | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  /** True from the moment `send()` is called until its answer (or abort). */
  get pending(): boolean {
    return this.#inFlight !== undefined;
  }

  /**
   * Sends the request unless one is already in flight (then resolves to undefined: a second
   * submit never makes a second POST). An aborted request also resolves to undefined, even when
   * an adapter that ignores its signal answers anyway.
   */
  async send<T>(request: (signal: AbortSignal) => Promise<T>): Promise<Outcome<T> | undefined> {
    if (this.#inFlight) return undefined;
    const controller = new AbortController();
    this.#inFlight = controller;
    this.#host.requestUpdate();
    try {
      const response = await request(controller.signal);
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
