/**
 * The handler's responses. Errors are RFC 9457 problem details (`application/problem+json`) with
 * the status's reason phrase as `title` and words for people as `detail`; never a stack trace,
 * an internal message or a submitted value. Nothing is cacheable: create and rotate answers carry
 * a secret, and a list is private.
 */
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  499: 'Client Closed Request',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const COMMON_HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...COMMON_HEADERS, 'Content-Type': 'application/json' },
  });
}

export function noContent(headers: Record<string, string> = {}): Response {
  return new Response(null, { status: 204, headers: { ...COMMON_HEADERS, ...headers } });
}

export interface ProblemInit {
  detail?: string;
  errors?: Readonly<Record<string, string>>;
  headers?: Record<string, string>;
}

export function problem(status: number, { detail, errors, headers }: ProblemInit = {}): Response {
  const body = {
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail ? { detail } : {}),
    ...(errors ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...COMMON_HEADERS, ...headers, 'Content-Type': 'application/problem+json' },
  });
}

/**
 * `Retry-After` of a 503: long enough for a Pool to reconnect after a restart or a standby to be
 * promoted, short enough that the page's "Try again" works soon after.
 */
export const RETRY_AFTER_SECONDS = 5;

/** The 503 of a store that cannot answer: never a verdict on the request, so the client retries. */
export function unavailable(): Response {
  return problem(503, {
    detail: 'The service is briefly unavailable. Please try again in a moment.',
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
  });
}
