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

interface Row {
  id: string;
  sortName: string;
  name: string;
  aliases: string[];
  domain: string | null;
  contacts: VendorContact[];
  phiKinds: string[];
  phiRecords: string | number | null;
  notes: string | null;
  updatedAt: string;
  vendorDependencies: string | null;
  serviceName: string | null;
  category: string | null;
  deployment: string | null;
  hostingName: string | null;
  integrationPoints: string[] | null;
  serviceDependencies: string | null;
  serviceNotes: string | null;
}

const DEPENDENCIES = (column: string, id: string) =>
  sql.raw(`(SELECT string_agg(replace(d.kind, '-', ' ') || ': ' || t.name, '; ' ORDER BY d.kind, lower(t.name))
     FROM vendor_dependencies d JOIN vendors t ON t.organization_id = d.organization_id AND t.id = d.depends_on_vendor_id
     WHERE d.organization_id = p.organization_id AND d.${column} = ${id})`);

async function page(db: AppDb, organizationId: string, after: { name: string; id: string } | null) {
  return withTenant(db, organizationId, (tx) =>
    queryRows<Row>(
      tx,
      sql`WITH p AS (
            SELECT v.* FROM vendors v
            WHERE v.organization_id = ${organizationId}
              ${after ? sql`AND (lower(v.name), v.id) > (${after.name}, ${after.id}::uuid)` : sql``}
            ORDER BY lower(v.name), v.id
            LIMIT ${PAGE}
          )
          SELECT p.id, lower(p.name) AS "sortName", p.name, p.aliases, p.domain, p.contacts, p.phi_kinds AS "phiKinds",
                 p.phi_records AS "phiRecords", p.notes,
                 to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "updatedAt",
                 ${DEPENDENCIES('vendor_id', 'p.id')} AS "vendorDependencies",
                 s.name AS "serviceName", s.category, s.deployment, h.name AS "hostingName",
                 s.integration_points AS "integrationPoints", s.notes AS "serviceNotes",
                 ${DEPENDENCIES('service_id', 's.id')} AS "serviceDependencies"
          FROM p
          LEFT JOIN vendor_services s ON s.organization_id = p.organization_id AND s.vendor_id = p.id
          LEFT JOIN vendors h ON h.organization_id = s.organization_id AND h.id = s.hosting_vendor_id
          ORDER BY lower(p.name), p.id, lower(s.name), s.id`,
    ),
  );
}

function cells(row: Row): ExportCell[] {
  const contact = row.contacts.find((c) => c.name || c.email);
  const list = (values: string[] | null) => (values ?? []).join('; ');
  const category = row.category ? (categoryById(row.category)?.label ?? row.category) : '';
  const text = [
    row.name,
    list(row.aliases),
    row.domain ?? '',
    contact?.name ?? '',
    contact?.email ?? '',
    list(row.phiKinds),
  ].map(safeCell);
  return [
    ...text,
    row.phiRecords === null ? '' : Number(row.phiRecords),
    safeCell(row.notes),
    safeCell(row.serviceName),
    safeCell(category),
    row.deployment ? (DEPLOYMENT_LABELS[row.deployment] ?? row.deployment) : '',
    safeCell(row.hostingName),
    safeCell(list(row.integrationPoints)),
    safeCell(row.serviceDependencies),
    safeCell(row.vendorDependencies),
    safeCell(row.serviceNotes),
    row.updatedAt,
  ];
}

/** Every row of the inventory, in vendor-name order, a page of vendors at a time. */
export async function* inventoryRows(db: AppDb, organizationId: string): AsyncGenerator<ExportCell[]> {
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const rows = await page(db, organizationId, after);
    for (const row of rows) yield cells(row);
    const last = rows.at(-1);
    if (!last || new Set(rows.map((r) => r.id)).size < PAGE) return;
    after = { name: last.sortName, id: last.id };
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
