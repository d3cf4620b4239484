/**
 * Side-by-side peer: `@hocuspocus/server` 4.7 with no extensions (in memory, no auth; with a
 * persistence extension it would still relay first and store after a debounce). PORT from the
 * environment; prints "listening" when ready.
 */
import { Server } from '@hocuspocus/server';

const server = new Server({ port: Number(process.env.PORT ?? 0), address: '127.0.0.1', quiet: true });
await server.listen();
console.log('listening');
