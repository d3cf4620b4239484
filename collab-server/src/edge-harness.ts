/**
 * Tests against the real edge and the real collab server: the edge app (its own migrated libSQL
 * file) served on a real port, and a collab server reading that database and following the
 * edge's access feed. One setup per test (beforeEach/afterEach).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach } from 'vitest';
import { startTestApp, type TestApp } from '../../edge/src/test-support.ts';
import { type CollabServer, startCollabServer } from './server.ts';
import type { RawConnection } from './test-support.ts';

export const EDGE_JWT = 'test-secret-test-secret-test-secret-42';

export interface EdgeAndCollab {
  edge: TestApp;
  edgeServer: ReturnType<typeof serve>;
  edgePort: number;
  collab: CollabServer | null;
  /** Raw sockets to terminate after the test. */
  raws: RawConnection[];
  /** Starts the collab server on this edge's database, following its access feed unless `withFeed` is false. */
  startCollab(withFeed?: boolean): Promise<CollabServer>;
}

export function useEdgeAndCollab(): EdgeAndCollab {
  let collabDir = '';
  const ctx = {
    raws: [] as RawConnection[],
    collab: null,
    async startCollab(withFeed = true) {
      const server = await startCollabServer({
        port: 0,
        host: '127.0.0.1',
        jwtSecret: EDGE_JWT,
        edgeDatabaseUrl: `file:${join(ctx.edge.dir, 'test.db')}`,
        collabDatabaseUrl: `file:${join(collabDir, 'collab.db')}`,
        ...(withFeed ? { edgeUrl: `http://127.0.0.1:${ctx.edgePort}` } : {}),
      });
      ctx.collab = server;
      await server.accessFeedReady();
      return server;
    },
  } as EdgeAndCollab;
  beforeEach(async () => {
    ctx.edge = await startTestApp({ JWT_SECRET: EDGE_JWT });
    await new Promise<void>((resolve) => {
      ctx.edgeServer = serve({ fetch: ctx.edge.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        ctx.edgePort = info.port;
        resolve();
      });
    });
    collabDir = mkdtempSync(join(tmpdir(), 'mandap-collab-edge-'));
  });
  afterEach(async () => {
    for (const r of ctx.raws.splice(0)) r.ws.terminate();
    await ctx.collab?.close();
    ctx.collab = null;
    await new Promise<void>((resolve) => ctx.edgeServer.close(() => resolve()));
    ctx.edge.cleanup();
    rmSync(collabDir, { recursive: true, force: true });
  });
  return ctx;
}
