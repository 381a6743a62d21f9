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
import { vendorImports, vendors } from '../vendors.schema';
import { type CheckSummary, COMMIT_BATCH } from './commit-rows';
import type { ColumnMapping } from './mapping';
import type { MergeDecision } from './merge-suggestions';
import { runInWorker } from './run-in-worker';
import type { ReadSummary, TableRef } from './work';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

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
  const id = randomUUID();
  const { summary, contentJson } = await runInWorker('readFile', bytes, id);
  const createdAt = new Date();
  // The file goes as base64 and the table as JSON text, decoded by the database: PGlite's own
  // encoding of a bytea parameter takes about a second for a few megabytes.
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  await withTenant(db, organizationId, (tx) =>
    tx.execute(sql`
      INSERT INTO vendor_imports (id, organization_id, created_by, created_at, filename, file, summary, content, status)
      VALUES (${id}, ${organizationId}, ${actor.id}, ${createdAt}, ${filename}, decode(${file}, 'base64'),
              ${JSON.stringify(summary)}::jsonb, ${contentJson}::jsonb, 'ready')`),
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

export interface CheckResult extends CheckSummary {
  rows: number;
}

/** The import's summary and the inventory's vendors, for the worker. */
async function loadForCheck(db: AppDb, organizationId: string, id: string) {
  return withTenant(db, organizationId, async (tx) => ({
    row: await importRow(tx, organizationId, id),
    inventory: await tx
      .select({ id: vendors.id, name: vendors.name, aliases: vendors.aliases, domain: vendors.domain })
      .from(vendors)
      .where(eq(vendors.organizationId, organizationId)),
  }));
}

/**
 * Runs a worker task on an import's table: the worker's own copy from the upload when it has one,
 * else the table stored with the import (after a restart, or on another server instance).
 */
async function onImportTable<T extends { tableNeeded: boolean }>(
  db: AppDb,
  organizationId: string,
  id: string,
  task: (ref: TableRef) => Promise<T>,
): Promise<Exclude<T, { tableNeeded: true }>> {
  const first = await task({ importId: id });
  if (!first.tableNeeded) return first as Exclude<T, { tableNeeded: true }>;
  const content = await withTenant(db, organizationId, (tx) => importContent(tx, organizationId, id));
  const second = await task({ importId: id, content });
  if (second.tableNeeded) throw new Error('the import worker did not take the table');
  return second as Exclude<T, { tableNeeded: true }>;
}

export async function checkImport(
  db: AppDb,
  organizationId: string,
  id: string,
  mapping: ColumnMapping,
  decisions: MergeDecision[] = [],
): Promise<CheckResult> {
  const { row, inventory } = await loadForCheck(db, organizationId, id);
  const { tableNeeded: _, ...checked } = await onImportTable(db, organizationId, id, (ref) =>
    runInWorker('checkImportRows', ref, mapping, inventory, decisions),
  );
  return { rows: (row.summary as unknown as ReadSummary).rowCount, ...checked };
}

/** An import of many rows leaves the tables' statistics and visibility map stale; this is how many. */
const REFRESH_AFTER_ROWS = 1000;

/**
 * Brings the planner's statistics (ANALYZE) and the visibility map (VACUUM) up to date after a
 * large import, so that the next list and search queries are planned for the rows that are there
 * and read indexes alone. PostgreSQL's autovacuum would do it within minutes; PGlite has no
 * autovacuum. Runs in the background once the import is committed (as autovacuum would; on PGlite
 * the next query waits for it, about a second for 50,000 vendors), as the database's own user,
 * outside any transaction; a failure only costs speed, so it is logged, not thrown.
 */
async function refreshInventoryStatistics(db: AppDb) {
  try {
    await db.execute(sql`VACUUM (ANALYZE) vendors, vendor_services`);
  } catch (err) {
    console.error(`Could not refresh the inventory's statistics after an import: ${(err as Error).message}`);
  }
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
  const { row, inventory } = await loadForCheck(db, organizationId, id);
  if (row.status === 'committed') throw conflict('This file has already been imported.');
  const { problems, problemCount, plan } = await onImportTable(db, organizationId, id, (ref) =>
    runInWorker('planCommit', ref, mapping, inventory, decisions, organizationId),
  );
  if (!plan) {
    throw new AppError(
      'invalid_input',
      `${problemCount} ${problemCount === 1 ? 'row has a problem' : 'rows have problems'}; nothing was imported. Fix the file or the column mapping, then try again.`,
      problems.map((p) => ({
        path: `row ${p.rowNumber}${p.column ? `, ${p.column}` : ''}`,
        message: p.message,
      })),
    );
  }
  const now = new Date();
  const total = plan.vendorsCreated + plan.servicesCreated;
  onProgress(0, total);
  const result = await withTenant(db, organizationId, async (tx) => {
    // Checked again inside the transaction: two commits of one file cannot both write.
    const current = await importRow(tx, organizationId, id);
    if (current.status === 'committed') throw conflict('This file has already been imported.');
    if (plan.mergedInto.length > 0) {
      const [found] = await queryRows<{ n: number }>(
        tx,
        sql`SELECT count(*)::int AS n FROM vendors WHERE organization_id = ${organizationId}
              AND id IN (SELECT jsonb_array_elements_text(${JSON.stringify(plan.mergedInto)}::jsonb)::uuid)`,
      );
      if ((found?.n ?? 0) !== plan.mergedInto.length) {
        throw conflict(
          'A vendor this file merges into was removed from the inventory since the check. Check the file again.',
        );
      }
    }
    // Set-based inserts of COMMIT_BATCH rows each, read from JSON the worker prepared. The new
    // vendors come with their services' summaries and search texts, so the triggers that keep
    // them (migration 0007) stand aside.
    await tx.execute(sql`SELECT set_config('smart.vendor_summaries', 'off', true)`);
    let done = 0;
    for (const batch of plan.vendorBatches) {
      await tx.execute(sql`
        INSERT INTO vendors (id, organization_id, name, aliases, domain, contacts, phi_kinds, phi_records, notes,
                             version, created_at, updated_at, service_count, service_names, search_text)
        SELECT id, "organizationId", name, aliases, domain, contacts, "phiKinds", "phiRecords", notes, 1, ${now}, ${now},
               "serviceCount", lower("serviceNames"), vendor_search_text(name, domain, lower("serviceNames"), aliases)
        FROM json_to_recordset(${batch}::json) AS x(id uuid, "organizationId" uuid, name text,
          aliases text[], domain text, contacts jsonb, "phiKinds" text[], "phiRecords" bigint, notes text,
          "serviceCount" integer, "serviceNames" text)`);
      done = Math.min(plan.vendorsCreated, done + COMMIT_BATCH);
      onProgress(done, total);
    }
    for (const batch of plan.serviceBatches) {
      await tx.execute(sql`
        INSERT INTO vendor_services (id, organization_id, vendor_id, name, category, deployment, integration_points,
                                     version, created_at, updated_at)
        SELECT id, "organizationId", "vendorId", name, category, deployment, "integrationPoints", 1, ${now}, ${now}
        FROM json_to_recordset(${batch}::json) AS x(id uuid, "organizationId" uuid, "vendorId" uuid,
          name text, category text, deployment text, "integrationPoints" text[])`);
      done = Math.min(total, done + COMMIT_BATCH);
      onProgress(done, total);
    }
    await tx.execute(sql`SELECT set_config('smart.vendor_summaries', '', true)`);
    if (plan.mergedInto.length > 0) {
      await tx.execute(
        sql`SELECT refresh_vendor_summaries(${organizationId}, ${`{${plan.mergedInto.join(',')}}`}::uuid[])`,
      );
    }
    const result = {
      vendorsCreated: plan.vendorsCreated,
      servicesCreated: plan.servicesCreated,
      addedToExisting: plan.mergedInto.length,
    };
    await tx
      .update(vendorImports)
      .set({ status: 'committed', result, committedAt: now })
      .where(and(eq(vendorImports.organizationId, organizationId), eq(vendorImports.id, id)));
    // One audit entry for the whole import, in the same transaction.
    await recordAudit(tx, organizationId, actor, {
      action: 'vendors.imported',
      entityType: 'vendor_import',
      entityId: id,
      after: { filename: row.filename, rows: plan.rows, ...result },
    });
    return result;
  });
  if (total >= REFRESH_AFTER_ROWS) void refreshInventoryStatistics(db);
  return result;
}
