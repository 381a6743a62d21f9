// The organization-wide analysis over HTTP: the analysis itself, scenarios (run and saved), the
// organization's score weights, snapshots of the prioritized list and its export. Everyone in the
// organization reads; who may change what is in the access rules below.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDb, Tx } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { ALL_ROLES, validId } from '../shared/http';
import { orgParams } from '../shared/schemas';
import {
  analysisQuery,
  exportQuery,
  idParams,
  savedScenarioInput,
  savedScenarioUpdate,
  scenarioInput,
  snapshotInput,
  weightsInput,
} from './analysis.inputs';
import {
  createScenario,
  deleteScenario,
  getScenario,
  getSnapshot,
  getWeights,
  listScenarios,
  listSnapshots,
  orgAnalysis,
  orgAnalysisJson,
  orgScenario,
  saveWeights,
  takeSnapshot,
  UnknownNodesError,
  updateScenario,
} from './analysis.service';
import { CONTENT_TYPES, type PrioritiesDocument, prioritiesFile } from './priorities-export';

const READ = { kind: 'org', roles: ALL_ROLES } as const;
/** May save scenarios: those who plan for outages. */
const SCENARIOS = { kind: 'org', roles: ['admin', 'risk_lead', 'business_owner'] } as const;
/** May set the score weights and take snapshots of the prioritized list. */
const MANAGE = { kind: 'org', roles: ['admin', 'risk_lead'] } as const;
const tags = ['analysis'];

export function analysisRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    const inOrg = <T>(request: { org: { id: string } | null }, work: (tx: Tx) => Promise<T>) =>
      withTenant(db, requireOrg(request.org), work);

    app.get(
      '/api/orgs/:orgId/analysis',
      {
        config: { access: READ },
        schema: {
          tags,
          summary:
            'The analysis of every map together: single points of failure, concentration and the prioritized vendors',
          params: orgParams,
          querystring: analysisQuery,
        },
      },
      async (request, reply) => {
        const body = await inOrg(request, (tx) =>
          orgAnalysisJson(tx, requireOrg(request.org), request.query),
        );
        return reply.type('application/json; charset=utf-8').send(body);
      },
    );

    app.post(
      '/api/orgs/:orgId/analysis/scenario',
      {
        config: { access: READ },
        schema: {
          tags,
          summary:
            'What happens when some vendors, services, hosts or systems fail for a while (nothing is saved)',
          params: orgParams,
          body: scenarioInput,
        },
      },
      async (request, reply) => {
        try {
          return await inOrg(request, (tx) => orgScenario(tx, requireOrg(request.org), request.body));
        } catch (error) {
          if (!(error instanceof UnknownNodesError)) throw error;
          // Its own code, and the ids at the top as well, so the page can mark what is gone.
          return reply.status(422).send({
            error: { code: 'unknown_node', message: error.message, details: { ids: error.ids } },
            ids: error.ids,
          });
        }
      },
    );

    app.get(
      '/api/orgs/:orgId/analysis/scenarios',
      { config: { access: READ }, schema: { tags, summary: 'Saved scenarios, by name', params: orgParams } },
      async (request) => ({
        scenarios: await inOrg(request, (tx) => listScenarios(tx, requireOrg(request.org))),
      }),
    );

    app.post(
      '/api/orgs/:orgId/analysis/scenarios',
      {
        config: { access: SCENARIOS },
        schema: {
          tags,
          summary: 'Save a scenario under a name',
          params: orgParams,
          body: savedScenarioInput,
        },
      },
      async (request, reply) => {
        const saved = await inOrg(request, (tx) =>
          createScenario(tx, requireOrg(request.org), actorOf(request.session), request.body),
        );
        return reply.status(201).send(saved);
      },
    );

    app.get(
      '/api/orgs/:orgId/analysis/scenarios/:id',
      { config: { access: READ }, schema: { tags, summary: 'One saved scenario', params: idParams } },
      async (request) => {
        const id = validId(request.params.id, 'Scenario');
        return inOrg(request, (tx) => getScenario(tx, requireOrg(request.org), id));
      },
    );

    app.put(
      '/api/orgs/:orgId/analysis/scenarios/:id',
      {
        config: { access: SCENARIOS },
        schema: {
          tags,
          summary: 'Change a saved scenario (send the version you read; a stale one gets 409)',
          params: idParams,
          body: savedScenarioUpdate,
        },
      },
      async (request) => {
        const id = validId(request.params.id, 'Scenario');
        return inOrg(request, (tx) =>
          updateScenario(tx, requireOrg(request.org), actorOf(request.session), id, request.body),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/analysis/scenarios/:id',
      {
        config: { access: SCENARIOS },
        schema: { tags, summary: 'Delete a saved scenario', params: idParams },
      },
      async (request, reply) => {
        const id = validId(request.params.id, 'Scenario');
        await inOrg(request, (tx) =>
          deleteScenario(tx, requireOrg(request.org), actorOf(request.session), id),
        );
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/orgs/:orgId/analysis/weights',
      {
        config: { access: READ },
        schema: {
          tags,
          summary: "The organization's score weights (defaults until changed)",
          params: orgParams,
        },
      },
      async (request) => inOrg(request, (tx) => getWeights(tx, requireOrg(request.org))),
    );

    app.put(
      '/api/orgs/:orgId/analysis/weights',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Set the score weights (relative, 0 to 100 each); send the version you read',
          params: orgParams,
          body: weightsInput,
        },
      },
      async (request) =>
        inOrg(request, (tx) =>
          saveWeights(tx, requireOrg(request.org), actorOf(request.session), request.body),
        ),
    );

    app.post(
      '/api/orgs/:orgId/analysis/snapshots',
      {
        config: { access: MANAGE },
        schema: {
          tags,
          summary: 'Keep the prioritized list as it is now (saved weights), dated and never changed',
          params: orgParams,
          body: snapshotInput,
        },
      },
      async (request, reply) => {
        const snapshot = await inOrg(request, (tx) =>
          takeSnapshot(tx, requireOrg(request.org), actorOf(request.session), request.body),
        );
        return reply.status(201).send(snapshot);
      },
    );

    app.get(
      '/api/orgs/:orgId/analysis/snapshots',
      { config: { access: READ }, schema: { tags, summary: 'Snapshots, newest first', params: orgParams } },
      async (request) => ({
        snapshots: await inOrg(request, (tx) => listSnapshots(tx, requireOrg(request.org))),
      }),
    );

    app.get(
      '/api/orgs/:orgId/analysis/snapshots/:id',
      { config: { access: READ }, schema: { tags, summary: 'One snapshot in full', params: idParams } },
      async (request) => {
        const id = validId(request.params.id, 'Snapshot');
        return inOrg(request, (tx) => getSnapshot(tx, requireOrg(request.org), id));
      },
    );

    app.get(
      '/api/orgs/:orgId/analysis/priorities/export',
      {
        config: { access: READ },
        schema: {
          tags,
          summary:
            'The prioritized vendor list (current, or a snapshot) as CSV, XLSX or PDF with its TLP marking',
          params: orgParams,
          querystring: exportQuery,
        },
      },
      async (request, reply) => {
        const { format, snapshot } = request.query;
        const orgId = requireOrg(request.org);
        const doc: PrioritiesDocument = await inOrg(request, async (tx) => {
          if (snapshot) {
            const s = await getSnapshot(tx, orgId, validId(snapshot, 'Snapshot'));
            return {
              title: `Prioritized vendors: ${s.name}`,
              asOf: s.takenAt,
              tlp: s.tlp,
              weights: s.weights,
              options: s.options,
              priorities: s.priorities,
            };
          }
          const current = await orgAnalysis(tx, orgId, {});
          return {
            title: 'Prioritized vendors',
            asOf: current.generatedAt,
            tlp: current.tlp,
            weights: current.weights,
            options: current.options,
            priorities: current.priorities,
          };
        });
        const file = await prioritiesFile(doc, format);
        const filename = `smart-prioritized-vendors-${doc.asOf.slice(0, 10)}.${format}`;
        return reply
          .header('content-type', CONTENT_TYPES[format])
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(file);
      },
    );
  };
}
