/**
 * Writes the XLSX twin of shared/src/leads/fixtures/messy-enquiries.csv, as Excel would hold
 * it: digits-only phones and guest counts as numbers, event dates as date cells (the month-only
 * "Dec 2026" as a date cell formatted mmm-yy), and a second sheet of notes after the data.
 * Run: npx tsx scripts/make-import-fixtures.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv, parseSheetDate, writeXlsx, type XlsxCell } from '@mandap/shared/leads';

const dir = fileURLToPath(new URL('../shared/src/leads/fixtures/', import.meta.url));
const records = parseCsv(readFileSync(`${dir}messy-enquiries.csv`, 'utf8'));
const [header, ...rows] = records;
const DATE_COLS = new Set([1, 7]);
const NUMBER_COLS = new Set([0, 3, 10]);

const typed = (cell: string, col: number): XlsxCell => {
  if (cell === '') return null;
  if (DATE_COLS.has(col)) {
    const d = parseSheetDate(cell);
    if (d) return d.kind === 'day' ? { date: d.iso, as: 'day' } : { date: d.from, as: 'month' };
  }
  if (NUMBER_COLS.has(col) && /^\d+$/.test(cell)) return Number(cell);
  return cell;
};

const data = rows.filter((r) => r.cells.some((c) => c.trim()));
const bytes = writeXlsx([
  {
    name: 'Enquiries 2026',
    rows: [header!.cells, ...data.map((r) => r.cells.map(typed))],
    // Keep the sheet's own row numbers: the blank line stays a gap, as in Excel.
    rowNumbers: [1, ...data.map((r, i) => (r.line > 10 ? i + 3 : i + 2))],
  },
  { name: 'Notes', rows: [['Sheet kept by the front desk'], ['Status: Hot / Warm / Cold']] },
]);
writeFileSync(`${dir}messy-enquiries.xlsx`, bytes);
console.log(`wrote ${dir}messy-enquiries.xlsx (${bytes.length} bytes, ${data.length} rows)`);
