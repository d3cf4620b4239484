import { z } from '@hono/zod-openapi';
import { ZIntakeAccepted, ZWebsiteLead } from '@mandap/shared/leads';
import { originOf } from '../../lib/context.ts';
import { errorResponses, jsonBody, jsonResponse } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { receiveGoogleDelivery } from './google.service.ts';
import { keptHeaders } from './inbox.ts';
import { receiveMetaDelivery, verifyMetaSubscription } from './meta.service.ts';
import { receiveWebsiteLead } from './website.service.ts';

const ZReceived = z.object({
  ok: z.literal(true),
  leads: z.array(z.object({ outcome: z.string(), code: z.string() })),
});

const website = defineRoute({
  method: 'post',
  path: '/website',
  permission: 'public',
  summary: 'Website enquiry form (rate-limited, honeypot and minimum fill time; captures UTM, landing page, referrer)',
  request: { body: jsonBody(ZWebsiteLead) },
  responses: {
    200: jsonResponse(ZIntakeAccepted, 'Received.'),
    429: jsonResponse(z.object({}), 'Too many.'),
    ...errorResponses,
  },
});
const metaVerify = defineRoute({
  method: 'get',
  path: '/meta',
  permission: 'public',
  summary: 'Meta webhook subscription check: echoes hub.challenge when hub.verify_token matches',
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
const metaReceive = defineRoute({
  method: 'post',
  path: '/meta',
  permission: 'public',
  summary: 'Meta Lead Ads webhook, verified by X-Hub-Signature-256 over the raw body',
  responses: { 200: jsonResponse(ZReceived, 'Recorded.'), ...errorResponses },
});
const google = defineRoute({
  method: 'post',
  path: '/google',
  permission: 'public',
  summary: 'Google Ads lead form webhook, checked by google_key',
  responses: { 200: jsonResponse(ZReceived, 'Recorded.'), ...errorResponses },
});

export const intakeRoutes = createRouter()
  .openapi(website, async (c) => {
    const { reference } = await receiveWebsiteLead(c.get('deps'), c.req.valid('json'), {
      ip: originOf(c).ip,
      headers: keptHeaders(c.req.raw.headers),
    });
    return c.json({ ok: true as const, reference }, 200);
  })
  .openapi(metaVerify, (c) => {
    const q = c.req.valid('query');
    const challenge = verifyMetaSubscription(c.get('deps'), {
      mode: q['hub.mode'],
      token: q['hub.verify_token'],
      challenge: q['hub.challenge'],
    });
    return c.text(challenge, 200);
  })
  .openapi(metaReceive, async (c) => {
    const results = await receiveMetaDelivery(c.get('deps'), {
      body: await c.req.text(),
      signature: c.req.header('x-hub-signature-256'),
      headers: keptHeaders(c.req.raw.headers),
    });
    return c.json({ ok: true as const, leads: results.map((r) => ({ outcome: r.outcome, code: r.code })) }, 200);
  })
  .openapi(google, async (c) => {
    const r = await receiveGoogleDelivery(c.get('deps'), {
      body: await c.req.text(),
      headers: keptHeaders(c.req.raw.headers),
    });
    return c.json({ ok: true as const, leads: [{ outcome: r.kind, code: r.code }] }, 200);
  });
