// The one sweep behind single points of failure and blast radius: fail each candidate node alone,
// propagate, record which functions went down (and which groups of alternatives were defeated,
// for the functions that depend on them).
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
  /** Functions taken down that depend on the group's owner through down nodes (ordinals). */
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
      for (const defeat of finder.find(candidate)) defeatedGroups.push(defeat);
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
 * The redundancy a single failure defeats, and the functions it matters to. A group counts when
 * it needs two or more members down to fail, the failure leaves it too few (its requirement fails
 * within the horizon), and its owner is down but is not the failed node itself (alternatives cover
 * losing dependencies, not a node's own loss). It is reported for every function taken down that
 * depends on the owner, directly or through other nodes, all down: not only along the function's
 * reason chain, which keeps one cause per node and would miss a group when the failure also takes
 * the function down another way. For each such owner, a search from it along "is depended on by",
 * restricted to the nodes this run took down, finds those functions; owners of several defeated
 * groups are searched once. A run's searches visit each down node once per defeated owner it
 * depends on, so they cost what the run took down times the nesting of defeated redundancy (one or
 * two in practice), and nothing in the many runs that defeat no group.
 */
class DefeatedGroupFinder {
  /** Per search: the node was reached (equal to the search's number). */
  private readonly reached: Int32Array;
  private readonly queue: Int32Array;
  /** Per run: the owner's search was made (equal to the run's number), and where its functions start. */
  private readonly ownerRun: Int32Array;
  private readonly ownerStart: Int32Array;
  private readonly ownerEnd: Int32Array;
  /** Per run: the defeated groups that count. */
  private readonly groups: Int32Array;
  private readonly reachedFunctions = new GrowableBuffer(new Int32Array(256), (size) => new Int32Array(size));
  private search = 0;
  private run = 0;

  constructor(
    private readonly graph: CompiledGraph,
    private readonly propagator: Propagator,
  ) {
    this.groups = new Int32Array(graph.groupOwner.length);
    this.reached = new Int32Array(graph.nodeCount);
    this.queue = new Int32Array(graph.nodeCount);
    this.ownerRun = new Int32Array(graph.nodeCount);
    this.ownerStart = new Int32Array(graph.nodeCount);
    this.ownerEnd = new Int32Array(graph.nodeCount);
  }

  /**
   * Groups needing two or more members down that this single failure defeats, in group order, each
   * tied to the functions taken down (other than the candidate) that depend on its owner through down nodes.
   */
  find(candidate: number): DefeatedGroup[] {
    const { graph, propagator } = this;
    this.run++;
    this.reachedFunctions.length = 0;
    let count = 0;
    for (let i = 0; i < propagator.failedGroupCount; i++) {
      const group = propagator.failedGroups[i] ?? 0;
      const owner = graph.groupOwner[group] ?? -1;
      if ((graph.groupThreshold[group] ?? 0) < 2 || owner < 0 || owner === candidate) continue;
      if (propagator.isDown(owner)) this.groups[count++] = group;
    }
    const found: DefeatedGroup[] = [];
    if (count === 0) return found;
    for (const group of this.groups.subarray(0, count).sort()) {
      const owner = graph.groupOwner[group] ?? 0;
      if (this.ownerRun[owner] !== this.run) this.searchFrom(owner, candidate);
      const from = this.ownerStart[owner] ?? 0;
      const to = this.ownerEnd[owner] ?? 0;
      if (from === to) continue;
      found.push({
        group,
        shared: candidate,
        members: downMembers(graph, propagator, group),
        functions: Array.from(this.reachedFunctions.data.subarray(from, to)),
      });
    }
    return found;
  }

  /** Records the functions (ordinals) that depend on `owner` through nodes down in this run. */
  private searchFrom(owner: number, candidate: number): void {
    const { graph, propagator, reached, queue } = this;
    const { offsets, nodes } = graph.dependents;
    const search = ++this.search;
    this.ownerRun[owner] = this.run;
    this.ownerStart[owner] = this.reachedFunctions.length;
    reached[owner] = search;
    queue[0] = owner;
    let tail = 1;
    for (let head = 0; head < tail; head++) {
      const node = queue[head] ?? 0;
      const ordinal = graph.functionOrdinal[node] ?? -1;
      if (ordinal >= 0 && node !== candidate) this.reachedFunctions.push(ordinal);
      for (let e = offsets[node] ?? 0, end = offsets[node + 1] ?? 0; e < end; e++) {
        const dependent = nodes[e] ?? 0;
        if (reached[dependent] === search || !propagator.isDown(dependent)) continue;
        reached[dependent] = search;
        queue[tail++] = dependent;
      }
    }
    this.ownerEnd[owner] = this.reachedFunctions.length;
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
