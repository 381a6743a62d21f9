// The vendor inventory API through TanStack Query: pages of the list, one vendor with its services
// and dependencies, the changes to them, SBOMs, and the map nodes each service supports. Every key
// starts with ['vendors', orgId] so one invalidation refreshes what a change can affect.
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString, uploadFile } from '../../api/client';
import type { VendorMapLink } from '../maps/types';
import type {
  Dependency,
  DependencyInput,
  ListSort,
  SbomImportResult,
  SbomPage,
  SbomSummary,
  Service,
  ServiceInput,
  Vendor,
  VendorDetail,
  VendorInput,
  VendorListPage,
} from './types';

export const vendorsKey = (orgId: string) => ['vendors', orgId] as const;
const vendorKey = (orgId: string, vendorId: string) => ['vendors', orgId, 'vendor', vendorId] as const;
const sbomsKey = (orgId: string, vendorId: string) => [...vendorKey(orgId, vendorId), 'sboms'] as const;
/** The maps feature invalidates ['map-links', orgId] when links change. */
const mapLinksKey = (orgId: string, vendorId: string) => ['map-links', orgId, { vendorId }] as const;

const base = (orgId: string) => `/api/orgs/${orgId}`;

export interface ListFilters {
  q: string;
  category: string | null;
  sort: ListSort;
  dir: 'asc' | 'desc';
}

export const PAGE_SIZE = 100;

function listPath(orgId: string, filters: ListFilters, page: number, limit = PAGE_SIZE) {
  return `${base(orgId)}/vendors${queryString({
    q: filters.q.trim(),
    category: filters.category,
    sort: filters.sort,
    dir: filters.dir,
    offset: page * limit,
    limit,
  })}`;
}

/**
 * The pages of the list that cover the rows on screen, fetched as they scroll into view (and kept
 * in the cache), so any row of 50,000 is one request away. Page 0 always loads: it carries the total.
 */
export function useVendorPages(orgId: string, filters: ListFilters, firstRow: number, lastRow: number) {
  const first = Math.floor(Math.max(0, firstRow) / PAGE_SIZE);
  const last = Math.max(first, Math.floor(Math.max(0, lastRow) / PAGE_SIZE));
  const pages = [...new Set([0, ...Array.from({ length: last - first + 1 }, (_, i) => first + i)])];
  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: [...vendorsKey(orgId), 'list', filters, page],
      queryFn: () => api.get<VendorListPage>(listPath(orgId, filters, page)),
      placeholderData: page === 0 ? keepPreviousData : undefined,
      staleTime: 30_000,
    })),
  });
  const loaded = new Map<number, VendorListPage>();
  pages.forEach((page, i) => {
    const data = results[i]?.data;
    if (data) loaded.set(page, data);
  });
  const head = results[0];
  return {
    total: head?.data?.total ?? null,
    /** The row at an index, or undefined while its page loads. */
    rowAt: (index: number) => loaded.get(Math.floor(index / PAGE_SIZE))?.items[index % PAGE_SIZE],
    isPending: head?.isPending ?? true,
    /** Showing the previous filters' first page while the new one loads. */
    isStale: head?.isPlaceholderData ?? false,
    error: results.find((r) => r.error)?.error ?? null,
  };
}

/** Vendors whose name, other names or domain match, for pickers. */
export function useVendorSearch(orgId: string, q: string) {
  return useQuery({
    queryKey: [...vendorsKey(orgId), 'search', q],
    queryFn: () =>
      api.get<VendorListPage>(listPath(orgId, { q, category: null, sort: 'name', dir: 'asc' }, 0, 20)),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useVendor(orgId: string, vendorId: string) {
  return useQuery({
    queryKey: vendorKey(orgId, vendorId),
    queryFn: () => api.get<VendorDetail>(`${base(orgId)}/vendors/${vendorId}`),
  });
}

function useInventoryMutation<TVariables, TResult>(
  orgId: string,
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: vendorsKey(orgId) }),
  });
}

export function useCreateVendor(orgId: string) {
  return useInventoryMutation(orgId, (input: VendorInput) =>
    api.post<Vendor>(`${base(orgId)}/vendors`, input),
  );
}

export function useUpdateVendor(orgId: string, vendorId: string) {
  return useInventoryMutation(orgId, (input: VendorInput & { version: number }) =>
    api.patch<Vendor>(`${base(orgId)}/vendors/${vendorId}`, input),
  );
}

export function useDeleteVendor(orgId: string) {
  return useInventoryMutation(orgId, (vendorId: string) => api.delete(`${base(orgId)}/vendors/${vendorId}`));
}

export function useSaveService(orgId: string, vendorId: string) {
  return useInventoryMutation(
    orgId,
    ({ id, input, version }: { id: string | null; input: ServiceInput; version?: number }) =>
      id === null
        ? api.post<Service>(`${base(orgId)}/vendors/${vendorId}/services`, input)
        : api.patch<Service>(`${base(orgId)}/services/${id}`, { ...input, version }),
  );
}

export function useDeleteService(orgId: string) {
  return useInventoryMutation(orgId, (serviceId: string) =>
    api.delete(`${base(orgId)}/services/${serviceId}`),
  );
}

export function useAddDependency(orgId: string, vendorId: string) {
  return useInventoryMutation(orgId, (input: DependencyInput) =>
    api.post<Dependency>(`${base(orgId)}/vendors/${vendorId}/dependencies`, input),
  );
}

export function useRemoveDependency(orgId: string) {
  return useInventoryMutation(orgId, (dependencyId: string) =>
    api.delete(`${base(orgId)}/dependencies/${dependencyId}`),
  );
}

// SBOMs.

const sbomPath = (orgId: string, vendorId: string, serviceId: string) =>
  `${base(orgId)}/vendors/${vendorId}/services/${serviceId}/sbom`;

export function useSboms(orgId: string, vendorId: string) {
  return useQuery({
    queryKey: sbomsKey(orgId, vendorId),
    queryFn: () => api.get<{ items: SbomSummary[] }>(`${base(orgId)}/vendors/${vendorId}/sboms`),
    select: (data) => data.items,
  });
}

export function useSbomComponents(
  orgId: string,
  vendorId: string,
  serviceId: string,
  q: string,
  page: number,
  pageSize: number,
) {
  return useQuery({
    queryKey: [...sbomsKey(orgId, vendorId), serviceId, q, page],
    queryFn: () =>
      api.get<SbomPage>(
        `${sbomPath(orgId, vendorId, serviceId)}${queryString({ q: q.trim(), offset: page * pageSize, limit: pageSize })}`,
      ),
    placeholderData: keepPreviousData,
  });
}

export function useUploadSbom(orgId: string, vendorId: string) {
  return useInventoryMutation(
    orgId,
    ({ serviceId, file, onProgress }: { serviceId: string; file: File; onProgress?: (f: number) => void }) =>
      uploadFile<SbomImportResult>(sbomPath(orgId, vendorId, serviceId), file, file.name, onProgress),
  );
}

export function useDeleteSbom(orgId: string, vendorId: string) {
  return useInventoryMutation(orgId, (serviceId: string) => api.delete(sbomPath(orgId, vendorId, serviceId)));
}

// The map nodes and steps the vendor's services support.

export function useVendorMapLinks(orgId: string, vendorId: string) {
  return useQuery({
    queryKey: mapLinksKey(orgId, vendorId),
    queryFn: () =>
      api.get<{ items: VendorMapLink[] }>(`${base(orgId)}/map-links${queryString({ vendorId })}`),
    select: (data) => data.items,
    retry: false,
  });
}

function useLinkMutation<TVariables, TResult>(
  orgId: string,
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: (_data, _error, variables) => {
      void queryClient.invalidateQueries({ queryKey: ['map-links', orgId] });
      const mapId = (variables as { mapId?: string }).mapId;
      if (mapId) void queryClient.invalidateQueries({ queryKey: ['maps', orgId, mapId, 'links'] });
    },
  });
}

export function useLinkServiceToNode(orgId: string) {
  return useLinkMutation(
    orgId,
    ({ mapId, nodeId, serviceId }: { mapId: string; nodeId: string; serviceId: string }) =>
      api.post<unknown>(`${base(orgId)}/maps/${mapId}/links`, { nodeId, serviceId }),
  );
}

export function useUnlink(orgId: string) {
  return useLinkMutation(orgId, ({ mapId, linkId }: { mapId: string; linkId: string }) =>
    api.delete(`${base(orgId)}/maps/${mapId}/links/${linkId}`),
  );
}
