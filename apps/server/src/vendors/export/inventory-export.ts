// The vendor inventory as spreadsheet rows: one row per service (a vendor without services gets one
// row of its own), read in pages so that 50,000 vendors stream out without being held in memory.
// Headers are the ones the spreadsheet import recognizes, so an export can be edited and imported
// again; every text cell goes through safeCell so a vendor's name cannot become a formula.
import { categoryById } from '@smart/templates';
import { sql } from 'drizzle-orm';
import { type AppDb, queryRows } from '../../db/client';
import { withTenant } from '../../db/tenant';
import { safeCell } from '../import/safe-cell';
import type { VendorContact } from '../vendors.schema';

export const EXPORT_HEADERS = [
  'Vendor',
  'Other names',
  'Web domain',
  'Contact',
  'Contact email',
  'Kinds of PHI',
  'PHI records',
  'Notes',
  'Service',
  'Service category',
  'Deployment',
  'Hosting provider',
  'Integration points',
  'Service dependencies',
  'Vendor dependencies',
  'Service notes',
  'Vendor updated',
] as const;

/** A cell as written: text (already made safe) or a number. */
export type ExportCell = string | number;

const PAGE = 1000;

const DEPLOYMENT_LABELS: Record<string, string> = {
  saas: 'SaaS',
  hosted: 'Hosted',
  on_premises: 'On premises',
};

interface VendorRow {
  id: string;
  name: string;
  aliases: string[];
  domain: string | null;
  contacts: VendorContact[];
  phiKinds: string[];
  phiRecords: string | number | null;
  notes: string | null;
  updatedAt: string;
}

interface ServiceRow {
  id: string;
  vendorId: string;
  name: string;
  category: string;
  deployment: string | null;
  hostingName: string | null;
  integrationPoints: string[];
  notes: string | null;
}

interface DependencyRow {
  vendorId: string | null;
  serviceId: string | null;
  text: string;
}

interface Row {
  vendor: VendorRow;
  service: ServiceRow | null;
  vendorDependencies: string;
  serviceDependencies: string;
}

/** The ids of a chunk as an array the planner can look up by index, whatever its statistics say. */
const anyOf = (ids: string[]) =>
  sql`ANY (ARRAY(SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid))`;

/** The rows of some vendors (in the order given): three indexed lookups, joined here. */
async function chunk(db: AppDb, organizationId: string, ids: string[]): Promise<Row[]> {
  const { vendors, services, dependencies } = await withTenant(db, organizationId, async (tx) => {
    const vendors = await queryRows<VendorRow>(
      tx,
      sql`SELECT v.id, v.name, v.aliases, v.domain, v.contacts, v.phi_kinds AS "phiKinds", v.phi_records AS "phiRecords",
                 v.notes, to_char(v.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "updatedAt"
          FROM vendors v WHERE v.organization_id = ${organizationId} AND v.id = ${anyOf(ids)}`,
    );
    const services = await queryRows<ServiceRow>(
      tx,
      sql`SELECT s.id, s.vendor_id AS "vendorId", s.name, s.category, s.deployment, h.name AS "hostingName",
                 s.integration_points AS "integrationPoints", s.notes
          FROM vendor_services s
          LEFT JOIN vendors h ON h.organization_id = s.organization_id AND h.id = s.hosting_vendor_id
          WHERE s.organization_id = ${organizationId} AND s.vendor_id = ${anyOf(ids)}
          ORDER BY lower(s.name), s.id`,
    );
    const serviceIds = services.map((s) => s.id);
    const dependencies = await queryRows<DependencyRow>(
      tx,
      sql`SELECT d.vendor_id AS "vendorId", d.service_id AS "serviceId",
                 replace(d.kind, '-', ' ') || ': ' || t.name AS text
          FROM vendor_dependencies d
          JOIN vendors t ON t.organization_id = d.organization_id AND t.id = d.depends_on_vendor_id
          WHERE d.organization_id = ${organizationId}
            AND (d.vendor_id = ${anyOf(ids)} OR d.service_id = ${anyOf(serviceIds)})
          ORDER BY d.kind, lower(t.name)`,
    );
    return { vendors, services, dependencies };
  });
  const joined = (key: 'vendorId' | 'serviceId') => {
    const by = new Map<string, string[]>();
    for (const d of dependencies) {
      const id = d[key];
      if (id) by.set(id, [...(by.get(id) ?? []), d.text]);
    }
    return (id: string) => (by.get(id) ?? []).join('; ');
  };
  const ofVendor = joined('vendorId');
  const ofService = joined('serviceId');
  const servicesOf = new Map<string, ServiceRow[]>();
  for (const s of services) servicesOf.set(s.vendorId, [...(servicesOf.get(s.vendorId) ?? []), s]);
  const byId = new Map(vendors.map((v) => [v.id, v]));
  return ids.flatMap((id): Row[] => {
    const vendor = byId.get(id);
    if (!vendor) return []; // removed since the list was read
    const vendorDependencies = ofVendor(id);
    const own = servicesOf.get(id) ?? [];
    if (own.length === 0) return [{ vendor, service: null, vendorDependencies, serviceDependencies: '' }];
    return own.map((service) => ({
      vendor,
      service,
      vendorDependencies,
      serviceDependencies: ofService(service.id),
    }));
  });
}

function cells({ vendor, service, vendorDependencies, serviceDependencies }: Row): ExportCell[] {
  const contact = vendor.contacts.find((c) => c.name || c.email);
  const list = (values: string[] | null | undefined) => (values ?? []).join('; ');
  const category = service ? (categoryById(service.category)?.label ?? service.category) : '';
  const text = [
    vendor.name,
    list(vendor.aliases),
    vendor.domain ?? '',
    contact?.name ?? '',
    contact?.email ?? '',
    list(vendor.phiKinds),
  ].map(safeCell);
  return [
    ...text,
    vendor.phiRecords === null ? '' : Number(vendor.phiRecords),
    safeCell(vendor.notes),
    safeCell(service?.name),
    safeCell(category),
    service?.deployment ? (DEPLOYMENT_LABELS[service.deployment] ?? service.deployment) : '',
    safeCell(service?.hostingName),
    safeCell(list(service?.integrationPoints)),
    safeCell(serviceDependencies),
    safeCell(vendorDependencies),
    safeCell(service?.notes),
    vendor.updatedAt,
  ];
}

/**
 * Every row of the inventory in vendor-name order. The order is read once (ids only), then the
 * vendors are read a chunk at a time in short transactions, so no transaction stays open while a
 * slow client downloads.
 */
export async function* inventoryRows(db: AppDb, organizationId: string): AsyncGenerator<ExportCell[]> {
  const order = await withTenant(db, organizationId, (tx) =>
    queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM vendors WHERE organization_id = ${organizationId} ORDER BY lower(name), id`,
    ),
  );
  const ids = order.map((r) => r.id);
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const row of await chunk(db, organizationId, ids.slice(i, i + PAGE))) yield cells(row);
  }
}

/** One CSV line (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvLine(values: readonly ExportCell[]): string {
  return `${values
    .map((value) => {
      const text = String(value);
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',')}\r\n`;
}
