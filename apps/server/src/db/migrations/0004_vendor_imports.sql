-- Spreadsheet imports of the vendor inventory: the uploaded file is kept, with what was read from it,
-- between the upload, the checks (dry runs) and the commit, which writes all rows or none.

CREATE TABLE vendor_imports (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  created_by uuid,
  created_at timestamptz NOT NULL,
  filename text NOT NULL,
  file bytea NOT NULL,
  summary jsonb NOT NULL,
  -- The table read from the file (headers, rows, row numbers), so checks do not read it again.
  content jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('ready', 'committed')),
  result jsonb,
  committed_at timestamptz
);
CREATE INDEX vendor_imports_org_idx ON vendor_imports (organization_id, created_at);

GRANT SELECT, INSERT, UPDATE, DELETE ON vendor_imports TO smart_app;

ALTER TABLE vendor_imports ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON vendor_imports
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
