import type { jsPDF } from 'jspdf';
import type { UserOptions } from 'jspdf-autotable';
import type { CompanyProfile } from '../company/profile.ts';
import { GST_STATES, isGstStateCode } from '../quotes/gst.ts';
import { formatIndianDate } from '../time/india.ts';

/**
 * What drawing a PDF needs, passed in by the caller so the same code runs in the browser and
 * on the edge: jsPDF, autoTable and the Noto Sans TTFs (base64), since the built-in PDF
 * fonts have no ₹ sign.
 */
export interface PdfKit {
  jsPDF: typeof jsPDF;
  autoTable: (doc: jsPDF, options: UserOptions) => void;
  fonts: { regular: string; bold: string };
}

/** The house style shared by quotations, invoices, credit notes and receipts. */
export const PDF_STYLE = {
  brand: [122, 31, 43] as [number, number, number], // the app's maroon
  ink: [33, 37, 41] as [number, number, number],
  muted: [110, 117, 125] as [number, number, number],
  font: 'NotoSans',
  /** Page margin, mm. */
  margin: 14,
} as const;

const { brand: BRAND, ink: INK, muted: MUTED, font: FONT, margin: M } = PDF_STYLE;

/** dd/mm/yyyy in Asia/Kolkata (time/india.ts). */
export const formatIstDate = (iso: string): string => formatIndianDate(iso);

/** A new A4 document with Noto Sans (regular and bold) registered and its properties set. */
export function startDocument(kit: PdfKit, props: { title: string; author: string }): jsPDF {
  const doc = new kit.jsPDF({ unit: 'mm', format: 'a4', compress: true });
  doc.addFileToVFS('NotoSans-Regular.ttf', kit.fonts.regular);
  doc.addFont('NotoSans-Regular.ttf', FONT, 'normal');
  doc.addFileToVFS('NotoSans-Bold.ttf', kit.fonts.bold);
  doc.addFont('NotoSans-Bold.ttf', FONT, 'bold');
  doc.setProperties(props);
  return doc;
}

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

/**
 * The letterhead: logo (or a roundel with the initial), the company's name, address and
 * GSTIN on the left; the document's title, its number and dated rows on the right; a rule
 * under it at 44 mm.
 */
export function drawLetterhead(
  doc: jsPDF,
  company: CompanyProfile,
  right: { title: string; label: string; rows: string[] },
): void {
  const w = doc.internal.pageSize.getWidth();
  if (!(company.logoDataUrl && drawLogo(doc, company.logoDataUrl))) {
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
  doc
    .setFont(FONT, 'bold')
    .setFontSize(18)
    .setTextColor(...BRAND)
    .text(right.title, w - M, 19, { align: 'right' });
  doc.setFontSize(9).setTextColor(...INK);
  doc.text(right.label, w - M, 25, { align: 'right' });
  doc.setFont(FONT, 'normal').setTextColor(...MUTED);
  doc.text(right.rows, w - M, 30, { align: 'right' });
  doc
    .setDrawColor(...BRAND)
    .setLineWidth(0.6)
    .line(M, 44, w - M, 44);
}

/**
 * The PLACE OF SUPPLY block at the top right under the letterhead: the state and its code
 * ("—" when none or unknown), the GST regime and the currency.
 */
export function drawPlaceOfSupply(
  doc: jsPDF,
  d: { placeOfSupply: string | null; regime: string; currency: string },
): void {
  const w = doc.internal.pageSize.getWidth();
  const code = d.placeOfSupply;
  doc
    .setFont(FONT, 'bold')
    .setFontSize(8)
    .setTextColor(...MUTED)
    .text('PLACE OF SUPPLY', w - M, 51, { align: 'right' });
  doc
    .setFont(FONT, 'normal')
    .setFontSize(9)
    .setTextColor(...INK)
    .text(
      [code && isGstStateCode(code) ? `${GST_STATES[code]} (${code})` : '—', d.regime, `Currency ${d.currency}`],
      w - M,
      57,
      { align: 'right' },
    );
}

/** Where the last autoTable ended, mm from the top. */
export function lastTableY(doc: jsPDF): number {
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}

/** Titled text blocks (amount in words, payment details, terms) from `y` down, onto a new page when full. */
export function drawBlocks(doc: jsPDF, blocks: readonly [string, string[]][], y: number): number {
  const h = doc.internal.pageSize.getHeight();
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
  return cy;
}

/** The company's bank and UPI details, as printed under "PAYMENT DETAILS". */
export function bankLines(company: CompanyProfile): string[] {
  return [
    `${company.bank.accountName} · ${company.bank.bankName}, ${company.bank.branch}`,
    `A/c ${company.bank.accountNumber} · IFSC ${company.bank.ifsc} · UPI ${company.upiId}`,
  ];
}

/** "Company · website" on the left and "<ref> · Page n of m" on the right of every page. */
export function drawPageFooters(doc: jsPDF, company: CompanyProfile, ref: string): void {
  const w = doc.internal.pageSize.getWidth();
  const h = doc.internal.pageSize.getHeight();
  const pages = doc.getNumberOfPages();
  for (let p = 1; p <= pages; p++) {
    doc.setPage(p);
    doc
      .setFont(FONT, 'normal')
      .setFontSize(7)
      .setTextColor(...MUTED);
    doc.text(`${company.legalName} · ${company.website}`, M, h - 8);
    doc.text(`${ref} · Page ${p} of ${pages}`, w - M, h - 8, { align: 'right' });
  }
}

/** A labelled key/value column (label muted, value ink) from `y`; returns where it ended. */
export function drawPairs(
  doc: jsPDF,
  rows: readonly [string, string][],
  at: { x: number; y: number; valueX: number; align?: 'left' | 'right' },
): number {
  doc.setFontSize(8.5);
  rows.forEach(([k, v], i) => {
    doc
      .setFont(FONT, 'normal')
      .setTextColor(...MUTED)
      .text(k, at.x, at.y + i * 5);
    doc.setTextColor(...INK).text(v, at.valueX, at.y + i * 5, { align: at.align ?? 'right' });
  });
  return at.y + rows.length * 5;
}
