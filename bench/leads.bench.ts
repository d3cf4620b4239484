import { newId } from '@mandap/shared/common';
import { commitBatch } from '../edge/src/features/imports/import-commit.service.ts';
import { checkBatch, stageFile } from '../edge/src/features/imports/imports.service.ts';
import { bearerFor, insertMany, measureRequests, onSeededEdge, openBenchDeps, p95Notes } from './lib/edge-bench.ts';
import type { BenchReport } from './lib/report.ts';

/**
 * Leads at scale.
 *  1. GET /api/leads (page of 50 with the total) over 100k leads, served by the full app
 *     (edge/src/node.ts, built) as a child process: without a filter vs with stage+source, and with
 *     temperature+budget sorted by budget. p50/p95/p99 from per-request timings at a fixed
 *     concurrency; the ratio column compares each to the unfiltered list.
 *  2. The dashboard's counts (GET /api/leads/counts) and a board column (GET /api/leads?stage=…
 *     &limit=50, whose total is the column's count) over the same leads: p95.
 *  3. Imports of 10k and 50k CSV rows through the import services into that database: the
 *     file staged, the dry run, the commit; wall time of each and SQL statements per row
 *     (every statement the libSQL client executes, counted on the client).
 * Env: BENCH_LEADS (100000), BENCH_REQUESTS (400 per variant), BENCH_CONCURRENCY (4),
 * BENCH_IMPORT_ROWS ("10000,50000").
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const STAGES = ['new', 'contacted', 'brief_captured', 'meeting_scheduled', 'quote_sent', 'negotiation', 'lost'];
const SOURCES = ['meta_ads', 'google_ads', 'wedmegood', 'website', 'referral', 'walk_in', 'manual'];
const TEMPS = ['hot', 'warm', 'cold'];
const IMPORT_SIZES = (process.env.BENCH_IMPORT_ROWS ?? '10000,50000').split(',').map(Number);

async function seed(url: string) {
  const deps = await openBenchDeps(url);
  const t0 = performance.now();
  const base = Date.parse('2026-01-01T00:00:00Z');
  await insertMany(deps.db.$client, LEADS, (k) => {
    const at = new Date(base + k * 60_000).toISOString();
    return {
      sql: `INSERT INTO leads (id, code, name, phone, source, stage, temperature, budget_max_minor, budget_currency, is_destination, event_date_from, attribution, created_at, updated_at)
                  VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'INR', 0, ?, ?, ?, ?)`,
      args: [
        newId(),
        `LD-BENCH-${String(k).padStart(6, '0')}`,
        `Bench Lead ${k}`,
        `+9190${String(k).padStart(8, '0')}`,
        SOURCES[k % SOURCES.length]!,
        STAGES[Math.floor(k / 7) % STAGES.length]!,
        TEMPS[k % 3]!,
        ((k * 7919) % 150) * 100_000_00,
        new Date(base + (k % 365) * 86_400_000).toISOString().slice(0, 10),
        // Every fifth lead came from a campaign (20 of them), for the campaign filter.
        k % 5 === 0
          ? JSON.stringify({ utmSource: k % 2 ? 'instagram' : 'google', utmCampaign: `Campaign ${k % 20}` })
          : null,
        at,
        at,
      ],
    };
  });
  const seedSeconds = (performance.now() - t0) / 1000;
  return { deps, seedSeconds };
}

type Counted = { execute: (...a: unknown[]) => unknown; batch: (stmts: unknown[], ...rest: unknown[]) => unknown };

/** Counts every SQL statement the libSQL client runs (lone, batched and inside transactions). */
function countStatements(client: Counted & { transaction: (...a: unknown[]) => Promise<Counted> }) {
  let n = 0;
  const wrap = (o: Counted) => {
    const execute = o.execute.bind(o);
    const batch = o.batch.bind(o);
    o.execute = (...a) => {
      n++;
      return execute(...a);
    };
    o.batch = (stmts, ...rest) => {
      n += stmts.length;
      return batch(stmts, ...rest);
    };
  };
  wrap(client);
  const transaction = client.transaction.bind(client);
  client.transaction = async (...a) => {
    const tx = await transaction(...a);
    wrap(tx);
    return tx;
  };
  return {
    take: () => {
      const seen = n;
      n = 0;
      return seen;
    },
  };
}

const FIRST = [
  'Aarav',
  'Diya',
  'Kabir',
  'Meera',
  'Rohan',
  'Ananya',
  'Vikram',
  'Ishita',
  'Arjun',
  'Sana',
  'Farhan',
  'Pooja',
];
const LAST = ['Shah', 'Iyer', 'Kapoor', 'Mehta', 'Nair', 'Khan', 'Reddy', 'Joshi', 'Gill', 'Das', 'Patil', 'Menon'];
const FREE_MAIL = ['gmail.com', 'yahoo.co.in', 'outlook.com', 'rediffmail.com', 'hotmail.com'];

/**
 * One import of `rows` generated CSV rows: stage, dry run, commit. Each run has its own phones,
 * emails at free mail providers (whose domain says nothing, as most enquiries' do) and names
 * that differ per row, so no row of a later run looks like a possible duplicate of an earlier
 * run's lead; a run that still finds some says so instead of committing half.
 */
async function timeImport(deps: Awaited<ReturnType<typeof seed>>['deps'], rows: number, run: number) {
  const counter = countStatements(deps.db.$client as never);
  const lines = ['Name,Mobile,Email,Event date,Status,Budget'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} R${run}N${i},9${run}${String(i).padStart(8, '0')},guest${run}.${i}@${FREE_MAIL[i % FREE_MAIL.length]},${String((i % 28) + 1).padStart(2, '0')}/12/2026,${['New', 'Hot', 'Contacted'][i % 3]},${(i % 90) + 5}-${(i % 90) + 8} lakh`,
    );
  const bytes = new TextEncoder().encode(lines.join('\r\n'));
  counter.take();
  const actor = { actorId: null };
  const t0 = performance.now();
  const staged = await stageFile(deps, { fileName: `bench-${rows}.csv`, sheet: null, bytes }, actor);
  const stageS = [(performance.now() - t0) / 1000, counter.take()] as const;
  const t1 = performance.now();
  const checked = await checkBatch(deps, staged.id, staged.mapping as never);
  const checkS = [(performance.now() - t1) / 1000, counter.take()] as const;
  const c = checked.counts!;
  if (c.review > 0 || c.toCreate !== rows)
    throw new Error(
      `import ${rows}: the dry run promised ${c.toCreate} of ${rows} rows (${c.review} possible duplicates, ${c.duplicate} duplicates, ${c.error} refused): the bench data is not distinct`,
    );
  const t2 = performance.now();
  const done = await commitBatch(
    deps,
    staged.id,
    { mapping: checked.mapping as never, expect: { create: checked.counts!.toCreate, merge: 0 } },
    actor,
  );
  const commitS = [(performance.now() - t2) / 1000, counter.take()] as const;
  const per = (n: number) => (n / rows).toFixed(3);
  return [
    `import ${rows.toLocaleString('en-IN')} rows: stage ${stageS[0].toFixed(2)} s (${per(stageS[1])} statements/row), dry run ${checkS[0].toFixed(2)} s (${per(checkS[1])}/row), commit ${commitS[0].toFixed(2)} s (${per(commitS[1])}/row); ${done.counts!.created.toLocaleString('en-IN')} created`,
  ];
}

export async function run(): Promise<BenchReport> {
  return onSeededEdge('leads', seed, async (server, { deps, seedSeconds }) => {
    const headers = await bearerFor(server.url, 'sales@mandap.demo');
    const load = { requests: REQUESTS, concurrency: CONCURRENCY };
    const measure = (label: string, url: string) => measureRequests(label, url, headers, load);
    const api = `${server.url}/api/leads?limit=50`;
    const variants = [
      await measure('no filter', api),
      await measure('stage+source', `${api}&stage=contacted&source=meta_ads`),
      await measure('temp+budget, by budget', `${api}&temperature=hot&budgetMin=10000000000&sort=budget`),
      await measure('dashboard counts', `${server.url}/api/leads/counts`),
      await measure('board column (negotiation)', `${api}&stage=negotiation`),
      await measure('campaign filter', `${api}&campaign=${encodeURIComponent('Campaign 7')}`),
    ];
    const imported: string[] = [];
    for (const [k, n] of IMPORT_SIZES.entries()) imported.push(...(await timeImport(deps, n, k + 1)));
    deps.db.$client.close();
    return {
      name: `leads: list, dashboard counts and board column over ${LEADS.toLocaleString('en-IN')} leads; imports of ${IMPORT_SIZES.join(' and ')} rows`,
      settings: { leads: LEADS, requestsPerVariant: REQUESTS, concurrency: CONCURRENCY },
      variants,
      notes: [
        ...p95Notes(variants, 'no filter'),
        `seeding ${LEADS} leads by raw batched INSERTs took ${seedSeconds.toFixed(1)} s`,
        ...imported,
      ],
    };
  });
}
