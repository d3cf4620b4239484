import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { localJwtSecret } from '../edge/src/secret.ts';
import { ROOT, runTs, superviseAll } from './processes.ts';

/**
 * `npm run dev`: the edge and collab server restarting on change (tsx watch), and Vite's
 * dev server with hot reload, which proxies /api and /collab to them. Open http://localhost:5173.
 */
// Settings in a local .env file, if there is one (see .env.example).
if (existsSync(resolve(ROOT, '.env'))) process.loadEnvFile(resolve(ROOT, '.env'));
const dataDir = resolve(ROOT, process.env.DATA_DIR ?? 'data');
const env = { JWT_SECRET: process.env.JWT_SECRET || localJwtSecret(resolve(dataDir, 'jwt-secret')), DATA_DIR: dataDir };
const vite = spawn('npx', ['vite', '--host', '127.0.0.1'], {
  cwd: resolve(ROOT, 'client'),
  env: { ...process.env },
  stdio: 'inherit',
});
superviseAll([
  runTs('edge/src/node.ts', { ...env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' }, { watch: true }),
  runTs(
    'collab-server/src/main.ts',
    { ...env, COLLAB_EDGE_URL: process.env.COLLAB_EDGE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}` },
    { watch: true },
  ),
  vite,
]);
