// Small typed client for the SMART JSON API: same-origin cookies, the CSRF header on every write,
// and one error type (ApiError) built from the server's `{ error: { code, message, issues } }` body.

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: ApiIssue[];
  /** Seconds to wait before retrying, from a Retry-After header (429), when the server sends one. */
  readonly retryAfterSeconds: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    issues: ApiIssue[],
    retryAfterSeconds: number | null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The message for one form field, when the server reported an issue at that path. */
  issueFor(path: string): string | undefined {
    return this.issues.find((issue) => issue.path === path || issue.path.endsWith(`.${path}`))?.message;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token; every session the server returns carries a fresh one. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseIssues(value: unknown): ApiIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    isRecord(item) && typeof item.message === 'string'
      ? [{ path: typeof item.path === 'string' ? item.path : '', message: item.message }]
      : [],
  );
}

const fallbackMessages: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'Please sign in.',
  403: 'You do not have permission to do this.',
  404: 'Not found.',
  409: 'This conflicts with the current state. Reload and try again.',
  429: 'Too many requests. Please wait a moment and try again.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page, an empty body): fall back to the status.
  }
  const retryHeader = response.headers.get('retry-after');
  const retryAfter = retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null;
  const error = isRecord(body) && isRecord(body.error) ? body.error : null;
  const code = error && typeof error.code === 'string' ? error.code : `http_${response.status}`;
  const message =
    error && typeof error.message === 'string'
      ? error.message
      : (fallbackMessages[response.status] ?? `The server answered ${response.status}.`);
  return new ApiError(response.status, code, message, parseIssues(error?.issues), retryAfter);
}

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(
      0,
      'network_error',
      'Cannot reach the SMART server. Check that it is running.',
      [],
      null,
    );
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function json<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  const data: unknown = await response.json();
  // The server validates its responses against the same contract; this is the one trusted cast.
  return data as T;
}

/** Query-string from the defined, non-empty values of `params`. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * Sends one file as multipart/form-data (field "file"), reporting upload progress (0..1). Uses
 * XMLHttpRequest because fetch cannot report the progress of a request body.
 */
export function uploadFile<T>(
  path: string,
  file: Blob,
  filename: string,
  onProgress?: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken !== null) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'network_error',
          'Cannot reach the SMART server. Check that it is running.',
          [],
          null,
        ),
      );
    xhr.onload = () => {
      const response = new Response(xhr.responseText || null, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (response.ok) resolve(response.json() as Promise<T>);
      else toApiError(response).then(reject, reject);
    };
    const form = new FormData();
    form.append('file', file, filename);
    xhr.send(form);
  });
}

export const api = {
  get: <T>(path: string): Promise<T> => json<T>('GET', path),
  post: <T>(path: string, body: unknown = {}): Promise<T> => json<T>('POST', path, body),
  patch: <T>(path: string, body: unknown): Promise<T> => json<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown): Promise<T> => json<T>('PUT', path, body),
  /** A write whose answer has no body (204). */
  postVoid: async (path: string, body: unknown = {}): Promise<void> => {
    await send('POST', path, body);
  },
  delete: async (path: string): Promise<void> => {
    await send('DELETE', path);
  },
};
