// Finding inventory services to link to a map node: the vendor list searched by name, alias,
// domain or service name (GET /vendors?q=), then the services of the first few vendors found.
import { useQueries, useQuery } from '@tanstack/react-query';
import { api, queryString } from '../../../api/client';

/** The parts of the inventory API's answers this search reads (apps/server/src/vendors). */
interface VendorListItem {
  id: string;
  name: string;
  services: number;
}

export interface InventoryService {
  id: string;
  vendorId: string;
  name: string;
  category: string;
}

interface VendorDetail {
  id: string;
  name: string;
  aliases: string[];
  domain: string | null;
  services: InventoryService[];
}

export interface VendorMatch {
  vendorId: string;
  vendorName: string;
  /** The vendor's services that fit the search (all of them when the vendor itself matched). */
  services: InventoryService[];
  loading: boolean;
}

const VENDORS_SHOWN = 6;

function contains(text: string | null | undefined, query: string): boolean {
  return (text ?? '').toLowerCase().includes(query.toLowerCase());
}

/** Which of a vendor's services to offer for a search that found the vendor. */
export function servicesFor(vendor: VendorDetail, query: string): InventoryService[] {
  const vendorMatched =
    contains(vendor.name, query) ||
    contains(vendor.domain, query) ||
    vendor.aliases.some((a) => contains(a, query));
  return vendorMatched ? vendor.services : vendor.services.filter((s) => contains(s.name, query));
}

export function useInventorySearch(orgId: string, query: string) {
  const q = query.trim();
  const list = useQuery({
    queryKey: ['vendors', orgId, 'link-search', q],
    queryFn: () =>
      api.get<{ total: number; items: VendorListItem[] }>(
        `/api/orgs/${orgId}/vendors${queryString({ q, limit: VENDORS_SHOWN })}`,
      ),
    enabled: q.length > 0,
    placeholderData: (previous) => previous,
  });
  const found = q.length > 0 ? (list.data?.items ?? []) : [];
  const details = useQueries({
    queries: found.map((v) => ({
      queryKey: ['vendors', orgId, 'detail', v.id],
      queryFn: () => api.get<VendorDetail>(`/api/orgs/${orgId}/vendors/${v.id}`),
      staleTime: 30_000,
    })),
  });
  const matches: VendorMatch[] = found.map((v, i) => {
    const detail = details[i]?.data;
    return {
      vendorId: v.id,
      vendorName: v.name,
      services: detail ? servicesFor(detail, q) : [],
      loading: detail === undefined && v.services > 0,
    };
  });
  return {
    matches,
    total: q.length > 0 ? (list.data?.total ?? 0) : 0,
    searching: list.isFetching,
    error: list.error,
  };
}
