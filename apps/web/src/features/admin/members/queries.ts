// Members and invitations of one organization: list, change role, remove, invite, revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { CreatedInvitation, Invitation, Member, Role } from '../../../api/types';
import { sessionKey } from '../../auth/session';

export const membersKey = (orgId: string) => ['members', orgId] as const;
export const invitationsKey = (orgId: string) => ['invitations', orgId] as const;

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: membersKey(orgId),
    queryFn: () => api.get<{ members: Member[] }>(`/api/orgs/${orgId}/members`),
    select: (data) => data.members,
  });
}

export function useInvitations(orgId: string) {
  return useQuery({
    queryKey: invitationsKey(orgId),
    queryFn: () => api.get<{ invitations: Invitation[] }>(`/api/orgs/${orgId}/invitations`),
    select: (data) => data.invitations,
  });
}

export function useChangeRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.patch<Member>(`/api/orgs/${orgId}/members/${userId}`, { role }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: membersKey(orgId) });
      // The admin may have changed their own role, which changes their navigation.
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.delete(`/api/orgs/${orgId}/members/${userId}`),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: membersKey(orgId) });
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useInvite(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { email: string; role: Role }) =>
      api.post<CreatedInvitation>(`/api/orgs/${orgId}/invitations`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey(orgId) }),
  });
}

export function useRevokeInvitation(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) => api.delete(`/api/orgs/${orgId}/invitations/${invitationId}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(orgId) }),
  });
}
