// Creating organizations, reading and renaming one.
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../audit/audit.service';
import type { AppDb } from '../db/client';
import { organizations } from '../db/schema';
import { withTenant } from '../db/tenant';
import { AppError, notFound } from '../shared/errors';
import { ALL_ROLES } from '../shared/http';
import { orgNameSchema, orgParams, roleSchema, slugSchema } from '../shared/schemas';
import { createOrganization } from './orgs.service';

const organizationResponse = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  createdAt: z.date(),
});

export function orgRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/organizations',
      {
        config: { access: { kind: 'signedIn' } },
        schema: {
          tags: ['organizations'],
          summary: 'Create an organization; the caller becomes its administrator',
          body: z.object({ name: orgNameSchema, slug: slugSchema }),
          response: {
            201: z.object({ id: z.string(), slug: z.string(), name: z.string(), role: roleSchema }),
          },
        },
      },
      async (request, reply) => {
        const session = request.session;
        if (!session) throw new AppError('unauthenticated', 'Sign in first.');
        const actor = { id: session.user.id, name: session.user.name };
        const org = await db.transaction((tx) => createOrganization(tx, request.body, actor));
        return reply.status(201).send({ id: org.id, slug: org.slug, name: org.name, role: 'admin' as const });
      },
    );

    app.get(
      '/api/orgs/:orgId',
      {
        config: { access: { kind: 'org', roles: ALL_ROLES } },
        schema: { tags: ['organizations'], params: orgParams, response: { 200: organizationResponse } },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const [org] = await withTenant(db, orgId, (tx) =>
          tx.select().from(organizations).where(eq(organizations.id, orgId)),
        );
        if (!org) throw notFound('Organization');
        return org;
      },
    );

    app.patch(
      '/api/orgs/:orgId',
      {
        config: { access: { kind: 'org', roles: ['admin'] } },
        schema: {
          tags: ['organizations'],
          summary: 'Rename the organization',
          params: orgParams,
          body: z.object({ name: orgNameSchema }),
          response: { 200: organizationResponse },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const actor = actorOf(request.session);
        return withTenant(db, orgId, async (tx) => {
          const [before] = await tx.select().from(organizations).where(eq(organizations.id, orgId));
          if (!before) throw notFound('Organization');
          const [after] = await tx
            .update(organizations)
            .set({ name: request.body.name })
            .where(eq(organizations.id, orgId))
            .returning();
          await recordAudit(tx, orgId, actor, {
            action: 'organization.renamed',
            entityType: 'organization',
            entityId: orgId,
            before: { name: before.name },
            after: { name: request.body.name },
          });
          return after ?? before;
        });
      },
    );
  };
}

export function requireOrg(org: { id: string } | null): string {
  if (!org) throw notFound('Organization');
  return org.id;
}

export function actorOf(session: { user: { id: string; name: string } } | null) {
  if (!session) throw new AppError('unauthenticated', 'Sign in first.');
  return { id: session.user.id, name: session.user.name };
}
