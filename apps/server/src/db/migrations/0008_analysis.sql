-- Phase 1, steps 7 to 9: the organization-wide analysis. The analysis itself is computed from the
-- maps and the inventory and never stored; what is stored is what people decide about it: saved
-- outage scenarios, the organization's score weights, and dated snapshots of the prioritized
-- vendor list (Phase 2 tiers vendors from a snapshot, so a snapshot never changes once taken).
-- People are kept as id and name, as elsewhere, so names stay readable after someone leaves.

CREATE TABLE analysis_scenarios (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  -- Node ids of the organization model (they may stop existing when maps change; a run says so).
  failed jsonb NOT NULL CHECK (jsonb_typeof(failed) = 'array'),
  duration_hours double precision NOT NULL CHECK (duration_hours >= 1 AND duration_hours <= 8760),
  workarounds text NOT NULL CHECK (workarounds IN ('count', 'ignore')),
  version integer NOT NULL CHECK (version > 0),
  created_at timestamptz NOT NULL,
  created_by uuid,
  created_by_name text,
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  updated_by_name text,
  UNIQUE (organization_id, id)
);
CREATE INDEX analysis_scenarios_org_idx ON analysis_scenarios (organization_id, lower(name));

-- One row per organization once its weights have been changed; defaults before that.
CREATE TABLE analysis_weights (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  weights jsonb NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
  version integer NOT NULL CHECK (version > 0),
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  updated_by_name text
);

CREATE TABLE analysis_snapshots (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  taken_at timestamptz NOT NULL,
  taken_by uuid,
  taken_by_name text,
  tlp text NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  model_hash text NOT NULL,
  weights jsonb NOT NULL CHECK (jsonb_typeof(weights) = 'object'),
  options jsonb NOT NULL CHECK (jsonb_typeof(options) = 'object'),
  -- The maps (id, name, version) the list was computed from, and the ranked list itself.
  maps jsonb NOT NULL CHECK (jsonb_typeof(maps) = 'array'),
  priorities jsonb NOT NULL CHECK (jsonb_typeof(priorities) = 'array'),
  vendor_count integer NOT NULL CHECK (vendor_count >= 0),
  UNIQUE (organization_id, id)
);
CREATE INDEX analysis_snapshots_org_idx ON analysis_snapshots (organization_id, taken_at DESC);

-- Snapshots are immutable: the application role may add and read them, never change them.
GRANT SELECT, INSERT, UPDATE, DELETE ON analysis_scenarios, analysis_weights TO smart_app;
GRANT SELECT, INSERT ON analysis_snapshots TO smart_app;

ALTER TABLE analysis_scenarios ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analysis_scenarios
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE analysis_weights ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analysis_weights
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE analysis_snapshots ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON analysis_snapshots
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
