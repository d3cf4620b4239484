// The log's worker thread from the source tree (tests, `tsx src/main.ts`): log-worker.ts through
// tsx's loader, which a worker thread does not inherit on Node 20. Production runs
// dist/log-worker.js, built from log-worker.ts (package.json "build"), and never loads this file.
import { register } from 'tsx/esm/api';

register();
await import('./log-worker.ts');
