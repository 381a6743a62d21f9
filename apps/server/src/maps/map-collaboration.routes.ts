// Working on a map together, over HTTP: comments on the map or its nodes, and the links between
// map nodes and the services of the vendor inventory (also listed from the inventory's side).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { validId } from '../shared/http';
import { orgParams } from '../shared/schemas';
import { addComment, deleteComment, listComments, setResolved } from './comments.service';
import { addLink, linksOfInventory, listLinks, removeLink } from './links.service';
import { asCaller, COMMENT, EDIT, mapParams, READ, tags } from './map-http';
import { mapRow } from './map-rows';
import { requireEdit } from './maps.access';
import { commentInput, linkInput, mapLinksQuery } from './maps.inputs';

const commentParams = mapParams.extend({ commentId: z.string() });
const linkParams = mapParams.extend({ linkId: z.string() });

export function mapCollaborationRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/maps/:mapId/comments',
      {
        config: { access: READ },
        schema: { tags, summary: 'Comments on the map and its nodes, oldest first', params: mapParams },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, async (tx) => {
          await mapRow(tx, orgId, mapId);
          return { items: await listComments(tx, orgId, mapId) };
        });
      },
    );

    app.post(
      '/api/orgs/:orgId/maps/:mapId/comments',
      {
        config: { access: COMMENT },
        schema: {
          tags,
          summary: 'Comment on the map or one of its nodes',
          params: mapParams,
          body: commentInput,
        },
      },
      async (request, reply) => {
        const mapId = validId(request.params.mapId, 'Map');
        const orgId = requireOrg(request.org);
        const comment = await withTenant(db, orgId, async (tx) => {
          const map = await mapRow(tx, orgId, mapId);
          return addComment(tx, orgId, actorOf(request.session), map, request.body);
        });
        return reply.status(201).send(comment);
      },
    );

    for (const [action, resolved] of [
      ['resolve', true],
      ['reopen', false],
    ] as const) {
      app.post(
        `/api/orgs/:orgId/maps/:mapId/comments/:commentId/${action}`,
        {
          config: { access: COMMENT },
          schema: {
            tags,
            summary: resolved ? 'Mark a comment resolved' : 'Open a resolved comment again',
            params: commentParams,
          },
        },
        async (request) => {
          const mapId = validId(request.params.mapId, 'Map');
          const commentId = validId(request.params.commentId, 'Comment');
          const orgId = requireOrg(request.org);
          return withTenant(db, orgId, (tx) =>
            setResolved(tx, orgId, actorOf(request.session), mapId, commentId, resolved),
          );
        },
      );
    }

    app.delete(
      '/api/orgs/:orgId/maps/:mapId/comments/:commentId',
      {
        config: { access: COMMENT },
        schema: { tags, summary: 'Delete a comment (its author or an administrator)', params: commentParams },
      },
      async (request, reply) => {
        const mapId = validId(request.params.mapId, 'Map');
        const commentId = validId(request.params.commentId, 'Comment');
        await asCaller(db, request, (tx, orgId, caller) =>
          deleteComment(tx, orgId, caller, mapId, commentId),
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/orgs/:orgId/maps/:mapId/links',
      {
        config: { access: READ },
        schema: { tags, summary: "The inventory services linked to the map's nodes", params: mapParams },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, async (tx) => {
          await mapRow(tx, orgId, mapId);
          return { items: await listLinks(tx, orgId, mapId) };
        });
      },
    );

    app.post(
      '/api/orgs/:orgId/maps/:mapId/links',
      {
        config: { access: EDIT },
        schema: {
          tags,
          summary: 'Link a node of the map to a service of the inventory (200 with the link when it exists)',
          params: mapParams,
          body: linkInput,
        },
      },
      async (request, reply) => {
        const mapId = validId(request.params.mapId, 'Map');
        const { created, link } = await asCaller(db, request, async (tx, orgId, caller) => {
          const map = await mapRow(tx, orgId, mapId, true);
          requireEdit(caller, map);
          return addLink(tx, orgId, caller, map, request.body);
        });
        return reply.status(created ? 201 : 200).send(link);
      },
    );

    app.delete(
      '/api/orgs/:orgId/maps/:mapId/links/:linkId',
      {
        config: { access: EDIT },
        schema: { tags, summary: 'Remove a link between a node and a service', params: linkParams },
      },
      async (request, reply) => {
        const mapId = validId(request.params.mapId, 'Map');
        const linkId = validId(request.params.linkId, 'Link');
        await asCaller(db, request, async (tx, orgId, caller) => {
          requireEdit(caller, await mapRow(tx, orgId, mapId));
          await removeLink(tx, orgId, caller, mapId, linkId);
        });
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/orgs/:orgId/map-links',
      {
        config: { access: READ },
        schema: {
          tags,
          summary:
            "Where a vendor's (or a service's) services are linked in the maps, with the steps they support",
          params: orgParams,
          querystring: mapLinksQuery,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return { items: await withTenant(db, orgId, (tx) => linksOfInventory(tx, orgId, request.query)) };
      },
    );
  };
}
