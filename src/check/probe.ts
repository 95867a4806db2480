/**
 * The checker's HTTP side: one request at a time to the endpoint under test, each answer kept
 * as an `Exchange` so later clauses (content types, dates) can judge every answer the run saw.
 * Uses the platform `fetch`; no DOM.
 */

export interface ProbeOptions {
  /** The token collection's absolute URL. */
  endpoint: string;
  /** The user's `-H` headers, sent with every request except the one that checks for a 401. */
  headers: Readonly<Record<string, string>>;
  /** A second user's headers (`--other-header`), sent instead with `asOther`. */
  otherHeaders?: Readonly<Record<string, string>>;
  /** Per request, from sending to the whole body read. */
  timeoutMs: number;
  /** Aborts whatever is in flight (Ctrl-C). */
  signal: AbortSignal;
}

export interface SendOptions {
  /** Path below the endpoint, already URL-encoded: `/tok_1`, `/tok_1/rotate`. */
  path?: string;
  /** Sent as JSON; a string is sent as it is (with a JSON content type), for malformed bodies. */
  body?: unknown;
  /** Leave out the user's `-H` headers. */
  withoutHeaders?: boolean;
  /** Send the second user's headers (`--other-header`) instead of the first's. */
  asOther?: boolean;
}

/** One request and its answer, as the checker saw it. */
export interface Exchange {
  /** `GET`, `POST /{id}/rotate`: how reasons name the request. */
  label: string;
  status: number;
  /** The media type alone (`application/json`), lower case; '' when absent. */
  mediaType: string;
  text: string;
  /** The parsed body; `undefined` when the body is empty or not JSON. */
  json: unknown;
  /**
   * An error answer's problem `detail`, as a reason may show it: one line of printable ASCII,
   * short, every secret the run has seen cut out. `undefined` when there is none.
   */
  detail: string | undefined;
  /** Whether this answer is judged by the content-types clause. */
  judged: boolean;
}

/** The request got no answer: connection refused or reset, DNS, TLS, or the timeout. */
export class NoAnswerError extends Error {
  constructor(
    readonly label: string,
    readonly why: string,
    options?: ErrorOptions,
  ) {
    super(`${label} got no answer: ${why}`, options);
    this.name = 'NoAnswerError';
  }
}

/** Aborted by the user (Ctrl-C, SIGTERM): the run stops and cleans up. */
export class InterruptedError extends Error {
  constructor() {
    super('Interrupted.');
    this.name = 'InterruptedError';
  }
}

export class Probe {
  readonly exchanges: Exchange[] = [];
  /** Every secret an answer carried: never shown, also not inside a server's `detail`. */
  readonly #secrets = new Set<string>();
  readonly #options: ProbeOptions;
  readonly #collection: string;

  constructor(options: ProbeOptions) {
    this.#options = options;
    // The collection URL is used as given; ids are appended to it without a doubled slash.
    this.#collection = options.endpoint.replace(/\/+$/, '');
  }

  /**
   * Sends one request. `judged: false` keeps the answer out of the content-types clause (a probe
   * for a route that is not offered, cleanup). Throws `NoAnswerError` or `InterruptedError`.
   */
  async send(method: string, options: SendOptions = {}, judged = true, signal = this.#options.signal): Promise<Exchange> {
    const { path = '', body, withoutHeaders = false, asOther = false } = options;
    // `/tok_1/rotate` reads `…/{id}/rotate`; `/activity?cursor=…` reads `…/activity` (the collection's trail).
    const route = path.split('?', 1)[0]!;
    const where = route === '/activity' ? route : route.replace(/^\/[^/]+/, '/{id}');
    const label = `${path ? `${method} …${where}` : method}${asOther ? ' (second user)' : ''}`;
    if (signal.aborted) throw new InterruptedError();

    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'User-Agent': 'pat-elements check',
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (asOther) Object.assign(headers, this.#options.otherHeaders);
    else if (!withoutHeaders) Object.assign(headers, this.#options.headers);

    const timeout = AbortSignal.timeout(this.#options.timeoutMs);
    try {
      const response = await fetch(path ? `${this.#collection}${path}` : this.#options.endpoint, {
        method,
        headers,
        body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
        signal: AbortSignal.any([signal, timeout]),
      });
      const text = await response.text();
      const json = parseOrUndefined(text);
      const secret = (json as { secret?: unknown } | undefined)?.secret;
      if (typeof secret === 'string' && secret) this.#secrets.add(secret);
      const exchange: Exchange = {
        label,
        status: response.status,
        mediaType: (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase(),
        text,
        json,
        detail: response.status >= 400 ? this.#detailOf(json) : undefined,
        judged,
      };
      this.exchanges.push(exchange);
      return exchange;
    } catch (error) {
      if (signal.aborted) throw new InterruptedError();
      if (timeout.aborted) throw new NoAnswerError(label, `no answer within ${this.#options.timeoutMs} ms`);
      throw new NoAnswerError(label, describeNetworkError(error), { cause: error });
    }
  }

  /** A problem body's `detail`, fit for one line of a report. */
  #detailOf(json: unknown): string | undefined {
    const detail = (json as { detail?: unknown } | undefined)?.detail;
    if (typeof detail !== 'string') return undefined;
    let text = detail;
    for (const secret of this.#secrets) text = text.replaceAll(secret, '…');
    text = text
      .replace(/\s+/g, ' ')
      .replace(/[^\x20-\x7e]/g, '?')
      .trim();
    if (!text) return undefined;
    return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
  }

  /** The path of a token below the collection. */
  static tokenPath(id: string, suffix = ''): string {
    return `/${encodeURIComponent(id)}${suffix}`;
  }
}

/** A server's `detail` is shown up to this many characters: one line of a report. */
const MAX_DETAIL = 160;

function parseOrUndefined(text: string): unknown {
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Node's fetch hides the reason in `cause` (`ECONNREFUSED`, `ENOTFOUND`, a TLS error). */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
}
