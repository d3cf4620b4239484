import { z } from '@hono/zod-openapi';
import { isScopedRole } from '@mandap/shared/access';
import { ZDashboard, ZDashboardQuery } from '@mandap/shared/dashboard';
import { viewerOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { resumePoint } from '../live/event-stream.ts';
import { loadDashboard } from './dashboard.service.ts';
import { streamDashboardChanges } from './dashboard-stream.ts';

const figures = defineRoute({
  method: 'get',
  path: '/',
  permission: 'events:read',
  summary:
    'The operations dashboard (staff): pipeline and funnel, follow-ups, tasks, upcoming events, receivables by age, vendors, the event-day board and the notification log; each section only for roles that may see it',
  request: { query: ZDashboardQuery },
  responses: { 200: jsonResponse(ZDashboard, 'Figures counted by the database.'), ...errorResponses },
});

const stream = defineRoute({
  method: 'get',
  path: '/stream',
  permission: 'events:read',
  summary: 'Server-sent "changed" events when the figures move (resume with Last-Event-ID)',
  request: { query: z.object({ after: z.string().max(20).optional() }) },
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'An event stream.' },
    ...errorResponses,
  },
});

export const dashboardRoutes = createRouter()
  .openapi(figures, async (c) => c.json(await loadDashboard(c.get('deps'), viewerOf(c), c.req.valid('query')), 200))
  .openapi(stream, async (c) => {
    if (isScopedRole(viewerOf(c).role)) throw new AppError('forbidden', 'The operations dashboard is for staff.');
    const afterSeq = resumePoint(c, c.req.valid('query').after);
    return streamDashboardChanges(c, c.get('deps'), { afterSeq });
  });
