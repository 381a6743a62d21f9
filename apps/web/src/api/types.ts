// The shapes the SMART API answers with (issue 2's contract). Kept in one place so every hook and
// component agrees; when core publishes its zod schemas these become `z.infer` of them.

export const ROLES = ['admin', 'risk_lead', 'assessor', 'business_owner', 'executive_viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  risk_lead: 'Risk lead',
  assessor: 'Assessor',
  business_owner: 'Business owner',
  executive_viewer: 'Executive viewer',
};

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function isRole(value: string | null | undefined): value is Role {
  return ROLES.some((role) => role === value);
}

export function roleLabel(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface Membership {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  organizations: Membership[];
  csrfToken: string;
}

export interface SetupStatus {
  needsSetup: boolean;
}

export interface OrganizationDetails {
  id: string;
  slug: string;
  name: string;
  createdAt: string;
}

export interface Member {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedBy: { id: string; name: string } | null;
}

export interface CreatedInvitation {
  invitation: Invitation;
  acceptUrl: string;
}

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: Role;
  userExists: boolean;
  expiresAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextCursor: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  message: string;
}

// Planning team (P1.1).
export const DISCIPLINES = [
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
export type Discipline = (typeof DISCIPLINES)[number];

export const DISCIPLINE_LABELS: Record<Discipline, string> = {
  risk: 'Risk',
  cybersecurity: 'Cybersecurity',
  legal: 'Legal',
  compliance: 'Compliance',
  it: 'IT',
  finance: 'Finance',
  operations: 'Operations',
  executive: 'Executive leadership',
  clinical: 'Clinical',
  other: 'Other',
};

export function isDiscipline(value: string | null | undefined): value is Discipline {
  return DISCIPLINES.some((d) => d === value);
}

export interface TeamMember {
  id: string;
  name: string;
  email: string | null;
  userId: string | null;
  discipline: Discipline;
  assessmentRole: string;
  isApprover: boolean;
  subTeamIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface SubTeam {
  id: string;
  name: string;
  description: string;
  workflows: string;
  memberIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface Team {
  members: TeamMember[];
  subTeams: SubTeam[];
}

// Materiality rubric (P1.2).
export type OrganizationSize = 'small' | 'medium' | 'large';
export type RubricStatus = 'draft' | 'approved' | 'superseded';
export const APPROVING_BODIES = ['board', 'senior_management', 'risk_committee', 'other'] as const;
export type ApprovingBody = (typeof APPROVING_BODIES)[number];
export const APPROVING_BODY_LABELS: Record<ApprovingBody, string> = {
  board: 'Board of directors',
  senior_management: 'Senior management',
  risk_committee: 'Risk committee',
  other: 'Other',
};

export function isApprovingBody(value: string | null | undefined): value is ApprovingBody {
  return APPROVING_BODIES.some((b) => b === value);
}

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

export interface RubricApproval {
  approvingBody: ApprovingBody;
  approverName: string;
  approvalDate: string;
  note: string;
  recordedBy: { id: string | null; name: string };
  recordedAt: string;
}

export interface RubricVersionSummary {
  id: string;
  version: number;
  organizationSize: OrganizationSize;
  status: RubricStatus;
  changeNote: string;
  createdBy: { id: string | null; name: string };
  createdAt: string;
  approval: RubricApproval | null;
}

export interface RubricVersion extends RubricVersionSummary {
  dimensions: RubricDimension[];
}

export interface RubricOverview {
  versions: RubricVersionSummary[];
  latestVersion: number | null;
  approvedVersion: number | null;
  draftVersion: number | null;
}
