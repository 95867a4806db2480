/**
 * Everything `<pat-token-list>` does with the backend, so the element never sees a request: the
 * list is loaded with `@lit/task` (re-run when the client changes), then kept locally — tokens
 * created through the dialog are added and deleted ones removed without reloading. Requests in
 * flight are aborted when the element leaves the page, and an interrupted load runs again when it
 * comes back.
 */
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PartialListError, isAbortError } from '../api/errors.js';
import type { ListTokensResponse, Token } from '../api/schemas.js';
import type { ValidatedClient } from '../api/token-client.js';

export interface TokensControllerOptions {
  /** The client to use now; undefined while the element has no `endpoint` or `client`. */
  client: () => ValidatedClient | undefined;
  /**
   * A load failed, or left out tokens that break the contract (a `PartialListError`, whose valid
   * tokens are shown). Never called for an abort.
   */
  onLoadError: (error: unknown) => void;
}

export type RevokeResult =
  | { status: 'revoked' }
  | { status: 'failed'; error: unknown }
  /** Aborted (element removed), already in progress, or no client. */
  | { status: 'skipped' };

/** What the list answer said besides the tokens: the server's catalogue and policy. */
export type ListExtras = Omit<ListTokensResponse, 'tokens'>;

interface Loaded {
  client: ValidatedClient;
  answer: ListTokensResponse;
  leftOut: number;
}

const NONE: readonly string[] = [];
const NO_EXTRAS: ListExtras = {};

export class TokensController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #client: () => ValidatedClient | undefined;
  readonly #onLoadError: (error: unknown) => void;
  readonly #task: Task<readonly [ValidatedClient | undefined], Loaded>;
  #tokens: readonly Token[] | undefined;
  #extras: ListExtras = NO_EXTRAS;
  #loadedFrom: ValidatedClient | undefined;
  #newIds: readonly string[] = NONE;
  /** Tokens created while a load was in flight: its answer may predate them. */
  #createdDuringLoad: Token[] = [];
  readonly #revocations = new Map<string, AbortController>();
  #loadInterrupted = false;
  #leftOut = 0;
  #failure: { error: unknown; client: ValidatedClient } | undefined;
  #loadingFrom: ValidatedClient | undefined;

  constructor(host: ReactiveControllerHost, options: TokensControllerOptions) {
    (this.#host = host).addController(this);
    this.#client = options.client;
    this.#task = new Task(host, {
      args: () => [this.#client()] as const,
      task: ([client], { signal }) => this.#load(client, signal),
      onComplete: (loaded) => this.#settle(loaded),
      onError: (error) => {
        if (isAbortError(error)) return;
        this.#failure = { error, client: this.#loadingFrom! };
        options.onLoadError(error);
      },
    });
    this.#onLoadError = options.onLoadError;
  }

  /** The tokens to show; undefined until the first load succeeds. */
  get tokens(): readonly Token[] | undefined {
    return this.#tokens;
  }

  /** The server's catalogue and policy from the last answer (none before it, or when it sent none). */
  get extras(): ListExtras {
    return this.#extras;
  }

  /** Ids of tokens created since the last load, newest first. */
  get newIds(): readonly string[] {
    return this.#newIds;
  }

  /** True while the list is being fetched (first load or reload). */
  get loading(): boolean {
    return this.#task.status === TaskStatus.PENDING || this.#loadInterrupted;
  }

  /** True before any load started (no client yet). */
  get idle(): boolean {
    return this.#task.status === TaskStatus.INITIAL;
  }

  /**
   * The last load's failure, kept while a retry is in flight (so the message can show its progress)
   * and until a load succeeds.
   */
  get failure(): unknown {
    return this.#failure?.error;
  }

  /** How many tokens the last load left out because they break the contract. */
  get leftOut(): number {
    return this.#leftOut;
  }

  isRevoking(id: string): boolean {
    return this.#revocations.has(id);
  }

  /** Fetches the list again; resolves when it has loaded or failed. */
  reload(): Promise<void> {
    return this.#task.run();
  }

  /**
   * Shows a token created elsewhere (the dialog) first, marked new, without reloading. When no
   * list is shown (the first load failed), a create that worked is a good moment to load it.
   */
  add(token: Token): void {
    this.#newIds = [token.id, ...this.#newIds.filter((id) => id !== token.id)];
    if (!this.#tokens && this.#task.status !== TaskStatus.PENDING) void this.reload();
    // After the line above on purpose: a load starting now must keep the token too.
    if (this.#task.status === TaskStatus.PENDING) this.#createdDuringLoad.push(token);
    if (this.#tokens) this.#tokens = [token, ...this.#tokens.filter((t) => t.id !== token.id)];
    this.#host.requestUpdate();
  }

  /**
   * Shows what a regenerate did: the new token first, marked new, and the old one as the server now
   * describes it (replaced, with its grace period), or gone when `previous` is null.
   */
  replace(oldId: string, token: Token, previous: Token | null): void {
    this.add(token);
    if (!previous) this.remove(oldId);
    else if (this.#tokens) this.#tokens = this.#tokens.map((t) => (t.id === oldId ? previous : t));
  }

  remove(id: string): void {
    if (this.#tokens) this.#tokens = this.#tokens.filter((t) => t.id !== id);
    if (this.#newIds.includes(id)) this.#newIds = this.#newIds.filter((newId) => newId !== id);
    this.#host.requestUpdate();
  }

  /**
   * Sends one DELETE for the token; a second call while it is in flight sends nothing. The token
   * stays in the list: the caller removes it, so it can move focus first.
   */
  async revoke(token: Token): Promise<RevokeResult> {
    const client = this.#client();
    if (!client || this.#revocations.has(token.id)) return { status: 'skipped' };
    const controller = new AbortController();
    this.#revocations.set(token.id, controller);
    this.#host.requestUpdate();
    try {
      await client.revoke(token.id, controller.signal);
      return { status: 'revoked' };
    } catch (error) {
      return isAbortError(error) ? { status: 'skipped' } : { status: 'failed', error };
    } finally {
      this.#revocations.delete(token.id);
      this.#host.requestUpdate();
    }
  }

  hostConnected(): void {
    if (this.#loadInterrupted) {
      this.#loadInterrupted = false;
      void this.#task.run();
    }
  }

  hostDisconnected(): void {
    if (this.#task.status === TaskStatus.PENDING) {
      this.#loadInterrupted = true;
      this.#task.abort();
    }
    for (const controller of this.#revocations.values()) controller.abort();
  }

  async #load(client: ValidatedClient | undefined, signal: AbortSignal): Promise<Loaded | typeof initialState> {
    if (!client) return initialState;
    if (client !== this.#loadedFrom) {
      // Another endpoint or adapter: what was shown belongs to a different account or API.
      this.#tokens = undefined;
      this.#extras = NO_EXTRAS;
      this.#newIds = NONE;
    }
    // So is a failure of another client; a retry of this one keeps it shown until it settles.
    if (client !== this.#failure?.client) this.#failure = undefined;
    this.#loadingFrom = client;
    this.#createdDuringLoad = [];
    try {
      return { client, answer: await client.list(signal), leftOut: 0 };
    } catch (error) {
      if (!(error instanceof PartialListError)) throw error;
      this.#onLoadError(error);
      return { client, answer: error.answer, leftOut: error.rejected };
    }
  }

  #settle({ client, answer: { tokens, scopes, policy }, leftOut }: Loaded): void {
    this.#failure = undefined;
    this.#leftOut = leftOut;
    this.#extras = scopes || policy ? { ...(scopes && { scopes }), ...(policy && { policy }) } : NO_EXTRAS;
    const missing = this.#createdDuringLoad.filter((created) => !tokens.some((t) => t.id === created.id));
    this.#tokens = missing.length ? [...missing.reverse(), ...tokens] : tokens;
    this.#newIds = this.#createdDuringLoad.map((t) => t.id).reverse();
    this.#createdDuringLoad = [];
    this.#loadedFrom = client;
  }
}
