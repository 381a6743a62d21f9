-- Searching, filtering, sorting and counting inventories of tens of thousands of vendors quickly.
--
-- A vendor is found by a substring of its name, other names, web domain or one of its services'
-- names. Each vendor keeps what it is found by as one lower-case text (search_text) and a summary
-- of its services (how many, their names), kept up to date by triggers, so that a search reads one
-- table with a plain LIKE and sorting by number of services reads an index.
--
-- Why no trigram index: row-level security keeps PostgreSQL from using an index for LIKE (its
-- operator is not "leakproof") and from using the column statistics that would estimate it, so a
-- trigram index needs a function that bypasses row-level security; and it doubled the cost of
-- writing a vendor, which a 50,000-row import pays 50,000 times. Reading 50,000 short texts takes
-- a few milliseconds on PostgreSQL and about 25 on PGlite.

-- The services' summary: how many, and their names in lower case, one a line (in id order).
ALTER TABLE vendors
  ADD COLUMN service_count integer NOT NULL DEFAULT 0,
  ADD COLUMN service_names text NOT NULL DEFAULT '',
  ADD COLUMN search_text text NOT NULL DEFAULT '';

-- A text array as lines (array_to_string is only "stable", for arrays of any type).
CREATE FUNCTION smart_lines(parts text[]) RETURNS text
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$ BEGIN RETURN array_to_string(parts, E'\n'); END $$;

-- What a vendor is found by, in lower case, one line each: name, domain, services' names, other
-- names (most vendors have none, and skip the call).
CREATE FUNCTION vendor_search_text(name text, domain text, service_names text, aliases text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT lower(name || E'\n' || coalesce(domain, '') || E'\n' || coalesce(service_names, '')
                     || CASE WHEN coalesce(cardinality(aliases), 0) = 0 THEN ''
                             ELSE E'\n' || smart_lines(aliases) END) $$;

-- search_text follows the vendor's name, domain, other names and services. A spreadsheet import
-- writes it (and the summaries) itself, with smart.vendor_summaries set to 'off' for its
-- transaction: 50,000 trigger calls would cost seconds. An organization export written before this
-- migration has no summaries: they start empty and fill in as its services are imported.
CREATE FUNCTION vendors_search_text() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
BEGIN
  NEW.service_count := coalesce(NEW.service_count, 0);
  NEW.service_names := coalesce(NEW.service_names, '');
  NEW.search_text := vendor_search_text(NEW.name, NEW.domain, NEW.service_names, NEW.aliases);
  RETURN NEW;
END $$;
CREATE TRIGGER vendors_search_text BEFORE INSERT OR UPDATE OF name, domain, aliases, service_names ON vendors
  FOR EACH ROW WHEN (current_setting('smart.vendor_summaries', true) IS DISTINCT FROM 'off')
  EXECUTE FUNCTION vendors_search_text();

-- Recomputes the service summaries of the given vendors of one organization. The vendors are locked
-- first, so that two transactions adding services to one vendor count each other's (the second
-- waits, then reads what the first committed).
CREATE FUNCTION refresh_vendor_summaries(org uuid, vendor_ids uuid[]) RETURNS void
  LANGUAGE plpgsql
  AS $$
BEGIN
  PERFORM 1 FROM vendors WHERE organization_id = org AND id = ANY (vendor_ids) ORDER BY id FOR UPDATE;
  UPDATE vendors v
     SET service_count = x.n, service_names = x.names
    FROM (SELECT a.id, count(s.id)::integer AS n,
                 coalesce(string_agg(lower(s.name), E'\n' ORDER BY s.id), '') AS names
            FROM unnest(vendor_ids) AS a (id)
            LEFT JOIN vendor_services s ON s.organization_id = org AND s.vendor_id = a.id
           GROUP BY a.id) x
   WHERE v.organization_id = org AND v.id = x.id
     AND (v.service_count, v.service_names) IS DISTINCT FROM (x.n, x.names);
END $$;

-- After services are added, changed or removed, their vendors' summaries follow.
CREATE FUNCTION vendor_services_summarize() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
DECLARE
  affected record;
BEGIN
  IF current_setting('smart.vendor_summaries', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    FOR affected IN
      SELECT organization_id, array_agg(DISTINCT vendor_id) AS ids
        FROM (SELECT organization_id, vendor_id FROM changed
              UNION ALL SELECT organization_id, vendor_id FROM changed_before) c
       GROUP BY organization_id
    LOOP
      PERFORM refresh_vendor_summaries(affected.organization_id, affected.ids);
    END LOOP;
  ELSE
    FOR affected IN
      SELECT organization_id, array_agg(DISTINCT vendor_id) AS ids FROM changed GROUP BY organization_id
    LOOP
      PERFORM refresh_vendor_summaries(affected.organization_id, affected.ids);
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER vendor_services_summarize_insert AFTER INSERT ON vendor_services
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION vendor_services_summarize();
CREATE TRIGGER vendor_services_summarize_update AFTER UPDATE ON vendor_services
  REFERENCING OLD TABLE AS changed_before NEW TABLE AS changed
  FOR EACH STATEMENT EXECUTE FUNCTION vendor_services_summarize();
CREATE TRIGGER vendor_services_summarize_delete AFTER DELETE ON vendor_services
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION vendor_services_summarize();

-- The summaries and search texts of the vendors already there (the update fires the trigger above).
UPDATE vendors v
   SET service_count = coalesce(x.n, 0), service_names = coalesce(x.names, '')
  FROM vendors o
  LEFT JOIN (SELECT s.organization_id, s.vendor_id, count(*)::integer AS n,
                    string_agg(lower(s.name), E'\n' ORDER BY s.id) AS names
               FROM vendor_services s
              GROUP BY s.organization_id, s.vendor_id) x
    ON x.organization_id = o.organization_id AND x.vendor_id = o.id
 WHERE v.id = o.id;

-- Sorting by name reads the index alone (the name is included, so no row needs a visit), and so
-- does sorting by number of services.
DROP INDEX vendors_org_name_idx;
CREATE INDEX vendors_org_name_idx ON vendors (organization_id, lower(name), id) INCLUDE (name);
CREATE INDEX vendors_org_services_idx ON vendors (organization_id, service_count, id);

-- Filtering and counting by service category reads the index alone.
DROP INDEX vendor_services_category_idx;
CREATE INDEX vendor_services_category_idx ON vendor_services (organization_id, category, vendor_id);

-- Removing a vendor clears it as the hosting provider of services (ON DELETE SET NULL): without
-- an index, that reads every service of every organization once per vendor removed.
CREATE INDEX vendor_services_hosting_idx ON vendor_services (organization_id, hosting_vendor_id)
  WHERE hosting_vendor_id IS NOT NULL;

-- Nothing looks vendors up by domain in the database (the import's duplicate checks read the
-- inventory once into memory); the index only slowed every write.
DROP INDEX vendors_org_domain_idx;
