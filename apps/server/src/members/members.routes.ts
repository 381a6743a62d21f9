// Members, invitations, and accepting an invitation.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn } from '../auth/session-response';
import type { Config } from '../config';
import type { AppDb } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { ALL_ROLES, validId } from '../shared/http';
import {
  emailSchema,
  orgParams,
  passwordSchema,
  personNameSchema,
  roleSchema,
  sessionResponse,
} from '../shared/schemas';
import { acceptInvitation, pendingInvitation } from './invitation-acceptance';
import {
  changeRole,
  createInvitation,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
} from './members.service';

const member = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: roleSchema,
  joinedAt: z.date(),
});
const invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  createdAt: z.date(),
  expiresAt: z.date(),
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
const memberParams = orgParams.extend({ userId: z.string() });
const invitationParams = orgParams.extend({ id: z.string() });
const ADMIN = { kind: 'org', roles: ['admin'] } as const;

export function memberRoutes(db: AppDb, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/members',
      {
        config: { access: { kind: 'org', roles: ALL_ROLES } },
        schema: {
          tags: ['members'],
          params: orgParams,
          response: { 200: z.object({ members: z.array(member) }) },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return { members: await withTenant(db, orgId, (tx) => listMembers(tx, orgId)) };
      },
    );

    app.patch(
      '/api/orgs/:orgId/members/:userId',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['members'],
          summary: "Change a member's role",
          params: memberParams,
          body: z.object({ role: roleSchema }),
          response: { 200: member },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const userId = validId(request.params.userId, 'Member');
        return withTenant(db, orgId, (tx) =>
          changeRole(tx, orgId, actorOf(request.session), userId, request.body.role),
        );
      },
    );

    app.delete(
      '/api/orgs/:orgId/members/:userId',
      {
        config: { access: ADMIN },
        schema: { tags: ['members'], summary: 'Remove a member', params: memberParams },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const userId = validId(request.params.userId, 'Member');
        await withTenant(db, orgId, (tx) => removeMember(tx, orgId, actorOf(request.session), userId));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/orgs/:orgId/invitations',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['members'],
          params: orgParams,
          response: { 200: z.object({ invitations: z.array(invitation) }) },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        return { invitations: await withTenant(db, orgId, (tx) => listInvitations(tx, orgId)) };
      },
    );

    app.post(
      '/api/orgs/:orgId/invitations',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['members'],
          summary: 'Invite a person by email; returns the link to send them',
          params: orgParams,
          body: z.object({ email: emailSchema, role: roleSchema }),
          response: { 201: z.object({ invitation, acceptUrl: z.string() }) },
        },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const created = await withTenant(db, orgId, (tx) =>
          createInvitation(tx, orgId, actorOf(request.session), request.body, config.publicUrl),
        );
        return reply.status(201).send(created);
      },
    );

    app.delete(
      '/api/orgs/:orgId/invitations/:id',
      {
        config: { access: ADMIN },
        schema: { tags: ['members'], summary: 'Revoke a pending invitation', params: invitationParams },
      },
      async (request, reply) => {
        const orgId = requireOrg(request.org);
        const id = validId(request.params.id, 'Invitation');
        await withTenant(db, orgId, (tx) => revokeInvitation(tx, orgId, actorOf(request.session), id));
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/invitations/:token',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['members'],
          summary: 'What an invitation link offers',
          params: z.object({ token: z.string().max(100) }),
          response: {
            200: z.object({
              organizationName: z.string(),
              email: z.string(),
              role: roleSchema,
              userExists: z.boolean(),
              expiresAt: z.date(),
            }),
          },
        },
      },
      async (request) => {
        const found = await pendingInvitation(db, request.params.token);
        return {
          organizationName: found.organizationName,
          email: found.invitation.email,
          role: found.invitation.role,
          userExists: found.existingUserId !== null,
          expiresAt: found.invitation.expiresAt,
        };
      },
    );

    app.post(
      '/api/invitations/:token/accept',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['members'],
          summary: 'Accept an invitation (a new account gives name and password)',
          params: z.object({ token: z.string().max(100) }),
          body: z
            .object({ name: personNameSchema.optional(), password: passwordSchema.optional() })
            .default({}),
          response: { 200: sessionResponse },
        },
      },
      async (request, reply) => {
        const { name, password } = request.body;
        const userId = await acceptInvitation(db, {
          token: request.params.token,
          signedInUser: request.session?.user ?? null,
          newAccount: name !== undefined && password !== undefined ? { name, password } : undefined,
        });
        return signIn(db, config, reply, userId);
      },
    );
  };
}
