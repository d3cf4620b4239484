import { loadEnv } from './env.ts';
import { optionsFromEnv, startCollabServer } from './server.ts';
import { trace } from './trace.ts';

let env: ReturnType<typeof loadEnv>;
try {
  env = loadEnv();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

const server = await startCollabServer(optionsFromEnv(env));
console.log(`collab-server listening on ws://${env.COLLAB_HOST}:${server.port}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`collab-server: ${signal}, committing queued updates and closing`);
  if (trace) console.error(trace.report());
  try {
    await server.close();
    process.exit(0);
  } catch (err) {
    console.error('collab-server: shutdown failed', err);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
