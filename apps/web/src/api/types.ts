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
