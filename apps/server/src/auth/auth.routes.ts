// Sign in, sign out, and the current session.
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config';
import type { AppDb } from '../db/client';
import { users } from '../db/schema';
import { AppError } from '../shared/errors';
import { emailSchema, errorResponse, sessionResponse } from '../shared/schemas';
import { verifyPassword } from './passwords';
import { clearSessionCookie, sessionBody, signIn } from './session-response';
import { deleteSession } from './sessions';

export function authRoutes(db: AppDb, config: Config): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/api/auth/login',
      {
        config: {
          access: { kind: 'public' },
          rateLimit: {
            max: config.loginRateLimit,
            timeWindow: '15 minutes',
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { email?: unknown })?.email ?? '').toLowerCase()}`,
            errorResponseBuilder: (_req, ctx) => ({
              statusCode: 429,
              message: `Too many sign-in attempts. Wait ${Math.ceil(ctx.ttl / 60000)} minutes and try again.`,
            }),
          },
        },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password',
          body: z.object({ email: emailSchema, password: z.string().min(1).max(256) }),
          response: { 200: sessionResponse, 401: errorResponse, 429: errorResponse },
        },
      },
      async (request, reply) => {
        const { email, password } = request.body;
        const [user] = await db.select().from(users).where(eq(users.email, email));
        if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
          throw new AppError('invalid_credentials', 'The email or password is not right.');
        }
        return signIn(db, config, reply, user.id);
      },
    );

    app.post(
      '/api/auth/logout',
      { config: { access: { kind: 'public' } }, schema: { tags: ['auth'], summary: 'Sign out' } },
      async (request, reply) => {
        if (request.session) await deleteSession(db, request.session.id);
        clearSessionCookie(reply);
        return reply.status(204).send();
      },
    );

    app.get(
      '/api/session',
      {
        config: { access: { kind: 'signedIn' } },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, their organizations and the CSRF token',
          response: { 200: sessionResponse },
        },
      },
      async (request) => {
        if (!request.session) throw new AppError('unauthenticated', 'Sign in first.');
        return sessionBody(db, request.session);
      },
    );
  };
}
