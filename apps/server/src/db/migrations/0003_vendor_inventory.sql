-- The vendor inventory: vendors (third and fourth parties), the services and products they provide,
-- and the hidden dependencies between them (hosting, suppliers, APIs, integration engines ...).
-- References between these tables include organization_id, so that the database itself refuses a
-- row of one organization pointing at another's (foreign-key checks do not see row-level security).

CREATE TABLE vendors (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  aliases text[] NOT NULL DEFAULT '{}',
  domain text CHECK (domain IS NULL OR domain = lower(domain)),
  contacts jsonb NOT NULL DEFAULT '[]',
  phi_kinds text[] NOT NULL DEFAULT '{}',
  phi_records bigint CHECK (phi_records IS NULL OR phi_records >= 0),
  notes text CHECK (notes IS NULL OR length(notes) <= 10000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, id)
);
CREATE INDEX vendors_org_name_idx ON vendors (organization_id, lower(name), id);
CREATE INDEX vendors_org_domain_idx ON vendors (organization_id, domain);
CREATE INDEX vendors_org_updated_idx ON vendors (organization_id, updated_at, id);

CREATE TABLE vendor_services (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  vendor_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  category text NOT NULL,
  deployment text CHECK (deployment IN ('saas', 'hosted', 'on_premises')),
  hosting_vendor_id uuid,
  integration_points text[] NOT NULL DEFAULT '{}',
  notes text CHECK (notes IS NULL OR length(notes) <= 10000),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (organization_id, id),
  FOREIGN KEY (organization_id, vendor_id) REFERENCES vendors (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, hosting_vendor_id) REFERENCES vendors (organization_id, id)
    ON DELETE SET NULL (hosting_vendor_id)
);
CREATE INDEX vendor_services_vendor_idx ON vendor_services (organization_id, vendor_id);
CREATE INDEX vendor_services_category_idx ON vendor_services (organization_id, category);

CREATE TABLE vendor_dependencies (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  vendor_id uuid,
  service_id uuid,
  depends_on_vendor_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('hosting', 'supplier', 'api', 'integration-engine', 'automation',
                                     'certificate', 'update-service', 'other')),
  notes text CHECK (notes IS NULL OR length(notes) <= 2000),
  created_at timestamptz NOT NULL,
  CHECK (num_nonnulls(vendor_id, service_id) = 1),
  FOREIGN KEY (organization_id, vendor_id) REFERENCES vendors (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, service_id) REFERENCES vendor_services (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, depends_on_vendor_id) REFERENCES vendors (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX vendor_dependencies_org_idx ON vendor_dependencies (organization_id);

GRANT SELECT, INSERT, UPDATE, DELETE ON vendors, vendor_services, vendor_dependencies TO smart_app;

ALTER TABLE vendors ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vendors
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE vendor_services ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vendor_services
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE vendor_dependencies ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vendor_dependencies
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
