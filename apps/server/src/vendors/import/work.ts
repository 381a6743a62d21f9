// The CPU-heavy parts of an import, run in a worker thread so the server keeps answering while a
// 100,000-row file is read or checked, or a large SBOM parsed.

import { createHash } from 'node:crypto';
import { parseSbom } from '../sbom/sbom';
import { checkSummary, commitPlan } from './commit-rows';
import type { VendorForMatching } from './duplicates';
import { type ColumnMapping, guessMapping, type ImportedRow, mapRows, type RowProblem } from './mapping';
import {
  fileVendors,
  groupByVendor,
  type ImportMergeSuggestion,
  importMergeSuggestions,
  type MergeDecision,
} from './merge-suggestions';
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

/**
 * The tables of recent uploads, kept here so that the checks and the commit of an import need not
 * load its table from the database and send it over again. Only a cache: a server started since,
 * or another instance, is sent the stored table (TableRef.content).
 */
const recentTables = new Map<string, TableContent>();
const RECENT_TABLES = 3;
/** Larger tables are not kept (at most 25 MB files, but cells can be many). */
const MAX_CACHED_CELLS = 5_000_000;

function remember(importId: string, content: TableContent) {
  if (content.rows.length * Math.max(1, content.headers.length) > MAX_CACHED_CELLS) return;
  recentTables.delete(importId);
  recentTables.set(importId, content);
  for (const oldest of recentTables.keys()) {
    if (recentTables.size <= RECENT_TABLES) break;
    recentTables.delete(oldest);
  }
}

/** An import's table: by id when this worker read it, or sent along. */
export interface TableRef {
  importId: string;
  content?: TableContent;
}

/** The referenced table, or null when it must be sent. */
function tableOf(ref: TableRef): TableContent | null {
  if (ref.content) {
    remember(ref.importId, ref.content);
    return ref.content;
  }
  return recentTables.get(ref.importId) ?? null;
}

/**
 * Reads the file: a summary for the preview, and the table for the checks and the commit, kept
 * here under importId and given back as JSON to store (a string crosses threads in one copy).
 */
export async function readFile(
  bytes: Uint8Array,
  importId?: string,
): Promise<{ summary: ReadSummary; contentJson: string }> {
  const table = await readTable(bytes);
  const content: TableContent = { headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers };
  if (importId) remember(importId, content);
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
    contentJson: JSON.stringify(content),
  };
}

/** An import's rows checked with a mapping, grouped by vendor, with merge suggestions. */
interface Checked {
  key: string;
  rows: ImportedRow[];
  problems: RowProblem[];
  groups: ImportedRow[][];
  suggestions: ImportMergeSuggestion[];
}

/**
 * The last check of each recent import. A commit right after its check, with the same mapping and
 * an unchanged inventory (the usual case), reuses it instead of checking 50,000 rows again.
 */
const lastChecks = new Map<string, Checked>();

function checkedRows(
  importId: string,
  content: TableContent,
  mapping: ColumnMapping,
  inventory: VendorForMatching[],
): Checked {
  const key = createHash('sha256')
    .update(JSON.stringify([mapping, inventory]))
    .digest('hex');
  const last = lastChecks.get(importId);
  if (last?.key === key) return last;
  const { rows, problems } = mapRows(content, mapping);
  const groups = groupByVendor(rows);
  const suggestions = importMergeSuggestions(fileVendors(groups), inventory);
  const checked = { key, rows, problems, groups, suggestions };
  lastChecks.delete(importId);
  lastChecks.set(importId, checked);
  for (const oldest of lastChecks.keys()) {
    if (lastChecks.size <= 1) break;
    lastChecks.delete(oldest);
  }
  return checked;
}

/** A check's report: counts, and the first problems and suggestions (not every row). */
export async function checkImportRows(
  ref: TableRef,
  mapping: ColumnMapping,
  inventory: VendorForMatching[],
  decisions: MergeDecision[],
) {
  const content = tableOf(ref);
  if (!content) return { tableNeeded: true as const };
  const { rows, problems, groups, suggestions } = checkedRows(ref.importId, content, mapping, inventory);
  return { tableNeeded: false as const, ...checkSummary(rows, problems, groups, suggestions, decisions) };
}

/** What a commit writes, or the problems that stop it. */
export async function planCommit(
  ref: TableRef,
  mapping: ColumnMapping,
  inventory: VendorForMatching[],
  decisions: MergeDecision[],
  organizationId: string,
) {
  const content = tableOf(ref);
  if (!content) return { tableNeeded: true as const };
  const { rows, problems, groups, suggestions } = checkedRows(ref.importId, content, mapping, inventory);
  if (problems.length > 0) {
    return {
      tableNeeded: false as const,
      problemCount: problems.length,
      problems: problems.slice(0, 50),
      plan: null,
    };
  }
  const plan = commitPlan(organizationId, rows, groups, suggestions, decisions);
  // After the commit, the import's table and check are no longer needed here.
  recentTables.delete(ref.importId);
  lastChecks.delete(ref.importId);
  return { tableNeeded: false as const, problemCount: 0, problems, plan };
}

/** Answers once the worker has loaded its tasks. */
export async function ping() {
  return true;
}

export const tasks = { readFile, checkImportRows, planCommit, parseSbom, ping };
export type Tasks = typeof tasks;
