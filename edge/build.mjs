// Builds the edge's Node entry to JavaScript (dist/node.js), so `npm start` runs no TypeScript loader.
// Our own code (edge/src and @mandap/shared, which ships as TypeScript) is bundled; every npm
// dependency of the two stays external and is loaded from node_modules as usual, so native
// (@libsql/client) and file-reading (@expo-google-fonts) packages behave exactly as in development.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const deps = (path) => Object.keys(JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')).dependencies ?? {});
const external = [...new Set([...deps('./package.json'), ...deps('../shared/package.json')])].filter(
  (name) => name !== '@mandap/shared',
);

await build({
  entryPoints: [new URL('./src/node.ts', import.meta.url).pathname],
  outfile: new URL('./dist/node.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
});
