// Drizzle tables of the vendor inventory (SQL in db/migrations/0003_vendor_inventory.sql).
import { bigint, customType, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Binary data; PGlite hands back a Uint8Array, pg a Buffer. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

export interface VendorContact {
  name?: string;
  email?: string;
  phone?: string;
  role?: string;
}

export const DEPLOYMENTS = ['saas', 'hosted', 'on_premises'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

export const DEPENDENCY_KINDS = [
  'hosting',
  'supplier',
  'api',
  'integration-engine',
  'automation',
  'certificate',
  'update-service',
  'other',
] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];

export const vendors = pgTable('vendors', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  aliases: text('aliases').array().notNull(),
  domain: text('domain'),
  contacts: jsonb('contacts').$type<VendorContact[]>().notNull(),
  phiKinds: text('phi_kinds').array().notNull(),
  phiRecords: bigint('phi_records', { mode: 'number' }),
  notes: text('notes'),
  version: integer('version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const vendorServices = pgTable('vendor_services', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  vendorId: uuid('vendor_id').notNull(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  deployment: text('deployment').$type<Deployment>(),
  hostingVendorId: uuid('hosting_vendor_id'),
  integrationPoints: text('integration_points').array().notNull(),
  notes: text('notes'),
  version: integer('version').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const vendorDependencies = pgTable('vendor_dependencies', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  vendorId: uuid('vendor_id'),
  serviceId: uuid('service_id'),
  dependsOnVendorId: uuid('depends_on_vendor_id').notNull(),
  kind: text('kind').$type<DependencyKind>().notNull(),
  notes: text('notes'),
  createdAt: ts('created_at').notNull(),
});

export const vendorImports = pgTable('vendor_imports', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
  filename: text('filename').notNull(),
  file: bytea('file').notNull(),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  content: jsonb('content').$type<{ headers: string[]; rows: string[][]; rowNumbers: number[] }>().notNull(),
  status: text('status').$type<'ready' | 'committed'>().notNull(),
  result: jsonb('result').$type<Record<string, unknown>>(),
  committedAt: ts('committed_at'),
});
