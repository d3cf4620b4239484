import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { claimRun, portsInUse } from './e2e/port-guard.ts';
import { RAZORPAY_E2E, razorpayPort } from './e2e/razorpay-e2e.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const PORT = Number(process.env.E2E_PORT ?? 4599);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const COLLAB_PORT = PORT + 1;
const JWT_SECRET = 'e2e-only-secret-that-is-long-enough-0123456789';
const TIMEOUT_SCALE = Number(process.env.E2E_TIMEOUT_SCALE ?? 1);
if (!(TIMEOUT_SCALE >= 1))
  throw new Error(`E2E_TIMEOUT_SCALE must be a number of at least 1, not "${process.env.E2E_TIMEOUT_SCALE}"`);

if (!existsSync(CHROMIUM)) {
  throw new Error(
    `End-to-end tests need Chromium at ${CHROMIUM}, and it is not there.\n` +
      'Install it with: apt-get update && apt-get install -y chromium',
  );
}
// E2E_CLIENT_DIST lets parallel runs use their own build (vite build --outDir …).
const clientDist = process.env.E2E_CLIENT_DIST ?? resolve(here, 'dist');
if (!existsSync(join(clientDist, 'index.html'))) {
  throw new Error(`No built client at ${clientDist}. Run "npm run build -w client" first (npm run test:e2e does).`);
}

// A fresh database for every run: the edge seeds the demo house into an empty one.
// Workers load this file too; only the runner (which starts the server) may wipe it.
// E2E_REUSE_SERVER=1 (scripts/e2e-order.ts) runs against servers already up on this port: their
// database is kept, so one spec file after another meets what the earlier ones left.
// Before anything is wiped: servers already on these ports (or a run still starting them) belong
// to another run, whose database this one would destroy.
const REUSE = process.env.E2E_REUSE_SERVER === '1';
const dataDir = join(tmpdir(), `mandap-e2e-${PORT}`);
if (process.env.TEST_WORKER_INDEX === undefined && !REUSE) {
  const ports = [PORT, COLLAB_PORT, razorpayPort(PORT)];
  const taken = portsInUse(ports);
  const holder = taken.length === 0 ? claimRun(join(tmpdir(), `mandap-e2e-${PORT}.lock`)) : null;
  if (taken.length > 0 || holder !== null)
    throw new Error(
      `${taken.length > 0 ? `Port ${taken.join(', ')} is already in use` : `Another e2e run (pid ${holder}) is starting on port ${PORT}`}: ` +
        `another run's servers would be sharing ${dataDir}, and this run would wipe their database. Nothing was touched.\n` +
        `Use your own port (E2E_PORT=<free port>, which also takes the next two), or set E2E_REUSE_SERVER=1 to run against the servers already up (their database is kept).`,
    );
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
}
// The edge's database file, for a spec that must read what only a mailbox would see (a sign-in link).
process.env.E2E_DATABASE_FILE = join(dataDir, 'e2e.db');

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  // No retries: a test that fails once is a bug to find, in the product or in the test.
  retries: 0,
  // E2E_TIMEOUT_SCALE stretches both budgets on a machine known to be overloaded (the order runner
  // uses it so that a run shows order faults, not load); tests that set their own timeout keep it.
  timeout: 30_000 * TIMEOUT_SCALE,
  expect: { timeout: 7_000 * TIMEOUT_SCALE },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  outputDir: join(tmpdir(), `mandap-e2e-results-${PORT}`),
  use: {
    baseURL: BASE_URL,
    locale: 'en-IN',
    timezoneId: 'Asia/Kolkata',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1360, height: 860 } } }],
  webServer: [
    {
      command: 'npx tsx edge/src/node.ts',
      cwd: resolve(here, '..'),
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: REUSE,
      timeout: 90_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`,
        DATA_DIR: dataDir,
        JWT_SECRET,
        CLIENT_DIST: clientDist,
        SEED_DEMO: 'true',
        PASSWORD_HASH_ITERATIONS: '1000',
        // A journal line that does not fit its catalogue schema fails the test (a product logs it).
        JOURNAL_STRICT: '1',
        PUBLIC_URL: BASE_URL,
        LOG_LEVEL: 'warn',
        COLLAB_PUBLIC_URL: `ws://127.0.0.1:${COLLAB_PORT}/collab`,
        // WhatsApp through a local stand-in for the Cloud API, which the inbox spec starts on PORT + 3.
        WHATSAPP_PROVIDER: 'meta',
        WHATSAPP_API_URL: `http://127.0.0.1:${PORT + 3}/v21.0`,
        WHATSAPP_PHONE_NUMBER_ID: '1098765432',
        WHATSAPP_ACCESS_TOKEN: 'e2e-meta-access-token',
        WHATSAPP_APP_SECRET: 'e2e-whatsapp-app-secret',
        // Web push (VAPID) keys made for these tests only; the notifications spec subscribes the browser with them.
        VAPID_PUBLIC_KEY: 'BPViRQmiQyz1rD_uMq4P6q6Q3vk0Od9hhaB5bdQ6SBWN4ePbMay5PQkPUk-HihshjObuztYFz-BCj4NJx5S4_Ak',
        VAPID_PRIVATE_KEY: '7wkndvEHm1ZPbqUGbNkbztmYXVsCGJ4fCvG87bJVbXs',
        // Razorpay against the local stand-in (e2e/fake-razorpay.ts): links are created there and
        // the journey spec posts the provider's signed webhook itself.
        RAZORPAY_KEY_ID: RAZORPAY_E2E.keyId,
        RAZORPAY_KEY_SECRET: RAZORPAY_E2E.keySecret,
        RAZORPAY_WEBHOOK_SECRET: RAZORPAY_E2E.webhookSecret,
        RAZORPAY_API_URL: `http://127.0.0.1:${razorpayPort(PORT)}`,
      },
    },
    {
      command: 'npx tsx client/e2e/fake-razorpay.ts',
      cwd: resolve(here, '..'),
      url: `http://127.0.0.1:${razorpayPort(PORT)}/health`,
      reuseExistingServer: REUSE,
      timeout: 30_000,
      env: { E2E_PORT: String(PORT) },
    },
    {
      // The collab-server beside the edge: same secret, same edge database, its own update log.
      command: 'npx tsx collab-server/src/main.ts',
      cwd: resolve(here, '..'),
      url: `http://127.0.0.1:${COLLAB_PORT}/health`,
      reuseExistingServer: REUSE,
      timeout: 90_000,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        COLLAB_PORT: String(COLLAB_PORT),
        COLLAB_HOST: '127.0.0.1',
        DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`,
        COLLAB_DATABASE_URL: `file:${join(dataDir, 'collab.db')}`,
        // Projections and access changes go through the edge's internal routes.
        COLLAB_EDGE_URL: `http://127.0.0.1:${PORT}`,
        JWT_SECRET,
      },
    },
  ],
});
