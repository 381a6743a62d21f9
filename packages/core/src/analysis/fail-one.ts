// The one sweep behind single points of failure and blast radius: fail each candidate node alone,
// propagate, record which functions went down (and which groups of alternatives were defeated).
// Candidates are the nodes some function depends on, directly or not; nothing else can matter.
import type { CompiledGraph } from '../graph/compile';
import { createPropagator, type PropagationOptions, type Propagator } from './propagate';

/** A group of alternatives that one node's failure defeats on its own. */
export interface DefeatedGroup {
  group: number;
  /** The node whose failure alone takes out enough members: the shared host or supplier. */
  shared: number;
  /** The members that go down with it. */
  members: number[];
  /** Functions taken down through this group (ordinals). */
  functions: number[];
}

export interface FailOneSweep {
  /** Node index of each candidate. */
  candidates: Int32Array;
  /** Candidate slot of each node, or -1 when no function depends on it. */
  slotOf: Int32Array;
  /** CSR by slot: the functions (ordinals) each candidate's failure alone takes down. */
  offsets: Int32Array;
  functions: Int32Array;
  /** Hours until each of those functions is down. */
  functionDownAt: Float64Array;
  /** Nodes down (candidate included) per slot. */
  nodesDown: Int32Array;
  defeatedGroups: DefeatedGroup[];
}

/** Nodes that some function depends on, directly or through others, functions included. */
export function nodesFunctionsDependOn(graph: CompiledGraph): Int32Array {
  const seen = new Uint8Array(graph.nodeCount);
  const queue = new Int32Array(graph.nodeCount);
  let tail = 0;
  for (const fn of graph.functionNodes) {
    if (!seen[fn]) {
      seen[fn] = 1;
      queue[tail++] = fn;
    }
  }
  const { offsets, nodes } = graph.dependencies;
  for (let head = 0; head < tail; head++) {
    const node = queue[head] ?? 0;
    for (let e = offsets[node] ?? 0, end = offsets[node + 1] ?? 0; e < end; e++) {
      const dep = nodes[e] ?? 0;
      if (!seen[dep]) {
        seen[dep] = 1;
        queue[tail++] = dep;
      }
    }
  }
  return queue.slice(0, tail).sort();
}

class GrowableBuffer<T extends Int32Array | Float64Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

/** Fails every candidate alone and records the functions each takes down. */
export function sweepFailOne(graph: CompiledGraph, options: PropagationOptions): FailOneSweep {
  const candidates = nodesFunctionsDependOn(graph);
  const slotOf = new Int32Array(graph.nodeCount).fill(-1);
  candidates.forEach((node, slot) => {
    slotOf[node] = slot;
  });
  const propagator = createPropagator(graph, options);
  const offsets = new Int32Array(candidates.length + 1);
  const nodesDown = new Int32Array(candidates.length);
  const functions = new GrowableBuffer(new Int32Array(1024), (size) => new Int32Array(size));
  const downAt = new GrowableBuffer(new Float64Array(1024), (size) => new Float64Array(size));
  const defeatedGroups: DefeatedGroup[] = [];
  const single = new Int32Array(1);
  for (let slot = 0; slot < candidates.length; slot++) {
    const candidate = candidates[slot] ?? 0;
    single[0] = candidate;
    const count = propagator.run(single);
    nodesDown[slot] = count;
    const firstFunction = functions.length;
    for (let i = 0; i < count; i++) {
      const node = propagator.downOrder[i] ?? 0;
      const ordinal = graph.functionOrdinal[node] ?? -1;
      if (ordinal < 0 || node === candidate) continue;
      functions.push(ordinal);
      downAt.push(propagator.downAt(node));
    }
    offsets[slot + 1] = functions.length;
    if (propagator.failedGroupCount > 0) {
      const taken = functions.view().subarray(firstFunction);
      defeatedGroups.push(...groupsDefeatedByOne(graph, propagator, candidate, taken));
    }
  }
  return {
    candidates,
    slotOf,
    offsets,
    functions: functions.view(),
    functionDownAt: downAt.view(),
    nodesDown,
    defeatedGroups,
  };
}

/**
 * Redundancy that one failure defeats: groups that need two or more members down, yet went down
 * from this single failure. Each is tied to the functions whose reason chain passes through it.
 */
function groupsDefeatedByOne(
  graph: CompiledGraph,
  propagator: Propagator,
  candidate: number,
  takenDown: Int32Array,
): DefeatedGroup[] {
  const found = new Map<number, DefeatedGroup>();
  for (let i = 0; i < propagator.failedGroupCount; i++) {
    const group = propagator.failedGroups[i] ?? 0;
    if ((graph.groupThreshold[group] ?? 0) < 2) continue;
    found.set(group, {
      group,
      shared: candidate,
      members: downMembers(graph, propagator, group),
      functions: [],
    });
  }
  if (found.size === 0) return [];
  for (const ordinal of takenDown) {
    let node = graph.functionNodes[ordinal] ?? -1;
    // Follow the reason chain down to the failed node; note each defeated group on the way.
    for (let steps = 0; node >= 0 && steps <= graph.nodeCount; steps++) {
      const entry = found.get(propagator.causeGroupOf(node));
      if (entry && entry.functions.at(-1) !== ordinal) entry.functions.push(ordinal);
      node = propagator.causeOf(node);
    }
  }
  return [...found.values()];
}

function downMembers(graph: CompiledGraph, propagator: Propagator, group: number): number[] {
  const owner = graph.groupOwner[group] ?? 0;
  const { offsets, nodes, groups } = graph.dependencies;
  const members: number[] = [];
  for (let e = offsets[owner] ?? 0, end = offsets[owner + 1] ?? 0; e < end; e++) {
    const member = nodes[e] ?? 0;
    if (groups[e] === group && propagator.isDown(member)) members.push(member);
  }
  return members;
}
