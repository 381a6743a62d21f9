// The SBOM of an inventory service: importing one makes its components' suppliers visible as the
// service's 'supplier' dependencies (matching vendors already in the inventory, adding the others),
// all in one transaction with its audit entry. A service keeps its latest SBOM; importing another
// replaces it, and with it the dependencies the previous one created.
import { randomUUID } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../audit/audit.service';
import { type Executor, queryRows } from '../../db/client';
import { notFound } from '../../shared/errors';
import { vendorServices, vendors } from '../vendors.schema';
import type { Sbom } from './sbom';
import { serviceSboms } from './sbom.schema';
import { matchSuppliers } from './suppliers';

const BATCH = 5000;

export interface SbomSummary {
  id: string;
  serviceId: string;
  filename: string;
  format: 'CycloneDX' | 'SPDX';
  specVersion: string;
  subject: string | null;
  componentCount: number;
  /** Distinct supplier vendors of its components. */
  supplierCount: number;
  uploadedAt: string;
  uploadedBy: { id: string; name: string } | null;
}

export interface SbomImportResult {
  sbom: SbomSummary;
  /** Suppliers that were not in the inventory and were added as vendors. */
  vendorsCreated: { id: string; name: string }[];
  /** Suppliers matched to vendors already in the inventory. */
  vendorsMatched: { id: string; name: string; reason: 'same domain' | 'same name' }[];
  dependenciesAdded: number;
  /** Components whose SBOM names no supplier. */
  componentsWithoutSupplier: number;
}

/** The service, checked to be this vendor's: a service of another vendor is "not found" here. */
export async function serviceOf(tx: Executor, organizationId: string, vendorId: string, serviceId: string) {
  const [service] = await tx
    .select({ id: vendorServices.id, name: vendorServices.name, vendorId: vendorServices.vendorId })
    .from(vendorServices)
    .where(
      and(
        eq(vendorServices.organizationId, organizationId),
        eq(vendorServices.id, serviceId),
        eq(vendorServices.vendorId, vendorId),
      ),
    );
  if (!service) throw notFound('Service');
  return service;
}

const SUMMARY_COLUMNS = sql`b.id, b.service_id AS "serviceId", b.filename, b.format, b.spec_version AS "specVersion",
  b.subject, b.component_count AS "componentCount",
  (SELECT count(DISTINCT c.supplier_vendor_id)::int FROM sbom_components c
    WHERE c.organization_id = b.organization_id AND c.sbom_id = b.id) AS "supplierCount",
  to_char(b.uploaded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt",
  b.uploaded_by AS "uploadedById", b.uploaded_by_name AS "uploadedByName"`;

type SummaryRow = Omit<SbomSummary, 'uploadedBy'> & {
  uploadedById: string | null;
  uploadedByName: string | null;
};

function toSummary({ uploadedById, uploadedByName, ...row }: SummaryRow): SbomSummary {
  return {
    ...row,
    uploadedBy: uploadedById ? { id: uploadedById, name: uploadedByName ?? '' } : null,
  };
}

async function summaries(tx: Executor, organizationId: string, where: SQL): Promise<SbomSummary[]> {
  const rows = await queryRows<SummaryRow>(
    tx,
    sql`SELECT ${SUMMARY_COLUMNS} FROM service_sboms b
        WHERE b.organization_id = ${organizationId} AND ${where} ORDER BY b.uploaded_at, b.id`,
  );
  return rows.map(toSummary);
}

/** The SBOMs of a vendor's services. */
export async function listSboms(tx: Executor, organizationId: string, vendorId: string) {
  const [vendor] = await tx
    .select({ id: vendors.id })
    .from(vendors)
    .where(and(eq(vendors.organizationId, organizationId), eq(vendors.id, vendorId)));
  if (!vendor) throw notFound('Vendor');
  return {
    items: await summaries(
      tx,
      organizationId,
      sql`b.service_id IN (SELECT s.id FROM vendor_services s WHERE s.organization_id = ${organizationId}
                            AND s.vendor_id = ${vendorId})`,
    ),
  };
}

export interface ComponentQuery {
  q?: string | undefined;
  offset: number;
  limit: number;
}

export interface SbomComponentRow {
  position: number;
  name: string;
  version: string | null;
  supplier: string | null;
  purl: string | null;
  supplierVendorId: string | null;
  supplierVendorName: string | null;
}

/** A service's SBOM with one page of its components, searched by name, supplier or package URL. */
export async function getSbom(
  tx: Executor,
  organizationId: string,
  vendorId: string,
  serviceId: string,
  query: ComponentQuery,
) {
  await serviceOf(tx, organizationId, vendorId, serviceId);
  const [sbom] = await summaries(tx, organizationId, sql`b.service_id = ${serviceId}`);
  if (!sbom) throw notFound('SBOM of this service');
  const conditions: SQL[] = [sql`c.organization_id = ${organizationId}`, sql`c.sbom_id = ${sbom.id}`];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    conditions.push(sql`(c.name ILIKE ${pattern} OR c.supplier ILIKE ${pattern} OR c.purl ILIKE ${pattern})`);
  }
  const where = sql.join(conditions, sql` AND `);
  const [counted] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM sbom_components c WHERE ${where}`,
  );
  const components = await queryRows<SbomComponentRow>(
    tx,
    sql`SELECT c.position, c.name, c.version, c.supplier, c.purl, c.supplier_vendor_id AS "supplierVendorId",
               v.name AS "supplierVendorName"
        FROM sbom_components c
        LEFT JOIN vendors v ON v.organization_id = c.organization_id AND v.id = c.supplier_vendor_id
        WHERE ${where}
        ORDER BY c.position
        LIMIT ${query.limit} OFFSET ${query.offset}`,
  );
  return { sbom, total: counted?.total ?? 0, components };
}

function dependencyNote(filename: string, components: string[]): string {
  const shown: string[] = [];
  let length = 0;
  for (const c of components) {
    if (length + c.length > 1700) break;
    shown.push(c);
    length += c.length + 2;
  }
  const more = components.length - shown.length;
  return `From the SBOM “${filename.slice(0, 150)}”: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`;
}

/** Imports a parsed SBOM for a service, replacing its previous one; all of it or nothing. */
export async function importSbom(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  vendorId: string,
  serviceId: string,
  filename: string,
  sbom: Sbom,
): Promise<SbomImportResult> {
  const service = await serviceOf(tx, organizationId, vendorId, serviceId);
  const inventory = await tx
    .select({ id: vendors.id, name: vendors.name, aliases: vendors.aliases, domain: vendors.domain })
    .from(vendors)
    .where(eq(vendors.organizationId, organizationId));
  const names = new Map(inventory.map((v) => [v.id, v.name]));
  const suppliers = matchSuppliers(sbom.components, inventory);
  const now = new Date();

  const created = suppliers
    .filter((s) => s.vendorId === null)
    .map((s) => {
      s.vendorId = randomUUID();
      return {
        id: s.vendorId,
        organizationId,
        name: s.name,
        domain: s.domain,
        notes: `Added as a supplier named in the SBOM of “${service.name}” (${filename.slice(0, 200)}).`,
      };
    });
  for (let i = 0; i < created.length; i += BATCH) {
    await tx.execute(sql`
      INSERT INTO vendors (id, organization_id, name, aliases, domain, contacts, phi_kinds, notes, version,
                           created_at, updated_at)
      SELECT id, "organizationId", name, '{}', domain, '[]', '{}', notes, 1, ${now}, ${now}
      FROM jsonb_to_recordset(${JSON.stringify(created.slice(i, i + BATCH))}::jsonb)
        AS x(id uuid, "organizationId" uuid, name text, domain text, notes text)`);
  }

  // The previous SBOM goes, with its components and the dependencies it created (cascade).
  const [previous] = await tx
    .delete(serviceSboms)
    .where(and(eq(serviceSboms.organizationId, organizationId), eq(serviceSboms.serviceId, serviceId)))
    .returning({ id: serviceSboms.id, filename: serviceSboms.filename });

  const sbomId = randomUUID();
  await tx.insert(serviceSboms).values({
    id: sbomId,
    organizationId,
    serviceId,
    filename,
    format: sbom.format,
    specVersion: sbom.specVersion.slice(0, 100),
    subject: sbom.subject?.slice(0, 500) ?? null,
    componentCount: sbom.components.length,
    uploadedBy: actor.id,
    uploadedByName: actor.name,
    uploadedAt: now,
  });

  const supplierAt = new Map<number, string>();
  for (const s of suppliers) for (const p of s.components) if (s.vendorId) supplierAt.set(p, s.vendorId);
  const componentRows = sbom.components.map((c, position) => ({
    id: randomUUID(),
    organizationId,
    sbomId,
    position,
    name: c.name.slice(0, 1000),
    version: c.version?.slice(0, 200) ?? null,
    supplier: c.supplier?.slice(0, 1000) ?? null,
    purl: c.purl?.slice(0, 2000) ?? null,
    supplierVendorId: supplierAt.get(position) ?? null,
  }));
  for (let i = 0; i < componentRows.length; i += BATCH) {
    await tx.execute(sql`
      INSERT INTO sbom_components (id, organization_id, sbom_id, position, name, version, supplier, purl,
                                   supplier_vendor_id)
      SELECT id, "organizationId", "sbomId", position, name, version, supplier, purl, "supplierVendorId"
      FROM jsonb_to_recordset(${JSON.stringify(componentRows.slice(i, i + BATCH))}::jsonb)
        AS x(id uuid, "organizationId" uuid, "sbomId" uuid, position int, name text, version text,
             supplier text, purl text, "supplierVendorId" uuid)`);
  }

  // A supplier dependency someone recorded by hand stays as it is; the vendor's own components are
  // not a fourth party.
  const recorded = await queryRows<{ id: string }>(
    tx,
    sql`SELECT depends_on_vendor_id AS id FROM vendor_dependencies
        WHERE organization_id = ${organizationId} AND service_id = ${serviceId} AND kind = 'supplier'`,
  );
  const already = new Set(recorded.map((r) => r.id));
  const dependencies = suppliers
    .filter((s) => s.vendorId && s.vendorId !== service.vendorId && !already.has(s.vendorId))
    .map((s) => ({
      id: randomUUID(),
      organizationId,
      serviceId,
      dependsOnVendorId: s.vendorId,
      sbomId,
      notes: dependencyNote(
        filename,
        s.components.map((p) => {
          const c = sbom.components[p];
          return c ? `${c.name}${c.version ? ` ${c.version}` : ''}` : '';
        }),
      ),
    }));
  for (let i = 0; i < dependencies.length; i += BATCH) {
    await tx.execute(sql`
      INSERT INTO vendor_dependencies (id, organization_id, service_id, depends_on_vendor_id, kind, notes,
                                       source_sbom_id, created_at)
      SELECT id, "organizationId", "serviceId", "dependsOnVendorId", 'supplier', notes, "sbomId", ${now}
      FROM jsonb_to_recordset(${JSON.stringify(dependencies.slice(i, i + BATCH))}::jsonb)
        AS x(id uuid, "organizationId" uuid, "serviceId" uuid, "dependsOnVendorId" uuid, notes text,
             "sbomId" uuid)`);
  }

  const vendorsCreated = created.map((v) => ({ id: v.id, name: v.name }));
  const vendorsMatched = suppliers.flatMap((s) =>
    s.match && s.vendorId ? [{ id: s.vendorId, name: names.get(s.vendorId) ?? s.name, reason: s.match }] : [],
  );
  await recordAudit(tx, organizationId, actor, {
    action: 'service.sbom_imported',
    entityType: 'service',
    entityId: serviceId,
    before: previous ? { sbomId: previous.id, filename: previous.filename } : undefined,
    after: {
      sbomId,
      filename,
      format: `${sbom.format} ${sbom.specVersion}`,
      components: sbom.components.length,
      vendorsCreated: vendorsCreated.slice(0, 100).map((v) => v.name),
      vendorsCreatedCount: vendorsCreated.length,
      vendorsMatched: vendorsMatched.length,
      dependenciesAdded: dependencies.length,
    },
  });
  const [summary] = await summaries(tx, organizationId, sql`b.id = ${sbomId}`);
  if (!summary) throw new Error('the SBOM just written was not found');
  return {
    sbom: summary,
    vendorsCreated,
    vendorsMatched,
    dependenciesAdded: dependencies.length,
    componentsWithoutSupplier: sbom.components.filter((c) => !c.supplier?.trim()).length,
  };
}

/** Removes a service's SBOM, its components and the dependencies it created. */
export async function deleteSbom(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  vendorId: string,
  serviceId: string,
) {
  await serviceOf(tx, organizationId, vendorId, serviceId);
  const [removed] = await tx
    .delete(serviceSboms)
    .where(and(eq(serviceSboms.organizationId, organizationId), eq(serviceSboms.serviceId, serviceId)))
    .returning({ id: serviceSboms.id, filename: serviceSboms.filename });
  if (!removed) throw notFound('SBOM of this service');
  await recordAudit(tx, organizationId, actor, {
    action: 'service.sbom_removed',
    entityType: 'service',
    entityId: serviceId,
    before: { sbomId: removed.id, filename: removed.filename },
  });
}
