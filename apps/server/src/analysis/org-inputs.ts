// What the organization model is made from, read from the database: a cheap fingerprint first
// (maps' ids and versions, the inventory's hidden dependencies, the approved rubric's version),
// then, only when the fingerprint is new, the maps' documents themselves.
import { createHash } from 'node:crypto';
import { DEFAULT_RUBRIC, type Rubric, type Tlp } from '@smart/core';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client';
import { approvedRubric } from '../materiality/materiality.service';
import type { InventoryDependencyKind, InventoryLinkInput, OrgMapInput, ReviewStatus } from './org-model';

export interface RubricInfo {
  source: 'approved' | 'default';
  version?: number;
  rubric: Rubric;
}

/** A map without its document: what tells whether the document read before is still current. */
export interface MapHead {
  id: string;
  name: string;
  version: number;
  tlp: Tlp;
  reviewStatus: ReviewStatus;
}

export interface OrgFingerprint {
  /** Maps in the order the model is assembled: oldest first, so the first map's labels win. */
  maps: MapHead[];
  links: InventoryLinkInput[];
  rubric: RubricInfo;
  /** Hash of everything above: the model is the same while it is. */
  modelHash: string;
}

interface LinkRow {
  mapId: string;
  nodeId: string;
  serviceId: string;
  kind: InventoryDependencyKind;
  vendorId: string;
  vendorName: string;
}

/**
 * The inventory's dependencies behind each linked map node: the service's own dependencies, its
 * vendor's, and its hosting provider, on any vendor other than the service's own.
 */
async function hiddenDependencyRows(tx: Executor, organizationId: string): Promise<LinkRow[]> {
  return queryRows<LinkRow>(
    tx,
    sql`SELECT l.map_id AS "mapId", l.node_id AS "nodeId", l.service_id AS "serviceId",
               d.kind AS "kind", v.id AS "vendorId", v.name AS "vendorName"
        FROM map_links l
        JOIN vendor_services s ON s.organization_id = l.organization_id AND s.id = l.service_id
        JOIN LATERAL (
          SELECT dd.depends_on_vendor_id AS vendor_id, dd.kind
          FROM vendor_dependencies dd
          WHERE dd.organization_id = l.organization_id
            AND (dd.service_id = s.id OR dd.vendor_id = s.vendor_id)
          UNION
          SELECT s.hosting_vendor_id, 'hosting' WHERE s.hosting_vendor_id IS NOT NULL
        ) d ON true
        JOIN vendors v ON v.organization_id = l.organization_id AND v.id = d.vendor_id
        WHERE l.organization_id = ${organizationId} AND v.id <> s.vendor_id
        ORDER BY l.map_id, l.node_id, l.service_id, d.kind, v.id`,
  );
}

function groupLinks(rows: LinkRow[]): InventoryLinkInput[] {
  const links = new Map<string, InventoryLinkInput>();
  for (const row of rows) {
    const key = `${row.mapId}|${row.nodeId}|${row.serviceId}`;
    let link = links.get(key);
    if (!link) {
      link = { mapId: row.mapId, nodeId: row.nodeId, serviceId: row.serviceId, dependencies: [] };
      links.set(key, link);
    }
    link.dependencies.push({ vendorId: row.vendorId, vendorName: row.vendorName, kind: row.kind });
  }
  return [...links.values()];
}

export async function rubricInfo(tx: Executor, organizationId: string): Promise<RubricInfo> {
  const approved = await approvedRubric(tx, organizationId);
  if (approved.rubric && approved.version) {
    return { source: 'approved', version: approved.version.version, rubric: approved.rubric };
  }
  return { source: 'default', rubric: DEFAULT_RUBRIC };
}

export async function orgFingerprint(tx: Executor, organizationId: string): Promise<OrgFingerprint> {
  const maps = (
    await queryRows<MapHead>(
      tx,
      sql`SELECT id, name, version, tlp, review_status AS "reviewStatus"
          FROM maps WHERE organization_id = ${organizationId} ORDER BY created_at, id`,
    )
  ).map((m) => ({ ...m, version: Number(m.version) }));
  const links = groupLinks(await hiddenDependencyRows(tx, organizationId));
  const rubric = await rubricInfo(tx, organizationId);
  const modelHash = createHash('sha256')
    .update(
      JSON.stringify({
        maps: maps.map((m) => [m.id, m.version, m.name, m.tlp, m.reviewStatus]),
        links,
        rubric: [rubric.source, rubric.version ?? null],
      }),
    )
    .digest('hex')
    .slice(0, 32);
  return { maps, links, rubric, modelHash };
}

/** The documents of the maps asked for (any order). */
export async function loadMaps(tx: Executor, organizationId: string, ids: string[]): Promise<OrgMapInput[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{
    id: string;
    name: string;
    version: number;
    tlp: Tlp;
    reviewStatus: ReviewStatus;
    model: unknown;
  }>(
    tx,
    sql`SELECT id, name, version, tlp, review_status AS "reviewStatus", model
        FROM maps WHERE organization_id = ${organizationId}
          AND id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )})`,
  );
  return rows.map((r) => ({
    ...r,
    version: Number(r.version),
    model: typeof r.model === 'string' ? JSON.parse(r.model) : r.model,
  }));
}
