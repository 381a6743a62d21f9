// Who may do what with maps, as the maps API decides it (the server checks again on every call):
// these only choose which controls to show. Per-map rights come with each map (canEdit ...).
import type { Role, SubTeam, Team } from '../../../api/types';

/** Creating a map; a business owner must create it for a sub-team they belong to. */
export function canCreateMaps(role: Role): boolean {
  return role === 'admin' || role === 'risk_lead' || role === 'business_owner';
}

export function canDeleteMaps(role: Role): boolean {
  return role === 'admin' || role === 'risk_lead';
}

/** Choosing and ranking the templates (P1.4) is the planning team's leads' job. */
export function canEditSelection(role: Role): boolean {
  return role === 'admin' || role === 'risk_lead';
}

/** The sub-teams a signed-in user belongs to through their planning-team membership. */
export function subTeamsOf(team: Team | undefined, userId: string): SubTeam[] {
  if (!team) return [];
  const memberIds = new Set(team.members.filter((m) => m.userId === userId).map((m) => m.id));
  return team.subTeams.filter((t) => t.memberIds.some((id) => memberIds.has(id)));
}
