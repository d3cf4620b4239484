import { createDb } from '../../db/client.ts';
import { checkLedger } from './ledger-check.ts';

/** `npm run ledger:check`: recomputes the books of DATABASE_URL and exits 1 on any mismatch. */
const url = process.env.DATABASE_URL ?? 'file:data/mandap.db';
const db = await createDb(url, process.env.DATABASE_AUTH_TOKEN);
const report = await checkLedger(db);
console.log(`checked ${report.entries} journal entries and ${report.payments} payments in ${url}`);
for (const m of report.mismatches) console.log(`MISMATCH ${m.kind} ${m.id}: ${m.detail}`);
console.log(
  report.mismatches.length === 0
    ? 'ledger OK: every entry balances and every balance recomputes'
    : `${report.mismatches.length} mismatch(es)`,
);
db.$client.close();
process.exit(report.mismatches.length === 0 ? 0 : 1);
