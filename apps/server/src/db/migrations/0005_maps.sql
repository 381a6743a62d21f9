-- Phase 1, steps 4 and 5: the selection and ranking of the sector templates that apply (P1.4), and
-- the organization's workflow maps (P1.5) with their history, review, comments and the links from
-- their nodes to the vendor inventory's services (P1.6). References between these tables include
-- organization_id, so the database itself refuses a row of one organization pointing at another's.
-- People are kept as id and name: the name stays readable after the person leaves the organization.

-- One row per organization: who last saved the selection, and its version for optimistic concurrency.
CREATE TABLE map_selections (
  organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
  version integer NOT NULL CHECK (version > 0),
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  updated_by_name text
);

CREATE TABLE map_selection_items (
  organization_id uuid NOT NULL REFERENCES map_selections (organization_id) ON DELETE CASCADE,
  template_id text NOT NULL CHECK (length(template_id) BETWEEN 1 AND 100),
  rank integer NOT NULL CHECK (rank > 0),
  importance integer NOT NULL CHECK (importance BETWEEN 1 AND 5),
  impact integer NOT NULL CHECK (impact BETWEEN 1 AND 5),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  PRIMARY KEY (organization_id, template_id),
  UNIQUE (organization_id, rank)
);

CREATE TABLE maps (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  template_id text CHECK (template_id IS NULL OR length(template_id) BETWEEN 1 AND 100),
  sub_team_id uuid,
  tlp text NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  -- The SMART model document in its draft form, and node positions beside it.
  model jsonb NOT NULL CHECK (jsonb_typeof(model) = 'object'),
  layout jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(layout) = 'object'),
  node_count integer NOT NULL CHECK (node_count >= 0),
  problem_count integer NOT NULL CHECK (problem_count >= 0),
  review_status text NOT NULL DEFAULT 'draft' CHECK (review_status IN ('draft', 'in_review', 'validated')),
  reviewed_by uuid,
  reviewed_by_name text,
  reviewed_at timestamptz,
  review_note text CHECK (review_note IS NULL OR length(review_note) <= 1000),
  version integer NOT NULL CHECK (version > 0),
  created_at timestamptz NOT NULL,
  created_by uuid,
  created_by_name text,
  updated_at timestamptz NOT NULL,
  updated_by uuid,
  updated_by_name text,
  UNIQUE (organization_id, id),
  -- A validated map says who validated it and when.
  CHECK (review_status <> 'validated' OR (reviewed_at IS NOT NULL AND reviewed_by_name IS NOT NULL)),
  FOREIGN KEY (organization_id, sub_team_id) REFERENCES sub_teams (organization_id, id)
    ON DELETE SET NULL (sub_team_id)
);
CREATE INDEX maps_org_name_idx ON maps (organization_id, lower(name));
CREATE INDEX maps_sub_team_idx ON maps (organization_id, sub_team_id);

-- History: snapshots of a map's content. Saves by one person close together update that person's
-- latest snapshot (its version moves to the newest it holds), so `version` is the last map version
-- the snapshot holds and `created_at` the first save in it.
CREATE TABLE map_versions (
  organization_id uuid NOT NULL,
  map_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  kind text NOT NULL CHECK (kind IN ('create', 'import', 'edit', 'restore')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  tlp text NOT NULL CHECK (tlp IN ('CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED')),
  model jsonb NOT NULL CHECK (jsonb_typeof(model) = 'object'),
  layout jsonb NOT NULL CHECK (jsonb_typeof(layout) = 'object'),
  summary text NOT NULL,
  restored_from integer CHECK (restored_from IS NULL OR restored_from > 0),
  created_at timestamptz NOT NULL,
  saved_at timestamptz NOT NULL,
  saved_by uuid,
  saved_by_name text,
  PRIMARY KEY (organization_id, map_id, version),
  CHECK (saved_at >= created_at),
  CHECK ((kind = 'restore') = (restored_from IS NOT NULL)),
  FOREIGN KEY (organization_id, map_id) REFERENCES maps (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE map_comments (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  map_id uuid NOT NULL,
  -- The node the comment is on; null for the whole map.
  node_id text CHECK (node_id IS NULL OR length(node_id) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  author_id uuid,
  author_name text NOT NULL,
  created_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolved_by uuid,
  resolved_by_name text,
  CHECK ((resolved_at IS NULL) = (resolved_by_name IS NULL)),
  FOREIGN KEY (organization_id, map_id) REFERENCES maps (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX map_comments_map_idx ON map_comments (organization_id, map_id, created_at);

-- A node of a map supported by a service of the vendor inventory. Removing the service, or the
-- map, removes the link; removing the node from the map's model removes it too (in the service).
CREATE TABLE map_links (
  id uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  map_id uuid NOT NULL,
  node_id text NOT NULL CHECK (length(node_id) BETWEEN 1 AND 200),
  service_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  created_by uuid,
  created_by_name text,
  UNIQUE (map_id, node_id, service_id),
  FOREIGN KEY (organization_id, map_id) REFERENCES maps (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, service_id) REFERENCES vendor_services (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX map_links_service_idx ON map_links (organization_id, service_id);
CREATE INDEX map_links_map_idx ON map_links (organization_id, map_id);

GRANT SELECT, INSERT, UPDATE, DELETE
  ON map_selections, map_selection_items, maps, map_versions, map_comments, map_links TO smart_app;

ALTER TABLE map_selections ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON map_selections
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE map_selection_items ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON map_selection_items
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE maps ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON maps
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE map_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON map_versions
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE map_comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON map_comments
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);

ALTER TABLE map_links ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON map_links
  USING (organization_id = nullif(current_setting('app.org', true), '')::uuid)
  WITH CHECK (organization_id = nullif(current_setting('app.org', true), '')::uuid);
