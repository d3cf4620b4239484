import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp } from '../../test-support.ts';

export const BANK_KEY = 'vendor-bank-key-for-tests-only-0123456789';
export const NEW_BANK_KEY = 'the-rotated-vendor-bank-key-for-tests-9876543210';

/** The real app on a real libSQL file, with a bank key and every log line kept for inspection. */
export async function startVendorApp() {
  const files = mkdtempSync(join(tmpdir(), 'mandap-vendor-files-'));
  const t = await startTestApp({ VENDOR_BANK_KEY: BANK_KEY, LOG_LEVEL: 'debug', FILES_DIR: files });
  const lines: string[] = [];
  const keep = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    lines.push(JSON.stringify({ level, msg, ...fields }));
  t.deps.log = { debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
  const users = {
    admin: await t.login('admin@mandap.demo'),
    ops: await t.login('ops@mandap.demo'),
    finance: await t.login('finance@mandap.demo'),
    sales: await t.login('sales@mandap.demo'),
    manager: await t.login('manager@mandap.demo'),
    vendor: await t.login('vendor@mandap.demo'),
    client: await t.login('client@mandap.demo'),
  };
  return { ...t, users, logLines: lines };
}
export type VendorApp = Awaited<ReturnType<typeof startVendorApp>>;

/** Every row of every table as text: what a database dump would hold. */
export async function dumpDatabase(t: VendorApp): Promise<string> {
  const tables = await t.deps.db.$client.execute(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%'",
  );
  let out = '';
  for (const r of tables.rows) {
    const rows = await t.deps.db.$client.execute(`SELECT * FROM "${String(r.name)}"`);
    out += JSON.stringify(rows.rows);
  }
  return out;
}

export const goodVendor = {
  name: 'Shree Caterers',
  category: 'catering',
  city: 'Mumbai',
  gstin: '27AAPFU0939F1ZV',
  pan: 'AAPFU0939F',
  contacts: [{ name: 'Ramesh Shetty', phone: '+91 98200 55501', email: 'ramesh@shree.example' }],
  bank: { accountName: 'Shree Caterers', accountNumber: '50100987654321', ifsc: 'HDFC0001234', bankName: 'HDFC Bank' },
};
