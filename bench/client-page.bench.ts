import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { freePort, localBin, REPO_ROOT, type ServerProcess, startServer } from '../edge/src/testing/server-process.ts';
import { call, pct } from './lib/http.ts';
import type { BenchReport, LoadFigures } from './lib/report.ts';

/**
 * The client's event page (/e/:token), first render on a phone with a slow network and a slow
 * CPU, in real Chromium against the built client served by the edge: from navigation start to
 * the event's name on screen, cold (a fresh browser profile: nothing cached) and warm (the
 * same profile again: the service worker and HTTP cache hold the shell). Baseline: the sign-in
 * page, the lightest route of the same build, under the same conditions.
 * Env: BENCH_PAGE_RUNS (7), BENCH_PAGE_LATENCY_MS (150), BENCH_PAGE_KBPS (1600), BENCH_PAGE_CPU (4).
 */
const CHROMIUM = '/usr/bin/chromium';
const JWT_SECRET = 'bench-secret-0123456789abcdef0123456789';
const RUNS = Number(process.env.BENCH_PAGE_RUNS ?? 7);
const LATENCY_MS = Number(process.env.BENCH_PAGE_LATENCY_MS ?? 150);
const KBPS = Number(process.env.BENCH_PAGE_KBPS ?? 1600);
const CPU = Number(process.env.BENCH_PAGE_CPU ?? 4);
const clientDist = join(REPO_ROOT, 'client/dist');

/** Opens `url` RUNS times (each in a fresh profile, then once more warm) and times `ready`. */
async function timeRender(
  browser: Browser,
  label: string,
  url: string,
  ready: string,
): Promise<{ cold: LoadFigures; warm: LoadFigures; bytes: number }> {
  const cold: number[] = [];
  const warm: number[] = [];
  let failures = 0;
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'en-IN',
      timezoneId: 'Asia/Kolkata',
    });
    try {
      for (const [phase, into] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: LATENCY_MS,
          downloadThroughput: (KBPS * 1024) / 8,
          uploadThroughput: (KBPS * 1024) / 8 / 2,
        });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
        let received = 0;
        cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
          received += e.encodedDataLength;
        });
        try {
          const t0 = Date.now();
          await page.goto(url, { waitUntil: 'commit' });
          await page.locator(ready).first().waitFor({ state: 'visible', timeout: 60_000 });
          into.push(Date.now() - t0);
          if (phase === 'cold') bytes = Math.max(bytes, received);
        } catch {
          failures++;
        }
        // Let the service worker finish installing before the warm visit.
        if (phase === 'cold') await page.evaluate(() => navigator.serviceWorker?.ready).catch(() => {});
        await page.close();
      }
    } finally {
      await context.close();
    }
  }
  const figures = (which: string, times: number[]): LoadFigures => {
    const sorted = [...times].sort((a, b) => a - b);
    return {
      label: `${label} ${which}`,
      requestsPerSec: 0,
      p50Ms: sorted.length ? pct(sorted, 50) : 0,
      p99Ms: sorted.length ? sorted[sorted.length - 1]! : 0,
      failures,
      totalRequests: times.length,
      requestsPerSecByRound: [],
    };
  };
  return { cold: figures('cold', cold), warm: figures('warm', warm), bytes };
}

export async function run(): Promise<BenchReport> {
  if (!existsSync(join(clientDist, 'index.html'))) {
    const built = spawnSync('npm', ['run', 'build', '-w', 'client'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('the client did not build');
  }
  const dir = mkdtempSync(join(tmpdir(), 'mandap-bench-page-'));
  let server: ServerProcess | null = null;
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    const port = await freePort();
    server = await startServer({
      command: localBin('tsx'),
      args: ['edge/src/node.ts'],
      port,
      env: {
        PORT: String(port),
        DATABASE_URL: `file:${join(dir, 'bench.db')}`,
        JWT_SECRET,
        LOG_LEVEL: 'warn',
        SEED_DEMO: 'true',
        PASSWORD_HASH_ITERATIONS: '1000',
        DATA_DIR: dir,
        CLIENT_DIST: clientDist,
        PUBLIC_URL: `http://127.0.0.1:${port}`,
      },
      discardStdout: true,
    });
    const base = server.url;
    const { accessToken } = (await call(base, 'POST', '/api/auth/login', {
      email: 'manager@mandap.demo',
      password: 'Mandap@2026',
    })) as { accessToken: string };
    const { events } = (await call(base, 'GET', '/api/events', undefined, accessToken)) as {
      events: { id: string; name: string }[];
    };
    const event = events[0]!;
    const { link } = (await call(base, 'POST', `/api/portal/events/${event.id}/links`, { days: 5 }, accessToken)) as {
      link: { url: string };
    };
    const pagePath = `/e/${link.url.split('/e/')[1]!}`;
    const signIn = await timeRender(browser, 'sign-in page', `${base}/login`, 'button:has-text("Sign in")');
    const clientPage = await timeRender(browser, 'client page', `${base}${pagePath}`, `h1:has-text("${event.name}")`);
    return {
      name: `client page: first render on a phone (${LATENCY_MS} ms RTT, ${KBPS} kbit/s, CPU ÷${CPU}), navigation → event name on screen`,
      settings: { runs: RUNS, latencyMs: LATENCY_MS, kbps: KBPS, cpuSlowdown: CPU },
      variants: [signIn.cold, clientPage.cold, signIn.warm, clientPage.warm],
      notes: [
        'p50 is the median over runs, p99 the slowest run; requests/s does not apply (0)',
        `bytes over the wire on a cold visit: sign-in page ${(signIn.bytes / 1024).toFixed(0)} kB, client page ${(clientPage.bytes / 1024).toFixed(0)} kB`,
        'cold: a fresh browser profile; warm: the same profile again (service worker and HTTP cache filled)',
      ],
    };
  } finally {
    await browser.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
