// Drizzle tables of the SBOMs imported for inventory services (SQL in db/migrations/0006_service_sboms.sql).
import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const serviceSboms = pgTable('service_sboms', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  filename: text('filename').notNull(),
  format: text('format').$type<'CycloneDX' | 'SPDX'>().notNull(),
  specVersion: text('spec_version').notNull(),
  subject: text('subject'),
  componentCount: integer('component_count').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedByName: text('uploaded_by_name'),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const sbomComponents = pgTable('sbom_components', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  sbomId: uuid('sbom_id').notNull(),
  position: integer('position').notNull(),
  name: text('name').notNull(),
  version: text('version'),
  supplier: text('supplier'),
  purl: text('purl'),
  supplierVendorId: uuid('supplier_vendor_id'),
});
