import Papa from 'papaparse';

/** A spreadsheet as text cells: the header row and the data rows (line 2 onwards). */
export interface Sheet {
  headers: string[];
  rows: string[][];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Excel dates arrive as Date objects; write them as people read them, dd/mm/yyyy. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${pad(v.getUTCDate())}/${pad(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  return String(v).trim();
}

function fromMatrix(matrix: unknown[][]): Sheet {
  const nonEmpty = matrix.filter((r) => r.some((c) => cellText(c) !== ''));
  const [head = [], ...rest] = nonEmpty;
  return { headers: head.map(cellText), rows: rest.map((r) => r.map(cellText)) };
}

/** Reads a .csv or .xlsx file in the browser. Large files are parsed here, then sent in chunks. */
export async function parseSpreadsheet(file: File): Promise<Sheet> {
  if (/\.xlsx$/i.test(file.name)) {
    const { readSheet } = await import('read-excel-file/browser');
    return fromMatrix((await readSheet(file)) as unknown[][]);
  }
  const text = await file.text();
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  if (parsed.errors.length && parsed.data.length === 0)
    throw new Error(`Could not read the CSV: ${parsed.errors[0]!.message}`);
  return fromMatrix(parsed.data);
}
