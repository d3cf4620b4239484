import { z } from '@hono/zod-openapi';
import {
  ZAssignConversation,
  ZConsentChange,
  ZConversationList,
  ZInboxReply,
  ZInboxThread,
  ZReplyOutcome,
} from '@mandap/shared/notifications';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { keptHeaders } from '../intake/inbox.ts';
import { resumePoint } from '../live/event-stream.ts';
import {
  assignConversation,
  changeConsent,
  conversationThread,
  listConversations,
  markConversationRead,
  replyToConversation,
} from './inbox.service.ts';
import { logEnd, sessionStillAllows, streamInbox } from './inbox-feed.ts';
import {
  receiveInteraktDelivery,
  receiveWhatsAppDelivery,
  verifyWhatsAppSubscription,
} from './whatsapp-webhook.service.ts';

const ZAny = z.looseObject({});
const ZDone = z.object({ ok: z.boolean() });
const ZPhone = z.object({
  phone: z.string().regex(/^\+[1-9]\d{6,14}$/, { error: 'use an E.164 phone number like +919820012345' }),
});

const list = defineRoute({
  method: 'get',
  path: '/conversations',
  permission: 'leads:read',
  summary: 'The shared WhatsApp inbox, newest conversation first',
  request: { query: z.object({ filter: z.enum(['all', 'mine', 'unassigned']).default('all') }) },
  responses: { 200: jsonResponse(ZConversationList, 'Conversations.'), ...errorResponses },
});
const thread = defineRoute({
  method: 'get',
  path: '/conversations/{phone}',
  permission: 'leads:read',
  summary: 'One conversation: messages both ways, consent and the 24-hour window',
  request: { params: ZPhone },
  responses: { 200: jsonResponse(ZInboxThread, 'The thread.'), ...errorResponses },
});
const read = defineRoute({
  method: 'post',
  path: '/conversations/{phone}/read',
  permission: 'leads:read',
  summary: 'Mark a conversation read',
  request: { params: ZPhone },
  responses: { 200: jsonResponse(ZDone, 'Done.'), ...errorResponses },
});
const reply = defineRoute({
  method: 'post',
  path: '/conversations/{phone}/reply',
  permission: 'leads:write',
  summary: 'Reply: free text inside the 24-hour window, else a template',
  request: { params: ZPhone, body: jsonBody(ZInboxReply) },
  responses: {
    201: jsonResponse(ZReplyOutcome, 'Queued and attempted.'),
    422: jsonResponse(ZAny, 'Refused, with the reason.'),
    ...errorResponses,
  },
});
const assign = defineRoute({
  method: 'post',
  path: '/conversations/{phone}/assign',
  permission: 'leads:write',
  summary: 'Assign the conversation to an agent (or nobody)',
  request: { params: ZPhone, body: jsonBody(ZAssignConversation) },
  responses: { 200: jsonResponse(ZDone, 'Assigned.'), ...errorResponses },
});
const consent = defineRoute({
  method: 'post',
  path: '/conversations/{phone}/consent',
  permission: 'leads:write',
  summary: 'Record an opt-in or opt-out with its source (DPDP)',
  request: { params: ZPhone, body: jsonBody(ZConsentChange) },
  responses: { 200: jsonResponse(ZDone, 'Recorded.'), ...errorResponses },
});

const stream = defineRoute({
  method: 'get',
  path: '/stream',
  permission: 'leads:read',
  summary: 'The inbox live: server-sent events for new messages, status changes and conversation changes',
  description:
    'Each `update` carries `{ seq, kind, phones, at }`; its id is the event-log sequence number, and a reconnect with Last-Event-ID (or `after`) replays what was missed. Without either the stream starts from now.',
  request: { query: z.object({ after: z.string().max(16).optional() }) },
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'An event stream.' },
    ...errorResponses,
  },
});

export const inboxRoutes = createRouter()
  .openapi(stream, async (c) => {
    const deps = c.get('deps');
    const viewer = viewerOf(c);
    const resumeGiven = c.req.header('last-event-id') !== undefined || c.req.valid('query').after !== undefined;
    const after = resumeGiven ? resumePoint(c, c.req.valid('query').after) : await logEnd(deps.db);
    return streamInbox(c, deps, after, await sessionStillAllows(deps, viewer.id));
  })
  .openapi(list, async (c) =>
    c.json(await listConversations(c.get('deps'), viewerOf(c), c.req.valid('query').filter), 200),
  )
  .openapi(thread, async (c) => c.json(await conversationThread(c.get('deps'), c.req.valid('param').phone), 200))
  .openapi(read, async (c) => {
    await markConversationRead(c.get('deps'), c.req.valid('param').phone, viewerOf(c).id);
    return c.json({ ok: true }, 200);
  })
  .openapi(reply, async (c) =>
    c.json(await replyToConversation(c.get('deps'), viewerOf(c), c.req.valid('param').phone, c.req.valid('json')), 201),
  )
  .openapi(assign, async (c) => {
    await assignConversation(c.get('deps'), c.req.valid('param').phone, c.req.valid('json').assigneeId, viewerOf(c).id);
    return c.json({ ok: true }, 200);
  })
  .openapi(consent, async (c) => {
    const b = c.req.valid('json');
    await changeConsent(c.get('deps'), viewerOf(c), c.req.valid('param').phone, b.consent, b.source);
    return c.json({ ok: true }, 200);
  });

const verify = defineRoute({
  method: 'get',
  path: '/',
  permission: 'public',
  summary: 'WhatsApp webhook subscription check: echoes hub.challenge when hub.verify_token matches',
  request: {
    query: z.object({
      'hub.mode': z.string().optional(),
      'hub.verify_token': z.string().optional(),
      'hub.challenge': z.string().optional(),
    }),
  },
  responses: {
    200: { content: { 'text/plain': { schema: z.string() } }, description: 'The challenge.' },
    ...errorResponses,
  },
});
const receive = defineRoute({
  method: 'post',
  path: '/',
  permission: 'public',
  summary: 'WhatsApp webhook (messages and statuses), verified by X-Hub-Signature-256 over the raw body',
  responses: { 200: jsonResponse(ZAny, 'Recorded.'), ...errorResponses },
});

const receiveInterakt = defineRoute({
  method: 'post',
  path: '/interakt',
  permission: 'public',
  summary: 'Interakt webhook (incoming messages and statuses), verified by Interakt-Signature over the raw body',
  responses: { 200: jsonResponse(ZAny, 'Recorded.'), ...errorResponses },
});

export const whatsappWebhookRoutes = createRouter()
  .openapi(verify, (c) => {
    const q = c.req.valid('query');
    return c.text(
      verifyWhatsAppSubscription(c.get('deps'), {
        mode: q['hub.mode'],
        token: q['hub.verify_token'],
        challenge: q['hub.challenge'],
      }),
      200,
    );
  })
  .openapi(receive, async (c) => {
    const r = await receiveWhatsAppDelivery(c.get('deps'), {
      body: await c.req.text(),
      signature: c.req.header('x-hub-signature-256'),
      headers: keptHeaders(c.req.raw.headers),
    });
    return c.json({ ok: true, ...r }, 200);
  })
  .openapi(receiveInterakt, async (c) => {
    const r = await receiveInteraktDelivery(c.get('deps'), {
      body: await c.req.text(),
      signature: c.req.header('interakt-signature'),
      headers: keptHeaders(c.req.raw.headers),
    });
    return c.json({ ok: true, ...r }, 200);
  });
