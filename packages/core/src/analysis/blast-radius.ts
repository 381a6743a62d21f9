// Blast radius: the "one-to-many" view. For each vendor, service and host, the functions its
// failure alone takes down and the weighted impact of losing them.
import { type CompiledGraph, kindOf } from '../graph/compile';
import type { FailOneSweep } from './fail-one';
import { peakLevelAfterDowntime } from './impact';
import { type NodeRef, nodeRef } from './single-points-of-failure';

export interface BlastRadius {
  node: NodeRef;
  /** Ids of the functions its failure alone takes down within the horizon. */
  functionsDown: string[];
  /** Every node down with it, itself included. */
  nodesDown: number;
  /**
   * Sum over those functions of the highest impact level they reach by the end of the horizon
   * (documented in docs/analysis.md).
   */
  weightedImpact: number;
}

const BLAST_KINDS = new Set(['vendor', 'service', 'host']);

/** Weighted impact of the functions a candidate slot takes down, by the end of the horizon. */
export function weightedImpactOfSlot(
  graph: CompiledGraph,
  sweep: FailOneSweep,
  slot: number,
  horizon: number,
) {
  let total = 0;
  for (let e = sweep.offsets[slot] ?? 0, end = sweep.offsets[slot + 1] ?? 0; e < end; e++) {
    const downAt = sweep.functionDownAt[e] ?? 0;
    total += peakLevelAfterDowntime(graph, sweep.functions[e] ?? 0, horizon - downAt);
  }
  return total;
}

/** The blast radius of one node (empty when no function depends on it). */
export function blastRadiusOf(
  graph: CompiledGraph,
  sweep: FailOneSweep,
  node: number,
  horizon: number,
): BlastRadius {
  const slot = sweep.slotOf[node] ?? -1;
  const functionsDown: string[] = [];
  if (slot >= 0) {
    for (let e = sweep.offsets[slot] ?? 0, end = sweep.offsets[slot + 1] ?? 0; e < end; e++) {
      functionsDown.push(graph.ids[graph.functionNodes[sweep.functions[e] ?? 0] ?? 0] ?? '');
    }
  }
  return {
    node: nodeRef(graph, node),
    functionsDown,
    nodesDown: slot >= 0 ? (sweep.nodesDown[slot] ?? 1) : 1,
    weightedImpact: slot >= 0 ? weightedImpactOfSlot(graph, sweep, slot, horizon) : 0,
  };
}

/** Blast radius of every vendor, service and host, largest first (ties by id). */
export function blastRadii(graph: CompiledGraph, sweep: FailOneSweep, horizon: number): BlastRadius[] {
  const radii: BlastRadius[] = [];
  for (let node = 0; node < graph.nodeCount; node++) {
    if (BLAST_KINDS.has(kindOf(graph, node))) radii.push(blastRadiusOf(graph, sweep, node, horizon));
  }
  return radii.sort(
    (a, b) =>
      b.weightedImpact - a.weightedImpact ||
      b.functionsDown.length - a.functionsDown.length ||
      a.node.id.localeCompare(b.node.id),
  );
}
