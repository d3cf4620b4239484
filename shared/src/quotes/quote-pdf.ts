import type { jsPDF } from 'jspdf';
import type { UserOptions } from 'jspdf-autotable';
import { formatMoney } from '../money.ts';
import type { QuoteVersionView } from '../schemas/quotes.ts';
import { amountInWords } from './amount-in-words.ts';
import type { CompanyProfile } from './company.ts';
import { GST_STATES } from './gst.ts';
import { QUOTE_CATEGORIES, TAX_CLASSES } from './tax-classes.ts';

/**
 * The branded A4 quotation, drawn the same way in the browser (preview, download) and on
 * the edge (share). The caller passes jsPDF, autoTable and the Noto Sans TTFs (base64):
 * the built-in PDF fonts have no ₹ sign.
 */
export interface PdfKit {
  jsPDF: typeof jsPDF;
  autoTable: (doc: jsPDF, options: UserOptions) => void;
  fonts: { regular: string; bold: string };
}

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
    >;
  };
}

const BRAND: [number, number, number] = [122, 31, 43]; // the app's maroon
const INK: [number, number, number] = [33, 37, 41];
const MUTED: [number, number, number] = [110, 117, 125];
const FONT = 'NotoSans';
const M = 14; // page margin, mm

/** dd/mm/yyyy in Asia/Kolkata. */
export function formatIstDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00+05:30` : iso);
  return d.toLocaleDateString('en-GB', { timeZone: 'Asia/Kolkata' });
}

const pct = (bp: number) => `${bp / 100}%`;

/** Draws the company's logo fitted into a 16 mm square at the top left; false when the image cannot be read. */
function drawLogo(doc: jsPDF, dataUrl: string): boolean {
  const box = 16;
  try {
    const { width, height } = doc.getImageProperties(dataUrl);
    const scale = box / Math.max(width, height);
    const [w, h] = [width * scale, height * scale];
    const format = dataUrl.startsWith('data:image/png') ? 'PNG' : 'JPEG';
    doc.addImage(dataUrl, format, M + (box - w) / 2, 14 + (box - h) / 2, w, h);
    return true;
  } catch {
    return false;
  }
}

function header(doc: jsPDF, q: QuotePdfInput) {
  const w = doc.internal.pageSize.getWidth();
  const { company } = q;
  if (!(company.logoDataUrl && drawLogo(doc, company.logoDataUrl))) {
    // No logo (or an unreadable one): a gulmohar-red roundel with the initial.
    doc.setFillColor(...BRAND);
    doc.circle(M + 8, 22, 8, 'F');
    doc.setFont(FONT, 'bold').setFontSize(16).setTextColor(255, 255, 255);
    doc.text(company.tradeName.charAt(0), M + 8, 25.5, { align: 'center' });
  }
  doc
    .setFont(FONT, 'bold')
    .setTextColor(...INK)
    .setFontSize(14)
    .text(company.legalName, M + 20, 18);
  doc
    .setFont(FONT, 'normal')
    .setFontSize(8)
    .setTextColor(...MUTED);
  doc.text([...company.address, `${company.phone} · ${company.email}`], M + 20, 23);
  doc.setTextColor(...INK).text(`GSTIN ${company.gstin} · PAN ${company.pan}`, M + 20, 39.5);

  const v = q.version;
  doc
    .setFont(FONT, 'bold')
    .setFontSize(18)
    .setTextColor(...BRAND)
    .text('QUOTATION', w - M, 19, { align: 'right' });
  doc.setFontSize(9).setTextColor(...INK);
  const label = `${q.code} · v${v.version}${v.isChangeOrder ? ' · Change order' : ''}`;
  doc.text(label, w - M, 25, { align: 'right' });
  doc.setFont(FONT, 'normal').setTextColor(...MUTED);
  const dated = formatIstDate(v.sentAt ?? v.createdAt);
  const rows = [`Date ${dated}`];
  if (v.draft.validUntil) rows.push(`Valid until ${formatIstDate(v.draft.validUntil)}`);
  if (v.status === 'draft') rows.push('DRAFT: not yet sent');
  doc.text(rows, w - M, 30, { align: 'right' });
  doc
    .setDrawColor(...BRAND)
    .setLineWidth(0.6)
    .line(M, 44, w - M, 44);
}

function billTo(doc: jsPDF, q: QuotePdfInput): number {
  const d = q.version.draft;
  const w = doc.internal.pageSize.getWidth();
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
  const state = GST_STATES[d.placeOfSupply];
  const regime = { intra_state: 'CGST + SGST', inter_state: 'IGST', export: 'Export (zero-rated)' }[
    q.version.totals.regime
  ];
  doc
    .setFont(FONT, 'bold')
    .setFontSize(8)
    .setTextColor(...MUTED)
    .text('PLACE OF SUPPLY', w - M, 51, { align: 'right' });
  doc
    .setFont(FONT, 'normal')
    .setFontSize(9)
    .setTextColor(...INK);
  doc.text([`${state} (${d.placeOfSupply})`, regime, `Currency ${d.currency}`], w - M, 57, { align: 'right' });
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
      `${line.quantity} ${line.unit}`,
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

function lastY(doc: jsPDF): number {
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
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
  const h = doc.internal.pageSize.getHeight();
  const { company, version } = q;
  const words = amountInWords({ amountMinor: version.totals.totalMinor, currency: version.draft.currency });
  const blocks: [string, string[]][] = [
    ['AMOUNT IN WORDS', doc.splitTextToSize(words, w - 2 * M)],
    [
      'PAYMENT DETAILS',
      [
        `${company.bank.accountName} · ${company.bank.bankName}, ${company.bank.branch}`,
        `A/c ${company.bank.accountNumber} · IFSC ${company.bank.ifsc} · UPI ${company.upiId}`,
      ],
    ],
    ['TERMS', doc.splitTextToSize(version.draft.terms || company.defaultTerms, w - 2 * M)],
  ];
  if (version.draft.notes) blocks.push(['NOTES', doc.splitTextToSize(version.draft.notes, w - 2 * M)]);
  let cy = y + 4;
  for (const [title, text] of blocks) {
    const need = 5 + text.length * 3.8;
    if (cy + need > h - 16) {
      doc.addPage();
      cy = 20;
    }
    doc
      .setFont(FONT, 'bold')
      .setFontSize(7.5)
      .setTextColor(...MUTED)
      .text(title, M, cy);
    doc
      .setFont(FONT, 'normal')
      .setFontSize(8.5)
      .setTextColor(...INK)
      .text(text, M, cy + 4.5);
    cy += need + 3;
  }
}

function pageFooters(doc: jsPDF, q: QuotePdfInput) {
  const w = doc.internal.pageSize.getWidth();
  const h = doc.internal.pageSize.getHeight();
  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    doc
      .setFont(FONT, 'normal')
      .setFontSize(7)
      .setTextColor(...MUTED);
    doc.text(`${q.company.legalName} · ${q.company.website}`, M, h - 8);
    doc.text(`${q.code} v${q.version.version} · Page ${p} of ${pages}`, w - M, h - 8, { align: 'right' });
  }
}

/** Draws the quotation and returns the PDF bytes. */
export function renderQuotePdf(kit: PdfKit, q: QuotePdfInput): ArrayBuffer {
  const doc = new kit.jsPDF({ unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('NotoSans-Regular.ttf', kit.fonts.regular);
  doc.addFont('NotoSans-Regular.ttf', FONT, 'normal');
  doc.addFileToVFS('NotoSans-Bold.ttf', kit.fonts.bold);
  doc.addFont('NotoSans-Bold.ttf', FONT, 'bold');
  doc.setProperties({ title: `${q.code} v${q.version.version}`, author: q.company.legalName });
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
  pageFooters(doc, q);
  return doc.output('arraybuffer');
}
