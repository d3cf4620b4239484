import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type BenchModule, type BenchReport, formatReport } from './lib/report.ts';

/**
 * `npm run bench [name-filter]`: runs every bench/*.bench.ts one after another (never in
 * parallel: they would fight for the same two cores), prints a table per benchmark and
 * writes all figures to bench/results/<timestamp>.json (gitignored).
 */
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(benchDir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) throw new Error(`no bench/*.bench.ts matches "${filter}"`);

const reports: BenchReport[] = [];
for (const file of files) {
  console.log(`running ${file} ...`);
  const mod = (await import(pathToFileURL(join(benchDir, file)).href)) as BenchModule;
  const report = await mod.run();
  reports.push(report);
  console.log(`\n${formatReport(report)}\n`);
}

const resultsDir = join(benchDir, 'results');
mkdirSync(resultsDir, { recursive: true });
const out = join(resultsDir, `${new Date().toISOString().replaceAll(':', '-')}.json`);
const machine = { node: process.version, cpus: availableParallelism(), platform: process.platform };
writeFileSync(out, `${JSON.stringify({ machine, reports }, null, 2)}\n`);
console.log(`figures written to ${out}`);
