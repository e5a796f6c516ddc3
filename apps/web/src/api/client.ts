import type { ErrorDetail } from './types';

/**
 * The one way the app talks to the server. Sessions ride on the httpOnly
 * cookie set at login; writes carry the CSRF token the server handed out,
 * because a cookie alone would let another site post on the user's behalf.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The request never got an answer (offline, server down). */
  get network(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can show the login page. */
export function setUnauthenticatedHandler(fn: (() => void) | null): void {
  onUnauthenticated = fn;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A JSON body, or a Blob/File sent as is with its own type. */
  body?: unknown;
  signal?: AbortSignal;
  /** Return the body as text instead of parsing JSON. */
  text?: boolean;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  // Errors come back in the language the person chose in the app, not the browser's.
  const headers: Record<string, string> = { accept: opts.text ? 'text/html, text/plain, */*' : 'application/json', 'accept-language': document.documentElement.lang === 'en' ? 'en' : 'zh-CN' };
  let body: BodyInit | undefined;
  if (opts.body instanceof Blob) {
    body = opts.body;
    headers['content-type'] = opts.body.type || 'application/octet-stream';
  } else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] = 'application/json';
  }
  if (method !== 'GET' && csrfToken) headers['x-linli-csrf'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const err = type.includes('json') ? ((await res.json().catch(() => null)) as { code?: string; message?: string; details?: ErrorDetail[] } | null) : null;
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthenticated?.();
    throw new ApiError(res.status, err?.code ?? `HTTP_${res.status}`, err?.message ?? res.statusText, err?.details ?? []);
  }
  if (opts.text) return (await res.text()) as T;
  return (type.includes('json') ? await res.json() : await res.text()) as T;
}

/** Fills `{name}` placeholders from `values`, URL-encoded; a missing value leaves an empty string. */
export function fillPlaceholders(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_m, name: string) => {
    const v = values[name];
    return v === undefined || v === null ? '' : encodeURIComponent(String(v));
  });
}
