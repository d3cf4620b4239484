import { createApp } from './app.ts';
import { prepareDeps } from './bootstrap.ts';
import { type Env, parseEnv } from './env.ts';
import { tick } from './jobs/tick.ts';
import { describeError } from './lib/errors.ts';

/**
 * Deno entry: `npx deno run -A edge/src/deno.ts` from the repository root. Deno resolves
 * packages through package.json and node_modules, so no deno.json is needed. Unlike the
 * Node entry it does not invent a JWT secret: the operator must set JWT_SECRET.
 */
const raw = Deno.env.toObject();
if (!raw.JWT_SECRET) {
  console.error('JWT_SECRET is not set. Set it to a random string of at least 32 characters.');
  Deno.exit(1);
}

let env: Env;
try {
  env = parseEnv(raw);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  Deno.exit(1);
}

const deps = await prepareDeps(env);
const app = createApp(() => deps);

// The job tick (reminders, overdue marking, FX refresh) every minute; idempotent, so a doubled run is harmless.
// Deno.cron needs --unstable-cron (and is built in on Deno Deploy); without it, a plain interval.
const runTick = async () => {
  await tick(deps, deps.now()).catch((err) => deps.log.error('tick failed', { error: describeError(err) }));
};
if (typeof Deno.cron === 'function') Deno.cron('mandap-tick', '* * * * *', runTick);
else Deno.unrefTimer(setInterval(runTick, 60_000));

const port = Number(raw.PORT ?? 8787);
const hostname = raw.HOST ?? '127.0.0.1';
const server = Deno.serve(
  { port, hostname, onListen: () => console.log(`Mandap (Deno) is running at http://${hostname}:${port}`) },
  // The connection's address (on Deno Deploy, the visitor's) reaches originOf through the env.
  (req, info) => app.fetch(req, { remoteAddr: info.remoteAddr }),
);

// Finish in-flight requests on a stop signal instead of cutting them off.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  Deno.addSignalListener(signal, () => {
    server.shutdown().then(() => Deno.exit(0));
    setTimeout(() => Deno.exit(0), 3000);
  });
}
