// The guided first run: create the first organization and its administrator, or load the demo.
import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signIn } from '../auth/session-response';
import type { Config } from '../config';
import type { AppDb } from '../db/client';
import { loadDemo } from '../demo/demo';
import { countUsers, createOrganization, createUser } from '../orgs/orgs.service';
import { AppError } from '../shared/errors';
import {
  emailSchema,
  errorResponse,
  orgNameSchema,
  passwordSchema,
  personNameSchema,
  sessionResponse,
  slugSchema,
} from '../shared/schemas';

const alreadySetUp = () =>
  new AppError(
    'already_set_up',
    'SMART is already set up on this server; sign in, or ask an administrator for an invitation.',
  );

export function setupRoutes(db: AppDb, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/setup',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['setup'],
          summary: 'Whether the first run still has to happen',
          response: { 200: z.object({ needsSetup: z.boolean() }) },
        },
      },
      async () => ({ needsSetup: (await countUsers(db)) === 0 }),
    );

    app.post(
      '/api/setup',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['setup'],
          summary: 'First run: create the organization and its first administrator',
          body: z.object({
            organizationName: orgNameSchema,
            organizationSlug: slugSchema,
            name: personNameSchema,
            email: emailSchema,
            password: passwordSchema,
          }),
          response: { 201: sessionResponse, 409: errorResponse },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const userId = await db.transaction(async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(7462002)`);
          if ((await countUsers(tx)) > 0) throw alreadySetUp();
          const admin = await createUser(tx, { email: body.email, name: body.name, password: body.password });
          await createOrganization(tx, { name: body.organizationName, slug: body.organizationSlug }, admin);
          return admin.id;
        });
        return reply.status(201).send(await signIn(db, config, reply, userId));
      },
    );

    app.post(
      '/api/setup/demo',
      {
        config: { access: { kind: 'public' } },
        schema: {
          tags: ['setup'],
          summary:
            'First run: load the demo organization (Riverbend Community Hospital) and sign in as its administrator',
          response: { 201: sessionResponse, 409: errorResponse },
        },
      },
      async (_request, reply) => {
        if ((await countUsers(db)) > 0) throw alreadySetUp();
        const demo = await loadDemo(db);
        return reply.status(201).send(await signIn(db, config, reply, demo.adminUserId));
      },
    );
  };
}
