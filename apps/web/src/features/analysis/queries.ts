// The analysis API through TanStack Query. Every key starts with ['analysis', orgId]; the full
// analysis is keyed by its weights too, so moving a weight slider previews a ranking while the
// saved one stays cached.
import type { ScoreWeights } from '@smart/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import { weightsParam } from './format';
import type {
  ExportFormat,
  OrgAnalysis,
  SavedScenario,
  SavedScenarioInput,
  SavedWeights,
  ScenarioInput,
  ScenarioResult,
  Snapshot,
  SnapshotSummary,
} from './types';

const analysisKey = (orgId: string) => ['analysis', orgId] as const;
const scenariosKey = (orgId: string) => [...analysisKey(orgId), 'scenarios'] as const;
const snapshotsKey = (orgId: string) => [...analysisKey(orgId), 'snapshots'] as const;

export const analysisPath = (orgId: string) => `/api/orgs/${orgId}/analysis`;

/** The organization's analysis; with `weights`, a preview of the ranking under those weights. */
export function useAnalysis(orgId: string, weights?: ScoreWeights | null) {
  const param = weights ? weightsParam(weights) : undefined;
  return useQuery({
    queryKey: [...analysisKey(orgId), 'full', param ?? 'saved'],
    queryFn: () => api.get<OrgAnalysis>(`${analysisPath(orgId)}${queryString({ weights: param })}`),
    // A slider moved: keep showing the last ranking until the new one arrives (no flashing).
    placeholderData: keepPreviousData,
    // Maps change on other pages: each analysis view asks again when it opens, showing the
    // cached answer meanwhile.
    staleTime: 0,
  });
}

export function useRunScenario(orgId: string) {
  return useMutation({
    mutationFn: (input: ScenarioInput) => api.post<ScenarioResult>(`${analysisPath(orgId)}/scenario`, input),
  });
}

export function useSavedScenarios(orgId: string) {
  return useQuery({
    queryKey: scenariosKey(orgId),
    queryFn: () => api.get<{ scenarios: SavedScenario[] }>(`${analysisPath(orgId)}/scenarios`),
    select: (data) => data.scenarios,
  });
}

export function useSaveScenario(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SavedScenarioInput & { id?: string; version?: number }) => {
      const { id, ...body } = input;
      return id
        ? api.put<SavedScenario>(`${analysisPath(orgId)}/scenarios/${id}`, body)
        : api.post<SavedScenario>(`${analysisPath(orgId)}/scenarios`, body);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: scenariosKey(orgId) }),
  });
}

export function useDeleteScenario(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`${analysisPath(orgId)}/scenarios/${id}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: scenariosKey(orgId) }),
  });
}

export function useSavedWeights(orgId: string) {
  return useQuery({
    queryKey: [...analysisKey(orgId), 'weights'],
    queryFn: () => api.get<SavedWeights>(`${analysisPath(orgId)}/weights`),
  });
}

export function useSaveWeights(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { weights: ScoreWeights; version: number }) =>
      api.put<SavedWeights>(`${analysisPath(orgId)}/weights`, input),
    // The saved ranking, the weights and every preview change with them.
    onSettled: () => queryClient.invalidateQueries({ queryKey: analysisKey(orgId) }),
  });
}

export function useSnapshots(orgId: string) {
  return useQuery({
    queryKey: snapshotsKey(orgId),
    queryFn: () => api.get<{ snapshots: SnapshotSummary[] }>(`${analysisPath(orgId)}/snapshots`),
    select: (data) => data.snapshots,
  });
}

export function useSnapshot(orgId: string, id: string | null) {
  return useQuery({
    queryKey: [...snapshotsKey(orgId), id],
    queryFn: () => api.get<Snapshot>(`${analysisPath(orgId)}/snapshots/${id}`),
    enabled: id !== null,
    // Snapshots never change.
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useTakeSnapshot(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { name?: string; note?: string }) =>
      api.post<Snapshot>(`${analysisPath(orgId)}/snapshots`, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: snapshotsKey(orgId) }),
  });
}

/** Where the prioritized list downloads from, as of now or as of a snapshot. */
export function exportUrl(orgId: string, format: ExportFormat, snapshot?: string | null): string {
  return `${analysisPath(orgId)}/priorities/export${queryString({ format, snapshot })}`;
}
