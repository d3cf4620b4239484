import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { localJwtSecret } from '../edge/src/secret.ts';
import { ROOT, runTs, superviseAll } from './processes.ts';

/**
 * `npm start`: the edge API serving the built client, and the collab server, on their
 * embedded defaults (a libSQL file under data/, demo data when empty).
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
superviseAll([runTs('edge/src/node.ts', env), runTs('collab-server/src/main.ts', collabEnv)]);
