import type { CompanyProfile } from '../company/profile.ts';
import { amountInWords } from '../money/amount-in-words.ts';
import { type Currency, formatMoney } from '../money/money.ts';
import type { PoLine } from '../vendors/schemas.ts';
import {
  drawBlocks,
  drawLetterhead,
  drawPageFooters,
  formatIstDate,
  lastTableY,
  PDF_STYLE,
  type PdfKit,
  startDocument,
} from './layout.ts';

export interface PoPdfInput {
  company: CompanyProfile;
  poNumber: string;
  poDate: string;
  vendor: { name: string; code: string; gstin: string | null; pan: string | null; city: string | null };
  event: { name: string; startDate: string; venue: string | null; city: string };
  scope: string;
  lines: readonly PoLine[];
  currency: Currency;
  amountMinor: number;
  terms: string | null;
  milestones: readonly { label: string; date: string }[];
  schedule: readonly { label: string; dueDate: string; amountMinor: number }[];
}

/** A purchase order, A4, in the house style (Noto Sans for the ₹ sign), the same in the browser and on the edge. */
export function renderPoPdf(kit: PdfKit, p: PoPdfInput): ArrayBuffer {
  const doc = startDocument(kit, { title: `Purchase order ${p.poNumber}`, author: p.company.legalName });
  drawLetterhead(doc, p.company, {
    title: 'PURCHASE ORDER',
    label: p.poNumber,
    rows: [`Date ${formatIstDate(p.poDate)}`, `Event ${formatIstDate(p.event.startDate)}`],
  });
  const money = (m: number) => formatMoney({ amountMinor: m, currency: p.currency });
  drawBlocks(
    doc,
    [
      [
        'TO',
        [
          `${p.vendor.name} (${p.vendor.code})${p.vendor.city ? `, ${p.vendor.city}` : ''}`,
          [p.vendor.gstin ? `GSTIN ${p.vendor.gstin}` : null, p.vendor.pan ? `PAN ${p.vendor.pan}` : null]
            .filter(Boolean)
            .join(' · ') || ' ',
        ],
      ],
      ['FOR', [`${p.event.name}, ${[p.event.venue, p.event.city].filter(Boolean).join(', ')}`]],
      ['SCOPE OF WORK', doc.splitTextToSize(p.scope, 180) as string[]],
    ],
    48,
  );
  kit.autoTable(doc, {
    startY: 88,
    head: [['#', 'Description', 'Qty', 'Rate', 'Amount']],
    body: p.lines.map((l, i) => [
      String(i + 1),
      l.description,
      String(l.quantity),
      money(l.unitMinor),
      money(l.quantity * l.unitMinor),
    ]),
    foot: [['', 'Total', '', '', money(p.amountMinor)]],
    styles: { font: PDF_STYLE.font, fontSize: 8.5 },
    headStyles: { fillColor: PDF_STYLE.brand, font: PDF_STYLE.font, fontStyle: 'bold' },
    footStyles: { fillColor: [245, 245, 245], textColor: PDF_STYLE.ink, font: PDF_STYLE.font, fontStyle: 'bold' },
    columnStyles: { 0: { cellWidth: 8 }, 2: { halign: 'right' }, 3: { halign: 'right' }, 4: { halign: 'right' } },
    margin: { left: PDF_STYLE.margin, right: PDF_STYLE.margin },
  });
  const blocks: [string, string[]][] = [
    ['AMOUNT IN WORDS', [amountInWords({ amountMinor: p.amountMinor, currency: p.currency })]],
  ];
  if (p.schedule.length)
    blocks.push([
      'PAYMENT SCHEDULE',
      p.schedule.map((s) => `${s.label}: ${money(s.amountMinor)} due ${formatIstDate(s.dueDate)}`),
    ]);
  if (p.milestones.length) blocks.push(['MILESTONES', p.milestones.map((m) => `${m.label}: ${formatIstDate(m.date)}`)]);
  if (p.terms) blocks.push(['TERMS', doc.splitTextToSize(p.terms, 180) as string[]]);
  drawBlocks(doc, blocks, lastTableY(doc) + 4);
  drawPageFooters(doc, p.company, p.poNumber);
  return doc.output('arraybuffer');
}
