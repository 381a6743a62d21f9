// Starting a session: the cookie, and the body the web app reads its state from.

import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import type { Config } from '../config';
import type { AppDb } from '../db/client';
import { users } from '../db/schema';
import { createSession, type LoadedSession, SESSION_COOKIE, userOrganizations } from './sessions';

export async function sessionBody(db: AppDb, session: LoadedSession) {
  return {
    user: session.user,
    organizations: await userOrganizations(db, session.user.id),
    csrfToken: session.csrfToken,
  };
}

export async function signIn(db: AppDb, config: Config, reply: FastifyReply, userId: string) {
  const { token, csrfToken } = await createSession(db, userId, config);
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: Math.floor(config.sessionMaxMs / 1000),
  });
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw new Error(`signing in a user that does not exist (${userId})`);
  return sessionBody(db, { id: '', user, csrfToken });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
