// Members of an organization and the invitations that bring new ones in.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { invitations, memberships, outbox, type Role, users } from '../db/schema';
import { conflict, notFound } from '../shared/errors';

export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
export const tokenDigest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function listMembers(tx: Executor, organizationId: string) {
  return tx
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organizationId, organizationId))
    .orderBy(users.name);
}

async function findMember(tx: Executor, organizationId: string, userId: string) {
  const members = await listMembers(tx, organizationId);
  const member = members.find((m) => m.userId === userId);
  if (!member) throw notFound('Member');
  return { member, adminCount: members.filter((m) => m.role === 'admin').length };
}

export async function changeRole(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  userId: string,
  role: Role,
) {
  const { member, adminCount } = await findMember(tx, organizationId, userId);
  if (member.role === role) return member;
  if (member.role === 'admin' && adminCount === 1) {
    throw conflict('This is the last administrator; make someone else an administrator first.');
  }
  await tx
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  await recordAudit(tx, organizationId, actor, {
    action: 'member.role_changed',
    entityType: 'membership',
    entityId: userId,
    before: { role: member.role },
    after: { role },
  });
  return { ...member, role };
}

export async function removeMember(tx: Executor, organizationId: string, actor: Actor, userId: string) {
  const { member, adminCount } = await findMember(tx, organizationId, userId);
  if (member.role === 'admin' && adminCount === 1) {
    throw conflict('This is the last administrator and cannot be removed.');
  }
  await tx
    .delete(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  await recordAudit(tx, organizationId, actor, {
    action: 'member.removed',
    entityType: 'membership',
    entityId: userId,
    before: { userId, email: member.email, role: member.role },
  });
}

const inviter = alias(users, 'inviter');

export async function listInvitations(tx: Executor, organizationId: string) {
  const rows = await tx
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      invitedById: invitations.invitedBy,
      invitedByName: inviter.name,
    })
    .from(invitations)
    .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    )
    .orderBy(invitations.createdAt);
  return rows.map(({ invitedById, invitedByName, ...rest }) => ({
    ...rest,
    invitedBy: invitedById ? { id: invitedById, name: invitedByName ?? 'former member' } : null,
  }));
}

export async function createInvitation(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: { email: string; role: Role },
  publicUrl: string,
) {
  const members = await listMembers(tx, organizationId);
  if (members.some((m) => m.email === input.email)) {
    throw conflict(`${input.email} is already a member of this organization.`);
  }
  // A new invitation to the same address replaces the pending one.
  for (const pending of (await listInvitations(tx, organizationId)).filter((i) => i.email === input.email)) {
    await revokeInvitation(tx, organizationId, actor, pending.id);
  }
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const invitation = {
    id: randomUUID(),
    organizationId,
    email: input.email,
    role: input.role,
    tokenHash: tokenDigest(token),
    invitedBy: actor.id,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  };
  await tx.insert(invitations).values(invitation);
  const acceptUrl = `${publicUrl.replace(/\/$/, '')}/invite/${token}`;
  await tx.insert(outbox).values({
    id: randomUUID(),
    organizationId,
    toAddress: input.email,
    subject: 'You are invited to SMART',
    body: `${actor.name} invited you to join their organization on SMART. Accept within 7 days: ${acceptUrl}`,
    createdAt: now,
  });
  await recordAudit(tx, organizationId, actor, {
    action: 'invitation.created',
    entityType: 'invitation',
    entityId: invitation.id,
    after: { email: input.email, role: input.role, expiresAt: invitation.expiresAt },
  });
  const { tokenHash: _omit, ...visible } = invitation;
  return { invitation: { ...visible, invitedBy: { id: actor.id, name: actor.name } }, acceptUrl };
}

export async function revokeInvitation(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const [row] = await tx
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.organizationId, organizationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ email: invitations.email, role: invitations.role });
  if (!row) throw notFound('Invitation');
  await recordAudit(tx, organizationId, actor, {
    action: 'invitation.revoked',
    entityType: 'invitation',
    entityId: id,
    before: row,
  });
}
