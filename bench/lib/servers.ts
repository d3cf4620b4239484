import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { freePort, REPO_ROOT, type ServerProcess, startServer } from '../../edge/src/testing/server-process.ts';

/** The edge's entry, built by its own build (edge/build.mjs) to the bundle `npm start` runs. */
const EDGE_ENTRY = 'edge/src/node.ts';
const EDGE_BUNDLE = 'edge/dist/node.js';

/**
 * Builds a server entry to JavaScript once per bench process, so every server runs the way
 * `npm start` runs the edge: `node --enable-source-maps <bundle>`, no TypeScript loader. The edge
 * is built by edge/build.mjs; a bench peer (bench/servers/*.ts) is bundled the same way (our code
 * in, npm packages external) to bench/servers/dist/, gitignored.
 */
const builds = new Map<string, Promise<string>>();
export function builtEntry(entry: string): Promise<string> {
  let out = builds.get(entry);
  if (!out) {
    out =
      entry === EDGE_ENTRY
        ? Promise.resolve().then(() => {
            execFileSync(process.execPath, ['edge/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
            return EDGE_BUNDLE;
          })
        : (async () => {
            const outfile = join('bench/servers/dist', `${basename(entry, '.ts')}.js`);
            await build({
              entryPoints: [join(REPO_ROOT, entry)],
              outfile: join(REPO_ROOT, outfile),
              bundle: true,
              packages: 'external',
              platform: 'node',
              format: 'esm',
              target: 'node20',
              sourcemap: true,
              logLevel: 'warning',
            });
            return outfile;
          })();
    builds.set(entry, out);
  }
  return out;
}

/**
 * Starts server entries (`[entry, ...args]`, TypeScript paths from the repository root) as built
 * JavaScript on free loopback ports against one bench database, stdout discarded, and remembers
 * them so the benchmark can stop them all at the end. `nodeFlags` go to node (e.g. `--cpu-prof`).
 */
export function serverStarter(databaseUrl: string, servers: ServerProcess[]) {
  return async (
    [entry, ...args]: string[],
    env: Record<string, string>,
    nodeFlags: string[] = [],
  ): Promise<ServerProcess> => {
    const script = await builtEntry(entry!);
    const port = await freePort();
    const server = await startServer({
      command: process.execPath,
      args: ['--enable-source-maps', ...nodeFlags, script, ...args],
      port,
      env: { ...env, PORT: String(port), DATABASE_URL: databaseUrl },
      discardStdout: true,
    });
    servers.push(server);
    return server;
  };
}
