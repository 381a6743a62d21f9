// Starting a session: the cookie, and the body the web app reads its state from.
import type { FastifyReply } from 'fastify';
import type { Config } from '../config';
import type { AppDb } from '../db/client';
import { createSession, loadSession, SESSION_COOKIE, type LoadedSession, userOrganizations } from './sessions';

export async function sessionBody(db: AppDb, session: LoadedSession) {
  return {
    user: session.user,
    organizations: await userOrganizations(db, session.user.id),
    csrfToken: session.csrfToken,
  };
}

export async function signIn(db: AppDb, config: Config, reply: FastifyReply, userId: string) {
  const { token } = await createSession(db, userId, config);
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: Math.floor(config.sessionMaxMs / 1000),
  });
  const session = await loadSession(db, token, config);
  if (!session) throw new Error('a session just created could not be loaded');
  return sessionBody(db, session);
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
