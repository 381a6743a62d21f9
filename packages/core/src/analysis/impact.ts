// A function's impact on each materiality dimension after it has been down for a while, read
// from its impact curve (levels only grow with downtime).
import type { CompiledGraph } from '../graph/compile';

/** Levels per dimension (rubric order) after `downHours` of downtime; all 0 when not down. */
export function levelsAfterDowntime(graph: CompiledGraph, ordinal: number, downHours: number): Int32Array {
  const curve = graph.impactCurves[ordinal];
  const none = new Int32Array(graph.rubric.dimensions.length);
  if (!curve || !(downHours >= 0)) return none;
  let reached: Int32Array | undefined;
  curve.afterHours.forEach((after, step) => {
    if (after <= downHours) reached = curve.levels[step];
  });
  return reached ?? none;
}

/** The highest level any dimension reaches after `downHours` of downtime. */
export function peakLevelAfterDowntime(graph: CompiledGraph, ordinal: number, downHours: number): number {
  return Math.max(0, ...levelsAfterDowntime(graph, ordinal, downHours));
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
