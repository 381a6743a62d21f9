// Session hooks: who is signed in, in which organizations, and the writes that change that.
// Every answer that carries a Session goes through `useRememberSession` so the CSRF token and the
// cached session stay in step.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, setCsrfToken } from '../../api/client';
import type { Membership, Session, SetupStatus } from '../../api/types';

export const sessionKey = ['session'] as const;
export const setupKey = ['setup'] as const;

async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in session, or null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 30_000 });
}

export function useSetupStatus() {
  return useQuery({
    queryKey: setupKey,
    queryFn: () => api.get<SetupStatus>('/api/setup'),
    staleTime: 60_000,
  });
}

export function rememberSession(queryClient: QueryClient, session: Session): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionKey, session);
}

export function useRememberSession(): (session: Session) => void {
  const queryClient = useQueryClient();
  return useCallback((session: Session) => rememberSession(queryClient, session), [queryClient]);
}

export function useLogin() {
  const remember = useRememberSession();
  return useMutation({
    mutationFn: (input: { email: string; password: string }) => api.post<Session>('/api/auth/login', input),
    onSuccess: remember,
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.postVoid('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(sessionKey, null);
    },
  });
}

/** The membership for `orgId` in the session, if the user belongs to that organization. */
export function membershipFor(
  session: Session | null | undefined,
  orgId: string | undefined,
): Membership | null {
  if (!session || orgId === undefined) return null;
  return session.organizations.find((org) => org.id === orgId) ?? null;
}

/** Where a signed-in user lands: their first organization's home. */
export function homePath(session: Session): string {
  const first = session.organizations[0];
  return first ? `/o/${first.id}` : '/no-organization';
}
