// Accepting an invitation: the one place a person joins an organization without being an admin.
import { and, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/audit.service';
import type { AppDb, Executor } from '../db/client';
import { invitations, memberships, organizations, users } from '../db/schema';
import { createUser } from '../orgs/orgs.service';
import { AppError, conflict, forbidden, notFound } from '../shared/errors';
import { tokenDigest } from './members.service';

/** The pending invitation behind a token, across organizations: the token is the credential. */
export async function pendingInvitation(db: Executor, token: string) {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(
      and(
        eq(invitations.tokenHash, tokenDigest(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row) throw notFound('Invitation (it may have expired, been revoked or already been used)');
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, row.invitation.email));
  return { ...row, existingUserId: user?.id ?? null };
}

export interface Acceptance {
  token: string;
  signedInUser: { id: string; email: string; name: string } | null;
  newAccount?: { name: string; password: string };
}

/** Returns the id of the user who joined. */
export async function acceptInvitation(db: AppDb, input: Acceptance): Promise<string> {
  return db.transaction(async (tx) => {
    const found = await pendingInvitation(tx, input.token);
    const { invitation } = found;
    let user: { id: string; name: string };
    if (found.existingUserId) {
      if (!input.signedInUser)
        throw new AppError('unauthenticated', `Sign in as ${invitation.email} to accept.`);
      if (input.signedInUser.id !== found.existingUserId) {
        throw forbidden(
          `This invitation is for ${invitation.email}; sign in with that account to accept it.`,
        );
      }
      user = input.signedInUser;
    } else {
      if (!input.newAccount) {
        throw new AppError('invalid_input', 'Choose your name and a password to create your account.', [
          { path: 'body.name', message: 'is required for a new account' },
          { path: 'body.password', message: 'is required for a new account' },
        ]);
      }
      user = await createUser(tx, { email: invitation.email, ...input.newAccount });
    }
    const [already] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, invitation.organizationId), eq(memberships.userId, user.id)));
    if (already) throw conflict('You are already a member of this organization.');
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
    await tx
      .insert(memberships)
      .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role });
    await recordAudit(
      tx,
      invitation.organizationId,
      { id: user.id, name: user.name },
      {
        action: 'invitation.accepted',
        entityType: 'membership',
        entityId: user.id,
        after: {
          userId: user.id,
          email: invitation.email,
          role: invitation.role,
          invitationId: invitation.id,
        },
      },
    );
    return user.id;
  });
}
