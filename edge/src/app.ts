import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { authRoutes } from './features/auth/auth.routes.ts';
import { calendarRoutes } from './features/calendar/calendar.routes.ts';
import { portalRoutes } from './features/client-portal/portal.routes.ts';
import { collabIngestRoutes } from './features/collab-ingest/collab-ingest.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { renderDocsPage } from './features/docs/docs-page.ts';
import { eventAccessRoutes } from './features/event-access/event-access.routes.ts';
import { eventsRoutes } from './features/events/events.routes.ts';
import { bodyLimitFor } from './features/files/upload-limit.ts';
import { fxRoutes } from './features/fx/fx.routes.ts';
import { gatewaysRoutes } from './features/gateways/gateways.routes.ts';
import { healthRoutes } from './features/health/health.routes.ts';
import { importsRoutes } from './features/imports/imports.routes.ts';
import { intakeRoutes } from './features/intake/intake.routes.ts';
import { invoicesRoutes } from './features/invoices/invoices.routes.ts';
import { followUpsRoutes } from './features/leads/follow-ups.routes.ts';
import { leadsRoutes } from './features/leads/leads.routes.ts';
import { meetingsRoutes } from './features/meetings/meetings.routes.ts';
import { inboxRoutes, whatsappWebhookRoutes } from './features/notifications/inbox.routes.ts';
import { notificationsRoutes } from './features/notifications/notifications.routes.ts';
import { paymentsRoutes } from './features/payments/payments.routes.ts';
import { catalogueRoutes } from './features/quotes/catalogue.routes.ts';
import { companyRoutes } from './features/quotes/company.routes.ts';
import { paymentTermsRoutes } from './features/quotes/payment-terms.routes.ts';
import { quotePublicRoutes } from './features/quotes/quote-public.routes.ts';
import { quotesRoutes } from './features/quotes/quotes.routes.ts';
import { searchRoutes } from './features/search/search.routes.ts';
import { usersRoutes } from './features/users/users.routes.ts';
import { poPublicRoutes } from './features/vendors/po-public.routes.ts';
import { vendorMasterRoutes } from './features/vendors/vendors.routes.ts';
import { vendorWorkRoutes } from './features/vendors/work.routes.ts';
import { workspaceRoutes } from './features/workspace/workspace.routes.ts';
import type { AppEnv, Deps } from './lib/context.ts';
import { AppError, type ErrorCode } from './lib/errors.ts';
import { requirePermission } from './lib/route.ts';
import { limitWebhooks } from './lib/webhook-guard.ts';

const HTTP_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_json',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    const code = HTTP_CODES[err.status] ?? 'validation_failed';
    const message =
      code === 'invalid_json'
        ? 'The request body is not valid JSON. Send a JSON object.'
        : code === 'unsupported_media_type'
          ? 'Send the body as JSON with the header Content-Type: application/json.'
          : err.message || code;
    return new AppError(code, message, { cause: err });
  }
  return null;
}

/** `make` called once per distinct key: middleware built once per setting rather than per request. */
function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (!made.has(key)) made.set(key, make(key));
    return made.get(key) as V;
  };
}

/**
 * The API as one Hono app, the same on Node, Deno and Workers. Each runtime entry says how
 * to get the dependencies (database, config) for a request.
 */
export function createApp(resolveDeps: (c: Context<AppEnv>) => Deps | Promise<Deps>) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const deps = await resolveDeps(c);
    c.set('deps', deps);
    const started = performance.now();
    await next();
    deps.log.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.get('viewer')?.id,
    });
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  // CORS and the body limit are built once per setting, not per request (deps may differ per
  // request on Workers, so each is looked up by its setting).
  const corsFor = memo((setting: string) => {
    const origins = setting.split(',').filter(Boolean);
    return origins.length === 0 ? null : cors({ origin: origins, credentials: true, maxAge: 600 });
  });
  app.use('/api/*', (c, next) => corsFor(c.get('deps').env.CORS_ORIGINS)?.(c, next) ?? next());
  const bodyLimitOf = memo((maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError('payload_too_large', `The request body is larger than ${Math.round(maxSize / 1024)} KB.`);
      },
    }),
  );
  app.use('/api/*', (c, next) => {
    // No route reads the body of a GET or HEAD, so there is nothing to limit (and asking the request
    // for its body stream would build a whole web Request on Node for nothing).
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD') return next();
    return bodyLimitOf(bodyLimitFor(method, c.req.path, c.get('deps').env.BODY_LIMIT_BYTES))(c, next);
  });

  // Webhook endpoints are rate-limited per source address (lib/webhook-guard).
  for (const path of ['/api/webhooks/*', '/api/intake/meta', '/api/intake/google']) app.use(path, limitWebhooks);

  const api = app
    .route('/api/health', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/users', usersRoutes)
    .route('/api/events', eventsRoutes)
    .route('/api/event-access', eventAccessRoutes)
    .route('/api/leads', leadsRoutes)
    .route('/api/quotes', quotesRoutes)
    .route('/api/quote-catalogue', catalogueRoutes)
    .route('/api/settings/company', companyRoutes)
    .route('/api/settings/payment-terms', paymentTermsRoutes)
    .route('/api/fx', fxRoutes)
    .route('/api/public/quotes', quotePublicRoutes)
    .route('/api/follow-ups', followUpsRoutes)
    .route('/api/intake', intakeRoutes)
    .route('/api/imports', importsRoutes)
    .route('/api/payments', paymentsRoutes)
    .route('/api/invoices', invoicesRoutes)
    .route('/api/notifications', notificationsRoutes)
    .route('/api/inbox', inboxRoutes)
    .route('/api/webhooks/whatsapp', whatsappWebhookRoutes)
    .route('/api/vendors', vendorMasterRoutes)
    .route('/api/vendor-work', vendorWorkRoutes)
    .route('/api/public/po', poPublicRoutes)
    .route('/api/search', searchRoutes)
    .route('/api/dashboard', dashboardRoutes)
    .route('/api/portal', portalRoutes)
    .route('/api/calendar', calendarRoutes)
    .route('/api/meetings', meetingsRoutes)
    .route('/api/internal/collab', collabIngestRoutes)
    .route('/api', gatewaysRoutes)
    .route('/api', workspaceRoutes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  const openApiDoc = () =>
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Mandap API', version: '0.1.0', description: 'Leads to final payment for an event house.' },
    });
  app.get('/api/openapi.json', requirePermission('public'), (c) => c.json(openApiDoc()));
  app.get('/api/docs', requirePermission('public'), (c) =>
    c.html(renderDocsPage(openApiDoc() as unknown as Parameters<typeof renderDocsPage>[0])),
  );

  app.notFound((c) => {
    if (c.req.path.startsWith('/api')) {
      return c.json({ error: { code: 'not_found', message: `No API route ${c.req.method} ${c.req.path}.` } }, 404);
    }
    return c.text('Not found', 404);
  });

  app.onError((err, c) => {
    const requestId = c.get('requestId');
    const appError = toAppError(err);
    if (!appError || appError.status >= 500) {
      c.get('deps')?.log.error('unhandled error', {
        requestId,
        path: c.req.path,
        error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
      });
      return c.json(
        { error: { code: 'internal', message: 'Something went wrong on our side. Try again.', requestId } },
        500,
      );
    }
    for (const [k, v] of Object.entries(appError.headers ?? {})) c.header(k, v);
    return c.json(
      {
        error: {
          code: appError.code,
          message: appError.message,
          ...(appError.fields ? { fields: appError.fields } : {}),
          requestId,
        },
      },
      appError.status,
    );
  });

  return api;
}

export type App = ReturnType<typeof createApp>;
