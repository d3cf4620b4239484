// The edge's app type as a declaration file (edge/dist-types, written by `npm run typecheck:app-types`,
// which `npm run typecheck` runs first): reading it is cheap, where `typeof app` from the edge's
// sources made the client's typecheck infer every route handler again (about 5× slower).
import type { App } from '@mandap/edge/app-types';
import { type ClientResponse, hc } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { ApiError, errorFromResponse, NETWORK_ERROR_MESSAGE } from './errors.ts';
import { accessToken, refreshSession, setSession } from './session.ts';

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

async function send(input: RequestInfo | URL, init: RequestInit | undefined, withToken: boolean): Promise<Response> {
  const headers = new Headers(init?.headers);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json');
  const token = withToken ? accessToken() : null;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(input, { ...init, headers, credentials: 'include' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network_error', NETWORK_ERROR_MESSAGE);
  }
}

/**
 * `fetch` for the signed-in user: the bearer token, one refresh and retry after a 401, and an
 * {@link ApiError} for any failure (status 0 when there is no network, which the offline queues
 * look for). Also used directly for raw bytes (uploads, PDFs) that the typed client does not carry.
 */
export const authorisedFetch: Fetch = async (input, init) => {
  let res = await send(input, init, true);
  if (res.status === 401) {
    const session = await refreshSession();
    if (session) res = await send(input, init, true);
    else setSession(null);
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res;
};

/** `fetch` for the public pages (a quote's share link): no token, no refresh, the same errors. */
const publicFetch: Fetch = async (input, init) => {
  const res = await send(input, init, false);
  if (!res.ok) throw await errorFromResponse(res);
  return res;
};

/**
 * The edge's API, typed from its app (`App` in edge/src/app.ts): paths, parameters, bodies and
 * answers all come from the route declarations and their shared zod schemas, so a renamed path
 * or response key fails the client's typecheck. `edge.quotes[':id'].$get({ param: { id } })`.
 */
export const edge = hc<App>('/', { fetch: authorisedFetch }).api;

/** The same API without the session, for the public pages. */
export const publicEdge = hc<App>('/', { fetch: publicFetch }).api;

/** The body of a successful JSON answer, typed by its status (2xx) in the route declaration. */
export type Ok<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : never
      : never
    : never;

/**
 * Awaits a call on {@link edge} and returns its JSON body. Failures never reach here: the fetch
 * above has already thrown an ApiError with the server's code and message.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(request: Promise<R>): Promise<Ok<R>> {
  const res = await request;
  return (res.status === 204 ? {} : await res.json()) as Ok<R>;
}

/** Per-call options: cancel with the query's signal, or add a header (an Idempotency-Key). */
export const withSignal = (signal: AbortSignal) => ({ init: { signal } });
