import { z } from '@hono/zod-openapi';
import { ZSession } from '@mandap/shared/auth';
import { ZEmail } from '@mandap/shared/common';
import {
  ZCreatePortalLink,
  ZCreatePreparationMilestone,
  ZPortalLink,
  ZPortalView,
  ZPreparationMilestone,
  ZUpdatePreparationMilestone,
} from '@mandap/shared/live';
import { type AppContext, originOf, viewerOf } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { errorResponses, jsonBody, jsonResponse, ZIdParam } from '../../lib/openapi.ts';
import { defineRoute } from '../../lib/route.ts';
import { createRouter } from '../../lib/router.ts';
import { answerWithSession } from '../auth/auth.routes.ts';
import { pdfReply, receiptPdf, taxDocumentPdf } from '../invoices/documents-pdf.ts';
import { resumePoint, streamEventUpdates } from '../live/event-stream.ts';
import { pdfResponse } from '../quotes/quote-pdf.ts';
import { redeemClientSignInLink, requestClientSignInLink, sendClientSignInLink } from './magic-link.service.ts';
import { resolvePortalToken } from './portal-access.ts';
import {
  createPortalLink,
  createPreparation,
  listPortalLinks,
  listPreparation,
  openPortalSession,
  revokePortalLink,
  updatePreparation,
} from './portal-links.service.ts';
import { belongsToEvent, portalView } from './portal-view.service.ts';

/** A page token: a link (`<id>.<exp>.<sig>`) or a signed-in session (`s.<user>_<event>.<exp>.<sig>`). */
const ZToken = z.object({ token: z.string().min(20).max(300) });
const linkErrors = {
  410: jsonResponse(z.looseObject({}), 'The link expired or was withdrawn; the message says which.'),
};
const apiBase = (token: string) => `/api/portal/${token}`;

// Public: the token is the credential, checked (signature, expiry, revocation) on every request.

const view = defineRoute({
  method: 'get',
  path: '/{token}',
  permission: 'public',
  summary: "The client's event page: status, preparation, brief, quotes, payments, coordinator",
  request: { params: ZToken },
  responses: { 200: jsonResponse(ZPortalView, 'What the client sees.'), ...errorResponses, ...linkErrors },
});

const stream = defineRoute({
  method: 'get',
  path: '/{token}/stream',
  permission: 'public',
  summary: 'Live updates (server-sent events); resumes after Last-Event-ID, else after `after`',
  request: { params: ZToken, query: z.object({ after: z.string().optional() }) },
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'An event stream.' },
    ...errorResponses,
    ...linkErrors,
  },
});

const ZDocParams = z.object({ token: ZToken.shape.token, id: z.uuid({ error: 'must be an id (UUID)' }) });
const receipt = defineRoute({
  method: 'get',
  path: '/{token}/receipts/{id}/pdf',
  permission: 'public',
  summary: 'A receipt of this event, as PDF',
  request: { params: ZDocParams },
  responses: { 200: pdfResponse, ...errorResponses, ...linkErrors },
});
const document = defineRoute({
  method: 'get',
  path: '/{token}/documents/{id}/pdf',
  permission: 'public',
  summary: 'A tax invoice or credit note of this event, as PDF',
  request: { params: ZDocParams },
  responses: { 200: pdfResponse, ...errorResponses, ...linkErrors },
});

// Signed in: a client (or staff previewing) gets a page token; staff manage links and steps.

const session = defineRoute({
  method: 'post',
  path: '/events/{id}/session',
  permission: 'events:read',
  summary: "A signed-in client's page token for one of their events (staff: a preview)",
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ token: z.string() }), 'A token for 12 hours.'), ...errorResponses },
});
const links = defineRoute({
  method: 'get',
  path: '/events/{id}/links',
  permission: 'events:read',
  summary: "The event's client page links (staff)",
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(z.object({ links: z.array(ZPortalLink) }), 'Links, newest first.'),
    ...errorResponses,
  },
});
const createLink = defineRoute({
  method: 'post',
  path: '/events/{id}/links',
  permission: 'events:read',
  summary: 'Make a signed, expiring, revocable link to the client page (staff)',
  request: { params: ZIdParam, body: jsonBody(ZCreatePortalLink) },
  responses: {
    201: jsonResponse(z.object({ link: ZPortalLink }), 'The link, with its URL (shown once).'),
    ...errorResponses,
  },
});
const revoke = defineRoute({
  method: 'post',
  path: '/links/{id}/revoke',
  permission: 'events:read',
  summary: 'Withdraw a client page link at once (staff)',
  request: { params: ZIdParam },
  responses: { 200: jsonResponse(z.object({ link: ZPortalLink }), 'The withdrawn link.'), ...errorResponses },
});
const prepList = defineRoute({
  method: 'get',
  path: '/events/{id}/preparation',
  permission: 'events:read',
  summary: "The event's preparation steps (staff; the client sees those marked client-visible)",
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(z.object({ steps: z.array(ZPreparationMilestone) }), 'Steps, oldest first.'),
    ...errorResponses,
  },
});
const prepCreate = defineRoute({
  method: 'post',
  path: '/events/{id}/preparation',
  permission: 'events:write',
  summary: 'Add a preparation step',
  request: { params: ZIdParam, body: jsonBody(ZCreatePreparationMilestone) },
  responses: { 201: jsonResponse(z.object({ step: ZPreparationMilestone }), 'The step.'), ...errorResponses },
});
const prepUpdate = defineRoute({
  method: 'patch',
  path: '/preparation/{id}',
  permission: 'events:write',
  summary: 'Rename, re-date, show to the client or tick a preparation step',
  request: { params: ZIdParam, body: jsonBody(ZUpdatePreparationMilestone) },
  responses: { 200: jsonResponse(z.object({ step: ZPreparationMilestone }), 'The step.'), ...errorResponses },
});

async function pdfOf(c: AppContext, kind: 'receipt' | 'document', token: string, id: string) {
  const deps = c.get('deps');
  const access = await resolvePortalToken(deps, token);
  if (!(await belongsToEvent(deps, kind, id, access.eventId)))
    throw new AppError('not_found', 'That document was not found.');
  // Scoped above to the link's own event.
  return pdfReply(
    c,
    kind === 'receipt' ? await receiptPdf(deps.db, null, id) : await taxDocumentPdf(deps.db, null, id),
  );
}

const signInLinkSend = defineRoute({
  method: 'post',
  path: '/events/{id}/sign-in-link',
  permission: 'events:write',
  summary:
    "Send the event's client a one-time sign-in link to their event page (email, and WhatsApp to the client's phone)",
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(
      z.object({
        sent: z.array(z.object({ email: z.string(), whatsapp: z.string().nullable() })),
        expiresInMinutes: z.number(),
      }),
      'Queued in the notification outbox.',
    ),
    ...errorResponses,
  },
});
const signInLinkRequest = defineRoute({
  method: 'post',
  path: '/sign-in/request',
  permission: 'public',
  summary: 'A client asks for a one-time sign-in link by email (same answer whether or not the address has a login)',
  request: { body: jsonBody(z.strictObject({ email: ZEmail })) },
  responses: {
    202: jsonResponse(z.object({ ok: z.literal(true) }), 'If the address has a client login, a link is on its way.'),
    ...errorResponses,
  },
});
const signInLinkRedeem = defineRoute({
  method: 'post',
  path: '/sign-in/redeem',
  permission: 'public',
  summary: 'Trade a one-time sign-in link for a session (client logins only; used, expired or altered links refused)',
  request: { body: jsonBody(z.strictObject({ token: z.string().min(20).max(200) })) },
  responses: {
    200: jsonResponse(ZSession, 'Signed in; the refresh token is set as an HttpOnly cookie.'),
    ...errorResponses,
  },
});

export const portalRoutes = createRouter()
  .openapi(signInLinkSend, async (c) =>
    c.json(await sendClientSignInLink(c.get('deps'), viewerOf(c), c.req.valid('param').id), 200),
  )
  .openapi(signInLinkRequest, async (c) => {
    await requestClientSignInLink(c.get('deps'), c.req.valid('json').email, originOf(c));
    return c.json({ ok: true as const }, 202);
  })
  .openapi(signInLinkRedeem, async (c) =>
    answerWithSession(c, await redeemClientSignInLink(c.get('deps'), c.req.valid('json').token, originOf(c))),
  )
  .openapi(session, async (c) =>
    c.json(await openPortalSession(c.get('deps'), viewerOf(c), c.req.valid('param').id), 200),
  )
  .openapi(links, async (c) =>
    c.json({ links: await listPortalLinks(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(createLink, async (c) => {
    const link = await createPortalLink(
      c.get('deps'),
      viewerOf(c),
      c.req.valid('param').id,
      c.req.valid('json'),
      originOf(c),
    );
    return c.json({ link }, 201);
  })
  .openapi(revoke, async (c) =>
    c.json({ link: await revokePortalLink(c.get('deps'), viewerOf(c), c.req.valid('param').id, originOf(c)) }, 200),
  )
  .openapi(prepList, async (c) =>
    c.json({ steps: await listPreparation(c.get('deps'), viewerOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(prepCreate, async (c) => {
    const step = await createPreparation(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ step }, 201);
  })
  .openapi(prepUpdate, async (c) =>
    c.json(
      { step: await updatePreparation(c.get('deps'), viewerOf(c), c.req.valid('param').id, c.req.valid('json')) },
      200,
    ),
  )
  .openapi(receipt, (c) => pdfOf(c, 'receipt', c.req.valid('param').token, c.req.valid('param').id))
  .openapi(document, (c) => pdfOf(c, 'document', c.req.valid('param').token, c.req.valid('param').id))
  .openapi(stream, async (c) => {
    const deps = c.get('deps');
    const { token } = c.req.valid('param');
    const access = await resolvePortalToken(deps, token);
    const afterSeq = resumePoint(c, c.req.valid('query').after);
    return streamEventUpdates(c, deps, {
      eventId: access.eventId,
      afterSeq,
      stillAllowed: async () => {
        try {
          await resolvePortalToken(deps, token);
          return null;
        } catch (err) {
          if (err instanceof AppError) return err.message;
          throw err;
        }
      },
    });
  })
  .openapi(view, async (c) => {
    const deps = c.get('deps');
    const { token } = c.req.valid('param');
    const access = await resolvePortalToken(deps, token);
    c.header('Cache-Control', 'no-store');
    return c.json(await portalView(deps, access, apiBase(token)), 200);
  });
