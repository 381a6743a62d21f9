// The facts a vendor's priority rests on, beyond counts: the worst impact its failure causes and
// its place in a concentrated sector.
import type { CompiledGraph } from '../graph/compile';
import { labelOf } from '../graph/compile';
import { type Concentration, SECTOR_CONCENTRATION_THRESHOLD } from './concentration';
import { dimensionName, levelName, levelsAfterDowntime } from './impact';

export interface WorstImpact {
  ordinal: number;
  function: string;
  functionLabel: string;
  dimension: string;
  dimensionLabel: string;
  level: number;
  levelName: string;
  /** Hours after the failure when that function goes down. */
  downAtHours: number;
}

export interface SectorExposure {
  category: string;
  /** The vendor's share of the sector in that category, 0 to 1. */
  share: number;
  top2Share: number;
  concentrated: boolean;
  isTopTwo: boolean;
  /** The sector factor of the score: 1 for a top-two vendor of a concentrated category, else its share. */
  factor: number;
}

/** The highest level any dimension reaches, among the functions taken down, by the horizon. */
export function worstImpact(
  graph: CompiledGraph,
  ordinals: readonly number[],
  downAt: readonly number[],
  horizon: number,
): WorstImpact | undefined {
  let worst: WorstImpact | undefined;
  ordinals.forEach((ordinal, i) => {
    const at = downAt[i] ?? 0;
    const levels = levelsAfterDowntime(graph, ordinal, horizon - at);
    levels.forEach((level, d) => {
      if (worst && level <= worst.level) return;
      const node = graph.functionNodes[ordinal] ?? 0;
      worst = {
        ordinal,
        function: graph.ids[node] ?? '',
        functionLabel: labelOf(graph, node),
        dimension: graph.rubric.dimensions[d]?.id ?? '',
        dimensionLabel: dimensionName(graph, d),
        level,
        levelName: levelName(graph, level),
        downAtHours: at,
      };
    });
  });
  if (!worst && ordinals.length > 0) {
    const node = graph.functionNodes[ordinals[0] ?? 0] ?? 0;
    const first = {
      ordinal: ordinals[0] ?? 0,
      function: graph.ids[node] ?? '',
      functionLabel: labelOf(graph, node),
    };
    return {
      ...first,
      dimension: '',
      dimensionLabel: '',
      level: 0,
      levelName: levelName(graph, 0),
      downAtHours: downAt[0] ?? 0,
    };
  }
  return worst;
}

const sameVendor = (name: string, id: string, label: string) => {
  const key = name.trim().toLowerCase();
  return key === id.toLowerCase() || (label !== '' && key === label.trim().toLowerCase());
};

/** The vendor's most exposed category in the sector data, if the data name it. */
export function vendorSectorExposure(
  graph: CompiledGraph,
  concentration: Concentration,
  vendor: number,
): SectorExposure | undefined {
  const id = graph.ids[vendor] ?? '';
  const label = graph.labels[vendor] ?? '';
  let best: SectorExposure | undefined;
  for (const category of concentration.categories) {
    const sector = category.sector;
    if (!sector) continue;
    const position = sector.vendors.findIndex((v) => sameVendor(v.vendor, id, label));
    const entry = sector.vendors[position];
    if (!entry) continue;
    const concentrated = sector.top2Share > SECTOR_CONCENTRATION_THRESHOLD;
    const isTopTwo = position < 2;
    const factor = concentrated && isTopTwo ? 1 : entry.share;
    if (!best || factor > best.factor) {
      best = {
        category: category.category,
        share: entry.share,
        top2Share: sector.top2Share,
        concentrated,
        isTopTwo,
        factor,
      };
    }
  }
  return best;
}
