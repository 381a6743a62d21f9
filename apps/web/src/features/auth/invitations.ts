// Hooks for the invitation link a new or existing user opens: preview it, accept it.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { InvitationPreview, Session } from '../../api/types';
import { useRememberSession } from './session';

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => api.get<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`),
  });
}

export function useAcceptInvitation(token: string) {
  const remember = useRememberSession();
  return useMutation({
    mutationFn: (input: { name?: string; password?: string }) =>
      api.post<Session>(`/api/invitations/${encodeURIComponent(token)}/accept`, input),
    onSuccess: remember,
  });
}

/** The organization the accepted invitation belongs to, found in the new session by its name. */
export function invitedOrgPath(session: Session, organizationName: string): string {
  const org =
    session.organizations.find((candidate) => candidate.name === organizationName) ??
    session.organizations[0];
  return org ? `/o/${org.id}` : '/';
}
