import { freePort, localBin, type ServerProcess, startServer } from '../../edge/src/testing/server-process.ts';

/**
 * Starts TypeScript server entries (tsx) on free loopback ports against one bench database,
 * stdout discarded, and remembers them so the benchmark can stop them all at the end.
 */
export function serverStarter(databaseUrl: string, servers: ServerProcess[]) {
  const tsx = localBin('tsx');
  return async (args: string[], env: Record<string, string>): Promise<ServerProcess> => {
    const port = await freePort();
    const server = await startServer({
      command: tsx,
      args,
      port,
      env: { ...env, PORT: String(port), DATABASE_URL: databaseUrl },
      discardStdout: true,
    });
    servers.push(server);
    return server;
  };
}
