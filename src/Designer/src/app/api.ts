// The one way the web app talks to the service: same-origin fetch with the session cookie, the antiforgery
// header on writes, and ProblemDetails turned into ApiError (with the service's stable code, the offending
// field and the BPMN element id, when the service named them).

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  field?: string;
  elementId?: string;
  errors?: Record<string, string[]>;
  problems?: { code: string; elementId?: string | null; line?: number | null; message: string; severity: string }[];
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }
  get code(): string | undefined {
    return this.problem.code;
  }
}

const XSRF_COOKIE = 'XSRF-TOKEN';
const XSRF_HEADER = 'X-XSRF-TOKEN';

function xsrfToken(): string | undefined {
  const match = document.cookie.split('; ').find((c) => c.startsWith(`${XSRF_COOKIE}=`));
  return match ? decodeURIComponent(match.slice(XSRF_COOKIE.length + 1)) : undefined;
}

/** Called when the service answers 401: the session ended (signed out elsewhere, user disabled, expired). */
let onUnauthorized: () => void = () => {};
export function setUnauthorizedHandler(handler: () => void) {
  onUnauthorized = handler;
}

type Body = unknown | FormData | Blob | string;

export interface RequestOptions {
  method?: string;
  body?: Body;
  /** The body's media type when it is a string (XML for BPMN and DMN). */
  contentType?: string;
  query?: Record<string, string | number | boolean | null | undefined | (string | number)[]>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export function url(path: string, query?: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.append(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData || options.body instanceof Blob) body = options.body;
  else if (typeof options.body === 'string') {
    body = options.body;
    headers['Content-Type'] = options.contentType ?? 'text/plain';
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = xsrfToken();
    if (token) headers[XSRF_HEADER] = token;
  }
  const response = await fetch(url(path, options.query), {
    method, headers, body, credentials: 'same-origin', signal: options.signal,
  });
  if (!response.ok) {
    let problem: Problem = { status: response.status, title: response.statusText };
    const type = response.headers.get('Content-Type') ?? '';
    if (type.includes('json')) {
      try {
        problem = { ...(await response.json()), status: response.status };
      } catch {
        /* an empty or broken body: keep the status */
      }
    }
    if (response.status === 401 && !path.startsWith('/auth/')) onUnauthorized();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) return (await response.json()) as T;
  return (await response.text()) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: Body, options: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...options, method: 'POST', body: body ?? {} }),
  patch: <T>(path: string, body: Body, options: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...options, method: 'PATCH', body }),
  put: <T>(path: string, body: Body, options: Omit<RequestOptions, 'body' | 'method'> = {}) =>
    request<T>(path, { ...options, method: 'PUT', body }),
  delete: <T>(path: string, options: Omit<RequestOptions, 'body' | 'method'> = {}) => request<T>(path, { ...options, method: 'DELETE' }),
};

/** A page of results as the service returns lists. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}
