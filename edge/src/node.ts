import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app.ts';
import { prepareDeps } from './bootstrap.ts';
import { parseEnv } from './env.ts';
import { tick } from './jobs/tick.ts';
import { describeError } from './lib/errors.ts';
import { nativeUserLookup } from './lib/user-lookup-native.ts';
import { localJwtSecret } from './secret.ts';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data.ts';

/** Node entry: the API, the built client (SPA fallback) and, later, the job ticker. */
const env = parseEnv({
  ...process.env,
  JWT_SECRET: process.env.JWT_SECRET || localJwtSecret(resolve(process.env.DATA_DIR ?? 'data', 'jwt-secret')),
  VENDOR_BANK_KEY:
    process.env.VENDOR_BANK_KEY || localJwtSecret(resolve(process.env.DATA_DIR ?? 'data', 'vendor-bank-key')),
});
const deps = await prepareDeps(env);
// Authentication reads the user on every request: on a local file, through a statement prepared once.
const nativeLookup = nativeUserLookup(env.DATABASE_URL);
if (nativeLookup) deps.userLookup = nativeLookup.lookup;
const app = createApp(() => deps);

const clientDist = process.env.CLIENT_DIST ?? resolve('client/dist');
// The build writes .br and .gz beside each text asset (client/build/precompress.ts): served as they are.
// Hashed assets never change under their name: cached for a year; everything else is revalidated.
const staticFiles = serveStatic({
  root: clientDist,
  precompressed: true,
  onFound: (path, c) => {
    c.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  },
});
const appShell = serveStatic({ root: clientDist, path: 'index.html', precompressed: true });
// An unknown /api/* path falls through to the API's JSON 404, never the app's HTML.
const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
app.use('/*', (c, next) => (isApi(c.req.path) ? next() : staticFiles(c, next)));
// Any other non-API path is a client route: answer with the app shell.
app.get('*', (c, next) => (isApi(c.req.path) ? next() : appShell(c, next)));

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  const url = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}`;
  const lines = [
    '',
    `  Mandap is running at ${url}`,
    `  API reference: ${url}/api/docs`,
    deps.seeded ? '  Seeded the demo house (Gulmohar Events, Mumbai).' : '',
    '',
    `  Demo logins (password ${DEMO_PASSWORD}):`,
    ...DEMO_USERS.map((u) => `    ${u.role.padEnd(12)} ${u.email}`),
    '',
  ];
  if (env.SEED_DEMO) console.log(lines.filter((l) => l !== undefined).join('\n'));
  else console.log(`Mandap is running at ${url}`);
});

// The job ticker: reminders, overdue marking, FX refresh. Idempotent, so a missed or doubled run is harmless.
const ticker = setInterval(() => {
  tick(deps, deps.now()).catch((err) => deps.log.error('tick failed', { error: describeError(err) }));
}, 60_000);
ticker.unref();

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
