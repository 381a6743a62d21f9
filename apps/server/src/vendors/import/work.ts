// The CPU-heavy part of an import (reading the workbook, checking every row), run in a worker
// thread so the server keeps answering while a 100,000-row file is read.
import { type ColumnMapping, guessMapping, mapRows } from './mapping';
import { readTable } from './read-table';

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

export async function summarize(bytes: Uint8Array): Promise<ReadSummary> {
  const table = await readTable(bytes);
  return {
    format: table.format,
    ...(table.encoding ? { encoding: table.encoding } : {}),
    ...(table.sheet ? { sheet: table.sheet } : {}),
    rowCount: table.rows.length,
    headers: table.headers,
    sample: table.rows.slice(0, 10),
    mapping: guessMapping(table.headers),
  };
}

export async function checkRows(bytes: Uint8Array, mapping: ColumnMapping) {
  const table = await readTable(bytes);
  return mapRows(table, mapping);
}

export const tasks = { summarize, checkRows };
export type Tasks = typeof tasks;
