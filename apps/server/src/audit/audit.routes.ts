// Browsing and verifying an organization's audit log (administrators).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDb } from '../db/client';
import { withTenant } from '../db/tenant';
import { actorOf, requireOrg } from '../orgs/orgs.routes';
import { orgParams } from '../shared/schemas';
import { listAudit, verifyChain } from './audit.service';

const ADMIN = { kind: 'org', roles: ['admin'] } as const;

const query = z.object({
  action: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  entityType: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  cursor: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const entry = z.object({
  seq: z.number(),
  at: z.date(),
  actor: z.object({ id: z.string(), name: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

export function auditRoutes(db: AppDb): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/orgs/:orgId/audit',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['audit'],
          summary: 'Audit log entries, newest first; pass nextCursor back as cursor for more',
          params: orgParams,
          querystring: query,
          response: { 200: z.object({ entries: z.array(entry), nextCursor: z.string().nullable() }) },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        const { cursor, ...filter } = request.query;
        const rows = await withTenant(db, orgId, (tx) =>
          listAudit(tx, orgId, { ...filter, beforeSeq: cursor, limit: filter.limit + 1 }),
        );
        const page = rows.slice(0, filter.limit);
        const last = page.at(-1);
        return {
          entries: page.map((r) => ({
            seq: r.seq,
            at: r.at,
            actor: r.actorId ? { id: r.actorId, name: r.actorName ?? '' } : null,
            action: r.action,
            entityType: r.entityType,
            entityId: r.entityId,
            before: r.before,
            after: r.after,
            hash: r.hash,
          })),
          nextCursor: rows.length > filter.limit && last ? String(last.seq) : null,
        };
      },
    );

    app.get(
      '/api/orgs/:orgId/audit/verify',
      {
        config: { access: ADMIN },
        schema: {
          tags: ['audit'],
          summary: 'Check the hash chain of the whole log',
          params: orgParams,
          response: {
            200: z.object({
              ok: z.boolean(),
              checked: z.number(),
              brokenAt: z.number().nullable(),
              message: z.string(),
            }),
          },
        },
      },
      async (request) => {
        const orgId = requireOrg(request.org);
        actorOf(request.session);
        return withTenant(db, orgId, (tx) => verifyChain(tx, orgId));
      },
    );
  };
}
