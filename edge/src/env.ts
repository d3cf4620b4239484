import { z } from 'zod';
import { parseTrustProxy } from './lib/client-ip.ts';

const bool = z
  .enum(['true', 'false', '1', '0'], { error: 'use true or false' })
  .transform((v) => v === 'true' || v === '1');

/**
 * The edge's configuration, the same on every runtime. Each runtime entry reads its own
 * source (process.env, Deno.env, the Worker's bindings) and passes a plain object here.
 */
export const ZEnv = z.object({
  /** libSQL URL: `file:data/mandap.db` locally; `libsql://…` or `http://…` for a libSQL server (required on Workers). */
  DATABASE_URL: z.string().min(1).default('file:data/mandap.db'),
  /** Auth token for a remote libSQL server (Turso/sqld); unused for files. */
  DATABASE_AUTH_TOKEN: z.string().optional(),
  /** HMAC secret for access tokens, at least 32 characters. Node generates and keeps one in data/ when unset. */
  JWT_SECRET: z.string().min(32, { error: 'JWT_SECRET must be at least 32 characters' }),
  /** Access token lifetime in seconds. */
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
  /** Refresh token (cookie) lifetime in days. */
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** PBKDF2-SHA256 iterations for new password hashes. 100000 is the most Cloudflare Workers allows. */
  PASSWORD_HASH_ITERATIONS: z.coerce.number().int().min(1000).max(100_000).default(100_000),
  /** Set the refresh cookie's Secure flag. Browsers accept Secure cookies on http://localhost. */
  COOKIE_SECURE: bool.default(true),
  /** Origins allowed to call the API cross-origin, comma-separated. Empty: same origin only. */
  CORS_ORIGINS: z.string().default(''),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  /** The URL people open; used in links sent by message (password reset, invites). */
  PUBLIC_URL: z.url().default('http://localhost:8787'),
  /** ExchangeRate-API key for daily FX rates; unset: finance enters rates by hand (the quote asks for one when missing). */
  FX_API_KEY: z.string().optional(),
  /** ExchangeRate-API base URL (tests point it at a local server). */
  FX_API_URL: z.url().default('https://v6.exchangerate-api.com'),
  /** Where browsers reach the collab-server (ws:// or wss://, ending in /collab). Unset: the page's host on port 1234. */
  COLLAB_PUBLIC_URL: z
    .string()
    .regex(/^wss?:\/\//, { error: 'must start with ws:// or wss://' })
    .optional(),
  /** Shared secret of the collab-server's internal routes (/api/internal/collab). Unset: derived from JWT_SECRET. */
  COLLAB_INTERNAL_SECRET: z.string().min(32).optional(),
  /** Seed the demo house when the database is empty. */
  SEED_DEMO: bool.default(true),
  /** Razorpay key id and secret for payment links (INR). Unset: payment links are off and the screen says so. */
  RAZORPAY_KEY_ID: z.string().min(4).optional(),
  RAZORPAY_KEY_SECRET: z.string().min(4).optional(),
  /** Razorpay webhook secret (Dashboard → Webhooks). Unset: the Razorpay webhook refuses every delivery. */
  RAZORPAY_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** Razorpay API base URL (tests point it at a local server). */
  RAZORPAY_API_URL: z.url().default('https://api.razorpay.com'),
  /** Stripe secret key for Checkout (foreign-currency clients). Unset: Stripe links are off. */
  STRIPE_SECRET_KEY: z.string().min(8).optional(),
  /** Stripe webhook signing secret (whsec_…). Unset: the Stripe webhook refuses every delivery. */
  STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** Stripe API base URL (tests point it at a local server). */
  STRIPE_API_URL: z.url().default('https://api.stripe.com'),
  /** debug | info | warn | error | silent */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Meta Lead Ads: the app secret that signs webhooks (X-Hub-Signature-256). Unset: the Meta webhook refuses every delivery. */
  META_APP_SECRET: z.string().min(8).optional(),
  /** Meta Lead Ads: the verify token you typed in the app's webhook settings (answers hub.challenge). */
  META_VERIFY_TOKEN: z.string().min(8).optional(),
  /** Meta Lead Ads: page access token for fetching a lead's fields from the Graph API. Unset: leads stay pending, saying so. */
  META_PAGE_ACCESS_TOKEN: z.string().min(8).optional(),
  /** Graph API base URL (tests point it at a local server). */
  META_GRAPH_URL: z.url().default('https://graph.facebook.com/v21.0'),
  /** Google Ads lead form webhook key (google_key in each delivery). Unset: the Google webhook refuses every delivery. */
  GOOGLE_LEADS_KEY: z.string().min(8).optional(),
  /**
   * Google Calendar for meetings with Meet links: a service account's JSON key (domain-wide
   * delegation with GOOGLE_CALENDAR_SUBJECT) or an OAuth access token. Unset: .ics invitations.
   */
  GOOGLE_SERVICE_ACCOUNT_JSON: z.string().min(20).optional(),
  GOOGLE_CALENDAR_SUBJECT: z.email().optional(),
  GOOGLE_CALENDAR_ACCESS_TOKEN: z.string().min(8).optional(),
  GOOGLE_CALENDAR_ID: z.string().min(1).default('primary'),
  /** Calendar API base URL (tests point it at a local stand-in). */
  GOOGLE_CALENDAR_API_URL: z.url().default('https://www.googleapis.com'),
  /** Folder for attachments when no S3 bucket is configured (local disk; Node and Deno only). */
  FILES_DIR: z.string().min(1).default('data/files'),
  /** S3-compatible storage for attachments (AWS S3, R2, MinIO): base URL such as https://s3.ap-south-1.amazonaws.com. Unset: local disk. */
  S3_ENDPOINT: z.url().optional(),
  /** S3 bucket name (objects are addressed path-style: <endpoint>/<bucket>/<key>). */
  S3_BUCKET: z.string().min(3).optional(),
  /** S3 region used in the SigV4 signature (R2: auto). */
  S3_REGION: z.string().min(1).default('us-east-1'),
  /** S3 access key id and secret; all of S3_ENDPOINT, S3_BUCKET and the keys are needed to switch S3 on. */
  S3_ACCESS_KEY_ID: z.string().min(4).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(8).optional(),
  /** Listing platforms leads may come from, comma-separated source keys (shown in forms and accepted on import). */
  LISTING_PLATFORMS: z.string().default('wedmegood,weddingwire_india,justdial,shaadisaga'),
  /**
   * Proxies trusted to say who the client is in X-Forwarded-For: a hop count (1 = one proxy in front)
   * or a comma-separated list of proxy addresses/CIDRs. Empty (default): the header is ignored and the
   * connection's address is the client (socket on Node, remoteAddr on Deno, CF-Connecting-IP on Workers).
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .refine(
      (v) => {
        try {
          parseTrustProxy(v);
          return true;
        } catch {
          return false;
        }
      },
      { error: 'use a hop count (e.g. 1) or addresses/CIDRs (e.g. 10.0.0.0/8,192.168.1.5)' },
    ),
  /** Webhook endpoints (payments, lead ads, WhatsApp): most deliveries per minute from one address to one endpoint. */
  WEBHOOK_MAX_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(300),
  /** Website enquiry form: most submissions per IP per 10 minutes. */
  WEBSITE_FORM_MAX_PER_10_MIN: z.coerce.number().int().min(1).max(10_000).default(5),
  /** Website enquiry form: a form submitted faster than this after it was shown is treated as a bot. */
  WEBSITE_FORM_MIN_FILL_MS: z.coerce.number().int().min(0).default(3000),
  /** Key for vendor bank details (AES-256-GCM), at least 32 characters. Node generates one into data/ when unset; unset elsewhere: bank details cannot be saved. */
  VENDOR_BANK_KEY: z.string().min(32, { error: 'VENDOR_BANK_KEY must be at least 32 characters' }).optional(),
  /** The key before a rotation, still accepted for reading until edge/src/features/vendors/rotate-bank-key-cli.ts re-encrypts every row. */
  VENDOR_BANK_KEY_PREVIOUS: z.string().min(32).optional(),
  /** WhatsApp provider for outgoing messages: meta (Cloud API) or interakt. Unset: messages are recorded as not sent. */
  WHATSAPP_PROVIDER: z.enum(['meta', 'interakt']).optional(),
  /** Meta Cloud API: base URL with version (tests point it at a local server), phone number id and access token. */
  WHATSAPP_API_URL: z.url().default('https://graph.facebook.com/v21.0'),
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(3).optional(),
  WHATSAPP_ACCESS_TOKEN: z.string().min(8).optional(),
  /** Interakt: API base URL and the secret key from its developer settings (sent as Basic auth). */
  INTERAKT_API_URL: z.url().default('https://api.interakt.ai'),
  INTERAKT_API_KEY: z.string().min(8).optional(),
  /** Interakt webhook secret (Developer Settings): incoming messages and statuses are checked against it. Unset: refused. */
  INTERAKT_WEBHOOK_SECRET: z.string().min(8).optional(),
  /** WhatsApp webhook: the app secret that signs deliveries (X-Hub-Signature-256) and the verify token. Unset: the webhook refuses. */
  WHATSAPP_APP_SECRET: z.string().min(8).optional(),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8).optional(),
  /** Most WhatsApp messages sent per second by all delivery runners together (Cloud API allows 80 by default). */
  WHATSAPP_MAX_PER_SECOND: z.coerce.number().int().min(1).max(1000).default(20),
  /** SMTP server for email, e.g. smtp://user:pass@smtp.example.com:587 (smtps:// for TLS). Unset: email is recorded as not sent. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  /** The From address of outgoing email. */
  SMTP_FROM: z.string().min(3).default('Gulmohar Events <no-reply@mandap.local>'),
  /** Web push (VAPID) keys for staff notifications; generate with `npx web-push generate-vapid-keys`. Unset: no web push. */
  VAPID_PUBLIC_KEY: z.string().min(20).optional(),
  VAPID_PRIVATE_KEY: z.string().min(20).optional(),
  VAPID_SUBJECT: z.string().default('mailto:ops@mandap.local'),
  /** Delivery attempts before a message is dead-lettered. */
  OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
});
export type Env = z.infer<typeof ZEnv>;

/** Parses raw configuration, failing fast with every bad variable named. */
export function parseEnv(raw: Record<string, string | undefined>): Env {
  const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ZEnv.safeParse(clean);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
