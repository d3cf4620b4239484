import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { z } from '@hono/zod-openapi';
import { type PdfKit, type QuotePdfInput, type QuoteVersionView, renderQuotePdf } from '@mandap/shared';
import { jsPDF } from 'jspdf';
import { autoTable } from 'jspdf-autotable';
import type { AppContext } from '../../lib/context.ts';
import { companyProfile } from './company.ts';
import { partyOf, type QuoteRow } from './quote-store.ts';

let fonts: PdfKit['fonts'] | undefined;

/** Noto Sans from node_modules, read once: it carries the ₹ sign the built-in PDF fonts lack. */
function notoSans(): PdfKit['fonts'] {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const read = (weight: string) =>
      readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`)).toString('base64');
    fonts = { regular: read('400Regular'), bold: read('700Bold') };
  }
  return fonts;
}

/** The quotation PDF on the edge (Node and Deno; Workers have no file system for the font). */
export function quotePdf(input: QuotePdfInput): Uint8Array {
  return new Uint8Array(renderQuotePdf({ jsPDF, autoTable, fonts: notoSans() }, input));
}

export const pdfResponse = {
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
  description: 'An A4 PDF.',
};

/** Answers with the version's PDF inline, named after the quote (QT/2026-27/0001 → QT-2026-27-0001-v1.pdf). */
export async function quotePdfResponse(c: AppContext, quote: QuoteRow, view: QuoteVersionView) {
  const party = await partyOf(c.get('deps').db, quote);
  const bytes = quotePdf({
    code: quote.code,
    clientName: party?.name ?? null,
    company: companyProfile(),
    version: view,
  });
  const file = `${quote.code.replaceAll('/', '-')}-v${view.version}.pdf`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${file}"`,
    'cache-control': 'private, no-store',
  }) as never;
}
