-- Dependencies are looked up by what depends (a vendor or a service): a vendor's page, the
-- inventory export and SBOM imports read them that way, and an SBOM can add thousands.
CREATE INDEX vendor_dependencies_vendor_idx ON vendor_dependencies (organization_id, vendor_id);
CREATE INDEX vendor_dependencies_service_idx ON vendor_dependencies (organization_id, service_id);
CREATE INDEX vendor_dependencies_source_sbom_idx ON vendor_dependencies (organization_id, source_sbom_id);
