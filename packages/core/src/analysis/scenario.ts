// A scenario: some vendors, services or hosts become unavailable without warning for a while.
// Which nodes go down, which run on workarounds and until when, and each function's impact on
// every materiality dimension as the outage goes on.
import { type CompiledGraph, kindOf, labelOf } from '../graph/compile';
import type { NodeKind } from '../model/document';
import { AnalysisError, unknownNodeIds } from './errors';
import { describeReasonChain, type ReasonStep, reasonChain } from './explain';
import { levelsAfterDowntime, levelsByDimension } from './impact';
import { createPropagator, type Propagator, type WorkaroundMode } from './propagate';
import { type WorkaroundInUse, workaroundsInUse } from './workarounds-in-use';

export interface ScenarioOptions {
  /** Ids of the nodes that fail at hour 0. */
  failed: readonly string[];
  /** How long the outage lasts, in hours. */
  durationHours: number;
  /** Counted by default: a scenario is about what actually happens, workarounds included. */
  workarounds?: WorkaroundMode;
}

export type NodeCondition = 'up' | 'degraded' | 'down';

export interface NodeOutcome {
  id: string;
  label: string;
  kind: NodeKind;
  /** Condition at the end of the outage window. */
  state: NodeCondition;
  /** When it lost what it needs (hours after the failure). */
  hitAtHours: number;
  /** When it went down, if it did within the outage. */
  downAtHours?: number;
  /** When its workaround runs out, if it is degraded at the end of the window. */
  degradedUntilHours?: number;
  /** The dependency (or failed group member) that caused it; absent for the failed set. */
  because?: string;
}

export interface TimelinePoint {
  atHours: number;
  state: NodeCondition;
  levels: Record<string, number>;
  event: 'start' | 'workaround' | 'down' | 'impact' | 'tolerance exceeded';
}

export interface FunctionOutcome {
  id: string;
  label: string;
  /** At the end of the outage: down, degraded (running on a workaround, its own or upstream) or up. */
  state: NodeCondition;
  downAtHours?: number;
  degradedFromHours?: number;
  toleranceHours: number;
  /** When the downtime passes the maximum tolerable downtime, if within the outage. */
  toleranceExceededAtHours?: number;
  /** Levels per dimension reached by the end of the outage. */
  levels: Record<string, number>;
  timeline: TimelinePoint[];
  workarounds: WorkaroundInUse[];
  reason: ReasonStep[];
  explanation: string;
}

export interface Scenario {
  failed: string[];
  durationHours: number;
  workarounds: WorkaroundMode;
  /** Every node the failure reached (up nodes are left out). */
  nodes: NodeOutcome[];
  functions: FunctionOutcome[];
  summary: { functionsDown: number; functionsDegraded: number; nodesDown: number; nodesDegraded: number };
}

function nodeOutcome(graph: CompiledGraph, p: Propagator, node: number, duration: number): NodeOutcome {
  const down = p.downAt(node);
  const outcome: NodeOutcome = {
    id: graph.ids[node] ?? '',
    label: labelOf(graph, node),
    kind: kindOf(graph, node),
    state: down <= duration ? 'down' : 'degraded',
    hitAtHours: p.hitAt(node),
  };
  if (down <= duration) outcome.downAtHours = down;
  // Held up by its own workaround past the horizon: it lasts until the workaround runs out.
  else outcome.degradedUntilHours = outcome.hitAtHours + Math.max(0, graph.workaroundHours[node] ?? 0);
  const cause = p.causeOf(node);
  if (cause >= 0) outcome.because = graph.ids[cause] ?? '';
  return outcome;
}

function timelineOf(graph: CompiledGraph, ordinal: number, hit: number, down: number, duration: number) {
  const levelsAt = (at: number) => levelsByDimension(graph, levelsAfterDowntime(graph, ordinal, at - down));
  const points: TimelinePoint[] = [{ atHours: 0, state: 'up', levels: levelsAt(0), event: 'start' }];
  if (hit < down && hit <= duration)
    points.push({ atHours: hit, state: 'degraded', levels: levelsAt(hit), event: 'workaround' });
  if (down > duration) return points;
  points.push({ atHours: down, state: 'down', levels: levelsAt(down), event: 'down' });
  const curve = graph.impactCurves[ordinal];
  const moments = [...(curve?.afterHours ?? [])].filter((after) => after > 0 && down + after <= duration);
  for (const after of new Set(moments)) {
    points.push({ atHours: down + after, state: 'down', levels: levelsAt(down + after), event: 'impact' });
  }
  const exceeded = down + (graph.toleranceHours[ordinal] ?? 0);
  if (exceeded <= duration) {
    points.push({
      atHours: exceeded,
      state: 'down',
      levels: levelsAt(exceeded),
      event: 'tolerance exceeded',
    });
  }
  return points.sort((a, b) => a.atHours - b.atHours);
}

/** The scenario's propagation, and the same failure with every workaround left out. */
interface ScenarioRun {
  p: Propagator;
  withoutWorkarounds: Propagator;
}

function functionOutcome(
  graph: CompiledGraph,
  { p, withoutWorkarounds }: ScenarioRun,
  ordinal: number,
  duration: number,
): FunctionOutcome {
  const node = graph.functionNodes[ordinal] ?? 0;
  const workarounds = workaroundsInUse(graph, p, withoutWorkarounds, node);
  const down = p.downAt(node);
  // Running on a workaround anywhere upstream counts as degraded, not only its own.
  const hit = Math.min(p.hitAt(node), ...workarounds.map((w) => w.fromHours));
  const state: NodeCondition = down <= duration ? 'down' : hit <= duration ? 'degraded' : 'up';
  const tolerance = graph.toleranceHours[ordinal] ?? 0;
  const reason = reasonChain(graph, p, node);
  const outcome: FunctionOutcome = {
    id: graph.ids[node] ?? '',
    label: labelOf(graph, node),
    state,
    toleranceHours: tolerance,
    levels: levelsByDimension(graph, levelsAfterDowntime(graph, ordinal, duration - down)),
    timeline: timelineOf(graph, ordinal, hit, down, duration),
    workarounds,
    reason,
    explanation: describeReasonChain(reason),
  };
  if (state === 'down') outcome.downAtHours = down;
  if (hit < down && hit <= duration) outcome.degradedFromHours = hit;
  if (state === 'down' && down + tolerance <= duration) outcome.toleranceExceededAtHours = down + tolerance;
  return outcome;
}

/** What happens when `failed` becomes unavailable for `durationHours`. */
export function runScenario(graph: CompiledGraph, options: ScenarioOptions): Scenario {
  const unknown = unknownNodeIds(graph.indexOf, options.failed);
  if (unknown.length) throw new AnalysisError('unknown-node', `unknown node id "${unknown.join('", "')}"`);
  if (!(options.durationHours >= 0))
    throw new AnalysisError('invalid-option', 'the duration must be 0 or more');
  const workarounds = options.workarounds ?? 'count';
  const duration = options.durationHours;
  const failedNodes = options.failed.map((id) => graph.indexOf.get(id) ?? 0);
  const propagator = createPropagator(graph, { workarounds, horizonHours: duration });
  propagator.run(failedNodes);
  const withoutWorkarounds = createPropagator(graph, { workarounds: 'ignore', horizonHours: duration });
  withoutWorkarounds.run(failedNodes);
  const run: ScenarioRun = { p: propagator, withoutWorkarounds };
  const hit = propagator.hitOrder.subarray(0, propagator.hitCount);
  const nodes = [...hit].map((node) => nodeOutcome(graph, propagator, node, duration));
  const functions = [...graph.functionNodes.keys()].map((o) => functionOutcome(graph, run, o, duration));
  return {
    failed: [...new Set(options.failed)],
    durationHours: duration,
    workarounds,
    nodes,
    functions,
    summary: {
      functionsDown: functions.filter((f) => f.state === 'down').length,
      functionsDegraded: functions.filter((f) => f.state === 'degraded').length,
      nodesDown: nodes.filter((n) => n.state === 'down').length,
      nodesDegraded: nodes.filter((n) => n.state === 'degraded').length,
    },
  };
}

/** The reason chain of any node of a scenario, rebuilt from its `because` links. */
export function scenarioReasonPath(scenario: Scenario, id: string): NodeOutcome[] {
  const byId = new Map(scenario.nodes.map((n) => [n.id, n]));
  const path: NodeOutcome[] = [];
  for (
    let node = byId.get(id);
    node && path.length <= byId.size;
    node = node.because ? byId.get(node.because) : undefined
  ) {
    path.push(node);
  }
  return path;
}
