// The materiality rubric of one organization: its versions, one version in full, and the writes
// (start from the default, save an edit as a new version, record an approval).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  ApprovingBody,
  OrganizationSize,
  RubricDimension,
  RubricOverview,
  RubricVersion,
} from '../../api/types';

export const rubricKey = (orgId: string) => ['materiality', orgId] as const;
const versionKey = (orgId: string, id: string) => ['materiality', orgId, 'version', id] as const;

export function useRubricOverview(orgId: string) {
  return useQuery({
    queryKey: rubricKey(orgId),
    queryFn: () => api.get<RubricOverview>(`/api/orgs/${orgId}/materiality`),
  });
}

/** A version never changes its content, only its status; refetched with the overview. */
export function useRubricVersion(orgId: string, id: string | null) {
  return useQuery({
    queryKey: versionKey(orgId, id ?? 'none'),
    queryFn: () => api.get<RubricVersion>(`/api/orgs/${orgId}/materiality/versions/${id}`),
    enabled: id !== null,
  });
}

function useRubricMutation<TVariables>(orgId: string, mutationFn: (v: TVariables) => Promise<RubricVersion>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the caller's own callbacks (close the editor, show the saved version) come first.
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: rubricKey(orgId) });
    },
  });
}

export function useStartRubric(orgId: string) {
  return useRubricMutation(orgId, (organizationSize: OrganizationSize) =>
    api.post<RubricVersion>(`/api/orgs/${orgId}/materiality/start`, { organizationSize }),
  );
}

export function useSaveRubricVersion(orgId: string) {
  return useRubricMutation(
    orgId,
    (input: { baseVersion: number; dimensions: RubricDimension[]; changeNote: string }) =>
      api.post<RubricVersion>(`/api/orgs/${orgId}/materiality/versions`, input),
  );
}

export interface ApprovalInput {
  approvingBody: ApprovingBody;
  approverName: string;
  approvalDate: string;
  note: string;
}

export function useApproveRubricVersion(orgId: string) {
  return useRubricMutation(orgId, ({ id, input }: { id: string; input: ApprovalInput }) =>
    api.post<RubricVersion>(`/api/orgs/${orgId}/materiality/versions/${id}/approval`, input),
  );
}
