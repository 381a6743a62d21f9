// The maps API through TanStack Query: the organization's maps, creating and deleting them, the
// selection and ranking of templates, and one map's comments, versions, differences, review and
// links to the vendor inventory. Every key starts with ['maps', orgId] so a change to a map can
// refresh everything about it in one call.
import type { Tlp } from '@smart/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../api/client';
import type {
  MapComment,
  MapDetail,
  MapDiff,
  MapLayout,
  MapLink,
  MapSelection,
  MapSummary,
  MapVersion,
  MapVersionSummary,
  ReviewStatus,
} from './types';

export const mapsKey = (orgId: string) => ['maps', orgId] as const;
export const mapKey = (orgId: string, mapId: string) => ['maps', orgId, mapId] as const;
const selectionKey = (orgId: string) => ['map-selection', orgId] as const;
const commentsKey = (orgId: string, mapId: string) => [...mapKey(orgId, mapId), 'comments'] as const;
const versionsKey = (orgId: string, mapId: string) => [...mapKey(orgId, mapId), 'versions'] as const;
const linksKey = (orgId: string, mapId: string) => [...mapKey(orgId, mapId), 'links'] as const;

const base = (orgId: string) => `/api/orgs/${orgId}`;
const mapPath = (orgId: string, mapId: string) => `${base(orgId)}/maps/${mapId}`;

// The list and one map.

export function useMaps(orgId: string) {
  return useQuery({
    queryKey: mapsKey(orgId),
    queryFn: () => api.get<{ items: MapSummary[] }>(`${base(orgId)}/maps`),
    select: (data) => data.items,
  });
}

export function useMap(orgId: string, mapId: string) {
  return useQuery({
    queryKey: mapKey(orgId, mapId),
    queryFn: () => api.get<MapDetail>(mapPath(orgId, mapId)),
  });
}

/** Puts a map the server returned into the cache (and marks the list stale). */
function useStoreMap(orgId: string) {
  const queryClient = useQueryClient();
  return (map: MapDetail) => {
    queryClient.setQueryData(mapKey(orgId, map.id), map);
    void queryClient.invalidateQueries({ queryKey: mapsKey(orgId), exact: true });
  };
}

export interface CreateMapInput {
  name: string;
  templateId?: string;
  /** An imported SMART model document, checked by the server. */
  model?: unknown;
  layout?: MapLayout;
  subTeamId?: string | null;
  tlp?: Tlp;
}

export function useCreateMap(orgId: string) {
  const store = useStoreMap(orgId);
  return useMutation({
    mutationFn: (input: CreateMapInput) => api.post<MapDetail>(`${base(orgId)}/maps`, input),
    onSuccess: store,
  });
}

export function useDeleteMap(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mapId: string) => api.delete(mapPath(orgId, mapId)),
    onSuccess: (_data, mapId) => {
      queryClient.removeQueries({ queryKey: mapKey(orgId, mapId) });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: mapsKey(orgId), exact: true }),
  });
}

// The selection and ranking of templates (P1.4).

export function useMapSelection(orgId: string) {
  return useQuery({
    queryKey: selectionKey(orgId),
    queryFn: () => api.get<MapSelection>(`${base(orgId)}/map-selection`),
  });
}

export interface SelectionInput {
  version: number;
  /** In rank order: the first is the most important. */
  items: { templateId: string; importance: number; impact: number; reason: string }[];
}

export function useSaveMapSelection(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SelectionInput) => api.put<MapSelection>(`${base(orgId)}/map-selection`, input),
    onSuccess: (saved) => {
      queryClient.setQueryData(selectionKey(orgId), saved);
      // The maps list is ordered by the selection's ranks.
      void queryClient.invalidateQueries({ queryKey: mapsKey(orgId), exact: true });
    },
  });
}

// Comments.

export function useMapComments(orgId: string, mapId: string) {
  return useQuery({
    queryKey: commentsKey(orgId, mapId),
    queryFn: () => api.get<{ items: MapComment[] }>(`${mapPath(orgId, mapId)}/comments`),
    select: (data) => data.items,
    // Subject-matter experts comment while others edit: their comments show up without a reload.
    refetchInterval: 30_000,
  });
}

function useCommentMutation<TVariables, TResult>(
  orgId: string,
  mapId: string,
  mutationFn: (v: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: commentsKey(orgId, mapId) });
      // The list shows each map's open comments.
      void queryClient.invalidateQueries({ queryKey: mapsKey(orgId), exact: true });
    },
  });
}

export function useAddComment(orgId: string, mapId: string) {
  return useCommentMutation(orgId, mapId, (input: { nodeId: string | null; body: string }) =>
    api.post<MapComment>(`${mapPath(orgId, mapId)}/comments`, input),
  );
}

export function useSetCommentResolved(orgId: string, mapId: string) {
  return useCommentMutation(orgId, mapId, ({ id, resolved }: { id: string; resolved: boolean }) =>
    api.post<MapComment>(`${mapPath(orgId, mapId)}/comments/${id}/${resolved ? 'resolve' : 'reopen'}`),
  );
}

export function useDeleteComment(orgId: string, mapId: string) {
  return useCommentMutation(orgId, mapId, (id: string) =>
    api.delete(`${mapPath(orgId, mapId)}/comments/${id}`),
  );
}

// History: versions, one version, the difference between two, restore.

/** Keyed by the map's current version too, so the list follows every save. */
export function useMapVersions(orgId: string, mapId: string, currentVersion: number) {
  return useQuery({
    queryKey: [...versionsKey(orgId, mapId), 'list', currentVersion],
    queryFn: () => api.get<{ items: MapVersionSummary[] }>(`${mapPath(orgId, mapId)}/versions`),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

export function useMapVersion(orgId: string, mapId: string, version: number | null) {
  return useQuery({
    queryKey: [...versionsKey(orgId, mapId), 'one', version],
    queryFn: () => api.get<MapVersion>(`${mapPath(orgId, mapId)}/versions/${version}`),
    enabled: version !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A difference between two saved versions never changes (the current one moves on to a new number). */
export function useMapDiff(orgId: string, mapId: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: [...versionsKey(orgId, mapId), 'diff', from, to],
    queryFn: () => api.get<MapDiff>(`${mapPath(orgId, mapId)}/diff${queryString({ from, to })}`),
    enabled: from !== null && to !== null && from !== to,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useRestoreVersion(orgId: string, mapId: string) {
  const store = useStoreMap(orgId);
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version, currentVersion }: { version: number; currentVersion: number }) =>
      api.post<MapDetail>(`${mapPath(orgId, mapId)}/versions/${version}/restore`, {
        version: currentVersion,
      }),
    onSuccess: (map) => {
      store(map);
      // A restore can drop nodes, and their links go with them.
      void queryClient.invalidateQueries({ queryKey: linksKey(orgId, mapId) });
    },
  });
}

// Review.

export function useReviewMap(orgId: string, mapId: string) {
  const store = useStoreMap(orgId);
  return useMutation({
    mutationFn: (input: { status: ReviewStatus; note?: string; version: number }) =>
      api.post<MapDetail>(`${mapPath(orgId, mapId)}/review`, input),
    onSuccess: store,
  });
}

// Links between map nodes and inventory services.

export function useMapLinks(orgId: string, mapId: string) {
  return useQuery({
    queryKey: linksKey(orgId, mapId),
    queryFn: () => api.get<{ items: MapLink[] }>(`${mapPath(orgId, mapId)}/links`),
    select: (data) => data.items,
  });
}

function useLinkMutation<TVariables, TResult>(
  orgId: string,
  mapId: string,
  mutationFn: (v: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: linksKey(orgId, mapId) });
      // The vendor pages show the map steps their services support.
      void queryClient.invalidateQueries({ queryKey: ['map-links', orgId] });
    },
  });
}

export function useAddLink(orgId: string, mapId: string) {
  return useLinkMutation(orgId, mapId, (input: { nodeId: string; serviceId: string }) =>
    api.post<MapLink>(`${mapPath(orgId, mapId)}/links`, input),
  );
}

export function useRemoveLink(orgId: string, mapId: string) {
  return useLinkMutation(orgId, mapId, (linkId: string) =>
    api.delete(`${mapPath(orgId, mapId)}/links/${linkId}`),
  );
}
