import type { jsPDF } from 'jspdf';
import type { CompanyProfile } from '../company/profile.ts';
import { amountInWords } from '../money/amount-in-words.ts';
import { type Currency, formatMoney } from '../money/money.ts';
import type { GstParts } from '../payments/tax-split.ts';
import {
  bankLines,
  drawBlocks,
  drawLetterhead,
  drawPageFooters,
  drawPairs,
  drawPlaceOfSupply,
  formatIstDate,
  lastTableY,
  PDF_STYLE,
  type PdfKit,
  startDocument,
} from './layout.ts';

const { brand: BRAND, ink: INK, muted: MUTED, font: FONT, margin: M } = PDF_STYLE;

/** A GST tax invoice or credit note, as printed. */
export interface TaxDocumentPdfInput {
  kind: 'invoice' | 'credit_note';
  number: string;
  issuedOn: string;
  company: CompanyProfile;
  buyer: { name: string; gstin: string | null; address: string | null };
  placeOfSupply: string | null;
  currency: Currency;
  /** What the document is for: "Advance (30%) · EV-2026-0012 Sharma wedding". */
  description: string;
  sac: string;
  parts: GstParts;
  /** Printed under the number: the event, quote or the invoice a credit note adjusts. */
  references: string[];
}

/** A receipt for money received. */
export interface ReceiptPdfInput {
  number: string;
  receivedOn: string;
  company: CompanyProfile;
  receivedFrom: string;
  eventLabel: string;
  modeLabel: string;
  reference: string | null;
  currency: Currency;
  amountMinor: number;
  /** INR equivalent for a foreign-currency receipt, with its rate. */
  inr: { amountMinor: number; rate: string } | null;
  allocations: { label: string; amountMinor: number }[];
}

function partyBlock(doc: jsPDF, title: string, lines: string[], y = 51): number {
  doc
    .setFont(FONT, 'bold')
    .setFontSize(8)
    .setTextColor(...MUTED)
    .text(title, M, y);
  doc
    .setFontSize(11)
    .setTextColor(...INK)
    .text(lines[0] ?? '', M, y + 6);
  doc.setFont(FONT, 'normal').setFontSize(8.5);
  doc.text(lines.slice(1), M, y + 11);
  return y + 11 + (lines.length - 1) * 4 + 4;
}

function totalBar(doc: jsPDF, label: string, value: string, y: number) {
  const w = doc.internal.pageSize.getWidth();
  const left = w - M - 75;
  doc.setFillColor(...BRAND).rect(left, y - 4.5, w - M - left, 8, 'F');
  doc.setFont(FONT, 'bold').setFontSize(10.5).setTextColor(255, 255, 255);
  doc.text(label, left + 2, y + 1);
  doc.text(value, w - M - 2, y + 1, { align: 'right' });
}

/** Draws a GST tax invoice or credit note and returns the PDF bytes. */
export function renderTaxDocumentPdf(kit: PdfKit, d: TaxDocumentPdfInput): ArrayBuffer {
  const doc = startDocument(kit, { title: d.number, author: d.company.legalName });
  const money = (m: number) => formatMoney({ amountMinor: m, currency: d.currency });
  const isInvoice = d.kind === 'invoice';
  drawLetterhead(doc, d.company, {
    title: isInvoice ? 'TAX INVOICE' : 'CREDIT NOTE',
    label: d.number,
    rows: [`Date ${formatIstDate(d.issuedOn)}`, ...d.references],
  });
  const buyer = [d.buyer.name];
  if (d.buyer.gstin) buyer.push(`GSTIN ${d.buyer.gstin}`);
  if (d.buyer.address) buyer.push(...doc.splitTextToSize(d.buyer.address, 100));
  const y = partyBlock(doc, isInvoice ? 'BILL TO' : 'ISSUED TO', buyer);
  const w = doc.internal.pageSize.getWidth();
  const regime = d.parts.igstMinor ? 'IGST' : d.parts.cgstMinor || d.parts.sgstMinor ? 'CGST + SGST' : 'No GST';
  drawPlaceOfSupply(doc, { placeOfSupply: d.placeOfSupply, regime, currency: d.currency });
  const { parts } = d;
  const intra = !parts.igstMinor;
  const num = (content: string) => ({ content, styles: { halign: 'right' as const } });
  const head = intra
    ? ['#', 'Description', 'SAC', num('Taxable value'), num('CGST'), num('SGST'), num('Amount')]
    : ['#', 'Description', 'SAC', num('Taxable value'), num('IGST'), num('Amount')];
  const row = intra
    ? ['1', d.description, d.sac, money(parts.taxableMinor), money(parts.cgstMinor), money(parts.sgstMinor)]
    : ['1', d.description, d.sac, money(parts.taxableMinor), money(parts.igstMinor)];
  kit.autoTable(doc, {
    startY: Math.max(y, 72),
    head: [head],
    body: [[...row, money(parts.totalMinor)]],
    theme: 'striped',
    margin: { left: M, right: M },
    styles: { font: FONT, fontSize: 8, cellPadding: 1.8, textColor: INK },
    headStyles: { fillColor: INK, textColor: 255, fontStyle: 'bold' },
    columnStyles: {
      0: { cellWidth: 7 },
      1: { cellWidth: 70 },
      3: { halign: 'right' },
      4: { halign: 'right' },
      5: { halign: 'right' },
      6: { halign: 'right', fontStyle: 'bold' },
    },
  });
  const rows: [string, string][] = [['Taxable value', money(parts.taxableMinor)]];
  if (parts.cgstMinor || parts.sgstMinor) rows.push(['CGST', money(parts.cgstMinor)], ['SGST', money(parts.sgstMinor)]);
  if (parts.igstMinor) rows.push(['IGST', money(parts.igstMinor)]);
  const ty = drawPairs(doc, rows, { x: w - M - 73, y: lastTableY(doc) + 8, valueX: w - M }) + 2;
  totalBar(doc, isInvoice ? 'Total' : 'Total credited', money(parts.totalMinor), ty);
  const words = amountInWords({ amountMinor: parts.totalMinor, currency: d.currency });
  drawBlocks(
    doc,
    [
      ['AMOUNT IN WORDS', doc.splitTextToSize(words, w - 2 * M)],
      ...(isInvoice ? [['PAYMENT DETAILS', bankLines(d.company)] as [string, string[]]] : []),
      [
        'DECLARATION',
        [
          isInvoice
            ? 'Tax is payable on this supply under reverse charge: No.'
            : 'This credit note reduces the taxable value and tax of the supply named above (section 34, CGST Act).',
        ],
      ],
    ],
    ty + 8,
  );
  drawPageFooters(doc, d.company, d.number);
  return doc.output('arraybuffer');
}

/** Draws a receipt for money received and returns the PDF bytes. */
export function renderReceiptPdf(kit: PdfKit, r: ReceiptPdfInput): ArrayBuffer {
  const doc = startDocument(kit, { title: r.number, author: r.company.legalName });
  const money = (m: number, currency: Currency = r.currency) => formatMoney({ amountMinor: m, currency });
  drawLetterhead(doc, r.company, { title: 'RECEIPT', label: r.number, rows: [`Date ${formatIstDate(r.receivedOn)}`] });
  const y = partyBlock(doc, 'RECEIVED FROM', [r.receivedFrom, r.eventLabel]);
  const w = doc.internal.pageSize.getWidth();
  const rows: [string, string][] = [
    ['Mode', r.modeLabel],
    ['Reference', r.reference || '—'],
    ['Received on', formatIstDate(r.receivedOn)],
  ];
  if (r.inr) rows.push(['INR equivalent', `${money(r.inr.amountMinor, 'INR')} at ${r.inr.rate}`]);
  const after = drawPairs(doc, rows, { x: M, y: y + 2, valueX: M + 40, align: 'left' });
  kit.autoTable(doc, {
    startY: after + 4,
    head: [['Applied to', { content: 'Amount', styles: { halign: 'right' } }]],
    body: r.allocations.map((a) => [a.label, money(a.amountMinor)]),
    theme: 'striped',
    margin: { left: M, right: M },
    styles: { font: FONT, fontSize: 8.5, cellPadding: 1.8, textColor: INK },
    headStyles: { fillColor: INK, textColor: 255, fontStyle: 'bold' },
    columnStyles: { 1: { halign: 'right' } },
  });
  const ty = lastTableY(doc) + 8;
  totalBar(doc, 'Amount received', money(r.amountMinor), ty);
  const words = amountInWords({ amountMinor: r.amountMinor, currency: r.currency });
  drawBlocks(
    doc,
    [
      ['AMOUNT IN WORDS', doc.splitTextToSize(words, w - 2 * M)],
      ['NOTE', ['This receipt acknowledges money received; the tax invoice is issued separately.']],
    ],
    ty + 8,
  );
  drawPageFooters(doc, r.company, r.number);
  return doc.output('arraybuffer');
}
