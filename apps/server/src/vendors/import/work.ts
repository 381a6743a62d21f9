// The CPU-heavy parts of an import, run in a worker thread so the server keeps answering while a
// 100,000-row file is read or checked, or a large SBOM parsed.

import { parseSbom } from '../sbom/sbom';
import type { VendorForMatching } from './duplicates';
import { type ColumnMapping, guessMapping, mapRows } from './mapping';
import { fileVendors, groupByVendor, importMergeSuggestions } from './merge-suggestions';
import { readTable, type Table } from './read-table';

export interface ReadSummary {
  format: 'csv' | 'xlsx';
  encoding?: string;
  sheet?: string;
  rowCount: number;
  headers: string[];
  /** The first rows, for the preview. */
  sample: string[][];
  mapping: ColumnMapping;
}

export type TableContent = Pick<Table, 'headers' | 'rows' | 'rowNumbers'>;

/** Reads the file: a summary for the preview, and the table for the checks and the commit. */
export async function readFile(bytes: Uint8Array): Promise<{ summary: ReadSummary; content: TableContent }> {
  const table = await readTable(bytes);
  return {
    summary: {
      format: table.format,
      ...(table.encoding ? { encoding: table.encoding } : {}),
      ...(table.sheet ? { sheet: table.sheet } : {}),
      rowCount: table.rows.length,
      headers: table.headers,
      sample: table.rows.slice(0, 10),
      mapping: guessMapping(table.headers),
    },
    content: { headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers },
  };
}

/** Checks every row, and finds the file's vendors that are probably vendors already known. */
export async function checkRows(
  content: TableContent,
  mapping: ColumnMapping,
  inventory: VendorForMatching[] = [],
) {
  const { rows, problems } = mapRows(content, mapping);
  const suggestions = importMergeSuggestions(fileVendors(groupByVendor(rows)), inventory);
  return { rows, problems, suggestions };
}

export const tasks = { readFile, checkRows, parseSbom };
export type Tasks = typeof tasks;
