/**
 * Runs a Fetch handler as a `node:http` request listener (also Express's and Connect's
 * middleware signature): `http.createServer(toNodeListener(handler))`, or
 * `app.use('/api/tokens', toNodeListener(handler))` before any body parser.
 *
 * It imports nothing from Node, not even types: the parts of `IncomingMessage` and
 * `ServerResponse` it uses are described below, so `pat-elements/server` type-checks and loads
 * anywhere (Workers, Deno, Bun) and a `node:http` listener accepts it as it is.
 */
import type { FetchHandler } from './fetch-handler.js';

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
  writeHead(status: number, headers: Record<string, string | string[]>): unknown;
  write(chunk: Uint8Array): boolean;
  end(chunk?: string): unknown;
  destroy(): unknown;
  once(event: 'close' | 'drain', listener: () => void): unknown;
}

export type NodeListener = (request: NodeRequest, response: NodeResponse) => void;

/** Whether the client sent a body, and whether the handler read all of it. */
interface BodyState {
  sent: boolean;
  read: boolean;
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
      const { value, done } = await chunks.next();
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

function toRequest(request: NodeRequest, body: BodyState): Request {
  // Express rewrites `url` below its mount point and keeps the full path in `originalUrl`.
  const path = (request as NodeRequest & { originalUrl?: string }).originalUrl ?? request.url ?? '/';
  const encrypted = (request.socket as { encrypted?: boolean }).encrypted === true;
  const origin = `${encrypted ? 'https' : 'http'}://${String(request.headers.host ?? 'localhost')}`;
  let url: URL;
  try {
    url = new URL(path, origin);
  } catch {
    // A Host header that is no host name: the path is what routing needs.
    url = new URL(path, 'http://localhost');
  }

  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const method = request.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers };
  // A message has a body when it says so (RFC 9112): a length above 0, or chunked.
  body.sent = Number(request.headers['content-length'] ?? 0) > 0 || request.headers['transfer-encoding'] !== undefined;
  if (body.sent && method !== 'GET' && method !== 'HEAD') {
    init.body = bodyOf(request, body);
    // Node's fetch needs this for a streamed request body.
    init.duplex = 'half';
  }
  return new Request(url, init);
}

async function send(answer: Response, response: NodeResponse, body: BodyState): Promise<void> {
  // `Response.error()` is the Fetch standard's network error: the client sees the connection drop.
  if (answer.type === 'error') {
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
  response.once('close', () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (!response.write(value)) await new Promise<void>((resolve) => response.once('drain', () => resolve()));
  }
  response.end();
}

export function toNodeListener(handler: FetchHandler): NodeListener {
  return (request, response) => {
    const body: BodyState = { sent: false, read: false };
    void (async () => {
      try {
        await send(await handler(toRequest(request, body)), response, body);
      } catch (error) {
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
