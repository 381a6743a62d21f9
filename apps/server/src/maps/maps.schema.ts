// Drizzle tables of the workflow maps and the template selection (SQL in db/migrations/0005_maps.sql).
import type { Tlp } from '@smart/core';
import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const REVIEW_STATUSES = ['draft', 'in_review', 'validated'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const HISTORY_KINDS = ['create', 'import', 'edit', 'restore'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface Position {
  x: number;
  y: number;
}
export type MapLayout = Record<string, Position>;

export const mapSelections = pgTable('map_selections', {
  organizationId: uuid('organization_id').primaryKey(),
  version: integer('version').notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name'),
});

export const mapSelectionItems = pgTable('map_selection_items', {
  organizationId: uuid('organization_id').notNull(),
  templateId: text('template_id').notNull(),
  rank: integer('rank').notNull(),
  importance: integer('importance').notNull(),
  impact: integer('impact').notNull(),
  reason: text('reason').notNull(),
});

export const maps = pgTable('maps', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  templateId: text('template_id'),
  subTeamId: uuid('sub_team_id'),
  tlp: text('tlp').$type<Tlp>().notNull(),
  /** The draft model document; parsed again with draftModelSchema when read. */
  model: jsonb('model').$type<unknown>().notNull(),
  layout: jsonb('layout').$type<MapLayout>().notNull(),
  nodeCount: integer('node_count').notNull(),
  problemCount: integer('problem_count').notNull(),
  reviewStatus: text('review_status').$type<ReviewStatus>().notNull(),
  reviewedBy: uuid('reviewed_by'),
  reviewedByName: text('reviewed_by_name'),
  reviewedAt: ts('reviewed_at'),
  reviewNote: text('review_note'),
  version: integer('version').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name'),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by'),
  updatedByName: text('updated_by_name'),
});

export const mapVersions = pgTable('map_versions', {
  organizationId: uuid('organization_id').notNull(),
  mapId: uuid('map_id').notNull(),
  version: integer('version').notNull(),
  kind: text('kind').$type<HistoryKind>().notNull(),
  name: text('name').notNull(),
  tlp: text('tlp').$type<Tlp>().notNull(),
  model: jsonb('model').$type<unknown>().notNull(),
  layout: jsonb('layout').$type<MapLayout>().notNull(),
  summary: text('summary').notNull(),
  restoredFrom: integer('restored_from'),
  createdAt: ts('created_at').notNull(),
  savedAt: ts('saved_at').notNull(),
  savedBy: uuid('saved_by'),
  savedByName: text('saved_by_name'),
});

export const mapComments = pgTable('map_comments', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  mapId: uuid('map_id').notNull(),
  nodeId: text('node_id'),
  body: text('body').notNull(),
  authorId: uuid('author_id'),
  authorName: text('author_name').notNull(),
  createdAt: ts('created_at').notNull(),
  resolvedAt: ts('resolved_at'),
  resolvedBy: uuid('resolved_by'),
  resolvedByName: text('resolved_by_name'),
});

export const mapLinks = pgTable('map_links', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  mapId: uuid('map_id').notNull(),
  nodeId: text('node_id').notNull(),
  serviceId: uuid('service_id').notNull(),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name'),
});
