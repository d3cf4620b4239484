import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { DEMO_COMPANY, MAX_LOGO_BYTES } from '@mandap/shared/company';
import { gstinCheckCharacter } from '@mandap/shared/quotes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { createQuote, firstId, weddingDraft } from './quote-test-kit.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

/** A solid-colour RGB PNG, as a data URL. */
function pngDataUrl(width: number, height: number, rgb: [number, number, number]): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const png = Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

const bengaluruGstin = `29AAHCG4821K1Z${gstinCheckCharacter('29AAHCG4821K1Z')}`;
const bengaluru = {
  ...DEMO_COMPANY,
  legalName: 'Gulmohar Events (Bengaluru) Pvt Ltd',
  gstin: bengaluruGstin,
  stateCode: '29',
  address: ['12 Residency Road', 'Bengaluru, Karnataka 560025'],
  logoDataUrl: pngDataUrl(64, 32, [122, 31, 43]),
};

describe('company settings', () => {
  it('serves the demo defaults, and only a super admin saves; quotes and the PDF then use the saved company', async () => {
    const sales = await t.login('sales@mandap.demo');
    const before = await (await t.json('GET', '/api/settings/company', undefined, sales.auth)).json();
    expect(before.company).toMatchObject({ legalName: 'Gulmohar Events Pvt Ltd', gstin: '27AAHCG4821K1ZF' });

    const manager = await t.login('manager@mandap.demo');
    expect((await t.json('PUT', '/api/settings/company', bengaluru, manager.auth)).status).toBe(403);
    const admin = await t.login('admin@mandap.demo');
    const saved = await t.json('PUT', '/api/settings/company', bengaluru, admin.auth);
    expect(saved.status).toBe(200);
    expect((await saved.json()).company).toMatchObject({ gstin: bengaluruGstin, stateCode: '29' });
    const audit = await t.deps.db.$client.execute("SELECT after FROM audit_log WHERE entity_type = 'company_settings'");
    expect(audit.rows.length).toBeGreaterThan(0);
    expect(String(audit.rows[0]!.after)).not.toContain('base64');

    // Supplier now in Karnataka, place of supply Maharashtra: IGST, not CGST + SGST.
    const q = await createQuote(t, sales.auth, { leadId: await firstId(t, 'leads'), ...weddingDraft() });
    expect(q.current.totals.taxSummary.every((r) => r.cgstMinor === 0 && r.sgstMinor === 0)).toBe(true);
    expect(q.current.totals.taxSummary.some((r) => r.igstMinor > 0)).toBe(true);
    expect(q.company.legalName).toBe(bengaluru.legalName);

    const pdf = await t.json('GET', `/api/quotes/${q.quote.id}/versions/1/pdf`, undefined, sales.auth);
    const file = join(t.dir, 'company.pdf');
    writeFileSync(file, new Uint8Array(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
    expect(text).toContain('Gulmohar Events (Bengaluru) Pvt Ltd');
    expect(text).toContain(`GSTIN ${bengaluruGstin}`);
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', file]).toString('utf8');
    expect(images).toMatch(/\b64\s+32\b/);
  });

  it('refuses a bad GSTIN, a state that does not match it, a bad IFSC and an oversized logo, changing nothing', async () => {
    const admin = await t.login('admin@mandap.demo');
    const put = async (over: Record<string, unknown>) => {
      const res = await t.json('PUT', '/api/settings/company', { ...DEMO_COMPANY, ...over }, admin.auth);
      expect(res.status).toBe(400);
      return JSON.stringify(await res.json());
    };
    expect(await put({ gstin: '27AAHCG4821K1ZG' })).toMatch(/checksum/);
    expect(await put({ stateCode: '29' })).toMatch(/state code must match/);
    expect(await put({ bank: { ...DEMO_COMPANY.bank, ifsc: 'HDFC240' } })).toMatch(/IFSC/);
    expect(await put({ logoDataUrl: 'data:image/gif;base64,R0lGODlhAQABAAAAACw=' })).toMatch(/PNG or JPEG/);
    const huge = `data:image/png;base64,${'A'.repeat(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 8)}`;
    expect(await put({ logoDataUrl: huge })).toMatch(/too large/);
    const rows = await t.deps.db.$client.execute('SELECT count(*) AS n FROM company_settings');
    const stored = await (await t.json('GET', '/api/settings/company', undefined, admin.auth)).json();
    expect(stored.company.gstin).toBe(DEMO_COMPANY.gstin);
    expect(Number(rows.rows[0]!.n)).toBeLessThanOrEqual(1);
  });
});
