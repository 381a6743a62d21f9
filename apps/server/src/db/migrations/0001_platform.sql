-- Platform foundation: organizations, users, memberships, sessions, invitations, audit log, outbox.
-- Tenant tables carry organization_id and are guarded by row-level security for the smart_app role,
-- under which every organization-scoped request runs (see db/tenant.ts).

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'smart_app') THEN
    CREATE ROLE smart_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL; -- another database of the same cluster created it at the same moment
END $$;
-- The connecting user switches to smart_app (SET LOCAL ROLE) for organization-scoped work.
DO $$ BEGIN
  IF NOT pg_has_role(current_user, 'smart_app', 'MEMBER') THEN
    EXECUTE format('GRANT smart_app TO %I', current_user);
  END IF;
END $$;

CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  email text NOT NULL CHECK (email = lower(email)),
  name text NOT NULL,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (email);

CREATE TABLE memberships (
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('admin', 'risk_lead', 'assessor', 'business_owner', 'executive_viewer')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('admin', 'risk_lead', 'assessor', 'business_owner', 'executive_viewer')),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX invitations_org_idx ON invitations (organization_id);

CREATE TABLE audit_log (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  seq bigint NOT NULL CHECK (seq > 0),
  at timestamptz NOT NULL,
  actor_id uuid,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  before jsonb,
  after jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  PRIMARY KEY (organization_id, seq)
);
CREATE INDEX audit_log_org_at_idx ON audit_log (organization_id, at);

-- The audit log is append-only for everyone, the owner included.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

CREATE TABLE outbox (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);

-- Row-level security: the second wall behind the scoped queries.
GRANT USAGE ON SCHEMA public TO smart_app;
GRANT SELECT ON organizations, users TO smart_app;
GRANT UPDATE (name) ON organizations TO smart_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON memberships, invitations, outbox TO smart_app;
GRANT SELECT, INSERT ON audit_log TO smart_app;

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_of_tenant ON users
  USING (EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id
                 AND m.organization_id = nullif(current_setting('app.org', true), '')::uuid));

ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organizations
  USING (id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON memberships
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitations
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_log
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON outbox
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
