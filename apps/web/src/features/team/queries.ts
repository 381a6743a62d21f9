// The planning team of one organization: read it, and change members and sub-teams.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Discipline, SubTeam, Team, TeamMember } from '../../api/types';

export const teamKey = (orgId: string) => ['team', orgId] as const;

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

export function useTeam(orgId: string) {
  return useQuery({
    queryKey: teamKey(orgId),
    queryFn: () => api.get<Team>(`/api/orgs/${orgId}/team`),
  });
}

function useTeamMutation<TVariables, TResult>(
  orgId: string,
  mutationFn: (v: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: teamKey(orgId) }),
  });
}

export function useSaveTeamMember(orgId: string) {
  return useTeamMutation(orgId, ({ id, input }: { id: string | null; input: TeamMemberInput }) =>
    id === null
      ? api.post<TeamMember>(`/api/orgs/${orgId}/team/members`, input)
      : api.patch<TeamMember>(`/api/orgs/${orgId}/team/members/${id}`, input),
  );
}

export function useRemoveTeamMember(orgId: string) {
  return useTeamMutation(orgId, (id: string) => api.delete(`/api/orgs/${orgId}/team/members/${id}`));
}

export function useSaveSubTeam(orgId: string) {
  return useTeamMutation(orgId, ({ id, input }: { id: string | null; input: SubTeamInput }) =>
    id === null
      ? api.post<SubTeam>(`/api/orgs/${orgId}/team/sub-teams`, input)
      : api.patch<SubTeam>(`/api/orgs/${orgId}/team/sub-teams/${id}`, input),
  );
}

export function useRemoveSubTeam(orgId: string) {
  return useTeamMutation(orgId, (id: string) => api.delete(`/api/orgs/${orgId}/team/sub-teams/${id}`));
}
