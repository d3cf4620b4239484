import { z } from '@hono/zod-openapi';
import { ZMeeting, ZMeetingOutcome, ZScheduleMeeting } from '@mandap/shared/calendar';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { listMeetings, meetingInvite, recordMeetingOutcome, scheduleMeeting } from './meetings.service.ts';

const schedule = defineRoute({
  method: 'post',
  path: '/',
  permission: 'leads:read',
  summary: 'Schedule a meeting from a lead or an event (Google Meet when configured, else an .ics invitation)',
  request: { body: jsonBody(ZScheduleMeeting) },
  responses: { 201: jsonResponse(z.object({ meeting: ZMeeting }), 'The meeting.'), ...errorResponses },
});
const list = defineRoute({
  method: 'get',
  path: '/',
  permission: 'leads:read',
  summary: "A lead's or an event's meetings, newest first",
  request: { query: z.object({ leadId: z.uuid().optional(), eventId: z.uuid().optional() }) },
  responses: { 200: jsonResponse(z.object({ meetings: z.array(ZMeeting) }), 'Meetings.'), ...errorResponses },
});
const outcome = defineRoute({
  method: 'post',
  path: '/{id}/outcome',
  permission: 'leads:read',
  summary: 'After the meeting: notes, references shown, reactions and decisions (logged on the timeline)',
  request: { params: ZIdParam, body: jsonBody(ZMeetingOutcome) },
  responses: { 200: jsonResponse(z.object({ meeting: ZMeeting }), 'The meeting, held.'), ...errorResponses },
});
const invite = defineRoute({
  method: 'get',
  path: '/{id}/invite.ics',
  permission: 'leads:read',
  summary: 'The .ics invitation of a meeting',
  request: { params: ZIdParam },
  responses: {
    200: { content: { 'text/calendar': { schema: z.string() } }, description: 'iCalendar text.' },
    ...errorResponses,
  },
});

export const meetingsRoutes = createRouter()
  .openapi(schedule, async (c) =>
    c.json({ meeting: await scheduleMeeting(c.get('deps'), viewerOf(c), c.req.valid('json')) }, 201),
  )
  .openapi(list, async (c) =>
    c.json({ meetings: await listMeetings(c.get('deps'), viewerOf(c), c.req.valid('query')) }, 200),
  )
  .openapi(outcome, async (c) =>
    c.json(
      { meeting: await recordMeetingOutcome(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  )
  .openapi(invite, async (c) => {
    const { name, text } = await meetingInvite(c.get('deps'), viewerOf(c), c.req.valid('param').id);
    return c.body(text, 200, {
      'Content-Type': 'text/calendar; charset=utf-8; method=REQUEST',
      'Content-Disposition': `attachment; filename="${name}"`,
    });
  });
