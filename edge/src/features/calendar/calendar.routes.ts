import { z } from '@hono/zod-openapi';
import {
  CALENDAR_TYPES,
  ZCalendarEntries,
  ZCalendarFeed,
  ZCalendarQuery,
  ZMoveCalendarEntry,
} from '@mandap/shared/calendar';
import { originOf, viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { calendarEntries, moveCalendarEntry } from './calendar.service.ts';
import { feedIcs, feedStatus, revokeFeed, rotateFeed } from './calendar-feed.service.ts';

const entries = defineRoute({
  method: 'get',
  path: '/',
  permission: 'authenticated',
  summary:
    'Calendar entries between two days (events on each day, functions, meetings, follow-ups, dues, vendor arrivals, steps)',
  request: { query: ZCalendarQuery },
  responses: { 200: jsonResponse(ZCalendarEntries, 'Entries this user may open.'), ...errorResponses },
});

const move = defineRoute({
  method: 'patch',
  path: '/{type}/{id}',
  permission: 'authenticated',
  summary:
    'Reschedule an event, meeting, follow-up or preparation step (drag and drop); each checks its own permission',
  request: {
    params: z.object({ type: z.enum(CALENDAR_TYPES), id: z.uuid({ error: 'must be an id (UUID)' }) }),
    body: jsonBody(ZMoveCalendarEntry),
  },
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Moved.'), ...errorResponses },
});

const feedInfo = defineRoute({
  method: 'get',
  path: '/feed',
  permission: 'authenticated',
  summary: 'Whether the user has a calendar feed (the URL itself is shown only when it is made)',
  responses: { 200: jsonResponse(z.object({ createdAt: z.string().nullable() }), 'Feed status.'), ...errorResponses },
});
const feedRotate = defineRoute({
  method: 'post',
  path: '/feed',
  permission: 'authenticated',
  summary: 'Make or replace the secret .ics feed URL (the old one stops at once)',
  responses: { 200: jsonResponse(ZCalendarFeed, 'The new URL.'), ...errorResponses },
});
const feedRevoke = defineRoute({
  method: 'delete',
  path: '/feed',
  permission: 'authenticated',
  summary: 'Turn the calendar feed off',
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Revoked.'), ...errorResponses },
});
const feed = defineRoute({
  method: 'get',
  path: '/feed/{file}',
  permission: 'public',
  summary: "A user's calendar as .ics, behind its secret URL (wrong or revoked secret: 404)",
  request: { params: z.object({ file: z.string().max(120) }) },
  responses: {
    200: { content: { 'text/calendar': { schema: z.string() } }, description: 'iCalendar text.' },
    ...errorResponses,
  },
});

export const calendarRoutes = createRouter()
  .openapi(entries, async (c) =>
    c.json({ entries: await calendarEntries(c.get('deps'), viewerOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(feedInfo, async (c) => c.json(await feedStatus(c.get('deps'), viewerOf(c)), 200))
  .openapi(feedRotate, async (c) => c.json(await rotateFeed(c.get('deps'), viewerOf(c)), 200))
  .openapi(feedRevoke, async (c) => {
    await revokeFeed(c.get('deps'), viewerOf(c));
    return c.json({ ok: true as const }, 200);
  })
  .openapi(feed, async (c) => {
    const text = await feedIcs(c.get('deps'), c.req.valid('param').file);
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Cache-Control': 'private, max-age=300',
    });
  })
  .openapi(move, async (c) => {
    const { type, id } = c.req.valid('param');
    await moveCalendarEntry(c.get('deps'), viewerOf(c), type, id, c.req.valid('json').start, originOf(c));
    return c.json({ ok: true as const }, 200);
  });
