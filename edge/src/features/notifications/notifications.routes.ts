import { z } from '@hono/zod-openapi';
import { newId } from '@mandap/shared/common';
import {
  MOMENTS,
  renderTemplate,
  TEMPLATES,
  templateOf,
  ZBell,
  ZBroadcast,
  ZBroadcastList,
  ZBroadcastPreview,
  ZBroadcastPreviewRequest,
  ZCreateBroadcast,
  ZMessagePrices,
  ZMomentList,
  ZMomentSwitch,
  ZMomentSwitched,
  ZNotificationLog,
  ZPushKey,
  ZPushRemoved,
  ZPushSubscription,
  ZRetried,
  ZTemplateList,
  ZTemplatePreview,
  ZTemplateRendered,
} from '@mandap/shared/notifications';
import { and, eq } from 'drizzle-orm';
import { pushSubscriptions } from '../../db/schema/index.ts';
import { viewerOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { markNotificationsRead, myNotifications } from './bell.service.ts';
import { broadcastProgress, createBroadcast, listBroadcasts, previewBroadcast } from './broadcasts.service.ts';
import { notificationLog, retryMessage } from './log.service.ts';
import { loadSettings, setMomentEnabled, setPrices } from './settings.service.ts';

const ZDone = z.object({ ok: z.boolean() });

const mine = defineRoute({
  method: 'get',
  path: '/mine',
  permission: 'authenticated',
  summary: 'The bell: my in-app notifications and the unread count',
  responses: { 200: jsonResponse(ZBell, 'Newest first.'), ...errorResponses },
});
const markRead = defineRoute({
  method: 'post',
  path: '/mine/read',
  permission: 'authenticated',
  summary: 'Mark my in-app notifications read (these ids, or all)',
  request: { body: jsonBody(z.strictObject({ ids: z.array(z.uuid()).max(200).optional() })) },
  responses: { 200: jsonResponse(ZDone, 'Done.'), ...errorResponses },
});
const pushKey = defineRoute({
  method: 'get',
  path: '/push/key',
  permission: 'authenticated',
  summary: 'The VAPID public key for web push (null when web push is not configured)',
  responses: { 200: jsonResponse(ZPushKey, 'The key.'), ...errorResponses },
});
const pushSubscribe = defineRoute({
  method: 'post',
  path: '/push/subscriptions',
  permission: 'leads:read',
  summary: 'Register this browser for web push (staff)',
  request: { body: jsonBody(ZPushSubscription) },
  responses: { 201: jsonResponse(ZDone, 'Registered.'), ...errorResponses },
});
const pushUnsubscribe = defineRoute({
  method: 'delete',
  path: '/push/subscriptions',
  permission: 'authenticated',
  summary: 'Forget this browser for web push (only my own registration)',
  request: { body: jsonBody(z.strictObject({ endpoint: ZPushSubscription.shape.endpoint })) },
  responses: { 200: jsonResponse(ZPushRemoved, 'Forgotten (or was not registered).'), ...errorResponses },
});
const templates = defineRoute({
  method: 'get',
  path: '/templates',
  permission: 'leads:read',
  summary: 'The template library',
  responses: { 200: jsonResponse(ZTemplateList, 'Every template.'), ...errorResponses },
});
const preview = defineRoute({
  method: 'post',
  path: '/templates/{key}/preview',
  permission: 'leads:read',
  summary: 'Preview a template with sample data (or the variables given); a missing variable is named',
  request: { params: z.object({ key: z.string().max(80) }), body: jsonBody(ZTemplatePreview) },
  responses: { 200: jsonResponse(ZTemplateRendered, 'The rendered text.'), ...errorResponses },
});
const moments = defineRoute({
  method: 'get',
  path: '/moments',
  permission: 'reports:read',
  summary: 'The lifecycle moments and whether each is on',
  responses: { 200: jsonResponse(ZMomentList, 'The table.'), ...errorResponses },
});
const switchMoment = defineRoute({
  method: 'put',
  path: '/moments/{key}',
  permission: 'settings:manage',
  summary: 'Switch a lifecycle moment on or off',
  request: { params: z.object({ key: z.string().max(80) }), body: jsonBody(ZMomentSwitch) },
  responses: { 200: jsonResponse(ZMomentSwitched, 'Saved.'), ...errorResponses },
});
const prices = defineRoute({
  method: 'get',
  path: '/prices',
  permission: 'reports:read',
  summary: 'Price per delivered WhatsApp template, by category (paise)',
  responses: { 200: jsonResponse(ZMessagePrices, 'Prices.'), ...errorResponses },
});
const putPrices = defineRoute({
  method: 'put',
  path: '/prices',
  permission: 'payments:record',
  summary: 'Set the per-category WhatsApp prices (finance)',
  request: { body: jsonBody(ZMessagePrices) },
  responses: { 200: jsonResponse(ZMessagePrices, 'Saved.'), ...errorResponses },
});
const log = defineRoute({
  method: 'get',
  path: '/log',
  permission: 'reports:read',
  summary: 'The notification log: what, to whom, when, channel, status and cost',
  request: {
    query: z.object({
      status: z.enum(['pending', 'sending', 'sent', 'failed', 'dead', 'not_sent', 'cancelled']).optional(),
      channel: z.enum(['email', 'whatsapp', 'sms', 'in_app']).optional(),
      q: z.string().max(40).optional(),
      broadcastId: z.uuid().optional(),
    }),
  },
  responses: { 200: jsonResponse(ZNotificationLog, 'Newest first.'), ...errorResponses },
});
const retry = defineRoute({
  method: 'post',
  path: '/log/{id}/retry',
  permission: 'reports:read',
  summary: 'Retry a dead-lettered or not-sent message',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZRetried, 'Queued again.'), ...errorResponses },
});
const broadcastList = defineRoute({
  method: 'get',
  path: '/broadcasts',
  permission: 'reports:read',
  summary: 'Broadcasts with their progress and delivery figures',
  responses: { 200: jsonResponse(ZBroadcastList, 'Newest first.'), ...errorResponses },
});
const broadcastPreview = defineRoute({
  method: 'post',
  path: '/broadcasts/preview',
  permission: 'leads:write',
  summary: 'Who a broadcast reaches, who consent holds back, and the expected cost',
  request: { body: jsonBody(ZBroadcastPreviewRequest) },
  responses: { 200: jsonResponse(ZBroadcastPreview, 'The preview.'), ...errorResponses },
});
const broadcastCreate = defineRoute({
  method: 'post',
  path: '/broadcasts',
  permission: 'leads:write',
  summary: 'Queue a broadcast (segment, template, schedule); sent throttled by the tick',
  request: { body: jsonBody(ZCreateBroadcast) },
  responses: { 201: jsonResponse(ZBroadcast, 'Queued.'), ...errorResponses },
});
const broadcastOne = defineRoute({
  method: 'get',
  path: '/broadcasts/{id}',
  permission: 'reports:read',
  summary: 'One broadcast’s progress',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(ZBroadcast, 'Progress.'), ...errorResponses },
});

export const notificationsRoutes = createRouter()
  .openapi(mine, async (c) => c.json(await myNotifications(c.get('deps'), viewerOf(c)), 200))
  .openapi(markRead, async (c) => {
    await markNotificationsRead(c.get('deps'), viewerOf(c), c.req.valid('json').ids);
    return c.json({ ok: true }, 200);
  })
  .openapi(pushKey, (c) => c.json({ publicKey: c.get('deps').env.VAPID_PUBLIC_KEY ?? null }, 200))
  .openapi(pushSubscribe, async (c) => {
    const deps = c.get('deps');
    if (!deps.env.VAPID_PUBLIC_KEY) throw new AppError('unprocessable', 'Web push is not configured on this server.');
    const body = c.req.valid('json');
    await deps.db
      .insert(pushSubscriptions)
      .values({
        id: newId(),
        userId: viewerOf(c).id,
        endpoint: body.endpoint,
        keys: body.keys,
        createdAt: deps.now().toISOString(),
      })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId: viewerOf(c).id, keys: body.keys } });
    return c.json({ ok: true }, 201);
  })
  .openapi(pushUnsubscribe, async (c) => {
    const gone = await c
      .get('deps')
      .db.delete(pushSubscriptions)
      .where(
        and(eq(pushSubscriptions.endpoint, c.req.valid('json').endpoint), eq(pushSubscriptions.userId, viewerOf(c).id)),
      )
      .returning({ id: pushSubscriptions.id });
    return c.json({ removed: gone.length }, 200);
  })
  .openapi(templates, (c) => c.json({ templates: TEMPLATES.map((t) => ({ ...t, variables: [...t.variables] })) }, 200))
  .openapi(preview, (c) => {
    const tpl = templateOf(c.req.valid('param').key);
    if (!tpl) throw new AppError('not_found', `There is no template called ${c.req.valid('param').key}.`);
    const vars = c.req.valid('json').variables;
    const r = renderTemplate(tpl, vars && Object.keys(vars).length > 0 ? vars : tpl.sample);
    if (!r.ok)
      throw new AppError('unprocessable', `${r.message}.`, {
        fields: Object.fromEntries(r.missing.map((m) => [`variables.${m}`, 'required by the template'])),
      });
    return c.json({ subject: r.subject, text: r.text, values: r.values }, 200);
  })
  .openapi(moments, async (c) => {
    const s = await loadSettings(c.get('deps').db);
    return c.json({ moments: MOMENTS.map((m) => ({ ...m, enabled: !s.disabled.has(m.key) })) }, 200);
  })
  .openapi(switchMoment, async (c) => {
    const { key } = c.req.valid('param');
    await setMomentEnabled(c.get('deps'), viewerOf(c), key, c.req.valid('json').enabled);
    return c.json({ key, enabled: c.req.valid('json').enabled }, 200);
  })
  .openapi(prices, async (c) => c.json((await loadSettings(c.get('deps').db)).prices, 200))
  .openapi(putPrices, async (c) => {
    await setPrices(c.get('deps'), viewerOf(c), c.req.valid('json'));
    return c.json((await loadSettings(c.get('deps').db)).prices, 200);
  })
  .openapi(log, async (c) => c.json(await notificationLog(c.get('deps'), c.req.valid('query')), 200))
  .openapi(retry, async (c) => c.json(await retryMessage(c.get('deps'), c.req.valid('param').id), 200))
  .openapi(broadcastList, async (c) => c.json(await listBroadcasts(c.get('deps')), 200))
  .openapi(broadcastPreview, async (c) => c.json(await previewBroadcast(c.get('deps'), c.req.valid('json')), 200))
  .openapi(broadcastCreate, async (c) =>
    c.json(await createBroadcast(c.get('deps'), viewerOf(c), c.req.valid('json')), 201),
  )
  .openapi(broadcastOne, async (c) => c.json(await broadcastProgress(c.get('deps'), c.req.valid('param').id), 200));
