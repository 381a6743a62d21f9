-- Phase 1, steps 1 and 2: the planning team (members, sub-teams) and the materiality rubric with its
-- versions and approvals. Tenant tables, guarded by row-level security like those of 0001.

CREATE TABLE team_members (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  email text CHECK (email = lower(email)),
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  discipline text NOT NULL CHECK (discipline IN ('risk', 'cybersecurity', 'legal', 'compliance', 'it',
    'finance', 'operations', 'executive', 'clinical', 'other')),
  assessment_role text NOT NULL DEFAULT '',
  is_approver boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, id)
);

CREATE TABLE sub_teams (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  description text NOT NULL DEFAULT '',
  workflows text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, id)
);

CREATE TABLE sub_team_members (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  sub_team_id uuid NOT NULL,
  team_member_id uuid NOT NULL,
  PRIMARY KEY (sub_team_id, team_member_id),
  -- A sub-team holds only members of its own organization, whatever the application does.
  FOREIGN KEY (organization_id, sub_team_id) REFERENCES sub_teams (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, team_member_id) REFERENCES team_members (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX sub_team_members_org_idx ON sub_team_members (organization_id);

-- Each saved edit of the rubric is a new row; rows are never rewritten except for their status
-- (draft -> superseded, draft -> approved -> superseded) and the approval record.
CREATE TABLE materiality_rubric_versions (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  organization_size text NOT NULL CHECK (organization_size IN ('small', 'medium', 'large')),
  dimensions jsonb NOT NULL,
  change_note text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('draft', 'approved', 'superseded')),
  created_by uuid,
  created_by_name text NOT NULL,
  created_at timestamptz NOT NULL,
  approving_body text CHECK (approving_body IN ('board', 'senior_management', 'risk_committee', 'other')),
  approver_name text,
  approval_date date,
  approval_note text,
  approval_recorded_by uuid,
  approval_recorded_by_name text,
  approval_recorded_at timestamptz,
  CHECK (status <> 'approved' OR approval_recorded_at IS NOT NULL),
  CHECK (status <> 'draft' OR approval_recorded_at IS NULL),
  UNIQUE (organization_id, version)
);
-- Exactly one approved version at a time: the one analysis uses.
CREATE UNIQUE INDEX materiality_one_approved ON materiality_rubric_versions (organization_id)
  WHERE status = 'approved';

GRANT SELECT, INSERT, UPDATE, DELETE ON team_members, sub_teams, sub_team_members TO smart_app;
GRANT SELECT, INSERT, UPDATE ON materiality_rubric_versions TO smart_app;

ALTER TABLE team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON team_members
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE sub_teams ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sub_teams
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE sub_team_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sub_team_members
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE materiality_rubric_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON materiality_rubric_versions
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
