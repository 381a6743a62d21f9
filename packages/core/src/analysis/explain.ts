// Reason chains: why a node is down, as the path on the map from it to the failure that caused
// it ("Claims submission <- Clearinghouse A <- Cloud host X, which failed"), in data and in words.
import { type CompiledGraph, kindOf, labelOf } from '../graph/compile';
import type { NodeKind } from '../model/document';
import { formatDuration } from '../model/duration';
import type { Propagator } from './propagate';

export interface ReasonStep {
  id: string;
  label: string;
  kind: NodeKind;
  /** 'failed': in the failed set; 'dependency': lost something it needs; 'alternatives': too few of a group left. */
  reason: 'failed' | 'dependency' | 'alternatives';
  /** For 'alternatives': the group and the members that are down. */
  group?: { id: string; k: number; n: number; membersDown: string[] };
  /** False while its own workaround still holds it up at the end of the horizon. */
  down: boolean;
  /** Hours its workaround held it up before it went down, when it had one. */
  workaroundHours?: number;
}

function membersDown(graph: CompiledGraph, propagator: Propagator, group: number): string[] {
  const owner = graph.groupOwner[group] ?? 0;
  const { offsets, nodes, groups } = graph.dependencies;
  const down: string[] = [];
  for (let e = offsets[owner] ?? 0, end = offsets[owner + 1] ?? 0; e < end; e++) {
    const member = nodes[e] ?? 0;
    if (groups[e] === group && propagator.isDown(member)) down.push(graph.ids[member] ?? '');
  }
  return down;
}

function stepOf(graph: CompiledGraph, propagator: Propagator, node: number): ReasonStep {
  const cause = propagator.causeOf(node);
  const group = propagator.causeGroupOf(node);
  const step: ReasonStep = {
    id: graph.ids[node] ?? '',
    label: labelOf(graph, node),
    kind: kindOf(graph, node),
    reason: cause < 0 ? 'failed' : group >= 0 ? 'alternatives' : 'dependency',
    down: propagator.isDown(node),
  };
  if (group >= 0) {
    const n = graph.groupSize[group] ?? 0;
    const k = n - (graph.groupThreshold[group] ?? 0) + 1;
    step.group = {
      id: graph.groupIds[group] ?? '',
      k,
      n,
      membersDown: membersDown(graph, propagator, group),
    };
  }
  const held = propagator.downAt(node) - propagator.hitAt(node);
  if (held > 0 && Number.isFinite(held)) step.workaroundHours = held;
  return step;
}

/**
 * The reason chain of a node hit in the propagator's last run: the node first, then what caused
 * it, down to a node of the failed set. Empty when the node was not hit.
 */
export function reasonChain(graph: CompiledGraph, propagator: Propagator, node: number): ReasonStep[] {
  const chain: ReasonStep[] = [];
  if (!Number.isFinite(propagator.hitAt(node))) return chain;
  for (let current = node; current >= 0 && chain.length <= graph.nodeCount; ) {
    chain.push(stepOf(graph, propagator, current));
    current = propagator.causeOf(current);
  }
  return chain;
}

const KIND_WORDS: Record<NodeKind, string> = {
  function: 'function',
  step: 'process step',
  system: 'system',
  service: 'service',
  vendor: 'vendor',
  host: 'host',
};

function condition(step: ReasonStep): string {
  if (!step.down) return 'runs on its manual workaround';
  if (step.workaroundHours === undefined) return 'is down';
  return `is down once its workaround ran out after ${formatDuration(step.workaroundHours)}`;
}

function clause(step: ReasonStep): string {
  if (step.reason === 'failed') return `${step.label} (${KIND_WORDS[step.kind]}) is unavailable`;
  if (step.group) {
    const { k, n, membersDown } = step.group;
    const lost = `${step.label} has lost ${membersDown.length} of its ${n} alternatives and needs ${k}`;
    return step.down && step.workaroundHours === undefined ? lost : `${lost}; it ${condition(step)}`;
  }
  return `${step.label} (${KIND_WORDS[step.kind]}) ${condition(step)}`;
}

/** The chain in words: "X is down because Y is down, because Z (vendor) is unavailable." */
export function describeReasonChain(chain: readonly ReasonStep[]): string {
  if (chain.length === 0) return '';
  return `${chain.map(clause).join(', because ')}.`;
}

/** The path on the map as labels: "Claims submission ← Submit claim ← Clearinghouse A". */
export function reasonPath(chain: readonly ReasonStep[]): string {
  return chain.map((step) => step.label).join(' ← ');
}
