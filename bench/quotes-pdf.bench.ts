import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEMO_COMPANY } from '@mandap/shared/company';
import { type QuotePdfInput, renderQuotePdf } from '@mandap/shared/pdf';
import { computeQuoteTotals, gstRegime, type QuoteLine } from '@mandap/shared/quotes';
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import type { BenchReport } from './lib/report.ts';
import { timeInterleaved } from './lib/timing.ts';

/**
 * Server-side PDF of a quotation (jsPDF + autoTable + embedded Noto Sans for ₹), the code
 * path behind GET /api/quotes/:id/versions/:n/pdf. Baseline: 20 lines (one page); variant:
 * 200 lines (about 10 pages). Fonts are read once, as on the edge.
 * Env: BENCH_ROUNDS (3), BENCH_REPS (5) per round.
 */
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const reps = Number(process.env.BENCH_REPS ?? 5);

const require = createRequire(import.meta.url);
const font = (w: string) =>
  readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${w}/NotoSans_${w}.ttf`)).toString('base64');
const fonts = { regular: font('400Regular'), bold: font('700Bold') };

function quote(n: number): QuotePdfInput {
  const lines: QuoteLine[] = Array.from({ length: n }, (_, i) => ({
    key: `l${i}`,
    category: (['decor', 'catering', 'entertainment', 'logistics'] as const)[i % 4]!,
    description: `Item ${i + 1}: marigold strings, brass urli and fairy lights`,
    sac: '998596',
    unit: 'nos',
    quantity: (i % 7) + 1,
    rateMinor: 1_234_50 + i * 100,
    taxClass: 'gst_18',
  }));
  const totals = computeQuoteTotals({
    currency: 'INR',
    lines,
    regime: gstRegime('27', '27'),
    rounding: 'nearest_rupee',
  });
  return {
    code: 'QT/2026-27/0042',
    clientName: 'Riya Malhotra',
    company: DEMO_COMPANY,
    version: {
      version: 2,
      isChangeOrder: false,
      status: 'sent',
      lines,
      totals,
      fx: null,
      totalInrMinor: totals.totalMinor,
      sentAt: '2026-11-21T10:00:00.000Z',
      createdAt: '2026-11-21T09:00:00.000Z',
      draft: {
        title: 'Malhotra wedding, Juhu',
        currency: 'INR',
        buyerName: null,
        buyerGstin: null,
        buyerAddress: null,
        placeOfSupply: '27',
        validUntil: '2026-12-31',
        notes: null,
        terms: null,
      },
    },
  };
}

export async function run(): Promise<BenchReport> {
  const kit = { jsPDF, autoTable, fonts };
  const small = quote(20);
  const large = quote(200);
  const sizes = { small: renderQuotePdf(kit, small).byteLength, large: renderQuotePdf(kit, large).byteLength };
  const variants = timeInterleaved(
    [
      { label: '20 lines', op: () => renderQuotePdf(kit, small) },
      { label: '200 lines', op: () => renderQuotePdf(kit, large) },
    ],
    { rounds, reps, warmup: 1 },
  );
  return {
    name: 'quotation PDF (server side)',
    settings: { rounds, reps },
    variants,
    notes: [
      'requests/s here = PDFs rendered per second; p50/p99 ms = one PDF',
      `PDF size: 20 lines ${(sizes.small / 1024).toFixed(0)} KB, 200 lines ${(sizes.large / 1024).toFixed(0)} KB (Noto Sans regular + bold embedded)`,
    ],
  };
}
