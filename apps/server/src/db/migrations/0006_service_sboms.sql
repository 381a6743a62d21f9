-- Software bills of materials of inventory services: the SBOM last imported for a service, its
-- components, and which vendor supplies each. The supplier dependencies an SBOM creates point back
-- to it (vendor_dependencies.source_sbom_id), so replacing or removing the SBOM removes them too,
-- while dependencies people recorded by hand stay.

CREATE TABLE service_sboms (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  service_id uuid NOT NULL,
  filename text NOT NULL CHECK (length(filename) BETWEEN 1 AND 255),
  format text NOT NULL CHECK (format IN ('CycloneDX', 'SPDX')),
  spec_version text NOT NULL,
  subject text,
  component_count integer NOT NULL CHECK (component_count >= 0),
  uploaded_by uuid,
  uploaded_by_name text,
  uploaded_at timestamptz NOT NULL,
  UNIQUE (organization_id, id),
  -- One SBOM per service: a new one replaces the previous.
  UNIQUE (organization_id, service_id),
  FOREIGN KEY (organization_id, service_id) REFERENCES vendor_services (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE sbom_components (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  sbom_id uuid NOT NULL,
  position integer NOT NULL,
  name text NOT NULL,
  version text,
  supplier text,
  purl text,
  supplier_vendor_id uuid,
  FOREIGN KEY (organization_id, sbom_id) REFERENCES service_sboms (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, supplier_vendor_id) REFERENCES vendors (organization_id, id)
    ON DELETE SET NULL (supplier_vendor_id)
);
CREATE INDEX sbom_components_sbom_idx ON sbom_components (organization_id, sbom_id, position);
CREATE INDEX sbom_components_supplier_idx ON sbom_components (organization_id, supplier_vendor_id);

ALTER TABLE vendor_dependencies ADD COLUMN source_sbom_id uuid;
ALTER TABLE vendor_dependencies ADD FOREIGN KEY (organization_id, source_sbom_id)
  REFERENCES service_sboms (organization_id, id) ON DELETE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON service_sboms, sbom_components TO smart_app;

ALTER TABLE service_sboms ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON service_sboms
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE sbom_components ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON sbom_components
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
