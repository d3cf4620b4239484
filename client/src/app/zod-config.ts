// zod 4 probes `new Function` to decide on JIT compilation; under our CSP (no 'unsafe-eval') that
// logs an error on every page. zod keeps its global config on `globalThis.__zod_globalConfig` and
// adopts an object already there, so setting it here turns JIT off without putting zod (≈55 kB gzip)
// into the shell. Imported first by main.tsx, so it runs before any schema chunk loads.
const g = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
g.__zod_globalConfig = { ...g.__zod_globalConfig, jitless: true };
