// The materiality rubric: everyone in the organization reads it and its history; administrators
// and risk leads edit it and record its approval.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../db/client';
import { approvingBodies, organizationSizes, rubricStatuses } from '../db/schema';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { AppError } from '../shared/errors';
import { ALL_ROLES, validId } from '../shared/http';
import { orgParams, personNameSchema } from '../shared/schemas';
import { TEAM_EDITORS } from '../team/team.routes';
import {
  approvedRubric,
  approveVersion,
  rubricOverview,
  rubricVersion,
  saveVersion,
  startRubric,
} from './materiality.service';
import { dimensionsSchema } from './rubric-content';

const EDIT = { kind: 'org', roles: TEAM_EDITORS } as const;
const READ = { kind: 'org', roles: ALL_ROLES } as const;

const person = z.object({ id: z.string().nullable(), name: z.string() });
const approval = z.object({
  approvingBody: z.enum(approvingBodies),
  approverName: z.string(),
  approvalDate: z.string(),
  note: z.string(),
  recordedBy: person,
  recordedAt: z.date(),
});
const versionSummary = z.object({
  id: z.string(),
  version: z.number(),
  organizationSize: z.enum(organizationSizes),
  status: z.enum(rubricStatuses),
  changeNote: z.string(),
  createdBy: person,
  createdAt: z.date(),
  approval: approval.nullable(),
});
const level = z.object({
  value: z.number(),
  label: z.string(),
  description: z.string(),
  threshold: z.string(),
});
const dimension = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  levels: z.array(level),
});
const versionFull = versionSummary.extend({ dimensions: z.array(dimension) });
const engineRubric = z.object({
  version: z.string().optional(),
  dimensions: z.array(z.object({ id: z.string(), label: z.string().optional() })),
  levels: z.array(z.object({ value: z.number(), label: z.string(), description: z.string().optional() })),
});

const idParams = orgParams.extend({ id: z.string() });

const today = () => new Date().toISOString().slice(0, 10);
const approvalBody = z
  .object({
    approvingBody: z.enum(approvingBodies, { message: `must be one of ${approvingBodies.join(', ')}` }),
    approverName: personNameSchema,
    approvalDate: z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }),
    note: z.string().trim().max(2000, { message: 'must be at most 2,000 characters' }).default(''),
  })
  .superRefine((input, ctx) => {
    if (input.approvingBody === 'other' && input.note === '') {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'say which body approved the rubric' });
    }
  });

export function materialityRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/materiality',
      {
        config: { access: READ },
        schema: {
          tags: ['materiality'],
          summary: 'The rubric versions, newest first, and which is approved and which is the draft',
          params: orgParams,
          response: {
            200: z.object({
              versions: z.array(versionSummary),
              latestVersion: z.number().nullable(),
              approvedVersion: z.number().nullable(),
              draftVersion: z.number().nullable(),
            }),
          },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, (tx) => rubricOverview(tx, orgId));
      },
    );

    app.get(
      '/api/orgs/:orgId/materiality/approved',
      {
        config: { access: READ },
        schema: {
          tags: ['materiality'],
          summary: 'The approved rubric version, the one analysis uses (null before any approval)',
          params: orgParams,
          response: { 200: z.object({ version: versionFull.nullable(), rubric: engineRubric.nullable() }) },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, (tx) => approvedRubric(tx, orgId));
      },
    );

    app.get(
      '/api/orgs/:orgId/materiality/versions/:id',
      {
        config: { access: READ },
        schema: {
          tags: ['materiality'],
          summary: 'One rubric version in full',
          params: idParams,
          response: { 200: versionFull },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Rubric version');
        return withTenant(db, orgId, (tx) => rubricVersion(tx, orgId, id));
      },
    );

    app.post(
      '/api/orgs/:orgId/materiality/start',
      {
        config: { access: EDIT },
        schema: {
          tags: ['materiality'],
          summary:
            "Start version 1 from the SMART default rubric with the thresholds for the organization's size",
          params: orgParams,
          body: z.object({
            organizationSize: z.enum(organizationSizes, { message: 'must be small, medium or large' }),
          }),
          response: { 201: versionFull },
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const created = await withTenant(db, orgId, (tx) =>
          startRubric(tx, orgId, actorOf(request.session), request.body.organizationSize),
        );
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/api/orgs/:orgId/materiality/versions',
      {
        config: { access: EDIT },
        schema: {
          tags: ['materiality'],
          summary: 'Save an edit of the rubric as a new version (409 if someone saved since baseVersion)',
          params: orgParams,
          body: z.object({
            baseVersion: z.number().int().min(1),
            dimensions: dimensionsSchema,
            changeNote: z.string().trim().max(500, { message: 'must be at most 500 characters' }).default(''),
          }),
          response: { 201: versionFull },
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const created = await withTenant(db, orgId, (tx) =>
          saveVersion(tx, orgId, actorOf(request.session), request.body),
        );
        return reply.status(201).send(created);
      },
    );

    app.post(
      '/api/orgs/:orgId/materiality/versions/:id/approval',
      {
        config: { access: EDIT },
        schema: {
          tags: ['materiality'],
          summary: 'Record the approval of a draft version; it becomes the version analysis uses',
          params: idParams,
          body: approvalBody,
          response: { 200: versionFull },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Rubric version');
        // A day of slack for time zones east of UTC.
        const latestAllowed = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
        if (request.body.approvalDate > latestAllowed) {
          throw new AppError(
            'invalid_input',
            `Invalid input. body.approvalDate: cannot be after ${today()}`,
            [{ path: 'body.approvalDate', message: `cannot be in the future (today is ${today()})` }],
          );
        }
        return withTenant(db, orgId, (tx) =>
          approveVersion(tx, orgId, actorOf(request.session), id, request.body),
        );
      },
    );
  };
}
