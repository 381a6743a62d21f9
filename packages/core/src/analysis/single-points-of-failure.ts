// Single points of failure of every function: each node whose failure alone takes the function
// down, exactly as failing it and propagating would; and false redundancy, where "alternatives"
// share a host or supplier whose failure defeats them all: reported for every function that node
// takes down and that depends on the group's owner, whatever took the function down first.
import { type CompiledGraph, kindOf, labelOf } from '../graph/compile';
import type { NodeKind } from '../model/document';
import type { FailOneSweep } from './fail-one';

export interface NodeRef {
  id: string;
  label: string;
  kind: NodeKind;
}

export interface FalseRedundancy {
  /** The group of alternatives that is not really redundant. */
  group: string;
  /** The node that relies on the group. */
  owner: NodeRef;
  /** The shared node whose failure alone defeats the group. */
  shared: NodeRef;
  /** The alternatives that go down with it. */
  defeated: NodeRef[];
  explanation: string;
}

export interface FunctionSinglePoints {
  function: NodeRef;
  /** Ids of the nodes whose failure alone takes the function down, in graph order. */
  singlePoints: string[];
  falseRedundancies: FalseRedundancy[];
}

export function nodeRef(graph: CompiledGraph, node: number): NodeRef {
  return { id: graph.ids[node] ?? '', label: labelOf(graph, node), kind: kindOf(graph, node) };
}

/** Transposes the sweep: for each function (ordinal), the candidate nodes that take it down. */
export function singlePointNodes(graph: CompiledGraph, sweep: FailOneSweep): Int32Array[] {
  const counts = new Int32Array(graph.functionNodes.length);
  for (const ordinal of sweep.functions) counts[ordinal] = (counts[ordinal] ?? 0) + 1;
  const lists = [...counts].map((count) => new Int32Array(count));
  const fill = new Int32Array(graph.functionNodes.length);
  for (let slot = 0; slot < sweep.candidates.length; slot++) {
    const node = sweep.candidates[slot] ?? 0;
    for (let e = sweep.offsets[slot] ?? 0, end = sweep.offsets[slot + 1] ?? 0; e < end; e++) {
      const ordinal = sweep.functions[e] ?? 0;
      const at = fill[ordinal] ?? 0;
      fill[ordinal] = at + 1;
      const list = lists[ordinal];
      if (list) list[at] = node;
    }
  }
  return lists;
}

function dependVerb(count: number): string {
  return count === 1 ? 'depends' : count === 2 ? 'both depend' : 'all depend';
}

function listOf(labels: string[]): string {
  return labels.length <= 2 ? labels.join(' and ') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
}

function falseRedundancyOf(
  graph: CompiledGraph,
  group: number,
  shared: number,
  members: number[],
): FalseRedundancy {
  const owner = nodeRef(graph, graph.groupOwner[group] ?? 0);
  const sharedRef = nodeRef(graph, shared);
  const defeated = members.map((m) => nodeRef(graph, m));
  const n = graph.groupSize[group] ?? 0;
  // The failed node may be one of the alternatives itself, which the others depend on.
  const others = defeated.filter((d) => d.id !== sharedRef.id);
  const itself = others.length < defeated.length ? ', itself one of the alternatives' : '';
  const explanation =
    `The redundancy of ${owner.label} is false: ${listOf(others.map((d) => d.label))} ` +
    `${dependVerb(others.length)} on ${sharedRef.label} (${sharedRef.kind})${itself}; ` +
    `if it fails, ${defeated.length} of ${n} alternatives fail together.`;
  return { group: graph.groupIds[group] ?? '', owner, shared: sharedRef, defeated, explanation };
}

/** Single points of failure and false redundancy for every function, from one fail-one sweep. */
export function singlePointsOfFailure(graph: CompiledGraph, sweep: FailOneSweep): FunctionSinglePoints[] {
  const lists = singlePointNodes(graph, sweep);
  const falseByFunction = new Map<number, FalseRedundancy[]>();
  for (const defeat of sweep.defeatedGroups) {
    const report = falseRedundancyOf(graph, defeat.group, defeat.shared, defeat.members);
    for (const ordinal of defeat.functions) {
      const list = falseByFunction.get(ordinal) ?? [];
      list.push(report);
      falseByFunction.set(ordinal, list);
    }
  }
  return [...graph.functionNodes].map((node, ordinal) => ({
    function: nodeRef(graph, node),
    singlePoints: [...(lists[ordinal] ?? [])].map((n) => graph.ids[n] ?? ''),
    falseRedundancies: falseByFunction.get(ordinal) ?? [],
  }));
}
