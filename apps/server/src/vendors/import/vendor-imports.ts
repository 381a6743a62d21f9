// Importing the vendor inventory from a spreadsheet: upload (read and summarized in a worker),
// check with a mapping (a dry run naming every problem by row and column, and the vendors already
// in the inventory), then commit: every row in one transaction, or nothing. The file is read in a
// worker thread outside any transaction, so neither the event loop nor the database waits on it.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/audit.service';
import type { AppDb, Executor } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { AppError, conflict, notFound } from '../../shared/errors';
import { vendorImports, type vendorServices, vendors } from '../vendors.schema';
import { comparableName } from './duplicates';
import type { ColumnMapping, ImportedRow, RowProblem } from './mapping';
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

/** A row of the file that matches a vendor already in the inventory. */
export interface ExistingMatch {
  rowNumber: number;
  name: string;
  vendorId: string;
  vendorName: string;
  reason: 'same domain' | 'same name';
}

export interface CheckResult {
  rows: number;
  validRows: number;
  problemCount: number;
  problems: RowProblem[];
  /** Vendors the commit creates (rows of one vendor are grouped). */
  newVendors: number;
  services: number;
  existing: ExistingMatch[];
}

async function existingIndex(tx: Executor, organizationId: string) {
  const rows = await tx
    .select({ id: vendors.id, name: vendors.name, domain: vendors.domain })
    .from(vendors)
    .where(eq(vendors.organizationId, organizationId));
  const byDomain = new Map<string, { id: string; name: string }>();
  const byName = new Map<string, { id: string; name: string }>();
  for (const r of rows) {
    if (r.domain) byDomain.set(r.domain, r);
    byName.set(comparableName(r.name), r);
  }
  return (row: ImportedRow): ExistingMatch | null => {
    const base = { rowNumber: row.rowNumber, name: row.vendor.name };
    const domain = row.vendor.domain ? byDomain.get(row.vendor.domain) : undefined;
    if (domain) return { ...base, vendorId: domain.id, vendorName: domain.name, reason: 'same domain' };
    const named = byName.get(comparableName(row.vendor.name));
    return named ? { ...base, vendorId: named.id, vendorName: named.name, reason: 'same name' } : null;
  };
}

/** Rows of the file that name the same vendor become one vendor with several services. */
function groupByVendor(rows: ImportedRow[]) {
  const groups = new Map<string, ImportedRow[]>();
  for (const row of rows) {
    const key = `${comparableName(row.vendor.name)}\u0000${row.vendor.domain ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  return [...groups.values()];
}

async function checked(db: AppDb, organizationId: string, id: string, mapping: ColumnMapping) {
  const { row, content } = await withTenant(db, organizationId, async (tx) => ({
    row: await importRow(tx, organizationId, id),
    content: await importContent(tx, organizationId, id),
  }));
  const { rows, problems } = await runInWorker('checkRows', content, mapping);
  const match = await withTenant(db, organizationId, (tx) => existingIndex(tx, organizationId));
  const existing = rows.flatMap((r) => {
    const m = match(r);
    return m ? [m] : [];
  });
  return { row, rows, problems, existing };
}

export async function checkImport(
  db: AppDb,
  organizationId: string,
  id: string,
  mapping: ColumnMapping,
): Promise<CheckResult> {
  const { row, rows, problems, existing } = await checked(db, organizationId, id, mapping);
  const matched = new Set(existing.map((m) => m.rowNumber));
  const summary = row.summary as unknown as ReadSummary;
  return {
    rows: summary.rowCount,
    validRows: rows.length,
    problemCount: problems.length,
    problems: problems.slice(0, PROBLEMS_SHOWN),
    newVendors: groupByVendor(rows.filter((r) => !matched.has(r.rowNumber))).length,
    services: rows.filter((r) => r.service).length,
    existing: existing.slice(0, PROBLEMS_SHOWN),
  };
}

/** Writes every row, in one transaction with the audit entry; rows matching a vendor already in the inventory add their services to it. */
export async function commitImport(
  db: AppDb,
  organizationId: string,
  actor: Actor,
  id: string,
  mapping: ColumnMapping,
  onProgress: (done: number, total: number) => void = () => {},
) {
  const { row, rows, problems, existing } = await checked(db, organizationId, id, mapping);
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
  const existingByRow = new Map(existing.map((m) => [m.rowNumber, m.vendorId]));
  const newVendorRows: (typeof vendors.$inferInsert)[] = [];
  const serviceRows: (typeof vendorServices.$inferInsert)[] = [];
  for (const group of groupByVendor(rows)) {
    const first = group[0];
    if (!first) continue;
    let vendorId = existingByRow.get(first.rowNumber);
    if (!vendorId) {
      vendorId = randomUUID();
      newVendorRows.push({
        id: vendorId,
        organizationId,
        name: first.vendor.name,
        aliases: [...new Set(group.flatMap((r) => r.vendor.aliases))],
        domain: first.vendor.domain ?? null,
        contacts: group
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
        phiKinds: [...new Set(group.flatMap((r) => r.vendor.phiKinds))],
        phiRecords: Math.max(0, ...group.map((r) => r.vendor.phiRecords ?? 0)) || null,
        notes:
          group
            .map((r) => r.vendor.notes)
            .filter(Boolean)
            .join('\n') || null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
    for (const r of group) {
      if (!r.service) continue;
      serviceRows.push({
        id: randomUUID(),
        organizationId,
        vendorId,
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
  }
  const total = newVendorRows.length + serviceRows.length;
  return withTenant(db, organizationId, async (tx) => {
    // Checked again inside the transaction: two commits of one file cannot both write.
    const current = await importRow(tx, organizationId, id);
    if (current.status === 'committed') throw conflict('This file has already been imported.');
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
      addedToExisting: new Set(existing.map((m) => m.vendorId)).size,
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
