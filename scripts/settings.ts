import { createServer } from 'node:net';
import { loadEnv as parseCollabEnv } from '../collab-server/src/env.ts';
import { ZEnv } from '../edge/src/env.ts';

const DATABASE_SCHEMES = /^(file:|libsql:|https?:|wss?:)/;

/** A port setting: a whole number 1–65535 (0 would make the port unknowable to the other process). */
function checkPort(name: string, value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 65535
    ? null
    : `${name}="${value}": must be a whole number from 1 to 65535`;
}

/**
 * Every problem with the settings `npm start` would hand to the edge and the collab server, each
 * naming its variable and what it must be. Checked before anything starts, so a bad setting stops
 * the start with a message instead of a restart loop.
 */
export function settingsProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const name of ['PORT', 'COLLAB_PORT']) {
    const p = checkPort(name, env[name]);
    if (p) problems.push(p);
  }
  for (const name of ['DATABASE_URL', 'COLLAB_DATABASE_URL']) {
    const v = env[name];
    if (v && !DATABASE_SCHEMES.test(v))
      problems.push(`${name}="${v}": must be a libSQL URL (file:…, libsql://…, http(s)://… or ws(s)://…)`);
  }
  // The servers' own checks, so a rule lives in one place (edge/src/env.ts, collab-server/src/env.ts).
  const named = new Set(problems.map((p) => p.split('=')[0]));
  const add = (line: string, label: string) => {
    const name = line.split(':')[0]!.trim();
    if (name && !named.has(name)) {
      named.add(name);
      problems.push(`${line.trim()} (${label})`);
    }
  };
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const edge = ZEnv.safeParse(clean);
  if (!edge.success) for (const i of edge.error.issues) add(`${i.path.join('.')}: ${i.message}`, 'edge');
  try {
    parseCollabEnv(env);
  } catch (err) {
    const text = (err instanceof Error ? err.message : String(err)).replace(
      /^collab-server configuration invalid:\s*/,
      '',
    );
    for (const line of text.split('; ')) add(line, 'collab server');
  }
  return problems;
}

/** Whether `port` can be bound on `host` now; a port another process holds is named before starting. */
export function portIsFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
