// The planning team (method step P1.1): the people who assess, their disciplines and roles on the
// assessment, who approves, and the sub-teams that own specific workflows.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { type Actor, recordAudit } from '../audit/audit.service';
import type { Executor } from '../db/client';
import { type Discipline, memberships, subTeamMembers, subTeams, teamMembers } from '../db/schema';
import { AppError, notFound } from '../shared/errors';

export interface TeamMemberInput {
  name: string;
  email: string | null;
  userId: string | null;
  discipline: Discipline;
  assessmentRole: string;
  isApprover: boolean;
}

export interface SubTeamInput {
  name: string;
  description: string;
  workflows: string;
  memberIds: string[];
}

const invalid = (path: string, message: string) =>
  new AppError('invalid_input', `Invalid input. ${path}: ${message}`, [{ path, message }]);

export async function getTeam(tx: Executor, organizationId: string) {
  const members = await tx
    .select()
    .from(teamMembers)
    .where(eq(teamMembers.organizationId, organizationId))
    .orderBy(asc(teamMembers.name), asc(teamMembers.id));
  const teams = await tx
    .select()
    .from(subTeams)
    .where(eq(subTeams.organizationId, organizationId))
    .orderBy(asc(subTeams.name), asc(subTeams.id));
  const links = await tx
    .select()
    .from(subTeamMembers)
    .where(eq(subTeamMembers.organizationId, organizationId));
  return {
    members: members.map(({ organizationId: _o, ...m }) => ({
      ...m,
      subTeamIds: links.filter((l) => l.teamMemberId === m.id).map((l) => l.subTeamId),
    })),
    subTeams: teams.map(({ organizationId: _o, ...t }) => ({
      ...t,
      memberIds: members
        .filter((m) => links.some((l) => l.subTeamId === t.id && l.teamMemberId === m.id))
        .map((m) => m.id),
    })),
  };
}

async function findMember(tx: Executor, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.id, id)));
  if (!row) throw notFound('Team member');
  return row;
}

/** A linked account must belong to the organization, and be linked to one team member only. */
async function checkUserLink(tx: Executor, organizationId: string, userId: string | null, selfId?: string) {
  if (userId === null) return;
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)));
  if (!member) throw invalid('body.userId', 'is not a member of this organization');
  const [taken] = await tx
    .select({ id: teamMembers.id, name: teamMembers.name })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.userId, userId)));
  if (taken && taken.id !== selfId) throw invalid('body.userId', `is already linked to ${taken.name}`);
}

export async function addTeamMember(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  input: TeamMemberInput,
) {
  await checkUserLink(tx, organizationId, input.userId);
  const now = new Date();
  const row = { id: randomUUID(), organizationId, ...input, createdAt: now, updatedAt: now };
  await tx.insert(teamMembers).values(row);
  await recordAudit(tx, organizationId, actor, {
    action: 'team_member.added',
    entityType: 'team_member',
    entityId: row.id,
    after: input,
  });
  const { organizationId: _o, ...visible } = row;
  return { ...visible, subTeamIds: [] as string[] };
}

export async function updateTeamMember(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  id: string,
  changes: Partial<TeamMemberInput>,
) {
  const before = await findMember(tx, organizationId, id);
  if (changes.userId !== undefined) await checkUserLink(tx, organizationId, changes.userId, id);
  const [after] = await tx
    .update(teamMembers)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.id, id)))
    .returning();
  if (!after) throw notFound('Team member');
  const keys = Object.keys(changes) as (keyof TeamMemberInput)[];
  await recordAudit(tx, organizationId, actor, {
    action: 'team_member.updated',
    entityType: 'team_member',
    entityId: id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  });
  const team = await getTeam(tx, organizationId);
  const member = team.members.find((m) => m.id === id);
  if (!member) throw notFound('Team member');
  return member;
}

export async function removeTeamMember(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const before = await findMember(tx, organizationId, id);
  const subTeamIds = (
    await tx
      .select({ subTeamId: subTeamMembers.subTeamId })
      .from(subTeamMembers)
      .where(and(eq(subTeamMembers.organizationId, organizationId), eq(subTeamMembers.teamMemberId, id)))
  ).map((l) => l.subTeamId);
  await tx
    .delete(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.id, id)));
  const { organizationId: _o, createdAt: _c, updatedAt: _u, ...visible } = before;
  await recordAudit(tx, organizationId, actor, {
    action: 'team_member.removed',
    entityType: 'team_member',
    entityId: id,
    before: { ...visible, subTeamIds },
  });
}

async function findSubTeam(tx: Executor, organizationId: string, id: string) {
  const team = await getTeam(tx, organizationId);
  const subTeam = team.subTeams.find((t) => t.id === id);
  if (!subTeam) throw notFound('Sub-team');
  return { team, subTeam };
}

async function checkSubTeam(
  tx: Executor,
  organizationId: string,
  input: Partial<SubTeamInput>,
  selfId?: string,
) {
  if (input.name !== undefined) {
    const name = input.name;
    const [same] = await tx
      .select({ id: subTeams.id })
      .from(subTeams)
      .where(and(eq(subTeams.organizationId, organizationId), eq(subTeams.name, name)));
    if (same && same.id !== selfId) throw invalid('body.name', 'another sub-team already has this name');
  }
  const ids = [...new Set(input.memberIds ?? [])];
  if (ids.length === 0) return ids;
  const found = await tx
    .select({ id: teamMembers.id })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), inArray(teamMembers.id, ids)));
  if (found.length !== ids.length) throw invalid('body.memberIds', 'names someone who is not on the team');
  return ids;
}

async function setSubTeamMembers(tx: Executor, organizationId: string, subTeamId: string, ids: string[]) {
  await tx
    .delete(subTeamMembers)
    .where(and(eq(subTeamMembers.organizationId, organizationId), eq(subTeamMembers.subTeamId, subTeamId)));
  if (ids.length > 0) {
    await tx
      .insert(subTeamMembers)
      .values(ids.map((teamMemberId) => ({ organizationId, subTeamId, teamMemberId })));
  }
}

export async function createSubTeam(tx: Executor, organizationId: string, actor: Actor, input: SubTeamInput) {
  const memberIds = await checkSubTeam(tx, organizationId, input);
  const now = new Date();
  const { memberIds: _m, ...fields } = input;
  const row = { id: randomUUID(), organizationId, ...fields, createdAt: now, updatedAt: now };
  await tx.insert(subTeams).values(row);
  await setSubTeamMembers(tx, organizationId, row.id, memberIds);
  await recordAudit(tx, organizationId, actor, {
    action: 'sub_team.created',
    entityType: 'sub_team',
    entityId: row.id,
    after: { ...fields, memberIds },
  });
  return (await findSubTeam(tx, organizationId, row.id)).subTeam;
}

export async function updateSubTeam(
  tx: Executor,
  organizationId: string,
  actor: Actor,
  id: string,
  changes: Partial<SubTeamInput>,
) {
  const { subTeam: before } = await findSubTeam(tx, organizationId, id);
  const memberIds = await checkSubTeam(tx, organizationId, changes, id);
  const { memberIds: newIds, ...fields } = changes;
  await tx
    .update(subTeams)
    .set({ ...fields, updatedAt: new Date() })
    .where(and(eq(subTeams.organizationId, organizationId), eq(subTeams.id, id)));
  if (newIds !== undefined) await setSubTeamMembers(tx, organizationId, id, memberIds);
  const { subTeam: after } = await findSubTeam(tx, organizationId, id);
  const keys = Object.keys(changes) as (keyof SubTeamInput)[];
  await recordAudit(tx, organizationId, actor, {
    action: 'sub_team.updated',
    entityType: 'sub_team',
    entityId: id,
    before: Object.fromEntries(keys.map((k) => [k, before[k]])),
    after: Object.fromEntries(keys.map((k) => [k, after[k]])),
  });
  return after;
}

export async function removeSubTeam(tx: Executor, organizationId: string, actor: Actor, id: string) {
  const { subTeam } = await findSubTeam(tx, organizationId, id);
  await tx.delete(subTeams).where(and(eq(subTeams.organizationId, organizationId), eq(subTeams.id, id)));
  const { createdAt: _c, updatedAt: _u, ...visible } = subTeam;
  await recordAudit(tx, organizationId, actor, {
    action: 'sub_team.removed',
    entityType: 'sub_team',
    entityId: id,
    before: visible,
  });
}
