/**
 * Runs a Fetch handler as a `node:http` request listener (also Express's and Connect's
 * middleware signature): `http.createServer(toNodeListener(handler))`, or
 * `app.use('/api/tokens', toNodeListener(handler))`. The handler gets `{ req }`, the framework's
 * own request, as its context (so `authenticate` reaches `req.user`, `req.session`). A body a
 * parser mounted before it already read (`express.json()`) is taken from `req.body` and goes
 * through the same checks as one read here.
 *
 * It imports nothing from Node, not even types: the parts of `IncomingMessage` and
 * `ServerResponse` it uses are described below, so `pat-elements/server` type-checks and loads
 * anywhere (Workers, Deno, Bun) and a `node:http` listener accepts it as it is.
 *
 * The request's path reaches the handler as the client sent it: never resolved as a URL of its
 * own (`//evil.example/api/tokens` is a path, not a host), and a path that URL parsing would
 * rewrite (`/./`, `/../`, `\`, their encoded forms) answers 404 here. A client that hangs up
 * aborts the request's `signal`, and nothing more is written or logged.
 */
import { SetupError } from './errors.js';
import { rewrittenBodies, tooLarge } from './json-body.js';
import { problem } from './responses.js';

/** What the adapter reads of Node's `IncomingMessage`. */
export interface NodeRequest extends AsyncIterable<Uint8Array> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  socket: object;
  pause(): unknown;
}

/** What the adapter writes to Node's `ServerResponse`. */
export interface NodeResponse {
  readonly headersSent: boolean;
  /** True once `end()` was called. */
  readonly writableEnded?: boolean;
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  write(chunk: Uint8Array): boolean;
  end(chunk?: string): unknown;
  destroy(): unknown;
  once(event: 'close' | 'drain', listener: () => void): unknown;
}

export type NodeListener<Req extends NodeRequest = NodeRequest> = (request: Req, response: NodeResponse) => void;

/** What `toNodeListener` passes a handler beside the request: the framework's own request object. */
export interface NodeContext<Req extends NodeRequest = NodeRequest> {
  /** Node's `IncomingMessage`, or what a framework made of it: Express's `req` (with `req.user`, `req.session`). */
  readonly req: Req;
}

/** What a body parser mounted before the adapter leaves on the request (Express's `body-parser`, Next.js's API routes). */
interface ParsedRequest {
  /** The parsed body: an object or array (`express.json()`), a string (`express.text()`), bytes (`express.raw()`). */
  body?: unknown;
  /** body-parser's mark: it read the body into `body`. */
  _body?: unknown;
  /** Node's: the stream was read to its end. */
  readableEnded?: boolean;
}

/** Whether the client sent a body, whether the handler read all of it, and whether the client left. */
interface BodyState {
  sent: boolean;
  read: boolean;
  /** Aborted when the client hangs up before the answer is complete. */
  gone: AbortController;
}

/**
 * The request body as a web stream, read from Node's stream only as the handler asks. A body the
 * handler leaves unread (the 16 KB limit, a 401 before reading) is never drained: the
 * connection is closed after the answer instead, so a huge upload costs nothing.
 */
function bodyOf(request: NodeRequest, body: BodyState): ReadableStream<Uint8Array> {
  const chunks = request[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await chunks.next();
      } catch (error) {
        // Node's stream fails with "aborted" when the client hangs up mid-body.
        body.gone.abort();
        throw error;
      }
      const { value, done } = next;
      if (done) {
        body.read = true;
        controller.close();
      } else {
        controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      }
    },
    cancel() {
      request.pause();
    },
  });
}

/**
 * A path URL parsing would rewrite into another: dot segments (also percent-encoded), a
 * backslash (read as `/`), control characters and spaces (dropped or encoded).
 */
const REWRITTEN_PATH = /(^|\/)(\.|%2e){1,2}(\/|$)|\\|[\p{Cc}\s]/iu;

/**
 * The request's URL with its path exactly as sent, or null when it has none we could serve as
 * is. Origin-form (`/path`) is appended to the origin, never resolved against it (that would
 * read `//host/path` as another host); absolute-form (`http://host/path`, from a proxy) keeps
 * its own path.
 */
function urlOf(target: string, origin: string): URL | null {
  const path = target.startsWith('/') ? target : /^https?:\/\/[^/?#]*(.*)$/i.exec(target)?.[1];
  if (path === undefined) return null;
  const pathOnly = path.split(/[?#]/, 1)[0]!;
  if (REWRITTEN_PATH.test(pathOnly)) return null;
  try {
    return new URL(`${origin}${path.startsWith('/') ? '' : '/'}${path}`);
  } catch {
    // A Host header that is no host name: the path is what routing needs.
    return new URL(`http://localhost${path.startsWith('/') ? '' : '/'}${path}`);
  }
}

/**
 * The body a parser before the adapter already read: its bytes again, for the handler's own
 * checks (type, size, UTF-8, JSON, then the contract's schema), or an answer when that cannot be.
 * `undefined`: nobody read the stream; the adapter reads it.
 */
function parsedBody(
  request: NodeRequest,
): { bytes: Uint8Array<ArrayBuffer>; rewritten?: true } | { answer: Response } | { error: SetupError } | undefined {
  const { body, _body, readableEnded } = request as NodeRequest & ParsedRequest;
  if (_body !== true && readableEnded !== true) return undefined;
  if (body === undefined || body === null) {
    return {
      error: new SetupError(
        'pat-elements/server: something before the token handler read the request body and left nothing in req.body. ' +
          'Mount the token handler before body parsers (or before whatever reads the body).',
        { detail: 'The server read the request body before the token handler could. It must mount the token handler first.' },
      ),
    };
  }
  if (body instanceof Uint8Array) return { bytes: new Uint8Array(body) };
  if (typeof body === 'string') return { bytes: new TextEncoder().encode(body) };
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (error) {
    // Nesting deeper than the engine can write again is far over the size limit.
    if (error instanceof RangeError) return { answer: tooLarge() };
    text = undefined;
  }
  if (text === undefined) {
    return {
      error: new SetupError(
        'pat-elements/server: a body parser before the token handler left in req.body something that is not JSON. ' +
          'Mount the token handler before body parsers.',
        {
          detail: 'The server parsed the request body into something the token handler cannot read. It must mount the token handler first.',
        },
      ),
    };
  }
  return { bytes: new TextEncoder().encode(text), rewritten: true };
}

/** A request body that fails with `error` when the handler reads it (and only then). */
function failingBody(error: Error): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      controller.error(error);
    },
  });
}

function toRequest(request: NodeRequest, body: BodyState): Request | Response | null {
  // Express rewrites `url` below its mount point and keeps the full path in `originalUrl`.
  const target = (request as NodeRequest & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const url = urlOf(target, `${encrypted ? 'https' : 'http'}://${String(request.headers.host ?? 'localhost')}`);
  if (!url) return null;

  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: body.gone.signal };
  // A message has a body when it says so (RFC 9112): a length above 0, or chunked.
  body.sent = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (body.sent && method !== 'GET' && method !== 'HEAD') {
    const parsed = parsedBody(request);
    if (parsed && 'answer' in parsed) return parsed.answer;
    // What a parser read is read: the connection has nothing left to drain.
    if (parsed) body.read = true;
    init.body = !parsed ? bodyOf(request, body) : 'bytes' in parsed ? parsed.bytes : failingBody(parsed.error);
    // Node's fetch needs this for a streamed request body.
    init.duplex = 'half';
    const built = new Request(url, init);
    if (parsed && 'rewritten' in parsed) rewrittenBodies.add(built);
    return built;
  }
  return new Request(url, init);
}

async function send(answer: Response, response: NodeResponse, body: BodyState): Promise<void> {
  // `Response.error()` is the Fetch standard's network error: the client sees the connection drop.
  // A client that left gets nothing: its socket is closed.
  if (answer.type === 'error' || body.gone.signal.aborted) {
    void answer.body?.cancel().catch(() => {});
    response.destroy();
    return;
  }
  const headers: Record<string, string | string[]> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  if (body.sent && !body.read) headers.connection = 'close';
  response.writeHead(answer.status, headers);

  if (!answer.body) {
    response.end();
    return;
  }
  const reader = answer.body.getReader();
  // A client that leaves never drains: its leaving ends the wait, and the reading.
  const left = new Promise<void>((resolve) => body.gone.signal.addEventListener('abort', () => resolve(), { once: true }));
  void left.then(() => reader.cancel().catch(() => {}));
  for (;;) {
    const { value, done } = await reader.read();
    if (done || body.gone.signal.aborted) break;
    if (!response.write(value)) await Promise.race([new Promise<void>((resolve) => response.once('drain', resolve)), left]);
  }
  if (!body.gone.signal.aborted) response.end();
}

/**
 * `handler` as a `node:http` listener; it gets `{ req }` as its context. Typed by the handler's
 * context: `createFetchHandler(tokens, { authenticate: (request, { req }: NodeContext<express.Request>) => … })`
 * makes a listener of Express's requests.
 */
export function toNodeListener<Req extends NodeRequest = NodeRequest>(
  handler: (request: Request, context: NodeContext<Req>) => Promise<Response>,
): NodeListener<Req> {
  return (request, response) => {
    const body: BodyState = { sent: false, read: false, gone: new AbortController() };
    // 'close' before the answer ended: the client hung up.
    response.once('close', () => {
      if (!response.writableEnded) body.gone.abort();
    });
    void (async () => {
      try {
        const incoming = toRequest(request, body);
        const answer =
          incoming instanceof Request
            ? await handler(incoming, { req: request })
            : (incoming ?? problem(404, { detail: 'There is nothing at this address.' }));
        await send(answer, response, body);
      } catch (error) {
        if (body.gone.signal.aborted) {
          response.destroy();
          return;
        }
        console.error('pat-elements/server: the Node adapter could not answer:', error);
        if (!response.headersSent) {
          response.writeHead(500, { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store' });
          response.end(JSON.stringify({ type: 'about:blank', title: 'Internal Server Error', status: 500 }));
        } else {
          response.destroy();
        }
      }
    })();
  };
}
