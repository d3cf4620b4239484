import { z } from '@hono/zod-openapi';
import { ZCollabProjectionBatch, ZCollabProjectionResult } from '@mandap/shared/collab';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { resumePoint } from '../live/event-stream.ts';
import { streamAccessChanges } from './access-changes.ts';
import { requireCollabSecret } from './internal-auth.ts';
import { ingestProjections } from './projections.service.ts';

/*
 * Internal routes for the collab-server (machine to machine). `public` as far as users go: no
 * user signs in here; every route checks the shared internal secret first.
 */

const accessChanges = defineRoute({
  method: 'get',
  path: '/access-changes',
  permission: 'public',
  summary: 'Internal (collab-server): access changes as server-sent events, resuming after Last-Event-ID',
  request: { query: z.object({ after: z.string().optional() }) },
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'An event stream.' },
    ...errorResponses,
  },
});

const projections = defineRoute({
  method: 'post',
  path: '/projections',
  permission: 'public',
  summary: 'Internal (collab-server): projections of shared documents, batched; repeating a batch changes nothing',
  request: { body: jsonBody(ZCollabProjectionBatch) },
  responses: { 200: jsonResponse(ZCollabProjectionResult, 'Applied.'), ...errorResponses },
});

export const collabIngestRoutes = createRouter();
collabIngestRoutes.use('*', requireCollabSecret);

collabIngestRoutes.openapi(accessChanges, (c) => {
  const { after } = c.req.valid('query');
  const resume = c.req.header('last-event-id') !== undefined || after !== undefined ? resumePoint(c, after) : null;
  return streamAccessChanges(c, c.get('deps').db, { after: resume });
});

collabIngestRoutes.openapi(projections, async (c) => {
  return c.json(await ingestProjections(c.get('deps'), c.req.valid('json')), 200);
});
