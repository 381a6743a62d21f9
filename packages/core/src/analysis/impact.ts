// A function's impact on each materiality dimension after it has been down for a while, read
// from its impact curve (levels only grow with downtime).
import type { CompiledGraph, ImpactCurve } from '../graph/compile';

/** The step of the curve in force after `downHours` of downtime, or -1 before the first. */
function stepAfter(curve: ImpactCurve, downHours: number): number {
  let step = -1;
  // Curves have a handful of steps: a linear scan beats a binary search.
  while (step + 1 < curve.afterHours.length && (curve.afterHours[step + 1] ?? 0) <= downHours) step++;
  return step;
}

/** Levels per dimension (rubric order) after `downHours` of downtime; all 0 when not down. */
export function levelsAfterDowntime(graph: CompiledGraph, ordinal: number, downHours: number): Int32Array {
  const curve = graph.impactCurves[ordinal];
  const step = curve && downHours >= 0 ? stepAfter(curve, downHours) : -1;
  return curve?.levels[step] ?? new Int32Array(graph.rubric.dimensions.length);
}

/** The highest level any dimension reaches after `downHours` of downtime. */
export function peakLevelAfterDowntime(graph: CompiledGraph, ordinal: number, downHours: number): number {
  const curve = graph.impactCurves[ordinal];
  if (!curve || !(downHours >= 0)) return 0;
  return curve.peaks[stepAfter(curve, downHours)] ?? 0;
}

/** Levels as a record keyed by dimension id, for reports. */
export function levelsByDimension(graph: CompiledGraph, levels: Int32Array): Record<string, number> {
  return Object.fromEntries(graph.rubric.dimensions.map((d, i) => [d.id, levels[i] ?? 0]));
}

/** The rubric's name for a level ("major"), or the number itself. */
export function levelName(graph: CompiledGraph, level: number): string {
  return graph.rubric.levels.find((l) => l.value === level)?.label ?? `level ${level}`;
}

/** The rubric's name for a dimension. */
export function dimensionName(graph: CompiledGraph, index: number): string {
  const dimension = graph.rubric.dimensions[index];
  return dimension?.label ?? dimension?.id ?? `dimension ${index}`;
}
