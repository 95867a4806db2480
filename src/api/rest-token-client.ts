import { HttpError, NetworkError, TimeoutError, isAbortError } from './errors.js';
import {
  parseActivityPage,
  parseCreateRequest,
  parseCreateResponse,
  parseJson,
  parseListResponse,
  parseRotateRequest,
  parseRotateResponse,
  parseTokenId,
} from './parse.js';
import * as z from 'zod/mini';
import {
  ProblemSchema,
  type ActivityPage,
  type CreateTokenRequest,
  type CreateTokenResponse,
  type ListTokensResponse,
  type Problem,
  type RotateTokenRequest,
  type RotateTokenResponse,
} from './schemas.js';
import type { TokenOperation, ValidatedClient } from './token-client.js';

export type HeadersValue = Record<string, string>;
/** Static headers, or a function called before every request (e.g. to read a fresh CSRF token). */
export type HeadersOption = HeadersValue | (() => HeadersValue | Promise<HeadersValue>);

export interface RestTokenClientOptions {
  /** Base URL of the token collection, relative to the document or absolute. */
  endpoint: string;
  headers?: HeadersOption | undefined;
  /** Default `same-origin`. */
  credentials?: RequestCredentials | undefined;
  /** Per request, from sending to the parsed body. Default 30 000 ms. */
  timeoutMs?: number | undefined;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** The default `TokenClient`: speaks the REST contract documented in the README and OpenAPI file. */
export class RestTokenClient implements ValidatedClient {
  readonly endpoint: string;
  readonly headers: HeadersOption | undefined;
  readonly credentials: RequestCredentials;
  readonly timeoutMs: number;

  constructor(options: RestTokenClientOptions) {
    this.endpoint = options.endpoint;
    this.headers = options.headers;
    this.credentials = options.credentials ?? 'same-origin';
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** `GET {endpoint}`: the tokens, with the server's scope catalogue and policy when it sends them. */
  async list(signal: AbortSignal): Promise<ListTokensResponse> {
    return this.#request(
      'list',
      'GET',
      () => [this.endpoint],
      signal,
      async (response) => parseListResponse(parseJson(await response.text(), response.headers.get('content-type'))),
    );
  }

  /** Sends the request as its schema reads it (name trimmed, unknown members dropped); an invalid one is never sent. */
  async create(request: CreateTokenRequest, signal: AbortSignal): Promise<CreateTokenResponse> {
    return this.#request(
      'create',
      'POST',
      () => [this.endpoint, parseCreateRequest(request)],
      signal,
      async (response) => parseCreateResponse(parseJson(await response.text(), response.headers.get('content-type'))),
    );
  }

  async revoke(id: string, signal: AbortSignal): Promise<void> {
    // 404: someone (another tab, an admin) deleted it first. The user's goal is met.
    return this.#request(
      'revoke',
      'DELETE',
      () => [this.#tokenUrl(id)],
      signal,
      async () => undefined,
      [404],
    );
  }

  /** `POST {endpoint}/{id}/rotate`. A 404 is an `HttpError`: the token to replace is gone. */
  async rotate(id: string, request: RotateTokenRequest, signal: AbortSignal): Promise<RotateTokenResponse> {
    return this.#request(
      'rotate',
      'POST',
      () => [`${this.#tokenUrl(id)}/rotate`, parseRotateRequest(request)],
      signal,
      async (response) => parseRotateResponse(parseJson(await response.text(), response.headers.get('content-type'))),
    );
  }

  /** `GET {endpoint}/activity` or `GET {endpoint}/{id}/activity`, with `?cursor=` after the first page. */
  async activity(tokenId: string | null, cursor: string | null, signal: AbortSignal): Promise<ActivityPage> {
    return this.#request(
      'activity',
      'GET',
      () => {
        const base = tokenId === null ? this.endpoint.replace(/\/+$/, '') : this.#tokenUrl(tokenId);
        return [`${base}/activity${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`];
      },
      signal,
      async (response) => parseActivityPage(parseJson(await response.text(), response.headers.get('content-type'))),
    );
  }

  #tokenUrl(id: string): string {
    // An empty id would address the collection itself (a DELETE of all tokens, on some servers).
    const segment = encodeURIComponent(parseTokenId(id));
    // The collection URL is used as given (some frameworks route `/tokens/` and `/tokens` apart).
    return `${this.endpoint.replace(/\/+$/, '')}/${segment}`;
  }

  /** `prepare` checks the request and gives its URL and body; what it throws is tagged, and nothing is sent. */
  async #request<T>(
    operation: TokenOperation,
    method: string,
    prepare: () => [url: string, body?: unknown],
    signal: AbortSignal,
    read: (response: Response) => Promise<T>,
    alsoOk: readonly number[] = [],
  ): Promise<T> {
    signal.throwIfAborted();
    // One controller per request: it follows the caller's signal and the timeout, and is released
    // in `finally` so no timer or listener outlives the request.
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);

    try {
      const [url, body] = prepare();
      const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      // A host's headers function may hang (a stuck token refresh): abort and timeout still apply.
      const hostHeaders = typeof this.headers === 'function' ? this.headers() : this.headers;
      Object.assign(headers, await untilAborted(hostHeaders, controller.signal));

      let response: Response;
      try {
        response = await fetch(url, {
          method,
          headers,
          credentials: this.credentials,
          body: body === undefined ? null : JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (cause) {
        if (controller.signal.aborted) throw cause;
        throw new NetworkError({ cause });
      }

      if (response.ok || alsoOk.includes(response.status)) return await read(response);
      throw await httpErrorFrom(response);
    } catch (error) {
      if (timedOut) throw tagged(new TimeoutError(this.timeoutMs), operation);
      if (signal.aborted) throw signal.reason ?? error;
      if (isAbortError(error)) throw error;
      throw tagged(error, operation);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
    }
  }
}

/** Settles with `value`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(value: T | Promise<T>, signal: AbortSignal): Promise<T> {
  signal.throwIfAborted();
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    Promise.resolve(value)
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function tagged(error: unknown, operation: TokenOperation): unknown {
  if (error instanceof Error && 'kind' in error) (error as { operation?: TokenOperation }).operation = operation;
  return error;
}

async function httpErrorFrom(response: Response): Promise<HttpError> {
  let text = '';
  try {
    text = await response.text();
  } catch {
    // A body that cannot be read still leaves the status to report.
  }
  const problem = (response.headers.get('content-type') ?? '').includes('json') ? parseProblem(text) : undefined;
  if (!problem) return new HttpError({ status: response.status });
  return new HttpError({
    status: response.status,
    title: nonEmpty(problem.title),
    detail: nonEmpty(problem.detail),
    fieldErrors: problem.errors && flattenFieldErrors(problem.errors),
  });
}

function parseProblem(text: string): Problem | undefined {
  try {
    const result = z.safeParse(ProblemSchema, JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

function flattenFieldErrors(errors: Record<string, string | string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) {
    const text = Array.isArray(message) ? message.join(' ') : message;
    if (text.trim()) out[field] = text.trim();
  }
  return out;
}
