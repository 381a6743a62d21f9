// The spreadsheet import API: upload (with upload progress), the dry-run check for a mapping, the
// commit with merge decisions, and the import's status (polled for the commit's progress).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, uploadFile } from '../../../api/client';
import { vendorsKey } from '../queries';
import type { CheckResult, ColumnMapping, ImportResult, ImportSummary, MergeDecision } from '../types';

export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

const importsPath = (orgId: string) => `/api/orgs/${orgId}/vendor-imports`;
const checkKey = (orgId: string, importId: string) => ['vendor-imports', orgId, importId, 'check'] as const;

export function useUploadImport(orgId: string) {
  return useMutation({
    mutationFn: ({ file, onProgress }: { file: File; onProgress: (fraction: number) => void }) =>
      uploadFile<ImportSummary>(importsPath(orgId), file, file.name, onProgress),
  });
}

/** The dry run for a mapping: run again whenever the mapping changes; nothing is written. */
export function useImportCheck(orgId: string, importId: string, mapping: ColumnMapping, enabled: boolean) {
  return useQuery({
    queryKey: [...checkKey(orgId, importId), mapping],
    queryFn: () => api.post<CheckResult>(`${importsPath(orgId)}/${importId}/check`, { mapping }),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRecheck(orgId: string, importId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: checkKey(orgId, importId) });
}

export function useCommitImport(orgId: string, importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mapping, merges }: { mapping: ColumnMapping; merges: MergeDecision[] }) =>
      api.post<ImportResult>(`${importsPath(orgId)}/${importId}/commit`, { mapping, merges }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vendorsKey(orgId) }),
  });
}

/** The import's status, polled while its commit runs for the progress bar. */
export function useImportProgress(orgId: string, importId: string, running: boolean) {
  return useQuery({
    queryKey: ['vendor-imports', orgId, importId, 'status'],
    queryFn: () => api.get<ImportSummary>(`${importsPath(orgId)}/${importId}`),
    enabled: running,
    refetchInterval: running ? 500 : false,
    gcTime: 0,
  });
}
