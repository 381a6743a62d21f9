// The manual workarounds a node relies on during a scenario: its own, and those of the nodes
// upstream that keep it running. A node relies on something upstream when, with no workarounds at
// all, the failure would have taken it down; so the search follows only the dependencies that
// are lost without workarounds (all-of, or a group of alternatives defeated without them).
import type { CompiledGraph } from '../graph/compile';
import type { Propagator } from './propagate';

/** A manual workaround a function relies on during the outage (its own or upstream). */
export interface WorkaroundInUse {
  /** The node the workaround keeps running. */
  node: string;
  /** The workaround's id in the model document. */
  workaround: string;
  label: string;
  /** Fraction of normal capacity it provides. */
  capacity: number;
  /** Additional staff it needs. */
  staff: number;
  /** When the node lost what it needs and switched to the workaround. */
  fromHours: number;
  /** When the workaround runs out (may be after the outage ends). */
  untilHours: number;
}

/** Groups of alternatives that the failure defeats once workarounds are left out. */
function defeatedGroups(withoutWorkarounds: Propagator): Set<number> {
  return new Set(withoutWorkarounds.failedGroups.subarray(0, withoutWorkarounds.failedGroupCount));
}

/**
 * The workarounds `node` relies on, ordered by when they start.
 *
 * `scenario` ran the failed set with workarounds counted; `withoutWorkarounds` ran the same failed
 * set with workarounds ignored, which marks every node whose running depends on some workaround
 * (or that is down). A workaround only counts if it starts before `node` itself goes down.
 */
export function workaroundsInUse(
  graph: CompiledGraph,
  scenario: Propagator,
  withoutWorkarounds: Propagator,
  node: number,
): WorkaroundInUse[] {
  if (!withoutWorkarounds.isDown(node)) return [];
  const defeated = defeatedGroups(withoutWorkarounds);
  const { offsets, nodes, groups } = graph.dependencies;
  const relevantUntil = scenario.downAt(node);
  const seen = new Set<number>([node]);
  const stack = [node];
  const found: WorkaroundInUse[] = [];
  while (stack.length > 0) {
    const current = stack.pop() ?? 0;
    const inUse = workaroundOf(graph, scenario, current);
    if (inUse && inUse.fromHours < relevantUntil) found.push(inUse);
    // A node of the failed set is down whatever happens upstream of it.
    if (withoutWorkarounds.causeOf(current) < 0) continue;
    for (let e = offsets[current] ?? 0, end = offsets[current + 1] ?? 0; e < end; e++) {
      const dependency = nodes[e] ?? 0;
      const group = groups[e] ?? -1;
      if (seen.has(dependency) || !withoutWorkarounds.isDown(dependency)) continue;
      if (group >= 0 && !defeated.has(group)) continue;
      seen.add(dependency);
      stack.push(dependency);
    }
  }
  return found.sort((a, b) => a.fromHours - b.fromHours || a.node.localeCompare(b.node));
}

/** The node's own workaround, if the scenario put it to use within the horizon. */
function workaroundOf(graph: CompiledGraph, scenario: Propagator, node: number): WorkaroundInUse | undefined {
  const index = graph.workaroundIndex[node] ?? -1;
  const workaround = graph.model.workarounds[index];
  const from = scenario.hitAt(node);
  // Held up means hit within the horizon, and down later than that (or not at all).
  if (!workaround || !Number.isFinite(from) || !(scenario.downAt(node) > from)) return undefined;
  return {
    node: graph.ids[node] ?? '',
    workaround: workaround.id,
    label: workaround.label ?? workaround.id,
    capacity: workaround.capacity,
    staff: workaround.staff,
    fromHours: from,
    untilHours: from + (graph.workaroundHours[node] ?? 0),
  };
}
