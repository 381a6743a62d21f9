// Importing the vendor inventory from a spreadsheet: upload (read and summarized in a worker),
// check with a mapping (a dry run naming every problem by row and column, and suggesting merges of
// the file's vendors into vendors already known), then commit with the user's merge decisions:
// every row in one transaction, or nothing. The file is read and checked in a worker thread
// outside any transaction, so neither the event loop nor the database waits on it.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/audit.service';
import { type AppDb, type Executor, queryRows } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { AppError, conflict, notFound } from '../../shared/errors';
import { vendorImports, type vendorServices, vendors } from '../vendors.schema';
import type { ColumnMapping, ImportedRow, RowProblem } from './mapping';
import {
  groupByVendor,
  type ImportMergeSuggestion,
  type MergeDecision,
  targetKey,
} from './merge-suggestions';
import { runInWorker } from './run-in-worker';
import type { ReadSummary } from './work';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
const PROBLEMS_SHOWN = 500;
const BATCH = 5000;

export interface ImportSummary extends ReadSummary {
  id: string;
  filename: string;
  status: 'ready' | 'committed';
  createdAt: Date;
  result: Record<string, unknown> | null;
}

export async function createImport(
  db: AppDb,
  organizationId: string,
  actor: Actor,
  filename: string,
  bytes: Uint8Array,
): Promise<ImportSummary> {
  const { summary, content } = await runInWorker('readFile', bytes);
  const id = randomUUID();
  const createdAt = new Date();
  await withTenant(db, organizationId, (tx) =>
    tx.insert(vendorImports).values({
      id,
      organizationId,
      createdBy: actor.id,
      createdAt,
      filename,
      file: bytes,
      summary: { ...summary },
      content,
      status: 'ready',
    }),
  );
  return { id, filename, status: 'ready', createdAt, result: null, ...summary };
}

/** An import without its file and table (which can be megabytes). */
async function importRow(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select({
      id: vendorImports.id,
      filename: vendorImports.filename,
      status: vendorImports.status,
      createdAt: vendorImports.createdAt,
      result: vendorImports.result,
      summary: vendorImports.summary,
    })
    .from(vendorImports)
    .where(and(eq(vendorImports.organizationId, organizationId), eq(vendorImports.id, id)));
  if (!row) throw notFound('Import');
  return row;
}

async function importContent(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select({ content: vendorImports.content })
    .from(vendorImports)
    .where(and(eq(vendorImports.organizationId, organizationId), eq(vendorImports.id, id)));
  if (!row) throw notFound('Import');
  return row.content;
}

export async function getImport(tx: Executor, organizationId: string, id: string): Promise<ImportSummary> {
  const row = await importRow(tx, organizationId, id);
  return {
    id: row.id,
    filename: row.filename,
    status: row.status,
    createdAt: row.createdAt,
    result: row.result,
    ...(row.summary as unknown as ReadSummary),
  };
}

export interface CheckResult {
  rows: number;
  validRows: number;
  problemCount: number;
  problems: RowProblem[];
  /** Distinct vendors named by the file (rows of one vendor are grouped). */
  vendorsInFile: number;
  /** Vendors the commit creates, with the merge decisions given. */
  newVendors: number;
  services: number;
  suggestionCount: number;
  /** Vendors of the file that are probably vendors already known, to merge or keep apart. */
  suggestions: ImportMergeSuggestion[];
}

async function checked(db: AppDb, organizationId: string, id: string, mapping: ColumnMapping) {
  const { row, content, inventory } = await withTenant(db, organizationId, async (tx) => ({
    row: await importRow(tx, organizationId, id),
    content: await importContent(tx, organizationId, id),
    inventory: await tx
      .select({ id: vendors.id, name: vendors.name, aliases: vendors.aliases, domain: vendors.domain })
      .from(vendors)
      .where(eq(vendors.organizationId, organizationId)),
  }));
  const { rows, problems, suggestions } = await runInWorker('checkRows', content, mapping, inventory);
  return { row, rows, problems, suggestions };
}

/** Where each group of rows goes: its own new vendor, or a vendor it merges into. */
type Destination = { kind: 'new' } | { kind: 'vendor'; vendorId: string } | { kind: 'group'; index: number };

/** Applies the user's merge decisions to the suggestions; a decision about another target than the check's is stale. */
function destinations(
  groups: ImportedRow[][],
  suggestions: ImportMergeSuggestion[],
  decisions: MergeDecision[],
): Destination[] {
  const suggestionAt = new Map(suggestions.map((s) => [s.rowNumber, s]));
  const decisionAt = new Map(decisions.map((d) => [d.rowNumber, d]));
  for (const d of decisions) {
    const s = suggestionAt.get(d.rowNumber);
    if (!s || (d.target !== undefined && d.target !== targetKey(s.target))) {
      throw conflict(
        `The suggestion for row ${d.rowNumber} is not the one you answered: the inventory or the mapping changed since the check. Check the file again.`,
      );
    }
  }
  const groupAt = new Map(groups.map((g, index) => [g[0]?.rowNumber, index]));
  const out: Destination[] = [];
  for (const group of groups) {
    const rowNumber = group[0]?.rowNumber ?? -1;
    const s = suggestionAt.get(rowNumber);
    const accept = s ? (decisionAt.get(rowNumber)?.accept ?? s.mergeByDefault) : false;
    if (!s || !accept) out.push({ kind: 'new' });
    else if (s.target.kind === 'vendor') out.push({ kind: 'vendor', vendorId: s.target.vendorId });
    else {
      // An earlier group of the file: go where it goes.
      const index = groupAt.get(s.target.rowNumber);
      const earlier = index === undefined ? undefined : out[index];
      out.push(
        !earlier || index === undefined
          ? { kind: 'new' }
          : earlier.kind === 'new'
            ? { kind: 'group', index }
            : earlier,
      );
    }
  }
  return out;
}

const newVendorCount = (to: Destination[]) => to.filter((d) => d.kind === 'new').length;

export async function checkImport(
  db: AppDb,
  organizationId: string,
  id: string,
  mapping: ColumnMapping,
  decisions: MergeDecision[] = [],
): Promise<CheckResult> {
  const { row, rows, problems, suggestions } = await checked(db, organizationId, id, mapping);
  const summary = row.summary as unknown as ReadSummary;
  const groups = groupByVendor(rows);
  return {
    rows: summary.rowCount,
    validRows: rows.length,
    problemCount: problems.length,
    problems: problems.slice(0, PROBLEMS_SHOWN),
    vendorsInFile: groups.length,
    newVendors: newVendorCount(destinations(groups, suggestions, decisions)),
    services: rows.filter((r) => r.service).length,
    suggestionCount: suggestions.length,
    suggestions: suggestions.slice(0, PROBLEMS_SHOWN),
  };
}

function newVendorRow(organizationId: string, id: string, groups: ImportedRow[][], now: Date) {
  const rows = groups.flat();
  const first = rows[0];
  if (!first) throw new Error('a vendor without rows');
  const names = new Set(rows.map((r) => r.vendor.name));
  names.delete(first.vendor.name);
  return {
    id,
    organizationId,
    name: first.vendor.name,
    // The other spellings merged into it are kept as its other names.
    aliases: [...new Set([...rows.flatMap((r) => r.vendor.aliases), ...names])].slice(0, 50),
    domain: first.vendor.domain ?? rows.find((r) => r.vendor.domain)?.vendor.domain ?? null,
    contacts: rows
      .flatMap((r) =>
        r.vendor.contactName || r.vendor.contactEmail
          ? [
              {
                ...(r.vendor.contactName ? { name: r.vendor.contactName } : {}),
                ...(r.vendor.contactEmail ? { email: r.vendor.contactEmail } : {}),
              },
            ]
          : [],
      )
      .slice(0, 20),
    phiKinds: [...new Set(rows.flatMap((r) => r.vendor.phiKinds))],
    phiRecords: Math.max(0, ...rows.map((r) => r.vendor.phiRecords ?? 0)) || null,
    notes:
      rows
        .map((r) => r.vendor.notes)
        .filter(Boolean)
        .join('\n')
        .slice(0, 10000) || null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes every row, in one transaction with the audit entry; rows of vendors merged into one already in the inventory add their services to it. */
export async function commitImport(
  db: AppDb,
  organizationId: string,
  actor: Actor,
  id: string,
  mapping: ColumnMapping,
  decisions: MergeDecision[] = [],
  onProgress: (done: number, total: number) => void = () => {},
) {
  const { row, rows, problems, suggestions } = await checked(db, organizationId, id, mapping);
  if (row.status === 'committed') throw conflict('This file has already been imported.');
  if (problems.length > 0) {
    throw new AppError(
      'invalid_input',
      `${problems.length} ${problems.length === 1 ? 'row has a problem' : 'rows have problems'}; nothing was imported. Fix the file or the column mapping, then try again.`,
      problems
        .slice(0, 50)
        .map((p) => ({ path: `row ${p.rowNumber}${p.column ? `, ${p.column}` : ''}`, message: p.message })),
    );
  }
  const now = new Date();
  const groups = groupByVendor(rows);
  const to = destinations(groups, suggestions, decisions);
  const vendorIds: string[] = [];
  const membersOf = new Map<number, ImportedRow[][]>();
  to.forEach((d, index) => {
    const group = groups[index] ?? [];
    if (d.kind === 'vendor') vendorIds.push(d.vendorId);
    else if (d.kind === 'new') {
      vendorIds.push(randomUUID());
      membersOf.set(index, [group]);
    } else {
      vendorIds.push(vendorIds[d.index] ?? '');
      membersOf.get(d.index)?.push(group);
    }
  });
  const newVendorRows = [...membersOf].map(([index, members]) =>
    newVendorRow(organizationId, vendorIds[index] ?? '', members, now),
  );
  const serviceRows: (typeof vendorServices.$inferInsert)[] = [];
  groups.forEach((group, index) => {
    for (const r of group) {
      if (!r.service) continue;
      serviceRows.push({
        id: randomUUID(),
        organizationId,
        vendorId: vendorIds[index] ?? '',
        name: r.service.name,
        category: r.service.category,
        deployment: r.service.deployment ?? null,
        hostingVendorId: null,
        integrationPoints: r.service.hostingProvider ? [`hosted by ${r.service.hostingProvider}`] : [],
        notes: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
  });
  const mergedInto = new Set(to.flatMap((d) => (d.kind === 'vendor' ? [d.vendorId] : [])));
  const total = newVendorRows.length + serviceRows.length;
  onProgress(0, total);
  return withTenant(db, organizationId, async (tx) => {
    // Checked again inside the transaction: two commits of one file cannot both write.
    const current = await importRow(tx, organizationId, id);
    if (current.status === 'committed') throw conflict('This file has already been imported.');
    if (mergedInto.size > 0) {
      const [found] = await queryRows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM vendors WHERE organization_id = ${organizationId}
              AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...mergedInto])}::jsonb)::uuid)`,
      );
      if ((found?.n ?? 0) !== mergedInto.size) {
        throw conflict(
          'A vendor this file merges into was removed from the inventory since the check. Check the file again.',
        );
      }
    }
    let done = 0;
    for (let i = 0; i < newVendorRows.length; i += BATCH) {
      const batch = newVendorRows.slice(i, i + BATCH);
      await tx.execute(sql`
        INSERT INTO vendors (id, organization_id, name, aliases, domain, contacts, phi_kinds, phi_records, notes,
                             version, created_at, updated_at)
        SELECT id, "organizationId", name, aliases, domain, contacts, "phiKinds", "phiRecords", notes, 1, ${now}, ${now}
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(id uuid, "organizationId" uuid, name text,
          aliases text[], domain text, contacts jsonb, "phiKinds" text[], "phiRecords" bigint, notes text)`);
      done += batch.length;
      onProgress(done, total);
    }
    for (let i = 0; i < serviceRows.length; i += BATCH) {
      const batch = serviceRows.slice(i, i + BATCH);
      await tx.execute(sql`
        INSERT INTO vendor_services (id, organization_id, vendor_id, name, category, deployment, integration_points,
                                     version, created_at, updated_at)
        SELECT id, "organizationId", "vendorId", name, category, deployment, "integrationPoints", 1, ${now}, ${now}
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) AS x(id uuid, "organizationId" uuid, "vendorId" uuid,
          name text, category text, deployment text, "integrationPoints" text[])`);
      done += batch.length;
      onProgress(done, total);
    }
    const result = {
      vendorsCreated: newVendorRows.length,
      servicesCreated: serviceRows.length,
      addedToExisting: mergedInto.size,
    };
    await tx
      .update(vendorImports)
      .set({ status: 'committed', result, committedAt: now })
      .where(and(eq(vendorImports.organizationId, organizationId), eq(vendorImports.id, id)));
    await recordAudit(tx, organizationId, actor, {
      action: 'vendors.imported',
      entityType: 'vendor_import',
      entityId: id,
      after: { filename: row.filename, rows: rows.length, ...result },
    });
    return result;
  });
}
