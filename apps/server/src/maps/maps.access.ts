// Who may do what to a map. Route rules keep out the roles that may never do a thing; these rules
// add what depends on the map: a business owner edits and validates only the maps of the sub-teams
// they belong to (as a planning-team member linked to their account).
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client';
import type { Role } from '../db/schema';
import { AppError, forbidden } from '../shared/errors';

export interface Caller {
  id: string;
  name: string;
  role: Role;
  /** The sub-teams the caller belongs to (only looked up for business owners). */
  subTeamIds: ReadonlySet<string>;
}

const MANAGERS: readonly Role[] = ['admin', 'risk_lead'];

/** The caller with the sub-teams they belong to, read in the same transaction as the work. */
export async function loadCaller(
  tx: Executor,
  organizationId: string,
  user: { id: string; name: string },
  role: Role,
): Promise<Caller> {
  if (role !== 'business_owner') return { ...user, role, subTeamIds: new Set() };
  const rows = await queryRows<{ subTeamId: string }>(
    tx,
    sql`SELECT stm.sub_team_id AS "subTeamId"
        FROM sub_team_members stm
        JOIN team_members tm ON tm.organization_id = stm.organization_id AND tm.id = stm.team_member_id
        WHERE stm.organization_id = ${organizationId} AND tm.user_id = ${user.id}`,
  );
  return { ...user, role, subTeamIds: new Set(rows.map((r) => r.subTeamId)) };
}

const ownsSubTeam = (caller: Caller, subTeamId: string | null) =>
  caller.role === 'business_owner' && subTeamId !== null && caller.subTeamIds.has(subTeamId);

/** Change the map's content, layout, sub-team and links; send it to review or back to draft. */
export const canEdit = (caller: Caller, map: { subTeamId: string | null }) =>
  MANAGERS.includes(caller.role) || ownsSubTeam(caller, map.subTeamId);

/** Validate the map (in review → validated). */
export const canReview = (caller: Caller, map: { subTeamId: string | null }) =>
  MANAGERS.includes(caller.role) || ownsSubTeam(caller, map.subTeamId);

/** Comment on the map and resolve comments: everyone but executive viewers. */
export const canComment = (caller: Caller) => caller.role !== 'executive_viewer';

export function requireEdit(caller: Caller, map: { subTeamId: string | null }) {
  if (canEdit(caller, map)) return;
  throw forbidden(
    caller.role === 'business_owner'
      ? 'You can change only the maps of your own sub-teams; this map belongs to another sub-team (or to none). Ask a risk lead to assign it to your sub-team.'
      : 'Your role can read this map but not change it.',
  );
}

/**
 * The sub-team a map may be given by this caller: managers any sub-team (or none), business owners
 * only one of theirs.
 */
export function requireSubTeamChoice(caller: Caller, subTeamId: string | null | undefined) {
  if (caller.role !== 'business_owner') return;
  if (!subTeamId) {
    throw new AppError(
      'invalid_input',
      'Invalid input. body.subTeamId: choose one of your sub-teams; a business owner creates maps for a sub-team they belong to',
      [{ path: 'body.subTeamId', message: 'choose one of your sub-teams' }],
    );
  }
  if (!caller.subTeamIds.has(subTeamId)) {
    throw forbidden('You can create and move maps only into sub-teams you belong to.');
  }
}
