// The CPU-heavy parts of an import, run in a worker thread so the server keeps answering while a
// 100,000-row file is read or checked.
import { type ColumnMapping, guessMapping, mapRows } from './mapping';
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

export async function checkRows(content: TableContent, mapping: ColumnMapping) {
  return mapRows(content, mapping);
}

export const tasks = { readFile, checkRows };
export type Tasks = typeof tasks;
