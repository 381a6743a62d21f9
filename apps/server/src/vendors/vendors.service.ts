// The vendor inventory: vendors, their services, and the hidden dependencies behind them. Every
// function runs inside withTenant (row-level security) and also filters by organization itself;
// every change is written to the audit log in the same transaction.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
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

export interface VendorList {
  total: number;
  items: VendorListItem[];
}

/** `q` as a LIKE pattern for a substring, its own %, _ and \ taken literally. */
const substringPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The sort key of a vendor `v`, and the ORDER BY over a row source with that key as `k` and `id`. */
function ordering(query: ListQuery) {
  const key =
    query.sort === 'name'
      ? sql`lower(v.name)`
      : query.sort === 'updated'
        ? sql`v.updated_at`
        : sql`v.service_count`;
  const direction = query.dir === 'desc' ? 'DESC' : 'ASC';
  return { key, order: sql.raw(`k ${direction}, id ${direction}`) };
}

/**
 * One page of the inventory, searched, filtered and sorted in the database, with its total; only
 * the page's rows get their services' categories listed. Each kind of request takes the path its
 * indexes make cheap (migration 0007):
 *   - everything, sorted by name, date or number of services: that sort's index, read alone, for
 *     the page; the count reads the table once;
 *   - a service category: the category index gives the count (vendor ids of that category), and
 *     the sort's index is walked testing each vendor for the category;
 *   - a search: one pass over the vendors' search texts (name, domain, other names, services'
 *     names) keeps the matches with their sort key, which give the total and the page.
 */
export async function listVendors(
  tx: Executor,
  organizationId: string,
  query: ListQuery,
): Promise<VendorList> {
  const inOrg = sql`v.organization_id = ${organizationId}`;
  const inCategory = query.category
    ? sql`AND EXISTS (SELECT 1 FROM vendor_services s WHERE s.organization_id = v.organization_id
                        AND s.vendor_id = v.id AND s.category = ${query.category})`
    : sql``;
  const { key, order } = ordering(query);
  const window = sql`ORDER BY ${order} LIMIT ${query.limit} OFFSET ${query.offset}`;
  const statement = query.q
    ? sql`WITH matched AS MATERIALIZED (
            SELECT v.id, ${key} AS k FROM vendors v
            WHERE ${inOrg} AND v.search_text LIKE lower(${substringPattern(query.q)}) ${inCategory}
          )
          SELECT (SELECT count(*) FROM matched)::int AS total,
                 ARRAY(SELECT id::text FROM (SELECT id, k FROM matched ${window}) page ORDER BY ${order}) AS ids`
    : sql`SELECT (${
        query.category
          ? sql`SELECT count(DISTINCT vendor_id) FROM vendor_services
                WHERE organization_id = ${organizationId} AND category = ${query.category}`
          : sql`SELECT count(*) FROM vendors v WHERE ${inOrg}`
      })::int AS total,
             ARRAY(SELECT id::text FROM (SELECT v.id, ${key} AS k FROM vendors v WHERE ${inOrg} ${inCategory}
                                         ${window}) page ORDER BY ${order}) AS ids`;
  const [row] = await queryRows<{ total: number; ids: string[] }>(tx, statement);
  return { total: row?.total ?? 0, items: await listItems(tx, organizationId, row?.ids ?? []) };
}

/** The list's view of the given vendors, in the given order. */
async function listItems(tx: Executor, organizationId: string, ids: string[]): Promise<VendorListItem[]> {
  if (ids.length === 0) return [];
  const items = await queryRows<VendorListItem>(
    tx,
    sql`SELECT v.id, v.name, v.aliases, v.domain, v.phi_records AS "phiRecords", v.service_count AS services,
               coalesce(s.categories, '{}') AS categories,
               to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "updatedAt"
        FROM unnest(${`{${ids.join(',')}}`}::uuid[]) WITH ORDINALITY AS p(id, position)
        JOIN vendors v ON v.organization_id = ${organizationId} AND v.id = p.id
        LEFT JOIN LATERAL (
          SELECT array_agg(DISTINCT category ORDER BY category) AS categories
          FROM vendor_services WHERE organization_id = v.organization_id AND vendor_id = v.id
        ) s ON true
        ORDER BY p.position`,
  );
  return items.map((item) => ({
    ...item,
    phiRecords: item.phiRecords === null ? null : Number(item.phiRecords),
  }));
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
