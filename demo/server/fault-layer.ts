/**
 * The control panel's faults, in front of the real handler: armed through the demo-only
 * `POST /api/demo/fault`, each hits the next token request (an empty list, the next load) and
 * then disarms. The handler behind never knows: this is the demo's, not the package's.
 */
import type { FetchHandler, NodeContext } from '../../src/server/index.js';

export const DEMO_FAULTS = ['server-error', 'slow', 'network', 'schema-violation', 'empty-list'] as const;
export type DemoFault = (typeof DEMO_FAULTS)[number];

/** Which request a fault hit, e.g. `GET /api/tokens`. */
export type FiredFault = { fault: DemoFault; request: string };

export const SLOW_MS = 4000;

const problem = (status: number, title: string, detail: string) =>
  Response.json({ type: 'about:blank', title, status, detail }, { status, headers: { 'Content-Type': 'application/problem+json' } });

/** The real answer with a required field mistyped: the elements must refuse it, naming the field. */
async function violateSchema(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('json') || !response.ok) return response;
  const body = (await response.json()) as Record<string, unknown>;
  if (Array.isArray(body.tokens)) {
    const [first] = body.tokens as Array<Record<string, unknown>>;
    body.tokens = first ? [{ ...first, createdAt: 1_700_000_000 }, ...body.tokens.slice(1)] : 'none';
  } else if (body.token && typeof body.token === 'object') {
    body.token = { ...body.token, id: 42 };
  }
  return Response.json(body, { status: response.status, headers: response.headers });
}

export interface FaultLayer {
  readonly handler: FetchHandler<NodeContext>;
  /** Arms `fault`; settles with what it hit, or `undefined` when another fault or a reset replaced it. */
  arm(fault: DemoFault): Promise<FiredFault | undefined>;
  disarm(): void;
}

export function createFaultLayer(inner: FetchHandler<NodeContext>): FaultLayer {
  let armed: { fault: DemoFault; settle: (fired: FiredFault | undefined) => void } | undefined;

  const disarm = () => {
    armed?.settle(undefined);
    armed = undefined;
  };

  return {
    arm(fault) {
      disarm();
      return new Promise((settle) => {
        armed = { fault, settle };
      });
    },
    disarm,
    async handler(request, context) {
      const isLoad = request.method === 'GET';
      if (!armed || (armed.fault === 'empty-list' && !isLoad)) return inner(request, context);
      const { fault, settle } = armed;
      armed = undefined;
      settle({ fault, request: `${request.method} ${new URL(request.url).pathname}` });

      switch (fault) {
        case 'server-error':
          return problem(500, 'Internal Server Error', 'Something went wrong on our side. Please try again.');
        case 'network':
          // The Node adapter drops the connection: the browser sees a network error.
          return Response.error();
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, SLOW_MS));
          return inner(request, context);
        case 'empty-list':
          return Response.json({ tokens: [] }, { headers: { 'Cache-Control': 'no-store' } });
        case 'schema-violation':
          return violateSchema(await inner(request, context));
      }
    },
  };
}
