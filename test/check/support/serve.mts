/**
 * Serves a Fetch-standard handler `(Request) => Promise<Response>` over real HTTP on a free port,
 * so the checker under test talks to it as it would to a host's backend. A client that closes
 * the connection aborts the handler's `request.signal`.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FetchHandler = (request: Request) => Promise<Response>;

export interface Served {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

/** `handlerFor(origin)` builds the handler once the port is known (msw matches absolute URLs). */
export async function serve(handlerFor: (origin: string) => FetchHandler): Promise<Served> {
  // eslint-disable-next-line prefer-const -- assigned once the port is known, after the listener closes over it
  let handler: FetchHandler | undefined;
  const server = createServer(async (incoming, outgoing) => {
    const controller = new AbortController();
    outgoing.on('close', () => {
      if (!outgoing.writableFinished) controller.abort();
    });
    try {
      const request = new Request(new URL(incoming.url ?? '/', origin), {
        method: incoming.method,
        headers: headersOf(incoming),
        body: incoming.method === 'GET' || incoming.method === 'HEAD' ? null : await readBody(incoming),
        signal: controller.signal,
      });
      const response = await handler!(request);
      if (controller.signal.aborted) return;
      const body = Buffer.from(await response.arrayBuffer());
      outgoing.writeHead(response.status, Object.fromEntries(response.headers));
      outgoing.end(body);
    } catch (error) {
      if (controller.signal.aborted) return;
      outgoing.writeHead(500, { 'Content-Type': 'text/plain' });
      outgoing.end(`test server: ${String(error)}`);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  handler = handlerFor(origin);
  return {
    origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function headersOf(incoming: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, item);
  }
  return headers;
}

async function readBody(incoming: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
