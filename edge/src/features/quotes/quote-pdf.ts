import { z } from '@hono/zod-openapi';
import { type PdfKit, type QuotePdfInput, renderQuotePdf } from '@mandap/shared/pdf';
import type { QuoteVersionView } from '@mandap/shared/quotes';
import type { AppContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { companyProfile } from './company.ts';
import { partyOf, type QuoteRow } from './quote-store.ts';

let fonts: PdfKit['fonts'] | undefined;

/**
 * Noto Sans from node_modules, read once: it carries the ₹ sign the built-in PDF fonts lack.
 * Reached through process.getBuiltinModule (Node, Deno) rather than a static node: import,
 * so the Workers bundle still builds; there, with no file system, it answers 422.
 */
function notoSans(): PdfKit['fonts'] {
  if (fonts) return fonts;
  const proc = (globalThis as { process?: { getBuiltinModule?: NodeJS.Process['getBuiltinModule'] } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs');
  const mod = proc?.getBuiltinModule?.('node:module');
  if (!fs || !mod)
    throw new AppError(
      'unprocessable',
      'This server cannot draw PDFs (no font files on this runtime). Download the PDF from the quote screen instead.',
    );
  const require = mod.createRequire(import.meta.url);
  const read = (weight: string) =>
    fs
      .readFileSync(require.resolve(`@expo-google-fonts/noto-sans/${weight}/NotoSans_${weight}.ttf`))
      .toString('base64');
  fonts = { regular: read('400Regular'), bold: read('700Bold') };
  return fonts;
}

/** jsPDF, autoTable and Noto Sans for any document drawn on the edge; jsPDF loads on first use. */
export async function loadPdfKit(): Promise<PdfKit> {
  const kitFonts = notoSans();
  const [{ jsPDF }, { autoTable }] = await Promise.all([import('jspdf'), import('jspdf-autotable')]);
  return { jsPDF, autoTable, fonts: kitFonts };
}

/** The quotation PDF on the edge. */
export async function quotePdf(input: QuotePdfInput): Promise<Uint8Array> {
  return new Uint8Array(renderQuotePdf(await loadPdfKit(), input));
}

export const pdfResponse = {
  content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
  description: 'An A4 PDF.',
};

/** Answers with the version's PDF inline, named after the quote (QT/2026-27/0001 → QT-2026-27-0001-v1.pdf). */
export async function quotePdfResponse(c: AppContext, quote: QuoteRow, view: QuoteVersionView) {
  const { db } = c.get('deps');
  const party = await partyOf(db, quote);
  const bytes = await quotePdf({
    code: quote.code,
    clientName: party?.name ?? null,
    company: await companyProfile(db),
    version: view,
  });
  const file = `${quote.code.replaceAll('/', '-')}-v${view.version}.pdf`;
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/pdf',
    'content-disposition': `inline; filename="${file}"`,
    'cache-control': 'private, no-store',
  }) as never;
}
