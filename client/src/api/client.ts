import type { z } from 'zod';
import { ApiError, errorFromResponse, NETWORK_ERROR_MESSAGE } from './errors.ts';
import { accessToken, refreshSession, setSession } from './session.ts';

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Parses and types the answer. */
  schema: S;
  /** Send the bearer token and retry once after a refresh on 401. Default true. */
  auth?: boolean;
  signal?: AbortSignal;
  /** Extra headers, e.g. an Idempotency-Key for a write that moves money. */
  headers?: Record<string, string>;
}

async function send(path: string, opts: RequestOptions<z.ZodType>): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  const token = opts.auth === false ? null : accessToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? null : JSON.stringify(opts.body),
      credentials: 'include',
      signal: opts.signal ?? null,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
  }
}

/** Calls the API; throws ApiError with the server's message on failure. */
export async function api<S extends z.ZodType>(path: string, opts: RequestOptions<S>): Promise<z.infer<S>> {
  let res = await send(path, opts);
  if (res.status === 401 && opts.auth !== false) {
    const session = await refreshSession();
    if (session) res = await send(path, opts);
    else setSession(null);
  }
  if (!res.ok) throw await errorFromResponse(res);
  const data: unknown = res.status === 204 ? {} : await res.json();
  const parsed = opts.schema.safeParse(data);
  if (!parsed.success) {
    console.error('unexpected API answer', path, parsed.error);
    throw new ApiError(res.status, 'bad_response', 'The server sent an answer this app does not understand.');
  }
  return parsed.data;
}
