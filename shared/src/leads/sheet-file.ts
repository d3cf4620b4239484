import { unzipSync } from 'fflate';

/** One data row of a sheet with the line (CSV) or row number (XLSX) a person sees in Excel. */
export interface SheetRecord {
  line: number;
  cells: string[];
}

/** A spreadsheet read on the server: its header, its rows with their real line numbers, and how it was read. */
export interface ParsedSheet {
  kind: 'csv' | 'xlsx';
  /** CSV: the text encoding it was read in (utf-8, utf-16le, utf-16be, windows-1252). */
  encoding: string | null;
  /** XLSX: every sheet's name, and the one read. */
  sheets: string[];
  sheet: string | null;
  headerLine: number;
  headers: string[];
  rows: SheetRecord[];
  /** Lines with nothing on them after the header (skipped, counted so the numbers add up). */
  blankLines: number;
}

export class SheetFileError extends Error {}

/** The runtime's TextDecoder (Node, Deno, Workers and browsers all have it; shared code is typed without DOM). */
const Decoder = (
  globalThis as unknown as {
    TextDecoder: new (label?: string, opts?: { fatal?: boolean }) => { decode(b: Uint8Array): string };
  }
).TextDecoder;

/**
 * Decodes a CSV's bytes: a byte-order mark says UTF-8 or UTF-16; UTF-16 without one is
 * recognised by its zero bytes; otherwise UTF-8 if the bytes are valid UTF-8, else
 * Windows-1252 (what Excel on Windows writes as "CSV").
 */
function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const dec = (enc: string, b: Uint8Array, fatal = false) => new Decoder(enc, { fatal }).decode(b);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: dec('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: dec('utf-16le', bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: dec('utf-16be', bytes.subarray(2)), encoding: 'utf-16be' };
  const probe = bytes.subarray(0, 4000);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  if (oddZeros > probe.length / 4) return { text: dec('utf-16le', bytes), encoding: 'utf-16le' };
  if (evenZeros > probe.length / 4) return { text: dec('utf-16be', bytes), encoding: 'utf-16be' };
  try {
    return { text: dec('utf-8', bytes, true), encoding: 'utf-8' };
  } catch {
    return { text: dec('windows-1252', bytes), encoding: 'windows-1252' };
  }
}

/** The delimiter a CSV uses: comma, semicolon (European Excel) or tab (UTF-16 "Unicode text"), by its first line. */
function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

/**
 * Parses CSV text (RFC 4180: quoted cells may hold commas, doubled quotes and line breaks).
 * Every record carries the line it starts on, so a quoted multi-line cell or a blank line
 * never shifts the numbers a person looks up in Excel.
 */
export function parseCsv(text: string, delimiter = sniffDelimiter(text)): SheetRecord[] {
  const out: SheetRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    for (;;) {
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n) throw new SheetFileError(`line ${start}: a quoted cell is never closed`);
          const ch = text[i]!;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        // Text after a closing quote up to the delimiter belongs to the cell ("a"b → a"b, leniently).
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && text[i] !== '\r') cell += text[i++];
      }
      cells.push(cell);
      cell = '';
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      line++;
      break;
    }
    out.push({ line: start, cells });
  }
  return out;
}

// ---------------------------------------------------------------- XLSX

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : ENTITY[e.toLowerCase()]!,
  );
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
/** All text runs of a string item (<si> or <is>), joined. */
const textOf = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');

function colIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel's built-in date formats: 14–22 and 45–47; 17 is "mmm-yy", a month. */
const BUILTIN_DATE = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

type DateKind = 'day' | 'month' | 'time' | null;

function dateKindOfFormat(code: string): DateKind {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .toLowerCase();
  if (!/[dmy]/.test(bare) || /^[#0.,%e+\-\s]*$/.test(bare) || bare === 'general') return null;
  if (!/[dy]/.test(bare)) return 'time'; // h:mm
  if (/d/.test(bare)) return 'day';
  return /y/.test(bare) && /m/.test(bare) ? 'month' : 'day';
}

function serialToIso(serial: number, date1904: boolean): string {
  const days = Math.floor(serial) + (date1904 ? 1462 : 0);
  // Excel's day 60 is the 29th of February 1900 that never was; serials from 61 on are one ahead.
  const ms = Date.UTC(1899, 11, 30) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

function numberText(v: string): string {
  const n = Number(v);
  if (!Number.isFinite(n)) return v;
  if (Number.isInteger(n)) return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 0 });
  return String(Number(n.toPrecision(15)));
}

/**
 * Reads an .xlsx: the sheet named `sheetName` (or the first with data), cell by cell with its
 * type. A date cell becomes yyyy-mm-dd; a date cell formatted as a month (mmm-yy, "mmmm yyyy")
 * becomes yyyy-mm, so a month-only date stays a month. Row numbers are Excel's own.
 */
function readXlsx(
  bytes: Uint8Array,
  sheetName?: string | null,
): Omit<ParsedSheet, 'headerLine' | 'headers' | 'blankLines'> & { records: SheetRecord[] } {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new SheetFileError(
      'this is not an .xlsx file (it is not a zip archive); save it from Excel as .xlsx or .csv',
    );
  }
  const utf8 = (p: string) => (files[p] ? new Decoder().decode(files[p]) : null);
  const workbook = utf8('xl/workbook.xml');
  if (!workbook) throw new SheetFileError('this .xlsx has no workbook inside; save it again from Excel');
  const rels = utf8('xl/_rels/workbook.xml.rels') ?? '';
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], 'Id'), attr(m[0], 'Target')]),
  );
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attr(m[0], 'r:id')) ?? '';
    return {
      name: unescapeXml(attr(m[0], 'name') ?? ''),
      path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`,
    };
  });
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const shared = [...(utf8('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) =>
    textOf(m[1] ?? ''),
  );
  const styles = utf8('xl/styles.xml') ?? '';
  const customFormats = new Map(
    [...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => [
      Number(attr(m[0], 'numFmtId')),
      unescapeXml(attr(m[0], 'formatCode') ?? ''),
    ]),
  );
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const styleKinds: DateKind[] = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(attr(m[0], 'numFmtId') ?? 0);
    const custom = customFormats.get(id);
    if (custom !== undefined) return dateKindOfFormat(custom);
    if (id === 17) return 'month';
    return BUILTIN_DATE.has(id) ? 'day' : null;
  });

  const readSheet = (path: string): SheetRecord[] => {
    const xml = utf8(path);
    if (xml === null) throw new SheetFileError(`the sheet file ${path} is missing from this .xlsx`);
    const records: SheetRecord[] = [];
    for (const row of xml.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
      const line = Number(attr(row[1] ?? '', 'r') ?? records.length + 1);
      const cells: string[] = [];
      let next = 0;
      for (const c of (row[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const a = c[1] ?? '';
        const ref = attr(a, 'r');
        const col = ref ? colIndex(ref) : next;
        next = col + 1;
        const body = c[2] ?? '';
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        const t = attr(a, 't') ?? 'n';
        let text = '';
        if (t === 's') text = shared[Number(v)] ?? '';
        else if (t === 'inlineStr') text = textOf(body);
        else if (t === 'str' || t === 'e') text = unescapeXml(v ?? '');
        else if (t === 'b') text = v === '1' ? 'TRUE' : 'FALSE';
        else if (t === 'd') text = (v ?? '').slice(0, 10);
        else if (v !== undefined) {
          const kind = styleKinds[Number(attr(a, 's') ?? 0)] ?? null;
          const n = Number(v);
          if (kind && Number.isFinite(n) && kind !== 'time') {
            const iso = serialToIso(n, date1904);
            text = kind === 'month' ? iso.slice(0, 7) : iso;
          } else text = numberText(v);
        }
        while (cells.length < col) cells.push('');
        cells[col] = text;
      }
      records.push({ line, cells });
    }
    return records;
  };

  const names = sheets.map((s) => s.name);
  let chosen: (typeof sheets)[number] | undefined = sheets[0];
  if (sheetName) {
    chosen = sheets.find((s) => s.name === sheetName);
    if (!chosen) throw new SheetFileError(`there is no sheet "${sheetName}"; this file has ${names.join(', ')}`);
  }
  if (!chosen) throw new SheetFileError('this .xlsx has no sheets');
  let records = readSheet(chosen.path);
  // No sheet named: the first sheet with data (a blank cover sheet is skipped).
  if (!sheetName && !records.some((r) => r.cells.some((c) => c.trim())))
    for (const s of sheets.slice(1)) {
      const r = readSheet(s.path);
      if (r.some((x) => x.cells.some((c) => c.trim()))) {
        chosen = s;
        records = r;
        break;
      }
    }
  return { kind: 'xlsx', encoding: null, sheets: names, sheet: chosen.name, rows: [], records };
}

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

/**
 * Reads a whole .csv or .xlsx as the server stages it: the header is the first non-blank
 * row (empty header cells, e.g. under a merged cell, become "Column C"); blank rows are
 * skipped and counted; every row keeps its line number.
 */
export function readSheetFile(fileName: string, bytes: Uint8Array, sheetName?: string | null): ParsedSheet {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  let base: Omit<ParsedSheet, 'headerLine' | 'headers' | 'blankLines' | 'rows'>;
  let records: SheetRecord[];
  if (/\.xlsx$/i.test(fileName) || isZip) {
    const x = readXlsx(bytes, sheetName);
    ({ records } = x);
    base = { kind: 'xlsx', encoding: null, sheets: x.sheets, sheet: x.sheet };
  } else if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new SheetFileError('old .xls files cannot be read; open it in Excel and save as .xlsx or .csv');
  } else {
    const { text, encoding } = decodeText(bytes);
    if (text.includes('\u0000')) throw new SheetFileError('this file is not text; upload a .csv or .xlsx');
    records = parseCsv(text);
    base = { kind: 'csv', encoding, sheets: [], sheet: null };
  }
  const headerAt = records.findIndex((r) => !isBlank(r.cells));
  if (headerAt < 0) throw new SheetFileError('the file is empty: no header row and no data');
  const header = records[headerAt]!;
  let lastNamed = header.cells.length;
  while (lastNamed > 0 && header.cells[lastNamed - 1]!.trim() === '') lastNamed--;
  const headers = header.cells
    .slice(0, lastNamed)
    .map(
      (h, i) =>
        h.replace(/\s+/g, ' ').trim() ||
        `Column ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`,
    );
  const rest = records.slice(headerAt + 1);
  const rows = rest.filter((r) => !isBlank(r.cells));
  return { ...base, headerLine: header.line, headers, rows, blankLines: rest.length - rows.length };
}
