// First-run setup: create the first organization and administrator, or load the demo organization.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Session } from '../../api/types';
import { rememberSession } from '../auth/session';

export interface SetupInput {
  organizationName: string;
  organizationSlug: string;
  name: string;
  email: string;
  password: string;
}

// The setup status is not refreshed here: the setup page shows its last step first, and `/`
// asks again when the user moves on.
export function useCompleteSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SetupInput) => api.post<Session>('/api/setup', input),
    onSuccess: (session) => rememberSession(queryClient, session),
  });
}

export function useLoadDemo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Session>('/api/setup/demo'),
    onSuccess: (session) => {
      rememberSession(queryClient, session);
      queryClient.setQueryData(['setup'], { needsSetup: false });
    },
  });
}
