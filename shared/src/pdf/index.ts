/** PDF layout and the renderers of quotes, tax documents and purchase orders (apart from the domain rules). */
export {
  bankLines,
  drawBlocks,
  drawLetterhead,
  drawPageFooters,
  drawPairs,
  formatIstDate,
  lastTableY,
  PDF_STYLE,
  type PdfKit,
  startDocument,
} from './layout.ts';
export { type PoPdfInput, renderPoPdf } from './purchase-order.ts';
export { type QuotePdfInput, renderQuotePdf } from './quote.ts';
export {
  type ReceiptPdfInput,
  renderReceiptPdf,
  renderTaxDocumentPdf,
  type TaxDocumentPdfInput,
} from './tax-documents.ts';
