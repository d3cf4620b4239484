import { type QuotePdfInput, renderQuotePdf } from '@mandap/shared/pdf';

async function base64Of(url: string): Promise<string> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/**
 * Renders the quotation PDF in the browser. jsPDF, autoTable and the Noto Sans fonts load
 * only when this is called, so none of it is in the app shell.
 */
export async function renderQuotePdfBlob(input: QuotePdfInput): Promise<Blob> {
  const [{ jsPDF }, { autoTable }, regular, bold] = await Promise.all([
    import('jspdf'),
    import('jspdf-autotable'),
    import('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf?url').then((m) => base64Of(m.default)),
    import('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf?url').then((m) => base64Of(m.default)),
  ]);
  const bytes = renderQuotePdf({ jsPDF, autoTable, fonts: { regular, bold } }, input);
  return new Blob([bytes], { type: 'application/pdf' });
}

/** Saves the PDF as QT-2026-27-0001-v2.pdf. */
export async function downloadQuotePdf(input: QuotePdfInput): Promise<void> {
  const blob = await renderQuotePdfBlob(input);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${input.code.replaceAll('/', '-')}-v${input.version.version}.pdf`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
