// The planning team: everyone in the organization reads it; administrators and risk leads change it.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../db/client';
import { disciplines } from '../db/schema';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { ALL_ROLES, validId } from '../shared/http';
import { emailSchema, orgParams, personNameSchema } from '../shared/schemas';
import {
  addTeamMember,
  createSubTeam,
  getTeam,
  removeSubTeam,
  removeTeamMember,
  updateSubTeam,
  updateTeamMember,
} from './team.service';

export const TEAM_EDITORS = ['admin', 'risk_lead'] as const;
const EDIT = { kind: 'org', roles: TEAM_EDITORS } as const;
const READ = { kind: 'org', roles: ALL_ROLES } as const;

const teamMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  userId: z.string().nullable(),
  discipline: z.enum(disciplines),
  assessmentRole: z.string(),
  isApprover: z.boolean(),
  subTeamIds: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
const subTeam = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  workflows: z.string(),
  memberIds: z.array(z.string()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const memberFields = z.object({
  name: personNameSchema,
  email: emailSchema.nullable().default(null),
  userId: z.uuid({ message: 'must be the id of a member of the organization' }).nullable().default(null),
  discipline: z.enum(disciplines, {
    message: `must be one of ${disciplines.join(', ')}`,
  }),
  assessmentRole: z.string().trim().max(200, { message: 'must be at most 200 characters' }).default(''),
  isApprover: z.boolean().default(false),
});
const memberPatch = z
  .object({
    name: personNameSchema,
    email: emailSchema.nullable(),
    userId: z.uuid({ message: 'must be the id of a member of the organization' }).nullable(),
    discipline: z.enum(disciplines, { message: `must be one of ${disciplines.join(', ')}` }),
    assessmentRole: z.string().trim().max(200, { message: 'must be at most 200 characters' }),
    isApprover: z.boolean(),
  })
  .partial();

const longText = z.string().trim().max(2000, { message: 'must be at most 2,000 characters' });
const subTeamFields = z.object({
  name: z.string().trim().min(1, { message: 'is required' }).max(120),
  description: longText.default(''),
  workflows: longText.default(''),
  memberIds: z
    .array(z.uuid({ message: 'must be a team member id' }))
    .max(500)
    .default([]),
});
const subTeamPatch = z
  .object({
    name: z.string().trim().min(1, { message: 'is required' }).max(120),
    description: longText,
    workflows: longText,
    memberIds: z.array(z.uuid({ message: 'must be a team member id' })).max(500),
  })
  .partial();

const idParams = orgParams.extend({ id: z.string() });

export function teamRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/team',
      {
        config: { access: READ },
        schema: {
          tags: ['team'],
          summary: 'The planning team: members and sub-teams',
          params: orgParams,
          response: { 200: z.object({ members: z.array(teamMember), subTeams: z.array(subTeam) }) },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return withTenant(db, orgId, (tx) => getTeam(tx, orgId));
      },
    );

    app.post(
      '/api/orgs/:orgId/team/members',
      {
        config: { access: EDIT },
        schema: {
          tags: ['team'],
          summary: 'Add a person to the planning team',
          params: orgParams,
          body: memberFields,
          response: { 201: teamMember },
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const created = await withTenant(db, orgId, (tx) =>
          addTeamMember(tx, orgId, actorOf(request.session), request.body),
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/orgs/:orgId/team/members/:id',
      {
        config: { access: EDIT },
        schema: {
          tags: ['team'],
          summary: 'Change a team member',
          params: idParams,
          body: memberPatch,
          response: { 200: teamMember },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Team member');
        return withTenant(db, orgId, (tx) =>
          updateTeamMember(tx, orgId, actorOf(request.session), id, request.body),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/team/members/:id',
      {
        config: { access: EDIT },
        schema: { tags: ['team'], summary: 'Remove a person from the planning team', params: idParams },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Team member');
        await withTenant(db, orgId, (tx) => removeTeamMember(tx, orgId, actorOf(request.session), id));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/orgs/:orgId/team/sub-teams',
      {
        config: { access: EDIT },
        schema: {
          tags: ['team'],
          summary: 'Form a sub-team that owns specific workflows',
          params: orgParams,
          body: subTeamFields,
          response: { 201: subTeam },
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const created = await withTenant(db, orgId, (tx) =>
          createSubTeam(tx, orgId, actorOf(request.session), request.body),
        );
        return reply.status(201).send(created);
      },
    );

    app.patch(
      '/api/orgs/:orgId/team/sub-teams/:id',
      {
        config: { access: EDIT },
        schema: {
          tags: ['team'],
          summary: 'Change a sub-team, its workflows or its members',
          params: idParams,
          body: subTeamPatch,
          response: { 200: subTeam },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Sub-team');
        return withTenant(db, orgId, (tx) =>
          updateSubTeam(tx, orgId, actorOf(request.session), id, request.body),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/team/sub-teams/:id',
      {
        config: { access: EDIT },
        schema: {
          tags: ['team'],
          summary: 'Dissolve a sub-team (its members stay on the team)',
          params: idParams,
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Sub-team');
        await withTenant(db, orgId, (tx) => removeSubTeam(tx, orgId, actorOf(request.session), id));
        return reply.status(204).send();
      },
    );
  };
}
