import { z } from '@hono/zod-openapi';
import { viewerOf } from '../../lib/context.ts';
import { errorResponses, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { createPaymentLink, listLinks } from './gateway.service.ts';
import { moneyDeskRoutes } from './money-desk.routes.ts';
import { razorpayEffect, razorpayRejection } from './razorpay-webhook.ts';
import { verifyStripeEvent } from './stripe.ts';
import { stripeEffect } from './stripe-webhook.ts';
import { receiveDelivery } from './webhooks.service.ts';

const ZLink = z.object({
  id: z.string(),
  provider: z.enum(['razorpay', 'stripe']),
  milestoneId: z.string(),
  eventId: z.string(),
  url: z.string(),
  amountMinor: z.number().int(),
  currency: z.string(),
  status: z.string(),
});
const ZDeliveryReply = z.object({ ok: z.boolean(), status: z.string(), reason: z.string().optional() });

const createLink = defineRoute({
  method: 'post',
  path: '/milestones/{id}/payment-link',
  permission: 'payments:record',
  summary: 'A gateway payment link for what a milestone owes (Razorpay for INR, Stripe Checkout otherwise)',
  request: { params: ZIdParam },
  responses: { 201: jsonResponse(z.object({ link: ZLink }), 'Created.'), ...errorResponses },
});
const links = defineRoute({
  method: 'get',
  path: '/events/{id}/payment-links',
  permission: 'payments:read',
  summary: "An event's payment links and their status",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ links: z.array(ZLink) }), 'Links.'), ...errorResponses },
});
const razorpay = defineRoute({
  method: 'post',
  path: '/webhooks/razorpay',
  permission: 'public',
  summary: 'Razorpay webhook: verified over the raw body, de-duplicated on X-Razorpay-Event-Id',
  responses: {
    200: jsonResponse(ZDeliveryReply, 'Processed or duplicate.'),
    401: jsonResponse(ZDeliveryReply, 'Refused.'),
    422: jsonResponse(ZDeliveryReply, 'Refused.'),
  },
});
const stripe = defineRoute({
  method: 'post',
  path: '/webhooks/stripe',
  permission: 'public',
  summary: 'Stripe webhook: verified with constructEventAsync over the raw body, de-duplicated on the event id',
  responses: {
    200: jsonResponse(ZDeliveryReply, 'Processed or duplicate.'),
    401: jsonResponse(ZDeliveryReply, 'Refused.'),
    422: jsonResponse(ZDeliveryReply, 'Refused.'),
  },
});

const headersOf = (h: Headers) =>
  Object.fromEntries(
    [...h.entries()].filter(([k]) => k.startsWith('x-') || k.startsWith('stripe') || k === 'content-type'),
  );

export const gatewaysRoutes = createRouter()
  .openapi(createLink, async (c) =>
    c.json({ link: await createPaymentLink(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 201),
  )
  .openapi(links, async (c) =>
    c.json({ links: await listLinks(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(razorpay, async (c) => {
    const deps = c.get('deps');
    const raw = await c.req.text();
    const reply = await receiveDelivery(deps, {
      provider: 'razorpay',
      rejection: razorpayRejection(raw, c.req.header('x-razorpay-signature'), deps.env.RAZORPAY_WEBHOOK_SECRET),
      providerEventId: c.req.header('x-razorpay-event-id') ?? null,
      raw,
      headers: headersOf(c.req.raw.headers),
      apply: razorpayEffect(raw, deps.now()),
    });
    return c.json(reply.body, reply.status);
  })
  .openapi(stripe, async (c) => {
    const deps = c.get('deps');
    const raw = await c.req.text();
    const secret = deps.env.STRIPE_WEBHOOK_SECRET;
    const signature = c.req.header('stripe-signature');
    let rejection: string | null = null;
    let event: Awaited<ReturnType<typeof verifyStripeEvent>> | null = null;
    if (!secret) rejection = 'STRIPE_WEBHOOK_SECRET is not set on this server: every delivery is refused';
    else if (!signature) rejection = 'missing Stripe-Signature header';
    else
      try {
        event = await verifyStripeEvent(raw, signature, secret);
      } catch (err) {
        rejection = `signature refused: ${(err as Error).message.split('\n')[0]}`;
      }
    const reply = await receiveDelivery(deps, {
      provider: 'stripe',
      rejection,
      providerEventId: event?.id ?? null,
      raw,
      headers: headersOf(c.req.raw.headers),
      apply: event ? stripeEffect(event, deps.now()) : async () => 'not verified',
    });
    return c.json(reply.body, reply.status);
  })
  .route('/', moneyDeskRoutes);
