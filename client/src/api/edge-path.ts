import type { App } from '@mandap/edge/app-types';
import type { ExtractSchema } from 'hono/types';

/** A path the edge serves, as its app declares it (`/api/auth/refresh`). */
export type EdgePath = keyof ExtractSchema<App> & string;

/**
 * One literal path, checked against the edge's routes at no runtime cost: for the app shell's own
 * calls (the session's refresh and logout), which must not carry `hono/client` into the shell.
 * A renamed route fails the typecheck here as it does in the typed client.
 */
export const edgePath = <P extends EdgePath>(path: P): P => path;
