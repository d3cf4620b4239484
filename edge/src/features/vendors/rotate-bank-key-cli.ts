import { openCliDb } from '../../db/cli-db.ts';
import { rotateBankKey } from './bank-crypto.ts';

/**
 * Key rotation for vendor bank details:
 *   VENDOR_BANK_KEY_PREVIOUS=<old> VENDOR_BANK_KEY=<new> npx tsx edge/src/features/vendors/rotate-bank-key-cli.ts
 * Deploy the server with both keys set first (it reads either), run this, then drop the old key.
 */
const from = process.env.VENDOR_BANK_KEY_PREVIOUS;
const to = process.env.VENDOR_BANK_KEY;
if (!from || !to || to.length < 32) {
  console.error('Set VENDOR_BANK_KEY_PREVIOUS (the old key) and VENDOR_BANK_KEY (the new key, 32+ characters).');
  process.exit(2);
}
const { db, where } = await openCliDb();
try {
  const r = await rotateBankKey(db, from, to);
  console.log(`${where}: re-encrypted ${r.rotated} vendor(s); ${r.alreadyCurrent} already under the new key.`);
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exitCode = 1;
} finally {
  db.$client.close();
}
