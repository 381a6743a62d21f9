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

/**
 * Looks at a candidate's run while the propagator still holds it (reason chains included), for
 * callers that need more than the sweep keeps. `takenDown` lists the function ordinals.
 */
export type SweepInspector = (candidate: number, propagator: Propagator, takenDown: Int32Array) => void;

/** Fails every candidate alone and records the functions each takes down. */
export function sweepFailOne(
  graph: CompiledGraph,
  options: PropagationOptions,
  inspect?: SweepInspector,
): FailOneSweep {
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
  const finder = new DefeatedGroupFinder(graph, propagator);
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
    if (functions.length === firstFunction) continue;
    const taken = functions.view().subarray(firstFunction);
    if (propagator.failedGroupCount > 0) {
      for (const defeat of finder.find(candidate, taken)) defeatedGroups.push(defeat);
    }
    inspect?.(candidate, propagator, taken);
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
 * Walks reason chains to the redundancy a single failure defeats. Chains from the down nodes to
 * the failed candidate form a tree (each node has one cause), so for every node it remembers the
 * nearest step up its chain that went down through a defeated group: each run costs no more
 * than the nodes it took down, however many functions share a chain.
 */
class DefeatedGroupFinder {
  private readonly stamp: Int32Array;
  private readonly nearest: Int32Array;
  private readonly pending: number[] = [];
  private epoch = 0;

  constructor(
    private readonly graph: CompiledGraph,
    private readonly propagator: Propagator,
  ) {
    this.stamp = new Int32Array(graph.nodeCount);
    this.nearest = new Int32Array(graph.nodeCount);
  }

  /**
   * Groups needing two or more members down that went down from this single failure, each tied
   * to the functions whose reason chain passes through it.
   */
  find(candidate: number, takenDown: Int32Array): DefeatedGroup[] {
    this.epoch++;
    const found = new Map<number, DefeatedGroup>();
    for (const ordinal of takenDown) {
      const start = this.graph.functionNodes[ordinal] ?? -1;
      for (
        let node = this.nearestDefeat(start);
        node >= 0;
        node = this.nearestDefeat(this.propagator.causeOf(node))
      ) {
        const group = this.propagator.causeGroupOf(node);
        let entry = found.get(group);
        if (!entry) {
          entry = {
            group,
            shared: candidate,
            members: downMembers(this.graph, this.propagator, group),
            functions: [],
          };
          found.set(group, entry);
        }
        entry.functions.push(ordinal);
      }
    }
    return [...found.values()];
  }

  private defeats(node: number): boolean {
    const group = this.propagator.causeGroupOf(node);
    return group >= 0 && (this.graph.groupThreshold[group] ?? 0) >= 2;
  }

  /** The node itself or the first node down its reason chain that a defeated group took down, or -1. */
  private nearestDefeat(from: number): number {
    // Climb until a node whose answer is known, a node a defeated group took down, or the end.
    let node = from;
    while (node >= 0 && this.stamp[node] !== this.epoch && !this.defeats(node)) {
      this.pending.push(node);
      node = this.propagator.causeOf(node);
    }
    let answer = -1;
    if (node >= 0 && this.stamp[node] === this.epoch) answer = this.nearest[node] ?? -1;
    else if (node >= 0) {
      answer = node;
      this.remember(node, node);
    }
    for (let next = this.pending.pop(); next !== undefined; next = this.pending.pop())
      this.remember(next, answer);
    return answer;
  }

  private remember(node: number, nearest: number): void {
    this.stamp[node] = this.epoch;
    this.nearest[node] = nearest;
  }
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
