// Organizations and the accounts that belong to them.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import type { Executor } from '../db/client';
import { memberships, organizations, type Role, users } from '../db/schema';
import { conflict } from '../shared/errors';

export interface NewOrganization {
  name: string;
  slug: string;
}

export interface NewUser {
  email: string;
  name: string;
  password: string;
}

export async function createUser(tx: Executor, input: NewUser): Promise<Actor & { email: string }> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
  if (existing) throw conflict(`An account with the email ${input.email} already exists; sign in instead.`);
  const user = { id: randomUUID(), email: input.email, name: input.name };
  await tx.insert(users).values({ ...user, passwordHash: await hashPassword(input.password) });
  return user;
}

/** Creates an organization with `founder` as its first administrator, and opens its audit chain. */
export async function createOrganization(tx: Executor, input: NewOrganization, founder: Actor) {
  const [taken] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, input.slug));
  if (taken) throw conflict(`The address "${input.slug}" is taken by another organization; choose another.`);
  const org = { id: randomUUID(), slug: input.slug, name: input.name, createdAt: new Date() };
  await tx.insert(organizations).values(org);
  await recordAudit(tx, org.id, founder, {
    action: 'organization.created',
    entityType: 'organization',
    entityId: org.id,
    after: { slug: org.slug, name: org.name },
  });
  await addMember(tx, org.id, founder, founder.id, 'admin');
  return org;
}

export async function addMember(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  userId: string,
  role: Role,
) {
  await tx.insert(memberships).values({ organizationId, userId, role });
  await recordAudit(tx, organizationId, actor, {
    action: 'member.added',
    entityType: 'membership',
    entityId: userId,
    after: { userId, role },
  });
}

export async function countUsers(tx: Executor): Promise<number> {
  const rows = await tx.select({ id: users.id }).from(users).limit(1);
  return rows.length;
}
