// Workflow maps over HTTP: the organization's maps, their versions, comments, review and links to
// the vendor inventory; and the selection and ranking of the sector templates that apply.
// Everyone in the organization reads; what each role may change is in the access rules below and,
// for what depends on the map's sub-team, in maps.access.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { validId } from '../shared/http';
import { orgParams } from '../shared/schemas';
import { diffVersions, getVersion, listVersions } from './history.service';
import { mapCollaborationRoutes } from './map-collaboration.routes';
import { asCaller, EDIT, MANAGE, mapParams, READ, tags } from './map-http';
import { getMapDetail, mapRow, mapSummaries } from './map-rows';
import {
  createMapInput,
  diffQuery,
  MAP_BODY_LIMIT_BYTES,
  restoreInput,
  reviewInput,
  saveMapInput,
  selectionInput,
} from './maps.inputs';
import { createMap, deleteMap, restoreMap, saveMap } from './maps.service';
import { reviewMap } from './review.service';
import { getSelection, saveSelection } from './selection.service';

const versionParams = mapParams.extend({ version: z.coerce.number().int().min(1) });

export function mapRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/map-selection',
      {
        config: { access: READ },
        schema: { tags, summary: 'The templates chosen for the organization, by rank', params: orgParams },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, (tx) => getSelection(tx, orgId));
      },
    );

    app.put(
      '/api/orgs/:orgId/map-selection',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Replace the selection (array order is the rank); a stale version gets 409',
          params: orgParams,
          body: selectionInput,
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, (tx) =>
          saveSelection(tx, orgId, actorOf(request.session), request.body),
        );
      },
    );

    app.get(
      '/api/orgs/:orgId/maps',
      {
        config: { access: READ },
        schema: {
          tags,
          summary: "The organization's maps, by the selection's rank then name",
          params: orgParams,
        },
      },
      async (request) => ({
        items: await asCaller(db, request, (tx, orgId, caller) => mapSummaries(tx, orgId, caller)),
      }),
    );

    app.post(
      '/api/orgs/:orgId/maps',
      {
        config: { access: EDIT },
        bodyLimit: MAP_BODY_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Create a map from a template (templateId), an imported model document (model), or blank',
          params: orgParams,
          body: createMapInput,
        },
      },
      async (request, reply) => {
        const map = await asCaller(db, request, (tx, orgId, caller) =>
          createMap(tx, orgId, caller, request.body),
        );
        return reply.status(201).send(map);
      },
    );

    app.get(
      '/api/orgs/:orgId/maps/:mapId',
      {
        config: { access: READ },
        schema: {
          tags,
          summary: 'A map with its model, layout, problems and what the caller may do',
          params: mapParams,
        },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        return asCaller(db, request, (tx, orgId, caller) => getMapDetail(tx, orgId, caller, mapId));
      },
    );

    app.put(
      '/api/orgs/:orgId/maps/:mapId',
      {
        config: { access: EDIT },
        bodyLimit: MAP_BODY_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Save the map (send the version you edited; a stale one gets 409 with who saved since)',
          params: mapParams,
          body: saveMapInput,
        },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        return asCaller(db, request, (tx, orgId, caller) => saveMap(tx, orgId, caller, mapId, request.body));
      },
    );

    app.delete(
      '/api/orgs/:orgId/maps/:mapId',
      {
        config: { access: MANAGE },
        schema: { tags, summary: 'Delete a map with its history, comments and links', params: mapParams },
      },
      async (request, reply) => {
        const mapId = validId(request.params.mapId, 'Map');
        await asCaller(db, request, (tx, orgId, caller) => deleteMap(tx, orgId, caller, mapId));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/orgs/:orgId/maps/:mapId/versions',
      {
        config: { access: READ },
        schema: { tags, summary: "The map's history, newest first", params: mapParams },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, async (tx) => {
          await mapRow(tx, orgId, mapId);
          return { items: await listVersions(tx, orgId, mapId) };
        });
      },
    );

    app.get(
      '/api/orgs/:orgId/maps/:mapId/versions/:version',
      {
        config: { access: READ },
        schema: { tags, summary: 'One version of the map in full', params: versionParams },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, async (tx) => {
          await mapRow(tx, orgId, mapId);
          return getVersion(tx, orgId, mapId, request.params.version);
        });
      },
    );

    app.get(
      '/api/orgs/:orgId/maps/:mapId/diff',
      {
        config: { access: READ },
        schema: {
          tags,
          summary: 'What changed between two versions (to may be the current version), in words',
          params: mapParams,
          querystring: diffQuery,
        },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, async (tx) => {
          const map = await mapRow(tx, orgId, mapId);
          return diffVersions(tx, orgId, map, request.query.from, request.query.to);
        });
      },
    );

    app.post(
      '/api/orgs/:orgId/maps/:mapId/versions/:version/restore',
      {
        config: { access: EDIT },
        schema: {
          tags,
          summary: 'Make an earlier version current again, as a new version (send the current version)',
          params: versionParams,
          body: restoreInput,
        },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        return asCaller(db, request, (tx, orgId, caller) =>
          restoreMap(tx, orgId, caller, mapId, request.params.version, request.body.version),
        );
      },
    );

    app.post(
      '/api/orgs/:orgId/maps/:mapId/review',
      {
        config: { access: EDIT },
        schema: {
          tags,
          summary: 'Move the map through review: draft, in review, validated (validating takes a reviewer)',
          params: mapParams,
          body: reviewInput,
        },
      },
      async (request) => {
        const mapId = validId(request.params.mapId, 'Map');
        return asCaller(db, request, (tx, orgId, caller) =>
          reviewMap(tx, orgId, caller, mapId, request.body),
        );
      },
    );

    await app.register(mapCollaborationRoutes(db));
  };
}
