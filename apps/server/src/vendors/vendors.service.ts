// The vendor inventory: vendors, their services, and the hidden dependencies behind them. Every
// function runs inside withTenant (row-level security) and also filters by organization itself;
// every change is written to the audit log in the same transaction.
import { randomUUID } from 'node:crypto';
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import { type Executor, queryRows } from '../db/client';
import { conflict, notFound } from '../shared/errors';
import type { DependencyInput, ListQuery, ServiceInput, VendorInput } from './vendors.inputs';
import { vendorDependencies, vendorServices, vendors } from './vendors.schema';

export interface VendorListItem {
  id: string;
  name: string;
  aliases: string[];
  domain: string | null;
  phiRecords: number | null;
  services: number;
  categories: string[];
  updatedAt: string;
}

const ORDER: Record<ListQuery['sort'], string> = {
  name: 'lower(v.name)',
  updated: 'v.updated_at',
  services: 'services',
};

/** One page of the inventory, filtered and sorted in the database. */
export async function listVendors(
  tx: Executor,
  organizationId: string,
  query: ListQuery,
): Promise<{ total: number; items: VendorListItem[] }> {
  const conditions: SQL[] = [sql`v.organization_id = ${organizationId}`];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(v.name ILIKE ${pattern} OR v.domain ILIKE ${pattern} OR array_to_string(v.aliases, ' ') ILIKE ${pattern}
           OR EXISTS (SELECT 1 FROM vendor_services s WHERE s.organization_id = v.organization_id AND s.vendor_id = v.id
                       AND s.name ILIKE ${pattern}))`,
    );
  }
  if (query.category) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM vendor_services s WHERE s.organization_id = v.organization_id AND s.vendor_id = v.id
                  AND s.category = ${query.category})`,
    );
  }
  const where = sql.join(conditions, sql` AND `);
  const direction = sql.raw(query.dir === 'desc' ? 'DESC' : 'ASC');
  const [counted] = await queryRows<{ total: number }>(
    tx,
    sql`SELECT count(*)::int AS total FROM vendors v WHERE ${where}`,
  );
  // The page is chosen first (by index where the sort allows), and only its rows get their services
  // summarized: a deep page of 50,000 vendors must not summarize the 49,950 before it.
  const order = sql.raw(
    `${ORDER[query.sort]} ${query.dir === 'desc' ? 'DESC' : 'ASC'}, v.id ${query.dir === 'desc' ? 'DESC' : 'ASC'}`,
  );
  const serviceCount =
    query.sort === 'services'
      ? sql`(SELECT count(*) FROM vendor_services c WHERE c.organization_id = v.organization_id AND c.vendor_id = v.id)`
      : sql`0`;
  const items = await queryRows<VendorListItem>(
    tx,
    sql`WITH page AS (
          SELECT v.id, v.name, v.updated_at, ${serviceCount} AS services
          FROM vendors v
          WHERE ${where}
          ORDER BY ${order}
          LIMIT ${query.limit} OFFSET ${query.offset}
        )
        SELECT v.id, v.name, v.aliases, v.domain, v.phi_records AS "phiRecords",
               coalesce(s.services, 0)::int AS services, coalesce(s.categories, '{}') AS categories,
               to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
        FROM page p
        JOIN vendors v ON v.id = p.id
        LEFT JOIN LATERAL (
          SELECT count(*) AS services, array_agg(DISTINCT category ORDER BY category) AS categories
          FROM vendor_services WHERE organization_id = v.organization_id AND vendor_id = v.id
        ) s ON true
        ORDER BY ${sql.raw(query.sort === 'services' ? 'p.services' : ORDER[query.sort].replace('v.', 'p.'))} ${direction}, p.id ${direction}`,
  );
  return {
    total: counted?.total ?? 0,
    items: items.map((item) => ({
      ...item,
      phiRecords: item.phiRecords === null ? null : Number(item.phiRecords),
    })),
  };
}

async function vendorRow(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(vendors)
    .where(and(eq(vendors.organizationId, organizationId), eq(vendors.id, id)));
  if (!row) throw notFound('Vendor');
  return row;
}

async function serviceRow(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(vendorServices)
    .where(and(eq(vendorServices.organizationId, organizationId), eq(vendorServices.id, id)));
  if (!row) throw notFound('Service');
  return row;
}

/** A vendor with its services and its dependencies in both directions. */
export async function getVendor(tx: Executor, organizationId: string, id: string) {
  const vendor = await vendorRow(tx, organizationId, id);
  const services = await tx
    .select()
    .from(vendorServices)
    .where(and(eq(vendorServices.organizationId, organizationId), eq(vendorServices.vendorId, id)))
    .orderBy(vendorServices.name);
  const serviceIds = services.map((s) => s.id);
  const dependencies = await queryRows<{
    id: string;
    vendorId: string | null;
    serviceId: string | null;
    dependsOnVendorId: string;
    dependsOnName: string;
    dependentName: string;
    kind: string;
    notes: string | null;
  }>(
    tx,
    sql`SELECT d.id, d.vendor_id AS "vendorId", d.service_id AS "serviceId",
               d.depends_on_vendor_id AS "dependsOnVendorId", t.name AS "dependsOnName",
               coalesce(fv.name, fs.name) AS "dependentName", d.kind, d.notes
        FROM vendor_dependencies d
        JOIN vendors t ON t.id = d.depends_on_vendor_id
        LEFT JOIN vendors fv ON fv.id = d.vendor_id
        LEFT JOIN vendor_services fs ON fs.id = d.service_id
        WHERE d.organization_id = ${organizationId}
          AND (d.vendor_id = ${id} OR d.depends_on_vendor_id = ${id}
               ${
                 serviceIds.length
                   ? sql`OR d.service_id IN (${sql.join(
                       serviceIds.map((s) => sql`${s}`),
                       sql`, `,
                     )})`
                   : sql``
               })
        ORDER BY t.name, d.id`,
  );
  const own = new Set(serviceIds);
  const isOwn = (d: (typeof dependencies)[number]) =>
    d.vendorId === id || (d.serviceId !== null && own.has(d.serviceId));
  return {
    ...vendor,
    services,
    /** Fourth parties: what this vendor and its services rely on. */
    dependsOn: dependencies.filter(isOwn),
    /** Other vendors and services that rely on this vendor. */
    dependedOnBy: dependencies.filter((d) => !isOwn(d)),
  };
}

export async function createVendor(tx: Executor, organizationId: string, actor: Actor, input: VendorInput) {
  const now = new Date();
  const [row] = await tx
    .insert(vendors)
    .values({ id: randomUUID(), organizationId, ...input, version: 1, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, organizationId, actor, {
    action: 'vendor.created',
    entityType: 'vendor',
    entityId: row.id,
    after: input,
  });
  return row;
}

const stale = (what: string) =>
  conflict(
    `Someone else changed this ${what} since you opened it. Reload to see their changes, then edit again.`,
  );

export async function updateVendor(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  id: string,
  input: VendorInput,
  version: number,
) {
  const before = await vendorRow(tx, organizationId, id);
  if (before.version !== version) throw stale('vendor');
  const [row] = await tx
    .update(vendors)
    .set({ ...input, version: version + 1, updatedAt: new Date() })
    .where(and(eq(vendors.organizationId, organizationId), eq(vendors.id, id), eq(vendors.version, version)))
    .returning();
  if (!row) throw stale('vendor');
  const { name, aliases, domain, contacts, phiKinds, phiRecords, notes } = before;
  await recordAudit(tx, organizationId, actor, {
    action: 'vendor.updated',
    entityType: 'vendor',
    entityId: id,
    before: { name, aliases, domain, contacts, phiKinds, phiRecords, notes },
    after: input,
  });
  return row;
}

export async function deleteVendor(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const before = await vendorRow(tx, organizationId, id);
  await tx.delete(vendors).where(and(eq(vendors.organizationId, organizationId), eq(vendors.id, id)));
  await recordAudit(tx, organizationId, actor, {
    action: 'vendor.deleted',
    entityType: 'vendor',
    entityId: id,
    before: { name: before.name, domain: before.domain },
  });
}

async function checkHostingVendor(tx: Executor, organizationId: string, hostingVendorId: string | null) {
  if (hostingVendorId) await vendorRow(tx, organizationId, hostingVendorId);
}

export async function createService(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  vendorId: string,
  input: ServiceInput,
) {
  await vendorRow(tx, organizationId, vendorId);
  await checkHostingVendor(tx, organizationId, input.hostingVendorId);
  const now = new Date();
  const [row] = await tx
    .insert(vendorServices)
    .values({
      id: randomUUID(),
      organizationId,
      vendorId,
      ...input,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, organizationId, actor, {
    action: 'service.created',
    entityType: 'service',
    entityId: row.id,
    after: { vendorId, ...input },
  });
  return row;
}

export async function updateService(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  id: string,
  input: ServiceInput,
  version: number,
) {
  const before = await serviceRow(tx, organizationId, id);
  if (before.version !== version) throw stale('service');
  await checkHostingVendor(tx, organizationId, input.hostingVendorId);
  const [row] = await tx
    .update(vendorServices)
    .set({ ...input, version: version + 1, updatedAt: new Date() })
    .where(
      and(
        eq(vendorServices.organizationId, organizationId),
        eq(vendorServices.id, id),
        eq(vendorServices.version, version),
      ),
    )
    .returning();
  if (!row) throw stale('service');
  const { name, category, deployment, hostingVendorId, integrationPoints, notes } = before;
  await recordAudit(tx, organizationId, actor, {
    action: 'service.updated',
    entityType: 'service',
    entityId: id,
    before: { name, category, deployment, hostingVendorId, integrationPoints, notes },
    after: input,
  });
  return row;
}

export async function deleteService(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const before = await serviceRow(tx, organizationId, id);
  await tx
    .delete(vendorServices)
    .where(and(eq(vendorServices.organizationId, organizationId), eq(vendorServices.id, id)));
  await recordAudit(tx, organizationId, actor, {
    action: 'service.deleted',
    entityType: 'service',
    entityId: id,
    before: { vendorId: before.vendorId, name: before.name, category: before.category },
  });
}

/** Records that a vendor, or one of its services, depends on another vendor (a fourth party). */
export async function addDependency(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  vendorId: string,
  input: DependencyInput,
) {
  await vendorRow(tx, organizationId, vendorId);
  await vendorRow(tx, organizationId, input.dependsOnVendorId);
  if (input.serviceId) {
    const service = await serviceRow(tx, organizationId, input.serviceId);
    if (service.vendorId !== vendorId) throw notFound('Service');
  }
  if (!input.serviceId && input.dependsOnVendorId === vendorId) {
    throw conflict('A vendor cannot depend on itself.');
  }
  const [row] = await tx
    .insert(vendorDependencies)
    .values({
      id: randomUUID(),
      organizationId,
      vendorId: input.serviceId ? null : vendorId,
      serviceId: input.serviceId,
      dependsOnVendorId: input.dependsOnVendorId,
      kind: input.kind,
      notes: input.notes,
      createdAt: new Date(),
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await recordAudit(tx, organizationId, actor, {
    action: 'dependency.added',
    entityType: 'vendor_dependency',
    entityId: row.id,
    after: { vendorId, ...input },
  });
  return row;
}

export async function removeDependency(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const [row] = await tx
    .delete(vendorDependencies)
    .where(and(eq(vendorDependencies.organizationId, organizationId), eq(vendorDependencies.id, id)))
    .returning();
  if (!row) throw notFound('Dependency');
  await recordAudit(tx, organizationId, actor, {
    action: 'dependency.removed',
    entityType: 'vendor_dependency',
    entityId: id,
    before: {
      vendorId: row.vendorId,
      serviceId: row.serviceId,
      dependsOnVendorId: row.dependsOnVendorId,
      kind: row.kind,
    },
  });
}
