// Sessions live in the database (the server stays stateless); the cookie carries a random token
// and the table keeps only its SHA-256, so a leaked table cannot be replayed.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import type { Config } from '../config';
import type { Executor } from '../db/client';
import { memberships, organizations, type Role, sessions, users } from '../db/schema';

export const SESSION_COOKIE = 'smart_session';
const TOUCH_INTERVAL_MS = 60_000;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface LoadedSession {
  id: string;
  user: SessionUser;
  csrfToken: string;
}

export interface OrganizationMembership {
  id: string;
  slug: string;
  name: string;
  role: Role;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Executor,
  userId: string,
  config: Config,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.insert(sessions).values({
    id: digest(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.sessionMaxMs),
  });
  return { token, csrfToken };
}

export async function loadSession(
  db: Executor,
  token: string,
  config: Config,
): Promise<LoadedSession | null> {
  const id = digest(token);
  const [row] = await db
    .select({ session: sessions, user: { id: users.id, email: users.email, name: users.name } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const now = Date.now();
  const idleExpired = row.session.lastSeenAt.getTime() + config.sessionIdleMs < now;
  if (row.session.expiresAt.getTime() < now || idleExpired) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now - row.session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(sessions.id, id));
  }
  return { id, user: row.user, csrfToken: row.session.csrfToken };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

export async function deleteExpiredSessions(db: Executor, config: Config): Promise<void> {
  const now = Date.now();
  await db
    .delete(sessions)
    .where(
      or(
        lt(sessions.expiresAt, new Date(now)),
        lt(sessions.lastSeenAt, new Date(now - config.sessionIdleMs)),
      ),
    );
}

export async function userOrganizations(db: Executor, userId: string): Promise<OrganizationMembership[]> {
  return db
    .select({
      id: organizations.id,
      slug: organizations.slug,
      name: organizations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
    .where(eq(memberships.userId, userId))
    .orderBy(organizations.name);
}

export async function membershipRole(
  db: Executor,
  organizationId: string,
  userId: string,
): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** Drops every session of these users (used when an account's access changes sharply). */
export async function deleteSessionsOf(db: Executor, userIds: string[]): Promise<void> {
  if (userIds.length > 0) await db.delete(sessions).where(inArray(sessions.userId, userIds));
}
