// Audit log hooks: filtered pages of entries (cursor pagination) and the hash-chain check.
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { api, queryString } from '../../../api/client';
import type { AuditPage, AuditVerification } from '../../../api/types';

export interface AuditFilters {
  action: string;
  actorId: string | null;
  entityType: string;
  /** yyyy-mm-dd, inclusive, in the user's time zone. */
  from: string;
  to: string;
}

export const EMPTY_AUDIT_FILTERS: AuditFilters = {
  action: '',
  actorId: null,
  entityType: '',
  from: '',
  to: '',
};

const PAGE_SIZE = 50;

/** Local calendar days to the instants the API filters on: from the day's start to the end of `to`. */
export function dateRangeToInstants(from: string, to: string): { from?: string; to?: string } {
  const range: { from?: string; to?: string } = {};
  if (from) range.from = new Date(`${from}T00:00:00`).toISOString();
  if (to) range.to = new Date(`${to}T23:59:59.999`).toISOString();
  return range;
}

export function useAuditLog(orgId: string, filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: ['audit', orgId, filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const range = dateRangeToInstants(filters.from, filters.to);
      const query = queryString({
        action: filters.action.trim(),
        actorId: filters.actorId,
        entityType: filters.entityType.trim(),
        from: range.from,
        to: range.to,
        cursor: pageParam,
        limit: PAGE_SIZE,
      });
      return api.get<AuditPage>(`/api/orgs/${orgId}/audit${query}`);
    },
    getNextPageParam: (lastPage) => lastPage.nextCursor,
  });
}

/** Verifying walks the whole chain, so it runs when asked, not on page load. */
export function useVerifyAuditChain(orgId: string) {
  return useMutation({
    mutationFn: () => api.get<AuditVerification>(`/api/orgs/${orgId}/audit/verify`),
  });
}
