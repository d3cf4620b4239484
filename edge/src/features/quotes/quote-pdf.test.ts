import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amountInWords, formatMoney } from '@mandap/shared/money';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support.ts';
import { createQuote, firstId, sendQuote, tokenOf, weddingDraft } from './quote-test-kit.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(() => t.cleanup());

function pdfText(bytes: Uint8Array, name: string): string {
  const file = join(t.dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  // Page 1 as PNG, kept for a person to look at.
  const shots = process.env.QUOTE_PDF_SHOTS ?? '/tmp/shots-quotes';
  mkdirSync(shots, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, join(shots, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

describe('quotation PDF', () => {
  it('prints ₹ amounts, the totals, the tax split and the total in Indian words', async () => {
    const sales = await t.login('sales@mandap.demo');
    const q = await createQuote(t, sales.auth, { leadId: await firstId(t, 'leads'), ...weddingDraft() });
    const res = await t.json('GET', `/api/quotes/${q.quote.id}/versions/1/pdf`, undefined, sales.auth);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const text = pdfText(bytes, 'quote-intra');
    const totals = q.current.totals;
    expect(text).toContain('Gulmohar Events Pvt Ltd');
    expect(text).toContain('GSTIN 27AAHCG4821K1ZF');
    expect(text).toContain(`${q.quote.code} · v1`);
    expect(text).toContain('₹');
    expect(text).toContain(formatMoney({ amountMinor: totals.totalMinor, currency: 'INR' }));
    expect(text).toContain(formatMoney({ amountMinor: totals.cgstMinor, currency: 'INR' }));
    expect(text).toMatch(/CGST[\s\S]*SGST/);
    const words = amountInWords({ amountMinor: totals.totalMinor, currency: 'INR' });
    expect(text.replace(/\s+/g, ' ')).toContain(words);
    expect(text).toContain('UPI gulmoharevents@hdfcbank');
    expect(text).toContain('Mandap and stage décor');
  });

  it('a 200-line quote runs across pages with page numbers; the share link serves the same PDF', async () => {
    const sales = await t.login('sales@mandap.demo');
    const lines = Array.from({ length: 200 }, (_, i) => ({
      category: (['decor', 'catering', 'logistics', 'entertainment'] as const)[i % 4]!,
      description: `Item ${i + 1}: marigold garland strings, brass urli and fairy lights`,
      quantity: (i % 7) + 1,
      rateMinor: 1_234_50 + i * 100,
    }));
    const q = await createQuote(t, sales.auth, {
      leadId: await firstId(t, 'leads'),
      ...weddingDraft({ lines, placeOfSupply: '07' }),
    });
    const sent = await sendQuote(t, sales.auth, q.quote.id);
    const res = await t.json('GET', `/api/public/quotes/${tokenOf(sent.share.url)}/pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(new Uint8Array(await res.arrayBuffer()), 'quote-200-lines');
    const pages = Number(/Page 1 of (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThan(3);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Item 200:');
    expect(text).toContain('IGST');
    expect(text).toMatch(/PLACE OF SUPPLY[\s\S]*Delhi \(07\)[\s\S]*IGST[\s\S]*Currency INR/);
    expect(text).not.toMatch(/CGST(?! Act)/);
    expect(text).toContain(formatMoney({ amountMinor: sent.current.totals.totalMinor, currency: 'INR' }));
  });
});
