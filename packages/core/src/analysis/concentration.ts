// Concentration: vendors behind many functions, and per service category how concentrated the
// organization's own choice of vendors is, beside the sector's (top-1/top-2 share, HHI).
import type { CompiledGraph } from '../graph/compile';
import type { FailOneSweep } from './fail-one';
import { type FunctionReach, reachCount } from './reach';
import { type NodeRef, nodeRef } from './single-points-of-failure';

/** A sector is concentrated when its top one or two vendors hold more than this share. */
export const SECTOR_CONCENTRATION_THRESHOLD = 0.9;

export interface VendorConcentration {
  vendor: NodeRef;
  /** Functions that depend on the vendor in any way. */
  functionsDependent: number;
  /** Functions its failure alone takes down. */
  functionsTakenDown: number;
  services: number;
  categories: string[];
}

export interface ShareSummary {
  top1Share: number;
  top2Share: number;
  /** Herfindahl–Hirschman index on the 0–10,000 scale (shares in percent, squared, summed). */
  hhi: number;
}

export interface CategoryConcentration {
  category: string;
  /** The organization's services in the category, by vendor (share of services). */
  organization: ShareSummary & { vendors: Array<{ vendor: NodeRef; services: number; share: number }> };
  sector?: ShareSummary & { source?: string; vendors: Array<{ vendor: string; share: number }> };
  /** True when the sector's top one or two vendors hold more than 90%. */
  sectorConcentrated: boolean;
}

export interface Concentration {
  vendors: VendorConcentration[];
  categories: CategoryConcentration[];
}

/** Top-1 and top-2 shares and HHI of a list of shares (0 to 1). */
export function shareSummary(shares: readonly number[]): ShareSummary {
  const sorted = [...shares].sort((a, b) => b - a);
  const top1Share = sorted[0] ?? 0;
  const hhi = sorted.reduce((sum, share) => sum + (share * 100) ** 2, 0);
  return { top1Share, top2Share: top1Share + (sorted[1] ?? 0), hhi: Math.round(hhi * 100) / 100 };
}

function categoriesByVendor(graph: CompiledGraph): Map<number, Map<string, number>> {
  const byVendor = new Map<number, Map<string, number>>();
  for (const service of graph.model.services) {
    const vendor = graph.indexOf.get(service.vendor);
    if (vendor === undefined) continue;
    const categories = byVendor.get(vendor) ?? new Map<string, number>();
    categories.set(service.category, (categories.get(service.category) ?? 0) + 1);
    byVendor.set(vendor, categories);
  }
  return byVendor;
}

function vendorConcentration(graph: CompiledGraph, sweep: FailOneSweep, reach: FunctionReach) {
  const categories = categoriesByVendor(graph);
  const vendors: VendorConcentration[] = [];
  for (const vendor of graph.model.vendors) {
    const node = graph.indexOf.get(vendor.id) ?? 0;
    const slot = sweep.slotOf[node] ?? -1;
    const own = categories.get(node) ?? new Map<string, number>();
    vendors.push({
      vendor: nodeRef(graph, node),
      functionsDependent: reachCount(reach, node),
      functionsTakenDown: slot >= 0 ? (sweep.offsets[slot + 1] ?? 0) - (sweep.offsets[slot] ?? 0) : 0,
      services: [...own.values()].reduce((a, b) => a + b, 0),
      categories: [...own.keys()].sort(),
    });
  }
  return vendors.sort(
    (a, b) =>
      b.functionsDependent - a.functionsDependent ||
      b.functionsTakenDown - a.functionsTakenDown ||
      a.vendor.id.localeCompare(b.vendor.id),
  );
}

function categoryConcentration(graph: CompiledGraph): CategoryConcentration[] {
  const perCategory = new Map<string, Map<number, number>>();
  for (const service of graph.model.services) {
    const vendor = graph.indexOf.get(service.vendor) ?? 0;
    const counts = perCategory.get(service.category) ?? new Map<number, number>();
    counts.set(vendor, (counts.get(vendor) ?? 0) + 1);
    perCategory.set(service.category, counts);
  }
  const sectorByCategory = new Map(graph.model.sector.map((s) => [s.category, s]));
  const names = new Set([...perCategory.keys(), ...sectorByCategory.keys()]);
  return [...names].sort().map((category) => {
    const counts = perCategory.get(category) ?? new Map<number, number>();
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const vendors = [...counts]
      .map(([vendor, services]) => ({ vendor: nodeRef(graph, vendor), services, share: services / total }))
      .sort((a, b) => b.share - a.share || a.vendor.id.localeCompare(b.vendor.id));
    const entry: CategoryConcentration = {
      category,
      organization: { ...shareSummary(vendors.map((v) => v.share)), vendors },
      sectorConcentrated: false,
    };
    const sector = sectorByCategory.get(category);
    if (sector) {
      const summary = shareSummary(sector.shares.map((s) => s.share));
      const sectorVendors = [...sector.shares].sort((a, b) => b.share - a.share);
      entry.sector = {
        ...summary,
        vendors: sectorVendors,
        ...(sector.source ? { source: sector.source } : {}),
      };
      entry.sectorConcentrated = summary.top2Share > SECTOR_CONCENTRATION_THRESHOLD;
    }
    return entry;
  });
}

/** Vendors behind many functions, and concentration per service category. */
export function concentration(
  graph: CompiledGraph,
  sweep: FailOneSweep,
  reach: FunctionReach,
): Concentration {
  return { vendors: vendorConcentration(graph, sweep, reach), categories: categoryConcentration(graph) };
}
