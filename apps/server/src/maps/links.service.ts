// Links between map nodes and the services of the vendor inventory (issue 6: a service is "linked
// to the map steps it supports"). A link names a node of the map's model; when the node leaves the
// model, the link goes with it, in the same transaction as the save.
import { randomUUID } from 'node:crypto';
import { draftNodeIds, draftNodes, stepsDependingOn } from '@smart/core';
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { AppError, notFound } from '../shared/errors';
import { isUuid } from '../shared/http';
import { vendorServices, vendors } from '../vendors/vendors.schema';
import { readModel } from './map-rows';
import { mapLinks, maps } from './maps.schema';

const linkColumns = {
  id: mapLinks.id,
  nodeId: mapLinks.nodeId,
  serviceId: vendorServices.id,
  serviceName: vendorServices.name,
  category: vendorServices.category,
  vendorId: vendors.id,
  vendorName: vendors.name,
};

function linkRows(tx: Executor, organizationId: string, where: SQL | undefined) {
  return tx
    .select(linkColumns)
    .from(mapLinks)
    .innerJoin(
      vendorServices,
      and(
        eq(vendorServices.organizationId, mapLinks.organizationId),
        eq(vendorServices.id, mapLinks.serviceId),
      ),
    )
    .innerJoin(
      vendors,
      and(eq(vendors.organizationId, vendorServices.organizationId), eq(vendors.id, vendorServices.vendorId)),
    )
    .where(and(eq(mapLinks.organizationId, organizationId), where))
    .orderBy(asc(mapLinks.nodeId), asc(vendorServices.name), asc(mapLinks.id));
}

type LinkRow = Awaited<ReturnType<typeof linkRows>>[number];
const toLink = (row: LinkRow) => ({
  id: row.id,
  nodeId: row.nodeId,
  service: {
    id: row.serviceId,
    name: row.serviceName,
    category: row.category,
    vendorId: row.vendorId,
    vendorName: row.vendorName,
  },
});

export async function listLinks(tx: Executor, organizationId: string, mapId: string) {
  const rows = await linkRows(tx, organizationId, eq(mapLinks.mapId, mapId));
  return rows.map(toLink);
}

/** Links a node of the map to a service of the inventory; an existing link is returned as it is. */
export async function addLink(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  map: { id: string; model: unknown },
  input: { nodeId: string; serviceId: string },
): Promise<{ created: boolean; link: ReturnType<typeof toLink> }> {
  if (!draftNodeIds(readModel(map.model)).has(input.nodeId)) {
    throw new AppError(
      'invalid_input',
      `Invalid input. body.nodeId: "${input.nodeId}" is not a node of this map`,
      [{ path: 'body.nodeId', message: `"${input.nodeId}" is not a node of this map` }],
    );
  }
  if (!isUuid(input.serviceId)) throw notFound('Service');
  const [service] = await tx
    .select({ id: vendorServices.id, name: vendorServices.name })
    .from(vendorServices)
    .where(and(eq(vendorServices.organizationId, organizationId), eq(vendorServices.id, input.serviceId)));
  if (!service) throw notFound('Service');
  const existing = and(
    eq(mapLinks.mapId, map.id),
    eq(mapLinks.nodeId, input.nodeId),
    eq(mapLinks.serviceId, service.id),
  );
  const [found] = await linkRows(tx, organizationId, existing);
  if (found) return { created: false, link: toLink(found) };
  const id = randomUUID();
  await tx.insert(mapLinks).values({
    id,
    organizationId,
    mapId: map.id,
    nodeId: input.nodeId,
    serviceId: service.id,
    createdAt: new Date(),
    createdBy: actor.id,
    createdByName: actor.name,
  });
  await recordAudit(tx, organizationId, actor, {
    action: 'map_link.added',
    entityType: 'map_link',
    entityId: id,
    after: { mapId: map.id, nodeId: input.nodeId, serviceId: service.id, serviceName: service.name },
  });
  const [row] = await linkRows(tx, organizationId, eq(mapLinks.id, id));
  if (!row) throw new Error('link vanished after insert');
  return { created: true, link: toLink(row) };
}

export async function removeLink(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  mapId: string,
  linkId: string,
) {
  const [row] = await tx
    .delete(mapLinks)
    .where(
      and(eq(mapLinks.organizationId, organizationId), eq(mapLinks.mapId, mapId), eq(mapLinks.id, linkId)),
    )
    .returning();
  if (!row) throw notFound('Link');
  await recordAudit(tx, organizationId, actor, {
    action: 'map_link.removed',
    entityType: 'map_link',
    entityId: linkId,
    before: { mapId, nodeId: row.nodeId, serviceId: row.serviceId },
  });
}

/** Removes the links of nodes that are no longer in the map's model; returns how many. */
export async function removeLinksOfMissingNodes(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  mapId: string,
  nodeIds: ReadonlySet<string>,
): Promise<number> {
  // A map has few links and many nodes: compare here rather than send every node id to the database.
  const links = await tx
    .select({ id: mapLinks.id, nodeId: mapLinks.nodeId, serviceId: mapLinks.serviceId })
    .from(mapLinks)
    .where(and(eq(mapLinks.organizationId, organizationId), eq(mapLinks.mapId, mapId)));
  const gone = links.filter((link) => !nodeIds.has(link.nodeId));
  if (gone.length === 0) return 0;
  await tx.delete(mapLinks).where(
    and(
      eq(mapLinks.organizationId, organizationId),
      inArray(
        mapLinks.id,
        gone.map((link) => link.id),
      ),
    ),
  );
  for (const link of gone) {
    await recordAudit(tx, organizationId, actor, {
      action: 'map_link.removed',
      entityType: 'map_link',
      entityId: link.id,
      before: { mapId, nodeId: link.nodeId, serviceId: link.serviceId },
      after: { reason: 'the node was removed from the map' },
    });
  }
  return gone.length;
}

/**
 * Where a vendor's (or one service's) services are used in the organization's maps: each link with
 * the node it is on and the process steps that depend on that node.
 */
export async function linksOfInventory(
  tx: Executor,
  organizationId: string,
  query: { vendorId?: string; serviceId?: string },
) {
  const { vendorId, serviceId } = query;
  if (!vendorId && !serviceId) {
    throw new AppError('invalid_input', 'Invalid input. querystring: give vendorId or serviceId', [
      { path: 'querystring.vendorId', message: 'give vendorId or serviceId' },
    ]);
  }
  if (vendorId) await exists(tx, organizationId, 'Vendor', vendorId);
  if (serviceId) await exists(tx, organizationId, 'Service', serviceId);
  const rows = await tx
    .select({ ...linkColumns, mapId: maps.id, mapName: maps.name })
    .from(mapLinks)
    .innerJoin(
      vendorServices,
      and(
        eq(vendorServices.organizationId, mapLinks.organizationId),
        eq(vendorServices.id, mapLinks.serviceId),
      ),
    )
    .innerJoin(
      vendors,
      and(eq(vendors.organizationId, vendorServices.organizationId), eq(vendors.id, vendorServices.vendorId)),
    )
    .innerJoin(maps, and(eq(maps.organizationId, mapLinks.organizationId), eq(maps.id, mapLinks.mapId)))
    .where(
      and(
        eq(mapLinks.organizationId, organizationId),
        vendorId ? eq(vendorServices.vendorId, vendorId) : undefined,
        serviceId ? eq(vendorServices.id, serviceId) : undefined,
      ),
    )
    .orderBy(asc(maps.name), asc(mapLinks.nodeId), asc(vendorServices.name), asc(mapLinks.id));
  const mapIds = [...new Set(rows.map((r) => r.mapId))];
  const models = new Map(
    mapIds.length
      ? (
          await tx
            .select({ id: maps.id, model: maps.model })
            .from(maps)
            .where(and(eq(maps.organizationId, organizationId), inArray(maps.id, mapIds)))
        ).map((m) => {
          const model = readModel(m.model);
          return [m.id, { model, nodes: new Map(draftNodes(model).map((n) => [n.id, n])) }] as const;
        })
      : [],
  );
  return rows.map((row) => {
    const { model, nodes } = models.get(row.mapId) ?? {};
    const node = nodes?.get(row.nodeId);
    return {
      id: row.id,
      mapId: row.mapId,
      mapName: row.mapName,
      nodeId: row.nodeId,
      nodeLabel: node?.label ?? row.nodeId,
      nodeKind: node?.kind ?? 'unknown',
      serviceId: row.serviceId,
      serviceName: row.serviceName,
      vendorId: row.vendorId,
      vendorName: row.vendorName,
      steps: model ? stepsDependingOn(model, row.nodeId) : [],
    };
  });
}

async function exists(tx: Executor, organizationId: string, what: 'Vendor' | 'Service', id: string) {
  if (!isUuid(id)) throw notFound(what);
  const table = what === 'Vendor' ? vendors : vendorServices;
  const [row] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.organizationId, organizationId), eq(table.id, id)));
  if (!row) throw notFound(what);
}
