// Drizzle table definitions. The SQL that creates them lives in ./migrations (one dialect, both databases).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: ts('created_at').notNull().default(sql`now()`),
});

export const users = pgTable('users', {
  id: uuid('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  createdAt: ts('created_at').notNull().default(sql`now()`),
});

export const roles = ['admin', 'risk_lead', 'assessor', 'business_owner', 'executive_viewer'] as const;
export type Role = (typeof roles)[number];

export const memberships = pgTable(
  'memberships',
  {
    organizationId: uuid('organization_id').notNull(),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    createdAt: ts('created_at').notNull().default(sql`now()`),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] })],
);

export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  userId: uuid('user_id').notNull(),
  csrfToken: text('csrf_token').notNull(),
  createdAt: ts('created_at').notNull(),
  lastSeenAt: ts('last_seen_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});

export const invitations = pgTable('invitations', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  email: text('email').notNull(),
  role: text('role').$type<Role>().notNull(),
  tokenHash: text('token_hash').notNull(),
  invitedBy: uuid('invited_by'),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  acceptedAt: ts('accepted_at'),
  revokedAt: ts('revoked_at'),
});

export const auditLog = pgTable(
  'audit_log',
  {
    organizationId: uuid('organization_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: ts('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.seq] })],
);

export const outbox = pgTable('outbox', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  toAddress: text('to_address').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: ts('created_at').notNull(),
  sentAt: ts('sent_at'),
});

export const disciplines = [
  'risk',
  'cybersecurity',
  'legal',
  'compliance',
  'it',
  'finance',
  'operations',
  'executive',
  'clinical',
  'other',
] as const;
export type Discipline = (typeof disciplines)[number];

export const teamMembers = pgTable('team_members', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  email: text('email'),
  userId: uuid('user_id'),
  discipline: text('discipline').$type<Discipline>().notNull(),
  assessmentRole: text('assessment_role').notNull(),
  isApprover: boolean('is_approver').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const subTeams = pgTable('sub_teams', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull(),
  workflows: text('workflows').notNull(),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const subTeamMembers = pgTable(
  'sub_team_members',
  {
    organizationId: uuid('organization_id').notNull(),
    subTeamId: uuid('sub_team_id').notNull(),
    teamMemberId: uuid('team_member_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.subTeamId, t.teamMemberId] })],
);

export const organizationSizes = ['small', 'medium', 'large'] as const;
export type OrganizationSize = (typeof organizationSizes)[number];
export const rubricStatuses = ['draft', 'approved', 'superseded'] as const;
export type RubricStatus = (typeof rubricStatuses)[number];
export const approvingBodies = ['board', 'senior_management', 'risk_committee', 'other'] as const;
export type ApprovingBody = (typeof approvingBodies)[number];

export interface RubricLevel {
  value: number;
  label: string;
  description: string;
  threshold: string;
}
export interface RubricDimension {
  id: string;
  label: string;
  description: string;
  levels: RubricLevel[];
}

export const materialityRubricVersions = pgTable('materiality_rubric_versions', {
  id: uuid('id').primaryKey(),
  organizationId: uuid('organization_id').notNull(),
  version: integer('version').notNull(),
  organizationSize: text('organization_size').$type<OrganizationSize>().notNull(),
  dimensions: jsonb('dimensions').$type<RubricDimension[]>().notNull(),
  changeNote: text('change_note').notNull(),
  status: text('status').$type<RubricStatus>().notNull(),
  createdBy: uuid('created_by'),
  createdByName: text('created_by_name').notNull(),
  createdAt: ts('created_at').notNull(),
  approvingBody: text('approving_body').$type<ApprovingBody>(),
  approverName: text('approver_name'),
  approvalDate: date('approval_date', { mode: 'string' }),
  approvalNote: text('approval_note'),
  approvalRecordedBy: uuid('approval_recorded_by'),
  approvalRecordedByName: text('approval_recorded_by_name'),
  approvalRecordedAt: ts('approval_recorded_at'),
});
