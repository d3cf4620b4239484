import type { jsPDF } from 'jspdf';
import type { UserOptions } from 'jspdf-autotable';
import type { CompanyProfile } from '../company/profile.ts';
import { amountInWords } from '../money/amount-in-words.ts';
import { formatMoney } from '../money/money.ts';
import { describePaymentTerm } from '../quotes/payment-terms.ts';
import type { QuoteVersionView } from '../quotes/schemas.ts';
import { QUOTE_CATEGORIES, TAX_CLASSES } from '../quotes/tax-classes.ts';
import {
  bankLines,
  drawBlocks,
  drawLetterhead,
  drawPageFooters,
  drawPlaceOfSupply,
  formatIstDate,
  lastTableY as lastY,
  PDF_STYLE,
  type PdfKit,
  startDocument,
} from './layout.ts';

/** The branded A4 quotation, drawn the same way in the browser (preview, download) and on the edge (share). */
export interface QuotePdfInput {
  code: string;
  clientName: string | null;
  company: CompanyProfile;
  version: Pick<
    QuoteVersionView,
    'version' | 'isChangeOrder' | 'status' | 'lines' | 'totals' | 'fx' | 'sentAt' | 'createdAt' | 'totalInrMinor'
  > & {
    draft: Pick<
      QuoteVersionView['draft'],
      | 'title'
      | 'currency'
      | 'buyerName'
      | 'buyerGstin'
      | 'buyerAddress'
      | 'placeOfSupply'
      | 'validUntil'
      | 'notes'
      | 'terms'
      | 'paymentTerms'
    >;
  };
}

const { brand: BRAND, ink: INK, muted: MUTED, font: FONT, margin: M } = PDF_STYLE;

const pct = (bp: number) => `${bp / 100}%`;

function header(doc: jsPDF, q: QuotePdfInput) {
  const v = q.version;
  const rows = [`Date ${formatIstDate(v.sentAt ?? v.createdAt)}`];
  if (v.draft.validUntil) rows.push(`Valid until ${formatIstDate(v.draft.validUntil)}`);
  if (v.status === 'draft') rows.push('DRAFT: not yet sent');
  drawLetterhead(doc, q.company, {
    title: 'QUOTATION',
    label: `${q.code} · v${v.version}${v.isChangeOrder ? ' · Change order' : ''}`,
    rows,
  });
}

function billTo(doc: jsPDF, q: QuotePdfInput): number {
  const d = q.version.draft;
  doc
    .setFont(FONT, 'bold')
    .setFontSize(8)
    .setTextColor(...MUTED)
    .text('QUOTATION FOR', M, 51);
  doc
    .setFontSize(11)
    .setTextColor(...INK)
    .text(d.buyerName || q.clientName || 'Client', M, 57);
  doc.setFont(FONT, 'normal').setFontSize(8.5);
  const lines = [d.title];
  if (d.buyerGstin) lines.push(`GSTIN ${d.buyerGstin}`);
  if (d.buyerAddress) lines.push(...doc.splitTextToSize(d.buyerAddress, 100));
  doc.text(lines, M, 62);
  const regime = { intra_state: 'CGST + SGST', inter_state: 'IGST', export: 'Export (zero-rated)' }[
    q.version.totals.regime
  ];
  drawPlaceOfSupply(doc, { placeOfSupply: d.placeOfSupply, regime, currency: d.currency });
  return 62 + lines.length * 4 + 4;
}

function lineRows(q: QuotePdfInput): UserOptions['body'] {
  const { lines, totals, draft } = q.version;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: draft.currency });
  const byKey = new Map(totals.lines.map((t) => [t.key, t]));
  const body: NonNullable<UserOptions['body']> = [];
  const order = Object.keys(QUOTE_CATEGORIES);
  const sorted = [...lines].sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  let category = '';
  let n = 0;
  for (const line of sorted) {
    if (line.category !== category) {
      category = line.category;
      body.push([
        {
          content: QUOTE_CATEGORIES[line.category],
          colSpan: 8,
          styles: { fontStyle: 'bold', fillColor: [251, 239, 240], textColor: BRAND },
        },
      ]);
    }
    const t = byKey.get(line.key)!;
    const cls = TAX_CLASSES[line.taxClass];
    const disc = t.lineDiscountMinor + t.quoteDiscountMinor;
    body.push([
      String(++n),
      `${line.description}\nSAC ${line.sac}`,
      line.unit === 'nos' ? String(line.quantity) : `${line.quantity} ${line.unit}`,
      money(line.rateMinor),
      disc ? `−${money(disc)}` : '—',
      money(t.taxableMinor),
      cls.kind === 'taxable' ? pct(cls.rateBp) : cls.kind === 'exempt' ? 'Exempt' : 'At actuals',
      money(t.totalMinor),
    ]);
  }
  return body;
}

function taxSummary(doc: jsPDF, kit: PdfKit, q: QuotePdfInput, y: number): number {
  const { totals, draft } = q.version;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: draft.currency });
  const intra = totals.regime === 'intra_state';
  const head = intra
    ? ['GST rate', 'Taxable value', 'CGST', 'SGST', 'Total tax']
    : ['GST rate', 'Taxable value', 'IGST', 'Total tax'];
  const body = totals.taxSummary.map((r) =>
    intra
      ? [pct(r.rateBp), money(r.taxableMinor), money(r.cgstMinor), money(r.sgstMinor), money(r.taxMinor)]
      : [pct(r.rateBp), money(r.taxableMinor), money(r.igstMinor), money(r.taxMinor)],
  );
  kit.autoTable(doc, {
    startY: y,
    head: [head],
    body,
    theme: 'grid',
    tableWidth: 100,
    margin: { left: M },
    styles: { font: FONT, fontSize: 7.5, cellPadding: 1.4 },
    headStyles: { fillColor: [236, 238, 240], textColor: INK, fontStyle: 'bold' },
    columnStyles: { 1: { halign: 'right' }, 2: { halign: 'right' }, 3: { halign: 'right' }, 4: { halign: 'right' } },
  });
  return lastY(doc);
}

function totalsBox(doc: jsPDF, q: QuotePdfInput, y: number): number {
  const { totals, draft, fx, totalInrMinor } = q.version;
  const money = (m: number) => formatMoney({ amountMinor: m, currency: draft.currency });
  const w = doc.internal.pageSize.getWidth();
  const rows: [string, string][] = [['Subtotal', money(totals.subtotalMinor)]];
  if (totals.discountMinor) rows.push(['Discount', `−${money(totals.discountMinor)}`]);
  if (totals.passThroughMinor) rows.push(['of which pass-through at actuals', money(totals.passThroughMinor)]);
  if (totals.regime === 'intra_state') {
    rows.push(['CGST', money(totals.cgstMinor)], ['SGST', money(totals.sgstMinor)]);
  } else if (totals.regime === 'inter_state') rows.push(['IGST', money(totals.igstMinor)]);
  if (totals.taxRoundingMinor)
    rows.push([
      'Tax rounding (s.170 CGST Act)',
      `${totals.taxRoundingMinor > 0 ? '+' : '−'}${money(Math.abs(totals.taxRoundingMinor))}`,
    ]);
  const x = w - M - 72;
  const boxLeft = x - 3;
  doc.setFontSize(8.5);
  rows.forEach(([k, v], i) => {
    doc
      .setFont(FONT, 'normal')
      .setTextColor(...MUTED)
      .text(k, x, y + 5 + i * 5);
    doc.setTextColor(...INK).text(v, w - M, y + 5 + i * 5, { align: 'right' });
  });
  const ty = y + 5 + rows.length * 5 + 2;
  doc.setFillColor(...BRAND).rect(boxLeft, ty - 4.5, w - M - boxLeft, 8, 'F');
  doc.setFont(FONT, 'bold').setFontSize(10.5).setTextColor(255, 255, 255);
  doc.text('Total', x - 1, ty + 1);
  doc.text(money(totals.totalMinor), w - M - 2, ty + 1, { align: 'right' });
  let after = ty + 8;
  if (fx && draft.currency !== 'INR') {
    doc
      .setFont(FONT, 'normal')
      .setFontSize(7.5)
      .setTextColor(...MUTED);
    const inr = formatMoney({ amountMinor: totalInrMinor, currency: 'INR' });
    doc.text(
      `≈ ${inr} at ${fx.rate} INR per ${fx.base} (${fx.source === 'manual' ? 'manual rate' : 'ExchangeRate-API'}, ${formatIstDate(fx.asOf)})`,
      w - M,
      after,
      { align: 'right' },
    );
    after += 5;
  }
  return after;
}

function footerBlocks(doc: jsPDF, q: QuotePdfInput, y: number) {
  const w = doc.internal.pageSize.getWidth();
  const { company, version } = q;
  const words = amountInWords({ amountMinor: version.totals.totalMinor, currency: version.draft.currency });
  const blocks: [string, string[]][] = [
    ['AMOUNT IN WORDS', doc.splitTextToSize(words, w - 2 * M)],
    ['PAYMENT DETAILS', bankLines(company)],
    ['TERMS', doc.splitTextToSize(version.draft.terms || company.defaultTerms, w - 2 * M)],
  ];
  const schedule = version.draft.paymentTerms ?? [];
  if (schedule.length > 0)
    blocks.splice(2, 0, ['PAYMENT SCHEDULE', schedule.map((t) => `${t.label}: ${describePaymentTerm(t)}`)]);
  if (version.draft.notes) blocks.push(['NOTES', doc.splitTextToSize(version.draft.notes, w - 2 * M)]);
  drawBlocks(doc, blocks, y);
}

/** Draws the quotation and returns the PDF bytes. */
export function renderQuotePdf(kit: PdfKit, q: QuotePdfInput): ArrayBuffer {
  const doc = startDocument(kit, { title: `${q.code} v${q.version.version}`, author: q.company.legalName });
  header(doc, q);
  const startY = billTo(doc, q);
  kit.autoTable(doc, {
    startY,
    head: [['#', 'Description', 'Qty', 'Rate', 'Discount', 'Taxable', 'GST', 'Amount incl. GST']],
    body: lineRows(q),
    theme: 'striped',
    margin: { left: M, right: M, top: 16, bottom: 16 },
    styles: { font: FONT, fontSize: 7.5, cellPadding: 1.5, textColor: INK, overflow: 'linebreak' },
    headStyles: { fillColor: INK, textColor: 255, fontStyle: 'bold' },
    alternateRowStyles: { fillColor: [250, 250, 250] },
    columnStyles: {
      0: { cellWidth: 7 },
      1: { cellWidth: 62 },
      2: { halign: 'right' },
      3: { halign: 'right' },
      4: { halign: 'right' },
      5: { halign: 'right' },
      6: { halign: 'center' },
      7: { halign: 'right', fontStyle: 'bold' },
    },
    showHead: 'everyPage',
  });
  let y = lastY(doc) + 6;
  const h = doc.internal.pageSize.getHeight();
  if (y + 50 > h - 16) {
    doc.addPage();
    y = 20;
  }
  const afterTax = q.version.totals.taxSummary.length ? taxSummary(doc, kit, q, y) : y;
  const afterTotals = totalsBox(doc, q, y);
  footerBlocks(doc, q, Math.max(afterTax, afterTotals) + 4);
  drawPageFooters(doc, q.company, `${q.code} v${q.version.version}`);
  return doc.output('arraybuffer');
}
