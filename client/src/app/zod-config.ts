import { z } from 'zod';

// zod 4 probes `new Function` to decide on JIT compilation; under our CSP (no 'unsafe-eval') that
// logs an error on every page. Imported first by main.tsx, so it runs before any schema is defined.
z.config({ jitless: true });
