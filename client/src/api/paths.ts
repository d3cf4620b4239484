import type { App } from '@mandap/edge/app-types';
import { hc } from 'hono/client';

/**
 * The edge's paths, typed from its app, for what the typed client does not carry: streams
 * (server-sent events), links a browser opens (PDFs) and the session's own raw calls.
 * `paths.inbox.stream.$path()` is `/api/inbox/stream`; a renamed route fails the typecheck.
 */
export const paths = hc<App>('/').api;
