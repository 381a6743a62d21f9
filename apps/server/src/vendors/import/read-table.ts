// An uploaded spreadsheet as a table of strings: CSV in any common encoding and delimiter, or the
// first sheet with data of an XLSX workbook (read by xlsx-reader.ts, or by ExcelJS's streaming
// reader what that does not handle). The file's kind is told by its bytes, not its name, so a PDF
// renamed .csv gets a clear message instead of a page of garbage.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../shared/errors';
import { decodeText, type TextEncodingName } from './decode';
import { readXlsxSheets } from './xlsx-reader';

export const MAX_ROWS = 200_000;
export const MAX_COLUMNS = 200;

export interface Table {
  format: 'csv' | 'xlsx';
  /** For CSV: the encoding the text was read in. */
  encoding?: TextEncodingName;
  /** For XLSX: the sheet read. */
  sheet?: string;
  headers: string[];
  rows: string[][];
  /** For each row, its row number as the spreadsheet program shows it (the header is row 1 or later). */
  rowNumbers: number[];
}

const invalid = (message: string) => new AppError('invalid_file', message);

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

/** What a file is, from its first bytes. */
export function sniff(bytes: Uint8Array): 'xlsx' | 'text' {
  if (bytes.length === 0) throw invalid('The file is empty.');
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    throw invalid('This is an old Excel (.xls) workbook. Save it as .xlsx or CSV and upload that.');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    throw invalid('This is a PDF document, not a spreadsheet. Upload a CSV or XLSX file.');
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]))
    throw invalid('This is an image, not a spreadsheet. Upload a CSV or XLSX file.');
  if (startsWith(bytes, [0x1f, 0x8b])) throw invalid('This is a compressed (gzip) file. Unpack it first.');
  return 'text';
}

/** Column headers that people can map: blanks named by their column letter, repeats numbered. */
export function cleanHeaders(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((value, i) => {
    const base = value.trim() || `Column ${columnLetter(i)}`;
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

const isBlank = (row: string[]) => row.every((cell) => cell.trim() === '');

function toTable(format: Table['format'], records: { cells: string[]; rowNumber: number }[]): Table {
  const filled = records.filter((r) => !isBlank(r.cells));
  // A title or a note above the table ("Inventory exported 2026-11-01") is not the header: the
  // header is the first row about as wide as the table.
  const count = (cells: string[]) => cells.filter((c) => c.trim() !== '').length;
  const widest = Math.max(0, ...filled.slice(0, 20).map((r) => count(r.cells)));
  const start = filled.findIndex((r, i) => i >= 20 || count(r.cells) >= Math.max(1, Math.ceil(widest / 2)));
  const [header, ...body] = filled.slice(Math.max(0, start));
  if (!header) throw invalid('The file has no rows: it needs a header row and at least one row of data.');
  if (body.length === 0) throw invalid('The file has a header row but no rows of data.');
  if (body.length > MAX_ROWS)
    throw invalid(
      `The file has ${body.length.toLocaleString('en-US')} rows; at most ${MAX_ROWS.toLocaleString('en-US')} can be imported at once.`,
    );
  const width = Math.max(header.cells.length, ...body.slice(0, 1000).map((r) => r.cells.length));
  if (width > MAX_COLUMNS)
    throw invalid(`The file has ${width} columns; at most ${MAX_COLUMNS} are supported.`);
  const headers = cleanHeaders(Array.from({ length: header.cells.length }, (_, i) => header.cells[i] ?? ''));
  return {
    format,
    headers,
    rows: body.map((r) => headers.map((_, i) => (r.cells[i] ?? '').trim())),
    rowNumbers: body.map((r) => r.rowNumber),
  };
}

export function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') throw invalid('The file is empty.');
  if (text.includes('\u0000'))
    throw invalid('This does not look like a text (CSV) file. Upload a CSV or XLSX file.');
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) {
    const row = (broken.row ?? 0) + 1;
    throw invalid(`Row ${row}: a quoted value is not closed (${broken.message.toLowerCase()}).`);
  }
  const records = parsed.data.map((cells, i) => ({ cells: cells.map(String), rowNumber: i + 1 }));
  return { ...toTable('csv', records), encoding };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

/** The first sheet with data, read by the fast reader; undefined when the workbook has none. */
function readXlsxFast(bytes: Uint8Array): Table | undefined {
  for (const sheet of readXlsxSheets(bytes, MAX_ROWS + 50)) {
    if (sheet.records.some((r) => !isBlank(r.cells))) {
      return { ...toTable('xlsx', sheet.records), ...(sheet.name ? { sheet: sheet.name } : {}) };
    }
  }
  return undefined;
}

export async function readXlsx(bytes: Uint8Array): Promise<Table> {
  // The fast reader first; what it does not handle (ZIP64, encryption, damage) goes to ExcelJS,
  // which also gives the message for a file neither can read.
  try {
    const table = readXlsxFast(bytes);
    if (table) return table;
    throw invalid('The workbook has no sheet with data.');
  } catch (err) {
    if (err instanceof AppError) throw err;
  }
  return readXlsxStreamed(bytes);
}

/** Reads a workbook with ExcelJS's streaming reader. */
export async function readXlsxStreamed(bytes: Uint8Array): Promise<Table> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of reader) {
      const records: { cells: string[]; rowNumber: number }[] = [];
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        records.push({ cells: values.map((v) => cellText(v as ExcelJS.CellValue)), rowNumber: row.number });
        if (records.length > MAX_ROWS + 50) break;
      }
      if (records.some((r) => !isBlank(r.cells))) {
        const name = (sheet as unknown as { name?: string }).name;
        return { ...toTable('xlsx', records), ...(name ? { sheet: name } : {}) };
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid(
      'This file is not a readable XLSX workbook (it may be damaged, or another kind of zip file).',
    );
  }
  throw invalid('The workbook has no sheet with data.');
}

/** Reads an uploaded CSV or XLSX file. */
export async function readTable(bytes: Uint8Array): Promise<Table> {
  return sniff(bytes) === 'xlsx' ? readXlsx(bytes) : readCsv(bytes);
}
