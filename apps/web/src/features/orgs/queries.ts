// Organization hooks: create another organization, read and rename the current one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Membership, OrganizationDetails, Session } from '../../api/types';
import { sessionKey } from '../auth/session';

export const organizationKey = (orgId: string) => ['org', orgId] as const;

export function useOrganization(orgId: string) {
  return useQuery({
    queryKey: organizationKey(orgId),
    queryFn: () => api.get<OrganizationDetails>(`/api/orgs/${orgId}`),
  });
}

export function useCreateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; slug: string }) => api.post<Membership>('/api/organizations', input),
    onSuccess: (created) => {
      // Add the membership at once so the new organization's pages open without waiting.
      queryClient.setQueryData<Session | null>(sessionKey, (session) =>
        session ? { ...session, organizations: [...session.organizations, created] } : session,
      );
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}

export function useRenameOrganization(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => api.patch<OrganizationDetails>(`/api/orgs/${orgId}`, input),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKey(orgId), org);
      void queryClient.invalidateQueries({ queryKey: sessionKey });
    },
  });
}
