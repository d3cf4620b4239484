import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { localJwtSecret } from '../edge/src/secret.ts';
import { ROOT, type Service, superviseServices } from './processes.ts';
import { portIsFree, settingsProblems } from './settings.ts';

/**
 * `npm start`: the edge API serving the built client, and the collab server, on their
 * embedded defaults (a libSQL file under data/, demo data when empty). Bad settings stop the
 * start with the variable named; a crashed server is restarted with backoff; Ctrl-C or
 * SIGTERM stops both with nothing left behind.
 */
// Settings in a local .env file, if there is one (see .env.example).
if (existsSync(resolve(ROOT, '.env'))) process.loadEnvFile(resolve(ROOT, '.env'));
const dataDir = resolve(ROOT, process.env.DATA_DIR ?? 'data');
const env = {
  JWT_SECRET: process.env.JWT_SECRET || localJwtSecret(resolve(dataDir, 'jwt-secret')),
  DATA_DIR: dataDir,
  CLIENT_DIST: process.env.CLIENT_DIST ?? resolve(ROOT, 'client/dist'),
};
// The collab server reaches the edge's internal routes (projections, access changes) here.
const collabEnv = {
  ...env,
  COLLAB_EDGE_URL: process.env.COLLAB_EDGE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`,
};

const problems = settingsProblems({ ...process.env, ...collabEnv });
const ports: [string, number, string][] = [
  ['PORT', Number(process.env.PORT ?? 8787), process.env.HOST ?? '127.0.0.1'],
  ['COLLAB_PORT', Number(process.env.COLLAB_PORT ?? 1234), process.env.COLLAB_HOST ?? '127.0.0.1'],
];
if (problems.length === 0)
  for (const [name, port, host] of ports)
    if (!(await portIsFree(port, host)))
      problems.push(`${name}=${port}: port ${port} on ${host} is already in use; stop what holds it or choose another`);
if (problems.length > 0) {
  console.error(`npm start: cannot start with these settings:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(2);
}

// The servers run as built JavaScript, not through a TypeScript loader. `npm start` builds them first
// (`npm run build`); started on its own, this builds a workspace whose bundle is missing.
const built = (name: string, workspace: string, entry: string, env: Record<string, string>): Service => {
  if (!existsSync(resolve(ROOT, entry))) {
    console.log(`[start] ${entry} is not built: building ${workspace}`);
    execFileSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, stdio: 'inherit' });
  }
  return { name, command: process.execPath, args: ['--enable-source-maps', entry], env };
};

superviseServices([
  built('edge', 'edge', 'edge/dist/node.js', env),
  built('collab', 'collab-server', 'collab-server/dist/main.js', collabEnv),
]);
